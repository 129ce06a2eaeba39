// Spatial resizing layers: ZeroPadding1D/2D/3D, UpSampling1D/2D/3D, Cropping1D/2D/3D (keras/src/layers/reshaping/
// zero_padding*.py, up_sampling*.py, cropping*.py; tfjs-layers/src/layers/padding.ts, convolutional.ts). Shape math
// and config checks only; these layers have no weights. TF.js 4.22 has only zeroPadding2d, upSampling2d, cropping2D.

import { dimAdd, dimMul, dimSub, formatShapePython, type Dim, type Shape } from '../graph/shape';
import { channelsFirst, checkJsUnion, checkKerasDataFormat, checkKerasTuple, invalid, pyRepr, pyStr, unknownLayout } from './config';
import { hasNonPositive, NON_POSITIVE_NOTE, nonPositiveSizeError } from './conv';
import { isUnknown, LayerError, type ArgDef, type ConfigValue, type LayerConfig, type LayerDef } from './types';

type Pair = [number | null, number | null];

function padPair(v: ConfigValue): Pair {
  if (typeof v === 'number') return [v, v];
  if (Array.isArray(v) && v.length === 2) return [typeof v[0] === 'number' ? v[0] : null, typeof v[1] === 'number' ? v[1] : null];
  return [null, null];
}

/**
 * Both runtimes read a padding/cropping argument for `rank` spatial axes the same way: an int → (n, n) on every
 * axis; for rank 1 a pair is (before, after); for rank 2/3 a tuple of ints is one symmetric amount per axis and a
 * tuple of pairs is (before, after) per axis. Anything else (or unknown) → unknown amounts.
 */
function normalizePairs(v: ConfigValue | undefined, rank: number): Pair[] {
  const unknown = (): Pair[] => Array.from({ length: rank }, (): Pair => [null, null]);
  if (typeof v === 'number') return Array.from({ length: rank }, (): Pair => [v, v]);
  if (rank === 1) return [padPair(v ?? null)];
  if (!Array.isArray(v) || v.length !== rank) return unknown();
  return v.map(padPair);
}

const ordinals = ['1st', '2nd', '3rd'];

/**
 * Keras's checks on a padding/cropping tuple (zero_padding2d/3d.py, cropping2d/3d.py): an int (cropping: >= 0),
 * or `rank` entries, each an int or a pair of ints >= 0. Messages as each layer words them.
 */
