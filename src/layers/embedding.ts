// Embedding (keras/src/layers/core/embedding.py, tfjs-layers/src/layers/embeddings.ts): the lookup table's weights
// and the output shape, with TF.js's `inputLength` check. Masking (no shape effect) lives in core.ts.

import { shapeToJsString, type Dim, type Shape } from '../graph/shape';
import { dim } from './config';
import { isUnknown, LayerError, type ConfigValue, type LayerDef, type WeightDef } from './types';

/** TF.js's `formatAsFriendlyString`, as its positive-integer assertion prints the value. (The same helper is on
 *  its way into config.ts as `jsFriendly`; use that once it lands.) */
function friendly(v: ConfigValue): string {
  if (typeof v === 'string') return `"${v}"`;
  if (Array.isArray(v)) return `[${v.map(friendly).join(',')}]`;
  return String(v);
}

const Embedding: LayerDef = {
  className: 'Embedding',
  tfjsFactory: 'embedding',
  args: [
    { py: 'input_dim', js: 'inputDim' },
    { py: 'output_dim', js: 'outputDim' },
    // Keras's 'uniform' is TF.js's 'randomUniform' (both U(-0.05, 0.05)); the names differ, not the behaviour.
    { py: 'embeddings_initializer', js: 'embeddingsInitializer', default: 'uniform', jsDefault: 'randomUniform' },
    { py: 'embeddings_regularizer', js: 'embeddingsRegularizer', default: null },
    { py: 'embeddings_constraint', js: 'embeddingsConstraint', default: null },
    { py: 'mask_zero', js: 'maskZero', default: false },
    { py: 'weights', default: null },
    { py: 'lora_rank', default: null },
    { py: 'lora_alpha', default: null },
    { py: 'quantization_config', default: null },
    // Keyword-only in both runtimes (after **kwargs in Keras). Keras 3 has no `input_length`: it pops the keyword
    // with a deprecation warning and ignores it. TF.js checks it against the input and uses it for the shape.
    { py: 'input_length', js: 'inputLength', default: null },
    { py: 'activity_regularizer', js: 'activityRegularizer', default: null },
  ],
  validateConfig(config, ctx) {
    if (ctx.dialect !== 'tfjs') return;
    // TF.js asserts both sizes in the constructor; Keras only fails later, creating the weight.
    for (const [key, name] of [['input_dim', 'inputDim'], ['output_dim', 'outputDim']] as const) {
      const v = config[key];
      if (v === undefined || isUnknown(v) || typeof v === 'string') continue;
      if (typeof v === 'number' && Number.isInteger(v) && v > 0) continue;
      throw new LayerError('invalid-config', `Expected ${name} to be a positive integer, but got ${friendly(v)}.`);
    }
  },
  build(config) {
    const table: Shape = [dim(config.input_dim), dim(config.output_dim)];
    const rank = typeof config.lora_rank === 'number' && config.lora_rank > 0 ? config.lora_rank : null;
    // Keras LoRA freezes the table and trains two low-rank factors instead (TF.js has no LoRA).
    const weights: WeightDef[] = [{ name: 'embeddings', shape: table, trainable: rank === null }];
    if (rank !== null) {
      weights.push({ name: 'lora_embeddings_a', shape: [table[0], rank], trainable: true });
      weights.push({ name: 'lora_embeddings_b', shape: [rank, table[1]], trainable: true });
    }
    return { weights };
  },
  computeOutputShape(config, [input], ctx): Shape {
    const outputDim = dim(config.output_dim);
    const inputLength = config.input_length;
    if (ctx.dialect === 'keras' || inputLength === null || inputLength === undefined || isUnknown(inputLength)) {
      return [...input, outputDim];
    }
    // TF.js: `inputLength` (a number, or a list for inputs of rank 3 and more) must match the non-batch dims;
    // where it is null the input's dim is used, and where the input's is null, inputLength's.
    const lengths: ConfigValue[] = Array.isArray(inputLength) ? inputLength : [inputLength];
    const mismatch = () =>
      new LayerError('invalid-input', `"inputLength" is ${String(inputLength)}, but received input shape has shape ${shapeToJsString(input)}`);
    if (lengths.length !== input.length - 1) throw mismatch();
    const dims: Dim[] = lengths.map((v, k) => {
      const given = isUnknown(v) ? null : dim(v);
      const actual = input[k + 1];
      if (typeof given === 'number' && typeof actual === 'number' && given !== actual) throw mismatch();
      return given === null ? actual : given;
    });
    return [input[0], ...dims, outputDim];
  },
};

export const embeddingLayers: LayerDef[] = [Embedding];
