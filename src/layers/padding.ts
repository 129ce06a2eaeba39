// Spatial resizing layers: ZeroPadding2D and UpSampling2D (keras/src/layers/reshaping/zero_padding2d.py,
// up_sampling2d.py; tfjs-layers/src/layers/padding.ts, convolutional.ts). Shape math and config checks only; no
// weights, and the 1-D/3-D variants and Cropping are not here.

import { dimAdd, dimMul, type Dim, type Shape } from '../graph/shape';
import { channelsFirst, checkJsUnion, checkKerasDataFormat, checkKerasTuple, invalid, pyStr, unknownLayout } from './config';
import { isUnknown, type ConfigValue, type LayerConfig, type LayerDef } from './types';

type Pads = [[number | null, number | null], [number | null, number | null]];

const UNKNOWN_PADS: Pads = [
  [null, null],
  [null, null],
];

function padPair(v: ConfigValue): [number | null, number | null] {
  if (typeof v === 'number') return [v, v];
  if (Array.isArray(v) && v.length === 2) return [typeof v[0] === 'number' ? v[0] : null, typeof v[1] === 'number' ? v[1] : null];
  return [null, null];
}

/** `1` → ((1, 1), (1, 1)); `(1, 2)` → ((1, 1), (2, 2)); `((1, 2), (3, 4))` as is. Both runtimes read it this way. */
function normalizePadding(v: ConfigValue | undefined): Pads {
  if (typeof v === 'number') return [[v, v], [v, v]];
  if (!Array.isArray(v) || v.length !== 2) return UNKNOWN_PADS;
  return [padPair(v[0]), padPair(v[1])];
}

/** TF.js `ZeroPadding2D` constructor (padding.ts); it does not check `dataFormat`. */
function validateTfjsPadding(config: LayerConfig): void {
  const v = config.padding;
  if (!Array.isArray(v)) return;
  if (v.length !== 2) throw invalid(`ZeroPadding2D expects padding to be a length-2 array, but received a length-${v.length} array.`);
  if (typeof v[0] === 'number') return;
  for (const [i, which] of [[0, 'height'], [1, 'width']] as const) {
    const entry = v[i];
    if (Array.isArray(entry) && entry.length !== 2) {
      throw invalid(`ZeroPadding2D expects ${which} padding to be a length-2 array, but received a length-${entry.length} array.`);
    }
  }
}

/** Keras `ZeroPadding2D.__init__`. */
function validateKerasPadding(config: LayerConfig): void {
  checkKerasDataFormat(config.data_format);
  const v = config.padding;
  if (v === undefined || isUnknown(v) || typeof v === 'number') return;
  if (Array.isArray(v)) {
    if (v.length !== 2) throw invalid(`\`padding\` should have two elements. Received: padding=${pyStr(v)}.`);
    checkKerasTuple(v[0], 2, '1st entry of padding', true);
    checkKerasTuple(v[1], 2, '2nd entry of padding', true);
    return;
  }
  throw invalid(
    '`padding` should be either an int, a tuple of 2 ints (symmetric_height_crop, symmetric_width_crop), ' +
      'or a tuple of 2 tuples of 2 ints ((top_crop, bottom_crop), (left_crop, right_crop)). ' +
      `Received: padding=${pyStr(v)}.`,
  );
}

function padDim(d: Dim, [before, after]: [number | null, number | null], dialect: string): Dim {
  if (before === null || after === null) return null;
  // TF.js also leaves a negative size unknown (`inputShape[i] >= 0` guard); Keras only skips None.
  if (dialect === 'tfjs' && typeof d === 'number' && d < 0) return null;
  return dimAdd(d, before + after);
}

const ZeroPadding2D: LayerDef = {
  className: 'ZeroPadding2D',
  tfjsFactory: 'zeroPadding2d',
  args: [
    { py: 'padding', js: 'padding', default: [1, 1] },
    { py: 'data_format', js: 'dataFormat', default: null, jsDefault: 'channelsLast' },
  ],
  inputSpec: () => ({ ndim: 4 }),
  validateConfig(config, ctx) {
    if (ctx.dialect === 'keras') validateKerasPadding(config);
    else validateTfjsPadding(config);
  },
  computeOutputShape(config, [input], ctx): Shape {
    const unknown = unknownLayout(config, input);
    if (unknown) return unknown;
    const pads = normalizePadding(config.padding);
    const out = [...input];
    const offset = channelsFirst(config) ? 2 : 1;
    out[offset] = padDim(input[offset], pads[0], ctx.dialect);
    out[offset + 1] = padDim(input[offset + 1], pads[1], ctx.dialect);
    return out;
  },
};

const UpSampling2D: LayerDef = {
  className: 'UpSampling2D',
  tfjsFactory: 'upSampling2d',
  args: [
    { py: 'size', js: 'size', default: [2, 2] },
    { py: 'data_format', js: 'dataFormat', default: null, jsDefault: 'channelsLast' },
    { py: 'interpolation', js: 'interpolation', default: 'nearest' },
  ],
  inputSpec: () => ({ ndim: 4 }),
  validateConfig(config, ctx) {
    if (ctx.dialect === 'keras') {
      checkKerasDataFormat(config.data_format);
      checkKerasTuple(config.size, 2, 'size');
      // Keras only lower-cases `interpolation` here; an unknown mode fails later inside ops.image.resize.
    } else {
      checkJsUnion(config.data_format, ['channelsFirst', 'channelsLast'], 'DataFormat');
      checkJsUnion(config.interpolation, ['nearest', 'bilinear'], 'InterpolationFormat');
    }
  },
  computeOutputShape(config, [input], ctx): Shape {
    const size = config.size;
    // TF.js declares `size?: number[]` and indexes it: a plain number gives NaN sizes there (an explicit test
    // case); Keras expands an int to (n, n). Unknown here either way for TS/JS.
    const factors: (number | null)[] =
      typeof size === 'number' ? (ctx.dialect === 'keras' ? [size, size] : [null, null]) : Array.isArray(size) && size.length === 2 ? size.map((x) => (typeof x === 'number' ? x : null)) : [null, null];
    const unknown = unknownLayout(config, input);
    if (unknown) return unknown;
    const out = [...input];
    const offset = channelsFirst(config) ? 2 : 1;
    for (const i of [0, 1]) out[offset + i] = factors[i] === null ? null : dimMul(input[offset + i], factors[i]);
    return out;
  },
};

export const paddingLayers: LayerDef[] = [ZeroPadding2D, UpSampling2D];
