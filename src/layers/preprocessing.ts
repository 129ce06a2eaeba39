// Preprocessing layers: Rescaling, Resizing, CenterCrop, RandomWidth, CategoryEncoding (TF.js 4.22 has these) and
// Identity (Keras only): output shapes and constructor checks per dialect. No weights; no values are computed.

import { formatShapePython, type Dim, type Shape } from '../graph/shape';
import { channelsFirst, checkKerasDataFormat, invalid, pyStr } from './config';
import { isUnknown, LayerError, type ConfigValue, type LayerConfig, type LayerDef } from './types';

const sameShape = (_config: LayerConfig, [input]: Shape[]): Shape => input;
const sizeOf = (v: ConfigValue | undefined): Dim => (typeof v === 'number' ? v : null);

const Rescaling: LayerDef = {
  className: 'Rescaling',
  tfjsFactory: 'rescaling',
  args: [
    { py: 'scale', js: 'scale' },
    { py: 'offset', js: 'offset', default: 0.0 },
  ],
  computeOutputShape: sameShape,
};

/** Keras 3's image layers take (batch, h, w, c) or one image (h, w, c), channels first when data_format says so. */
function imageAxes(config: LayerConfig, rank: number): [number, number] | null {
  if (rank !== 3 && rank !== 4) return null;
  const first = channelsFirst(config);
  return rank === 4 ? (first ? [2, 3] : [1, 2]) : first ? [1, 2] : [0, 1];
}

function kerasImageRank(className: string, input: Shape): LayerError {
  return new LayerError(
    'input-spec',
    `${className} expects an image of rank 3 (unbatched) or a batch of rank 4; received input with shape ${formatShapePython(input)}`,
  );
}

const interpolations = ['bilinear', 'nearest'];
function checkJsInterpolation(config: LayerConfig): void {
  const v = config.interpolation;
  if (typeof v === 'string' && v !== '' && !interpolations.includes(v)) throw invalid(`Invalid interpolation parameter: ${v} is not implemented`);
}

const Resizing: LayerDef = {
  className: 'Resizing',
  notes: "TF.js 4.22's symbolic output is [height, width, inputShape[2]] (the batch axis is lost); reproduced for TS/JS files. Keras: rank 3 or 4, per data_format. Interpolation names checked for TF.js only.",
  tfjsFactory: 'resizing',
  args: [
    { py: 'height', js: 'height' },
    { py: 'width', js: 'width' },
    { py: 'interpolation', js: 'interpolation', default: 'bilinear' },
    { py: 'crop_to_aspect_ratio', js: 'cropToAspectRatio', default: false },
    // Keras 3 only.
    { py: 'pad_to_aspect_ratio', default: false },
    { py: 'fill_mode', default: 'constant' },
    { py: 'fill_value', default: 0.0 },
    { py: 'antialias', default: false },
    { py: 'data_format', default: null },
  ],
  validateConfig(config, ctx) {
    if (ctx.dialect === 'tfjs') checkJsInterpolation(config);
    else checkKerasDataFormat(config.data_format);
  },
  computeOutputShape(config, [input], ctx) {
    const height = sizeOf(config.height);
    const width = sizeOf(config.width);
    if (ctx.dialect === 'tfjs') {
      // TF.js 4.22's Resizing.computeOutputShape returns [height, width, inputShape[2]] whatever the rank: for a
      // batch [b, h, w, c] the symbolic output is [height, width, w]. That is what TF.js's model (and every layer
      // built after it) sees, so TS/JS files get it too; the tensor computed at run time is [b, height, width, c].
      return [height, width, input[2] ?? null];
    }
    const axes = imageAxes(config, input.length);
    if (!axes) throw kerasImageRank('Resizing', input);
    const out = input.slice();
    out[axes[0]] = height;
    out[axes[1]] = width;
    return out;
  },
};

const CenterCrop: LayerDef = {
  className: 'CenterCrop',
  notes: 'TF.js writes axes rank-3 and rank-2 (channels last) whatever the rank; Keras takes rank 3 or 4, per data_format.',
  tfjsFactory: 'centerCrop',
  args: [
    { py: 'height', js: 'height' },
    { py: 'width', js: 'width' },
    { py: 'data_format', default: null },
  ],
  validateConfig(config, ctx) {
    if (ctx.dialect === 'keras') checkKerasDataFormat(config.data_format);
  },
  computeOutputShape(config, [input], ctx) {
    const out = input.slice();
    if (ctx.dialect === 'tfjs') {
      // TF.js writes shape[rank - 3] and shape[rank - 2] on a JS array: for rank < 3 a negative index is a no-op
      // (e.g. [null, 3] → [width, 3]). Always channels last.
      if (input.length - 3 >= 0) out[input.length - 3] = sizeOf(config.height);
      if (input.length - 2 >= 0) out[input.length - 2] = sizeOf(config.width);
      return out;
    }
    const axes = imageAxes(config, input.length);
    if (!axes) throw kerasImageRank('CenterCrop', input);
    out[axes[0]] = sizeOf(config.height);
    out[axes[1]] = sizeOf(config.width);
    return out;
  },
};

