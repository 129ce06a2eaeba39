// What one call of a layer costs in the forward pass, per sample: multiply-accumulates (MACs) and FLOPs, from the
// layer's config, its call's input/output shapes and its weights' shapes. Pure arithmetic on dimensions; it does
// not analyze, sum over models (src/graph/cost.ts does) or estimate memory.
//
// The convention (docs/cost.md): a matmul or convolution costs one MAC per multiply-add and FLOPs = 2 × MACs;
// elementwise work (bias adds, activations, normalization, merges, pooling comparisons) adds one FLOP per element
// and operation, no MACs. Layers that only move data (reshape, padding, concatenation, Embedding's lookup) and
// layers that do nothing at inference (Dropout, noise) cost 0. Unknown sizes give null, symbolic sizes an
// expression; never a guess.

import { dimAdd, dimMul, dimProduct, normalizeAxis, type Dim, type Shape } from '../graph/shape';
import { callLayer } from './apply';
// A cycle (the registry lists the families this file reads): lookups happen at call time only.
import { layerByKerasName, layerByTfjsFactory } from './registry';
import { isNestedLayer, isUnknown, type ConfigValue, type LayerConfig, type LayerDef, type NestedLayer } from './types';

/** One call as the cost rules see it. Shapes include the batch axis (first); null where a tensor's shape is unknown. */
export interface CostInput {
  config: LayerConfig;
  inputs: (Shape | null)[];
  outputs: (Shape | null)[];
  weights: { name: string; shape: Shape }[];
}

/** Per sample. A number, a symbolic expression (`seq_len*64`), or null when unknown. */
export interface CallCost {
  macs: Dim;
  flops: Dim;
}

export type CostRule = (c: CostInput) => CallCost;

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

/** Elements of one sample of a tensor (all axes but the batch axis); null when the shape is unknown. */
export function sampleElements(shape: Shape | null | undefined): Dim {
  if (!shape || shape.length === 0) return null;
  return dimProduct(shape.slice(1));
}

/** MACs plus elementwise FLOPs → the pair. */
export function cost(macs: Dim, elementwise: Dim = 0): CallCost {
  return { macs, flops: dimAdd(dimMul(2, macs), elementwise) };
}

const ZERO: CallCost = { macs: 0, flops: 0 };
const UNKNOWN_COST: CallCost = { macs: null, flops: null };

function outElems(c: CostInput): Dim {
  let sum: Dim = 0;
  for (const s of c.outputs) sum = dimAdd(sum, sampleElements(s));
  return c.outputs.length === 0 ? null : sum;
}

function firstOut(c: CostInput): Dim {
  return sampleElements(c.outputs[0]);
}

function weight(c: CostInput, suffix: string): Shape | undefined {
  return c.weights.find((w) => w.name === suffix || w.name.endsWith(`/${suffix}`))?.shape;
}

/** One FLOP per output element for a non-linear activation (`activation=` on Dense, Conv…). */
function activationOps(config: LayerConfig, elements: Dim): Dim {
  const a = config.activation;
  if (a === null || a === undefined || a === 'linear') return 0;
  if (isUnknown(a)) return null;
  return elements;
}

function biasOps(config: LayerConfig, elements: Dim): Dim {
  return config.use_bias === false ? 0 : elements;
}

/** A product of the dims of a weight shape, or null when the weight is missing. */
function prod(shape: Shape | undefined, from = 0, to?: number): Dim {
  return shape ? dimProduct(shape.slice(from, to)) : null;
}

/** Output spatial positions per sample of a conv-like layer: all axes but batch and channels. */
function spatial(shape: Shape | null | undefined, config: LayerConfig): Dim {
  if (!shape || shape.length < 2) return null;
  return config.data_format === 'channels_first' ? dimProduct(shape.slice(2)) : dimProduct(shape.slice(1, -1));
}

// ---------------------------------------------------------------------------------------------------------------
// Families
// ---------------------------------------------------------------------------------------------------------------

/** Dense and every convolution: each output element is a dot product of (kernel size without its last axis). */
const matmulLike: CostRule = (c) => {
  const out = firstOut(c);
  const perOutput = prod(weight(c, 'kernel'), 0, -1);
  return cost(dimMul(out, perOutput), dimAdd(biasOps(c.config, out), activationOps(c.config, out)));
};