function validateKerasPairs(v: ConfigValue | undefined, rank: number, name: 'padding' | 'cropping', layer: string): void {
  if (v === undefined || v === null || isUnknown(v)) return;
  // Python strings have a length too: Keras's length check sees one.
  if (typeof v === 'string' && rank > 1 && v.length !== rank) {
    throw invalid(rank === 2 ? `\`${name}\` should have two elements. Received: ${name}=${v}.` : `\`${name}\` should have 3 elements. Received: ${v}.`);
  }
  if (rank === 1) {
    checkKerasTuple(v, 2, name, true);
    return;
  }
  if (typeof v === 'number') {
    // ZeroPadding2D/3D take any int (a negative one shrinks the input); Cropping2D/3D reject a negative one.
    if (name === 'cropping' && v < 0) throw invalid(`\`cropping\` cannot be negative. Received: cropping=${v}.`);
    return;
  }
  if (Array.isArray(v)) {
    if (v.length !== rank) {
      // The 2-D layers name the argument in the message; the 3-D ones do not.
      throw invalid(rank === 2 ? `\`${name}\` should have two elements. Received: ${name}=${pyStr(v)}.` : `\`${name}\` should have 3 elements. Received: ${pyStr(v)}.`);
    }
    v.forEach((entry, i) => checkKerasTuple(entry, 2, `${ordinals[i]} entry of ${name}`, true));
    return;
  }
  const crop = name === 'cropping' ? 'crop' : 'pad';
  const axes =
    rank === 2
      ? [`(symmetric_height_${crop}, symmetric_width_${crop})`, `((top_${crop}, bottom_${crop}), (left_${crop}, right_${crop}))`]
      : [
          `(symmetric_dim1_${crop}, symmetric_dim2_${crop}, symmetric_dim3_${crop})`,
          `((left_dim1_${crop}, right_dim1_${crop}), (left_dim2_${crop}, right_dim2_${crop}), (left_dim3_${crop}, right_dim2_${crop}))`,
        ];
  // Keras's ZeroPadding2D message says "crop" (copied from Cropping2D); Cropping3D prints the value without `name=`.
  const words = rank === 2 ? axes.map((a) => a.replace(/_pad\b/g, '_crop')) : axes;
  const received = layer === 'Cropping3D' ? `Received: ${pyStr(v)}.` : `Received: ${name}=${pyStr(v)}.`;
  throw invalid(`\`${name}\` should be either an int, a tuple of ${rank} ints ${words[0]}, or a tuple of ${rank} tuples of 2 ints ${words[1]}. ${received}`);
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

function padDim(d: Dim, [before, after]: Pair, dialect: string): Dim {
  if (before === null || after === null) return null;
  // TF.js also leaves a negative size unknown (`inputShape[i] >= 0` guard); Keras only skips None.
  if (dialect === 'tfjs' && typeof d === 'number' && d < 0) return null;
  return dimAdd(d, before + after);
}

/** The spatial axes of a rank-`rank` layer's input: after the batch (channels-last) or after the channels. */
function spatialOffset(config: LayerConfig, rank: number): number {
  return rank > 1 && channelsFirst(config) ? 2 : 1;
}

const dataFormatArg: ArgDef = { py: 'data_format', js: 'dataFormat', default: null, jsDefault: 'channelsLast' };

function makeZeroPadding(className: string, tfjsFactory: string | undefined, rank: number): LayerDef {
  const defaultPadding: ConfigValue = rank === 1 ? 1 : rank === 2 ? [1, 1] : [[1, 1], [1, 1], [1, 1]];
  return {
    className,
    tfjsFactory,
    notes: tfjsFactory ? "TF.js does not check dataFormat; a negative padding shrinks the input in both runtimes." : 'Keras only (TF.js 4.22 has no such layer).',
    // ZeroPadding1D has no data_format in Keras 3 (always channels-last).
    args: [{ py: 'padding', js: 'padding', default: defaultPadding }, ...(rank > 1 ? [dataFormatArg] : [])],
    inputSpec: () => ({ ndim: rank + 2 }),
    validateConfig(config, ctx) {
      if (ctx.dialect === 'keras') {
        if (rank > 1) checkKerasDataFormat(config.data_format);
        validateKerasPairs(config.padding, rank, 'padding', className);
      } else validateTfjsPadding(config);
    },
    computeOutputShape(config, [input], ctx): Shape {
      const unknown = rank > 1 ? unknownLayout(config, input) : null;
      if (unknown) return unknown;
      const pads = normalizePairs(config.padding, rank);
      const out = [...input];
      const offset = spatialOffset(config, rank);
      pads.forEach((pair, i) => (out[offset + i] = padDim(input[offset + i], pair, ctx.dialect)));
      return out;
    },
  };
}

function makeUpSampling(className: string, tfjsFactory: string | undefined, rank: number): LayerDef {
  return {
    className,
    tfjsFactory,
    notes: tfjsFactory ? 'TF.js indexes `size` as an array: a plain number gives NaN sizes there (unknown sizes in the catalog; Keras expands it).' : 'Keras only (TF.js 4.22 has no such layer).',
    args:
      rank === 1
        ? // Keras's UpSampling1D takes one int and has neither data_format nor interpolation.
          [{ py: 'size', default: 2 }]
        : [
            { py: 'size', js: 'size', default: Array(rank).fill(2) },
            dataFormatArg,
            ...(rank === 2 ? [{ py: 'interpolation', js: 'interpolation', default: 'nearest' }] : []),
          ],
    inputSpec: () => ({ ndim: rank + 2 }),
    validateConfig(config, ctx) {
      if (ctx.dialect === 'keras') {
        if (rank === 1) return; // UpSampling1D only does int(size)
        checkKerasDataFormat(config.data_format);
        checkKerasTuple(config.size, rank, 'size');
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
        typeof size === 'number'
          ? ctx.dialect === 'keras'
            ? Array(rank).fill(size)
            : Array(rank).fill(null)
          : Array.isArray(size) && size.length === rank
            ? size.map((x) => (typeof x === 'number' ? x : null))
            : Array(rank).fill(null);
      const unknown = rank > 1 ? unknownLayout(config, input) : null;
      if (unknown) return unknown;
      const out = [...input];
      const offset = spatialOffset(config, rank);
      factors.forEach((f, i) => (out[offset + i] = f === null ? null : dimMul(input[offset + i], f)));
      return out;
    },
  };
}

/** The cropped size of one axis; null when the amounts or the size are not known. */
function cropDim(d: Dim, [before, after]: Pair): Dim {
  if (before === null || after === null) return null;
  return dimSub(d, before + after);
}

function makeCropping(className: string, tfjsFactory: string | undefined, rank: number): LayerDef {
  const defaultCropping: ConfigValue = rank === 1 ? [1, 1] : rank === 2 ? [[0, 0], [0, 0]] : [[1, 1], [1, 1], [1, 1]];
  return {
    className,
    tfjsFactory,
    notes: tfjsFactory
      ? `TF.js checks no argument (a bad dataFormat reads as channels-last), requires \`cropping\`, and computes an unknown size minus the crop as a negative number (unknown in the catalog). Cropping that leaves no size: ${NON_POSITIVE_NOTE}`
      : 'Keras only (TF.js 4.22 has no such layer).',
    args: [
      // TF.js's cropping2D requires `cropping` (its constructor reads `args.cropping[0]`); without it TF.js throws a
      // TypeError, which the catalog does not imitate: the Keras default is used instead (see the test).
      { py: 'cropping', js: 'cropping', default: defaultCropping },
      ...(rank > 1 ? [dataFormatArg] : []),
    ],
    inputSpec: () => ({ ndim: rank + 2 }),
    validateConfig(config, ctx) {
      // TF.js's Cropping2D checks nothing (not even dataFormat: an unknown format reads as channels-last).
      if (ctx.dialect !== 'keras') return;
      if (rank > 1) checkKerasDataFormat(config.data_format);
      validateKerasPairs(config.cropping, rank, 'cropping', className);
    },
    computeOutputShape(config, [input], ctx): Shape {
      const unknown = rank > 1 ? unknownLayout(config, input) : null;
      if (unknown) return unknown;
      const crops = normalizePairs(config.cropping, rank);
      const out = [...input];
      const offset = spatialOffset(config, rank);
      // TF.js computes `null - a - b`, a negative number, for an unknown size; the catalog keeps it unknown.
      const space = crops.map((pair, i) => cropDim(input[offset + i], pair));
      space.forEach((d, i) => (out[offset + i] = d));
      if (!hasNonPositive(space)) return out;
      if (ctx.dialect === 'tfjs') {
        // TF.js builds the layer with a size <= 0 (as for convolutions); see nonPositiveSizeError.
        throw nonPositiveSizeError(out, input, `cropping=${JSON.stringify(crops)}`);
      }
      const printedCropping = pyRepr(rank === 1 ? crops[0] : crops);
      if (rank === 1) {
        throw new LayerError(
          'negative-dim',
          `\`cropping\` parameter of \`Cropping1D\` layer must be smaller than the input length. Received: input_shape=${formatShapePython(input)}, cropping=${printedCropping}`,
        );
      }
      throw new LayerError(
        'negative-dim',
        `Values in \`cropping\` argument should be smaller than the corresponding spatial dimension of the input. Received: input_shape=${formatShapePython(input)}, cropping=${printedCropping}`,
      );
    },
  };
}

export const paddingLayers: LayerDef[] = [
  makeZeroPadding('ZeroPadding1D', undefined, 1),
  makeZeroPadding('ZeroPadding2D', 'zeroPadding2d', 2),
  makeZeroPadding('ZeroPadding3D', undefined, 3),
  makeUpSampling('UpSampling1D', undefined, 1),
  makeUpSampling('UpSampling2D', 'upSampling2d', 2),
  makeUpSampling('UpSampling3D', undefined, 3),
  // The TF.js factory is spelled `cropping2D` (capital D), unlike zeroPadding2d / upSampling2d.
  makeCropping('Cropping1D', undefined, 1),
  makeCropping('Cropping2D', 'cropping2D', 2),
  makeCropping('Cropping3D', undefined, 3),
];