const RandomWidth: LayerDef = {
  className: 'RandomWidth',
  notes: "TF.js 4.22's symbolic shape is [undefined, -1, inputShape[2]] (a bug); the catalog gives Keras's (batch, height, None, channels) in both dialects.",
  tfjsFactory: 'randomWidth',
  args: [
    { py: 'factor', js: 'factor' },
    { py: 'interpolation', js: 'interpolation', default: 'bilinear' },
    { py: 'seed', js: 'seed', default: null },
    { py: 'data_format', default: null },
  ],
  validateConfig(config, ctx) {
    if (ctx.dialect === 'keras') {
      checkKerasDataFormat(config.data_format);
      return;
    }
    // TF.js's constructor checks (random_width.ts), in its order.
    const f = config.factor;
    if (isUnknown(f)) return;
    let lower: number | null = null;
    let upper: number | null = null;
    if (Array.isArray(f) && f.length === 2) [lower, upper] = f.map((x) => (typeof x === 'number' ? x : null));
    else if (!Array.isArray(f) && typeof f === 'number' && f > 0) [lower, upper] = [-f, f];
    else throw invalid(`Invalid factor: ${Array.isArray(f) ? f.join(',') : String(f)}. Must be positive number or tuple of 2 numbers`);
    const shown = Array.isArray(f) ? f.join(',') : String(f);
    if ((lower !== null && lower < -1) || (upper !== null && upper < -1)) throw invalid(`factor must have values larger than -1. Got: ${shown}`);
    if (lower !== null && upper !== null && upper < lower) {
      throw invalid(`factor cannot have upper bound less than lower bound.\n        Got upper bound: ${upper}.\n        Got lower bound: ${lower}\n      `);
    }
    checkJsInterpolation(config);
  },
  computeOutputShape(config, [input]) {
    // The width is drawn per call: unknown. (TF.js 4.22's symbolic shape is [undefined, -1, inputShape[2]], a
    // bug; the catalog gives Keras's shape in both dialects.)
    const axes = imageAxes(config, input.length);
    if (!axes) return input.map((d, i) => (i === 0 ? d : null));
    const out = input.slice();
    out[axes[1]] = null;
    return out;
  },
};

const CategoryEncoding: LayerDef = {
  className: 'CategoryEncoding',
  notes: 'Mode spellings differ (one_hot / oneHot). Value-range checks run on concrete tensors: not modelled.',
  tfjsFactory: 'categoryEncoding',
  args: [
    { py: 'num_tokens', js: 'numTokens', default: null },
    // Keras spells the modes one_hot / multi_hot / count; TF.js oneHot / multiHot / count.
    { py: 'output_mode', js: 'outputMode', default: 'multi_hot', jsDefault: 'multiHot' },
    { py: 'sparse', default: false },
  ],
  validateConfig(config, ctx) {
    // TF.js checks nothing when the layer is created (its value check runs on concrete tensors).
    if (ctx.dialect !== 'keras') return;
    const mode = config.output_mode;
    if (typeof mode === 'string' && !['count', 'one_hot', 'multi_hot', 'binary'].includes(mode)) throw invalid(`Unknown arg for output_mode: ${mode}`);
    const n = config.num_tokens;
    if (n === null) {
      throw invalid('num_tokens must be set to use this layer. If the number of tokens is not known beforehand, use the IntegerLookup layer instead.');
    }
    if (typeof n === 'number' && n < 1) throw invalid(`\`num_tokens\` must be >= 1. Received: num_tokens=${pyStr(n)}.`);
  },
  computeOutputShape(config, [input], ctx) {
    const n = sizeOf(config.num_tokens);
    if (input.length === 0) return [n];
    const oneHot = config.output_mode === (ctx.dialect === 'keras' ? 'one_hot' : 'oneHot');
    // One-hot appends an axis unless the last one has size 1 (a null last size is "not 1" in both runtimes).
    if (oneHot && input[input.length - 1] !== 1) return [...input, n];
    return [...input.slice(0, -1), n];
  },
};

// Keras 3 only (keras.layers.Identity); TF.js has no such layer.
const Identity: LayerDef = { className: 'Identity', args: [], computeOutputShape: sameShape };

export const preprocessingLayers: LayerDef[] = [Rescaling, Resizing, CenterCrop, RandomWidth, CategoryEncoding, Identity];