/** Transposed convolution: every input element is scattered through `kernel spatial × filters` weights (the
 *  kernel is `[...k, filters, in_channels]`). */
const transposeConv: CostRule = (c) => {
  const out = firstOut(c);
  const perInput = prod(weight(c, 'kernel'), 0, -1);
  return cost(dimMul(sampleElements(c.inputs[0]), perInput), dimAdd(biasOps(c.config, out), activationOps(c.config, out)));
};

/** Depthwise: each output element is a dot product over the kernel's spatial window (`[...k, in, multiplier]`). */
const depthwiseConv: CostRule = (c) => {
  const out = firstOut(c);
  return cost(dimMul(out, prod(weight(c, 'depthwise_kernel'), 0, -2)), dimAdd(biasOps(c.config, out), activationOps(c.config, out)));
};

/** Separable: the depthwise step over every intermediate channel at each output position, then a 1×1 pointwise. */
const separableConv: CostRule = (c) => {
  const out = firstOut(c);
  const depthwise = dimMul(spatial(c.outputs[0], c.config), prod(weight(c, 'depthwise_kernel')));
  const pointwise = dimMul(out, prod(weight(c, 'pointwise_kernel'), 0, -1));
  return cost(dimAdd(depthwise, pointwise), dimAdd(biasOps(c.config, out), activationOps(c.config, out)));
};

/** Elementwise layers: `ops` FLOPs per output element, no MACs. */
function elementwise(ops: number): CostRule {
  return (c) => cost(0, dimMul(ops, outElems(c)));
}

/** Pooling: one comparison (max) or addition (average) per window element and output element. */
const pooling: CostRule = (c) => {
  const size = c.config.pool_size;
  // an int pool size applies to every spatial axis (all but batch and channels)
  const rank = (c.outputs[0]?.length ?? 2) - 2;
  const window = Array.isArray(size) ? dimProduct(size.map(asDim)) : dimProduct(Array.from({ length: rank }, () => asDim(size)));
  return cost(0, dimMul(firstOut(c), window));
};

/** Global pooling reads every input element once. */
const globalPooling: CostRule = (c) => cost(0, sampleElements(c.inputs[0]));

function asDim(v: ConfigValue | undefined): Dim {
  return typeof v === 'number' || typeof v === 'string' ? v : null;
}

/** Merges of n inputs: n − 1 operations per output element (Average also divides once). */
function merge(extra: number): CostRule {
  return (c) => cost(0, dimMul(c.inputs.length === 0 ? null : c.inputs.length - 1 + extra, firstOut(c)));
}

/** Dot: each output element sums over the contracted axis. */
const dot: CostRule = (c) => {
  const a = c.inputs[0];
  if (!a) return UNKNOWN_COST;
  const axes = c.config.axes;
  const axis = Array.isArray(axes) ? axes[0] : axes;
  if (typeof axis !== 'number') return UNKNOWN_COST;
  const i = normalizeAxis(axis, a.length);
  if (i === undefined) return UNKNOWN_COST;
  return cost(dimMul(firstOut(c), a[i]));
};

/** Recurrent layers per time step × steps: the input and recurrent matmuls (every `kernel` weight, any cell, any
 *  stack), one op per bias element and per gate activation, plus `stateOps` per unit for the cell-state arithmetic
 *  (LSTM: f·c, i·g, +, tanh(c), o·; GRU: r·, z·h, 1−z, ·h̃, +). `steps` is the time axis, 1 for a cell. */
function recurrent(stateOps: number, timeAxis: boolean): CostRule {
  return (c) => {
    const kernels = c.weights.filter((w) => /(^|\/)(recurrent_)?kernel$/.test(w.name));
    const biases = c.weights.filter((w) => /(^|\/)bias$/.test(w.name));
    if (kernels.length === 0) return UNKNOWN_COST;
    let macs: Dim = 0;
    let gates: Dim = 0;
    for (const k of kernels) {
      macs = dimAdd(macs, dimProduct(k.shape));
      if (!/recurrent_kernel$/.test(k.name)) gates = dimAdd(gates, k.shape[k.shape.length - 1] ?? null);
    }
    let ew: Dim = gates;
    for (const b of biases) ew = dimAdd(ew, dimProduct(b.shape));
    const units = weight(c, 'recurrent_kernel')?.[0] ?? null;
    ew = dimAdd(ew, dimMul(stateOps, units));
    const steps = timeAxis ? (c.inputs[0]?.[1] ?? null) : 1;
    return cost(dimMul(macs, steps), dimMul(ew, steps));
  };
}

