// Keras-only attention layers: MultiHeadAttention, Attention, AdditiveAttention (keras/src/layers/attention/*.py):
// output shapes, weights (names and shapes as Keras 3 builds them) and Keras's checks. TF.js 4.22 exports none.

import { formatShapePython, type Dim, type Shape } from '../graph/shape';
import { invalid, num, pyStr } from './config';
import { isUnknown, LayerError, type ConfigValue, type LayerDef, type WeightDef } from './types';

/** `output_shape` as Keras stores it: an int becomes a 1-tuple; null (or an unknown value) means "query's last dim". */
function mhaOutputShape(v: ConfigValue | undefined): Dim[] | null | 'unknown' {
  if (v === null || v === undefined || v === 0) return null;
  if (isUnknown(v)) return 'unknown';
  if (typeof v === 'number') return [v];
  if (Array.isArray(v)) return v.length === 0 ? null : v.map((d) => (typeof d === 'number' ? d : null));
  return 'unknown';
}

/**
 * MultiHeadAttention, called as `mha(query, value)` or `mha(query, value, key)`; the evaluator hands the tensors
 * over as a list in that order. Weights (Keras 3 `build`): query/key/value EinsumDense kernels of shape
 * (input last dim, num_heads, key_dim|value_dim) with biases (num_heads, key_dim|value_dim), and the output
 * EinsumDense `attention_output` with kernel (num_heads, value_dim, *output_shape) and bias (*output_shape), where
 * output_shape defaults to (query last dim,). `return_attention_scores` is a call argument, not modelled.
 */
const MultiHeadAttention: LayerDef = {
  className: 'MultiHeadAttention',
  notes: 'Keras only. Call arguments (return_attention_scores, masks, use_causal_mask) not modelled; attention_axes not checked against the rank; inputs arrive as [query, value, key?].',
  multiInput: true,
  args: [
    { py: 'num_heads' },
    { py: 'key_dim' },
    { py: 'value_dim', default: null },
    { py: 'dropout', default: 0.0 },
    { py: 'use_bias', default: true },
    { py: 'output_shape', default: null },
    { py: 'attention_axes', default: null },
    // Keras 3.6+; older Keras 3 releases reject the keyword.
    { py: 'flash_attention', default: null },
    { py: 'kernel_initializer', default: 'glorot_uniform' },
    { py: 'bias_initializer', default: 'zeros' },
    { py: 'kernel_regularizer', default: null },
    { py: 'bias_regularizer', default: null },
    { py: 'activity_regularizer', default: null },
    { py: 'kernel_constraint', default: null },
    { py: 'bias_constraint', default: null },
    { py: 'seed', default: null },
  ],
  validateConfig(config) {
    const out = config.output_shape;
    if (out !== null && out !== undefined && !isUnknown(out) && typeof out !== 'number' && !Array.isArray(out)) {
      throw invalid(`Invalid \`output_shape\`: ${pyStr(out)}. When specified, the \`output_shape\` should be of type tuple, list, or int.`);
    }
    const axes = config.attention_axes;
    if (axes !== null && axes !== undefined && !isUnknown(axes) && typeof axes !== 'number' && !Array.isArray(axes) && axes !== false) {
      throw invalid(`\`attention_axes\` must be an int, list, or tuple.Received: attention_axes=${pyStr(axes)}`);
    }
  },
  build(config, inputs) {
    const [query, value, key] = shapesOf(inputs);
    const heads = num(config, 'num_heads');
    const keyDim = num(config, 'key_dim');
    // `value_dim if value_dim else key_dim`: None and 0 both fall back.
    const valueDim = config.value_dim === null || config.value_dim === 0 ? keyDim : num(config, 'value_dim');
    const bias = config.use_bias !== false;
    const last = (s: Shape | undefined): Dim => (s && s.length > 0 ? s[s.length - 1] : null);
    const stated = mhaOutputShape(config.output_shape);
    const outShape: Dim[] | null = stated === 'unknown' ? null : (stated ?? [last(query)]);
    const weights: WeightDef[] = [];
    const projection = (name: string, inputDim: Dim, dim: Dim) => {
      weights.push({ name: `${name}/kernel`, shape: [inputDim, heads, dim], trainable: true });
      if (bias) weights.push({ name: `${name}/bias`, shape: [heads, dim], trainable: true });
    };
    projection('query', last(query), keyDim);
    projection('key', last(key ?? value), keyDim);
    projection('value', last(value), valueDim);
    // An output_shape we cannot read makes the output weights of unknown size (null), not an error.
    weights.push({ name: 'attention_output/kernel', shape: [heads, valueDim, ...(outShape ?? [null])], trainable: true });
    if (bias) weights.push({ name: 'attention_output/bias', shape: outShape ?? [null], trainable: true });
    return { weights };
  },
  computeOutputShape(config, inputs) {
    const [query, value, key] = shapesOf(inputs);
    if (value && key) {
      const v = value.slice(1, -1);
      const k = key.slice(1, -1);
      const conflict = v.length !== k.length || v.some((d, i) => typeof d === 'number' && typeof k[i] === 'number' && d !== k[i]);
      if (conflict) {
        throw new LayerError(
          'invalid-input',
          `All dimensions of \`value\` and \`key\`, except the last one, must be equal. Received: value_shape=${formatShapePython(value)} and key_shape=${formatShapePython(key)}`,
        );
      }
    }
    const stated = mhaOutputShape(config.output_shape);
    if (stated === 'unknown') return [...query.slice(0, -1), null];
    return stated ? [...query.slice(0, -1), ...stated] : query;
  },
};