/** ConvLSTM: per step, the input and recurrent convolutions at every output position, then LSTM's gate work per
 *  position. */
const convLstm: CostRule = (c) => {
  const input = c.inputs[0];
  const out = c.outputs[0];
  if (!input || !out) return UNKNOWN_COST;
  const returnSequences = c.config.return_sequences === true;
  // (batch, [time,] ...spatial, channels) for channels_last; spatial positions of one step's output
  const step: Shape = returnSequences ? [out[0], ...out.slice(2)] : out;
  const positions = spatial(step, c.config);
  const kernel = weight(c, 'kernel');
  const rk = weight(c, 'recurrent_kernel');
  const perPosition = dimAdd(prod(kernel, 0, -1), prod(rk, 0, -1));
  const width = kernel ? kernel[kernel.length - 1] : null;
  const filters = rk ? rk[rk.length - 2] : null;
  const macs = dimMul(positions, dimMul(perPosition, width));
  // per position: a bias add and an activation per gate element, LSTM's five state operations per filter
  const bias = c.config.use_bias === false ? 0 : width;
  const ew = dimMul(positions, dimAdd(dimAdd(bias, width), dimMul(5, filters)));
  const steps = c.config.$cell === true ? 1 : input[1];
  return cost(dimMul(macs, steps), dimMul(ew, steps));
};

/** Dot-product attention (Attention): scores Tq×Tv×d, softmax Tq×Tv, weighted sum Tq×Tv×dv. */
const dotAttention: CostRule = (c) => {
  const [q, v, k] = c.inputs;
  if (!q || !v) return UNKNOWN_COST;
  const tq = dimProduct(q.slice(1, -1));
  const tv = dimProduct(v.slice(1, -1));
  const d = (k ?? v)[(k ?? v).length - 1];
  const dv = v[v.length - 1];
  const scores = dimMul(tq, tv);
  const macs = dimAdd(dimMul(scores, d), dimMul(scores, dv));
  const scale = c.config.use_scale === true ? scores : 0;
  return cost(macs, dimAdd(scores, scale));
};

/** Additive (Bahdanau) attention: q + k and tanh per score and feature, a scaled sum, softmax, weighted sum. */
const additiveAttention: CostRule = (c) => {
  const [q, v, k] = c.inputs;
  if (!q || !v) return UNKNOWN_COST;
  const scores = dimMul(dimProduct(q.slice(1, -1)), dimProduct(v.slice(1, -1)));
  const d = q[q.length - 1];
  const dv = v[v.length - 1];
  void k;
  // reduce_sum(scale * tanh(q + k)): an add and a tanh per element, then a multiply-add into the score
  return cost(dimAdd(dimMul(scores, d), dimMul(scores, dv)), dimAdd(dimMul(2, dimMul(scores, d)), scores));
};

/** MultiHeadAttention: query/key/value projections, scores and context per head, output projection; biases and
 *  softmax elementwise. Weights give every size: `query/kernel` is `[dq, heads, key_dim]`. */
const multiHeadAttention: CostRule = (c) => {
  const [q, v, kIn] = c.inputs;
  const k = kIn ?? v;
  if (!q || !v || !k) return UNKNOWN_COST;
  const tq = dimProduct(q.slice(1, -1));
  const tk = dimProduct(k.slice(1, -1));
  const tv = dimProduct(v.slice(1, -1));
  const qk = weight(c, 'query/kernel');
  const vk = weight(c, 'value/kernel');
  if (!qk || !vk) return UNKNOWN_COST;
  const heads = qk[1];
  const keyDim = qk[2];
  const valueDim = vk[2];
  const projections = dimAdd(dimAdd(dimMul(tq, prod(qk)), dimMul(tk, prod(weight(c, 'key/kernel')))), dimMul(tv, prod(vk)));
  const scores = dimMul(dimMul(tq, tk), heads);
  const attention = dimAdd(dimMul(scores, keyDim), dimMul(scores, valueDim));
  const output = dimMul(tq, prod(weight(c, 'attention_output/kernel')));
  const biases = c.config.use_bias === false ? 0 : dimAdd(dimAdd(dimMul(tq, prod(weight(c, 'query/bias'))), dimMul(tk, prod(weight(c, 'key/bias')))), dimAdd(dimMul(tv, prod(weight(c, 'value/bias'))), dimMul(tq, prod(weight(c, 'attention_output/bias')))));
  // scaling the query once per element, softmax once per score
  const ew = dimAdd(dimAdd(biases, scores), dimMul(tq, dimMul(heads, keyDim)));
  return cost(dimAdd(dimAdd(projections, attention), output), ew);
};

/** Normalization that computes statistics per sample: mean (1), variance (2), normalize (2), plus the affine
 *  scale and shift where enabled. */
const perSampleNorm: CostRule = (c) => {
  const affine = (c.config.scale === false ? 0 : 1) + (c.config.center === false ? 0 : 1);
  return cost(0, dimMul(5 + affine, firstOut(c)));
};

/** Resizing / UpSampling2D: bilinear interpolation blends four neighbours (4 MACs an output element); nearest
 *  copies. */
const resize: CostRule = (c) => {
  const mode = c.config.interpolation;
  if (mode === 'nearest' || mode === undefined) return ZERO;
  if (mode === 'bilinear') return cost(dimMul(4, firstOut(c)));
  return UNKNOWN_COST;
};

// ---------------------------------------------------------------------------------------------------------------
// Wrappers: the wrapped layer's own rule on the shapes it sees
// ---------------------------------------------------------------------------------------------------------------

function innerDef(v: ConfigValue | undefined): { nested: NestedLayer; def: LayerDef } | undefined {
  if (!isNestedLayer(v)) return undefined;
  const def = layerByKerasName(v.$layer) ?? layerByTfjsFactory(v.$layer);
  return def ? { nested: v, def } : undefined;
}

/** The wrapped layer's cost on one input shape, with the weights its build makes. */
function innerCost(v: ConfigValue | undefined, input: Shape): CallCost {
  const inner = innerDef(v);
  const rule = inner ? costRuleFor(inner.def.className) : undefined;
  if (!inner || !rule) return UNKNOWN_COST;
  const outcome = callLayer(inner.def, inner.nested.config, [input], { dialect: 'keras', layerName: inner.nested.name }, undefined);
  if (outcome.error || outcome.internalError) return UNKNOWN_COST;
  return rule({ config: inner.nested.config, inputs: [input], outputs: outcome.outputs, weights: outcome.build?.weights ?? [] });
}

/** TimeDistributed: the inner layer on one time step, times the steps. */
const timeDistributed: CostRule = (c) => {
  const input = c.inputs[0];
  if (!input || input.length < 3) return UNKNOWN_COST;
  const step = innerCost(c.config.layer, [input[0], ...input.slice(2)]);
  return { macs: dimMul(step.macs, input[1]), flops: dimMul(step.flops, input[1]) };
};

/** Bidirectional: forward and backward layers on the whole sequence, then the merge (sum/mul/ave per element). */
const bidirectional: CostRule = (c) => {
  const input = c.inputs[0];
  if (!input) return UNKNOWN_COST;
  const forward = innerCost(c.config.layer, input);
  const backward = isNestedLayer(c.config.backward_layer) ? innerCost(c.config.backward_layer, input) : forward;
  const mode = c.config.merge_mode;
  const mergeOps = mode === 'concat' || mode === null ? 0 : mode === 'ave' ? dimMul(2, firstOut(c)) : typeof mode === 'string' ? firstOut(c) : null;
  return { macs: dimAdd(forward.macs, backward.macs), flops: dimAdd(dimAdd(forward.flops, backward.flops), mergeOps) };
};

// ---------------------------------------------------------------------------------------------------------------
// The table: every class in the catalog (a test fails when a registered layer has no rule)
// ---------------------------------------------------------------------------------------------------------------

const free = (): CallCost => ZERO;
const opaque = (): CallCost => UNKNOWN_COST;