/** [query, value, key?]. A missing value (an evaluator that could not follow the second tensor) stays unknown. */
function shapesOf(inputs: Shape[]): [Shape, Shape | undefined, Shape | undefined] {
  return [inputs[0] ?? [], inputs[1], inputs[2]];
}

/** Keras's `_validate_inputs` for Attention/AdditiveAttention: a list of 2 or 3 tensors. */
function validateAttentionInputs(className: string, inputs: Shape[]): void {
  if (inputs.length === 1) return; // one tensor we know of: the others may only be unknown to us
  if (inputs.length < 2 || inputs.length > 3) {
    throw new LayerError(
      'invalid-input',
      `${className} layer accepts inputs list of length 2 or 3, namely [query, value] or [query, value, key]. Received length: ${inputs.length}.`,
    );
  }
}

/** Attention output: (*query[:-1], value[-1]) — Keras's `compute_output_shape`. */
function attentionOutput(inputs: Shape[]): Shape {
  const [query, value] = inputs;
  return [...query.slice(0, -1), value ? value[value.length - 1] : null];
}

const Attention: LayerDef = {
  className: 'Attention',
  notes: 'Keras only. return_attention_scores and masks not modelled.',
  multiInput: true,
  args: [
    { py: 'use_scale', default: false },
    { py: 'score_mode', default: 'dot' },
    { py: 'dropout', default: 0.0 },
    { py: 'seed', default: null },
  ],
  validateConfig(config) {
    const mode = config.score_mode;
    if (typeof mode === 'string' && mode !== 'dot' && mode !== 'concat') {
      throw invalid(`Invalid value for argument score_mode. Expected one of {'dot', 'concat'}. Received: score_mode=${mode}`);
    }
  },
  build(config, inputs) {
    validateAttentionInputs('Attention', inputs);
    // Two scalars: `scale` when use_scale, `concat_score_weight` for score_mode="concat".
    const weights: WeightDef[] = [];
    if (config.use_scale === true) weights.push({ name: 'scale', shape: [], trainable: true });
    if (config.score_mode === 'concat') weights.push({ name: 'concat_score_weight', shape: [], trainable: true });
    return { weights };
  },
  computeOutputShape(_config, inputs) {
    validateAttentionInputs('Attention', inputs);
    return attentionOutput(inputs);
  },
};

const AdditiveAttention: LayerDef = {
  className: 'AdditiveAttention',
  notes: 'Keras only. return_attention_scores and masks not modelled.',
  multiInput: true,
  args: [
    // Unlike Attention, AdditiveAttention learns its scale by default: one weight per feature of the query.
    { py: 'use_scale', default: true },
    { py: 'dropout', default: 0.0 },
  ],
  build(config, inputs) {
    validateAttentionInputs('AdditiveAttention', inputs);
    const query = inputs[0];
    const weights: WeightDef[] = [];
    if (config.use_scale !== false) weights.push({ name: 'scale', shape: [query[query.length - 1] ?? null], trainable: true });
    return { weights };
  },
  computeOutputShape(_config, inputs) {
    validateAttentionInputs('AdditiveAttention', inputs);
    return attentionOutput(inputs);
  },
};

export const attentionLayers: LayerDef[] = [MultiHeadAttention, Attention, AdditiveAttention];