const RULES: Record<string, CostRule> = {
  // core
  InputLayer: free,
  Dense: matmulLike,
  Activation: (c) => cost(0, activationOps(c.config, firstOut(c))),
  // a comparison per element, the mask is data movement
  Masking: elementwise(1),
  // inference: no-ops
  Dropout: free,
  SpatialDropout1D: free,
  SpatialDropout2D: free,
  SpatialDropout3D: free,
  GaussianNoise: free,
  GaussianDropout: free,
  AlphaDropout: free,
  ActivityRegularization: free,
  // merges
  Add: merge(0),
  Subtract: merge(0),
  Multiply: merge(0),
  Average: merge(1),
  Maximum: merge(0),
  Minimum: merge(0),
  Concatenate: free,
  Dot: dot,
  // reshapes
  Flatten: free,
  Reshape: free,
  Permute: free,
  RepeatVector: free,
  // normalization: BatchNormalization at inference is a folded scale and shift
  BatchNormalization: elementwise(2),
  LayerNormalization: perSampleNorm,
  GroupNormalization: perSampleNorm,
  // square, sum, divide by the norm
  UnitNormalization: elementwise(3),
  // a table lookup
  Embedding: free,
  // convolutions
  Conv1D: matmulLike,
  Conv2D: matmulLike,
  Conv3D: matmulLike,
  Conv1DTranspose: transposeConv,
  Conv2DTranspose: transposeConv,
  Conv3DTranspose: transposeConv,
  SeparableConv1D: separableConv,
  SeparableConv2D: separableConv,
  DepthwiseConv1D: depthwiseConv,
  DepthwiseConv2D: depthwiseConv,
  // pooling
  MaxPooling1D: pooling,
  MaxPooling2D: pooling,
  MaxPooling3D: pooling,
  AveragePooling1D: pooling,
  AveragePooling2D: pooling,
  AveragePooling3D: pooling,
  GlobalMaxPooling1D: globalPooling,
  GlobalMaxPooling2D: globalPooling,
  GlobalMaxPooling3D: globalPooling,
  GlobalAveragePooling1D: globalPooling,
  GlobalAveragePooling2D: globalPooling,
  GlobalAveragePooling3D: globalPooling,
  // recurrent
  SimpleRNN: recurrent(0, true),
  LSTM: recurrent(5, true),
  GRU: recurrent(5, true),
  // a generic RNN or stack: the matmuls and gates of whatever cells it holds, without cell-state arithmetic
  RNN: recurrent(0, true),
  SimpleRNNCell: recurrent(0, false),
  LSTMCell: recurrent(5, false),
  GRUCell: recurrent(5, false),
  StackedRNNCells: recurrent(0, false),
  ConvLSTM1D: convLstm,
  ConvLSTM2D: convLstm,
  ConvLSTM3D: convLstm,
  ConvLSTM2DCell: (c) => convLstm({ ...c, config: { ...c.config, $cell: true } }),
  // padding, resampling, cropping: data movement
  ZeroPadding1D: free,
  ZeroPadding2D: free,
  ZeroPadding3D: free,
  UpSampling1D: free,
  UpSampling2D: resize,
  UpSampling3D: free,
  Cropping1D: free,
  Cropping2D: free,
  Cropping3D: free,
  // arbitrary code: not statically known
  Lambda: opaque,
  // activations
  ReLU: elementwise(1),
  LeakyReLU: elementwise(1),
  PReLU: elementwise(1),
  ELU: elementwise(1),
  Softmax: elementwise(1),
  ThresholdedReLU: elementwise(1),
  // attention
  MultiHeadAttention: multiHeadAttention,
  Attention: dotAttention,
  AdditiveAttention: additiveAttention,
  // preprocessing: Rescaling multiplies and adds; the random layers are identities at inference
  Rescaling: elementwise(2),
  Resizing: resize,
  CenterCrop: free,
  RandomWidth: free,
  CategoryEncoding: free,
  Identity: free,
  // wrappers
  TimeDistributed: timeDistributed,
  Bidirectional: bidirectional,
};

/** The cost rule of a Keras class name (aliases resolve through the catalog); undefined for unknown classes. */
export function costRuleFor(className: string): CostRule | undefined {
  const direct = RULES[className];
  if (direct) return direct;
  const def = layerByKerasName(className);
  return def ? RULES[def.className] : undefined;
}

/** One call's cost; unknown (null) for a class without a rule, and never throws on odd input. */
export function callCost(className: string, input: CostInput): CallCost {
  const rule = costRuleFor(className);
  if (!rule) return UNKNOWN_COST;
  try {
    return rule(input);
  } catch {
    return UNKNOWN_COST;
  }
}
