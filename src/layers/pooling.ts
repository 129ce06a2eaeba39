// Pooling layers: Max/AveragePooling1D/2D/3D and their global variants (keras/src/layers/pooling/*.py,
// keras/src/ops/operation_utils.py; tfjs-layers/src/layers/pooling.ts). Shape math and config checks only; pooling
// has no weights.

import type { Dim, Shape } from '../graph/shape';
import {
  channelsFirst,
  checkJsPositiveInteger,
  checkJsUnion,
  checkKerasDataFormat,
  checkKerasTuple,
  intTuple,
  invalid,
  npArray,
  pyRepr,
  pyStr,
  unknownLayout,
} from './config';
import { convOutputLength, hasNonPositive, NON_POSITIVE_NOTE, nonPositiveSizeError, spatialAxes } from './conv';
import { isUnknown, LayerError, type ArgDef, type ConfigValue, type LayerConfig, type LayerDef } from './types';

function poolArgs(rank: number): ArgDef[] {
  return [
    { py: 'pool_size', js: 'poolSize', default: rank === 1 ? 2 : Array(rank).fill(2) },
    // None means "= pool_size" in both runtimes.
    { py: 'strides', js: 'strides', default: null },
    { py: 'padding', js: 'padding', default: 'valid' },
    // TF.js's Pooling1D has no dataFormat (always channels-last); Keras 3's MaxPooling1D has one.
    rank === 1 ? { py: 'data_format', default: null } : { py: 'data_format', js: 'dataFormat', default: null, jsDefault: 'channelsLast' },
  ];
}

/** TF.js `Pooling1D` constructor: a number or an array of one number, then positive integers. */
function validateTfjs1D(config: LayerConfig): void {
  const oneNumber = (v: ConfigValue, name: string) => {
    if (isUnknown(v) || typeof v === 'number') return;
    if (Array.isArray(v) && v.length === 1 && (typeof v[0] === 'number' || isUnknown(v[0]))) return;
    if (Array.isArray(v) && v.some(isUnknown)) return;
    throw invalid(`${name} for 1D convolutional layer must be a number or an Array of a single number, but received ${JSON.stringify(v)}`);
  };
  oneNumber(config.pool_size, 'poolSize');
  checkJsPositiveInteger(typeof config.pool_size === 'number' ? [config.pool_size] : config.pool_size, 'poolSize');
  if (config.strides !== null) {
    oneNumber(config.strides, 'strides');
    checkJsPositiveInteger(typeof config.strides === 'number' ? [config.strides] : config.strides, 'strides');
  }
  checkJsUnion(config.padding, ['valid', 'same', 'causal'], 'PaddingMode');
}

/** TF.js `Pooling2D` / `Pooling3D` constructors (the same checks in the same order, for 2 or 3 axes). */
function validateTfjsND(config: LayerConfig, rank: number): void {
  const pool = typeof config.pool_size === 'number' ? Array(rank).fill(config.pool_size) : config.pool_size;
  let strides = config.strides === null ? pool : config.strides;
  if (Array.isArray(config.strides) && config.strides.length !== rank) {
    throw invalid(
      `If the strides property of a ${rank}D pooling layer is an Array, it is expected to have a length of ${rank}, but received length ${config.strides.length}.`,
    );
  }
  if (typeof strides === 'number') strides = Array(rank).fill(strides);
  checkJsPositiveInteger(pool, 'poolSize');
  checkJsPositiveInteger(strides, 'strides');
  checkJsUnion(config.data_format, ['channelsFirst', 'channelsLast'], 'DataFormat');
  checkJsUnion(config.padding, ['valid', 'same', 'causal'], 'PaddingMode');
}

/** Keras `BasePooling.__init__`: pool_size > 0; strides may be 0 (allow_zero=True); padding is checked later. */
function validateKeras(config: LayerConfig, rank: number): void {
  checkKerasTuple(config.pool_size, rank, 'pool_size');
  checkKerasTuple(config.strides === null ? config.pool_size : config.strides, rank, 'strides', true);
  checkKerasDataFormat(config.data_format);
}

function makePooling(className: string, tfjsFactory: string, rank: number, aliases: string[], tfjsAliases: string[] = []): LayerDef {
  return {
    className,
    tfjsFactory,
    tfjsAliases,
    aliases,
    notes:
      (rank === 1 ? "TF.js's 1-D pooling has no dataFormat (always channels-last). " : '') +
      `TF.js accepts padding 'causal' (computed as 'valid'); Keras rejects it. ${NON_POSITIVE_NOTE}`,
    args: poolArgs(rank),
    inputSpec: () => ({ ndim: rank + 2 }),
    validateConfig(config, ctx) {
      if (ctx.dialect === 'keras') validateKeras(config, rank);
      else if (rank === 1) validateTfjs1D(config);
      else validateTfjsND(config, rank);
    },
    computeOutputShape(config, [input], ctx): Shape {
      const keras = ctx.dialect === 'keras';
      // TF.js's 1-D pooling has no data_format, so only a Keras or 2-D/3-D one can leave the layout unknown.
      const unknown = rank > 1 || keras ? unknownLayout(config, input) : null;
      if (unknown) return unknown;
      const first = rank > 1 || keras ? channelsFirst(config) : false;
      const pool = intTuple(config.pool_size, rank);
      const strides = config.strides === null ? pool : intTuple(config.strides, rank);
      const padding = typeof config.padding === 'string' ? config.padding : null;
      // Keras checks padding only here, and exactly ('SAME' is rejected); TF.js validated it at construction and
      // treats every mode but 'same' (including 'causal') as 'valid'.
      if (keras && padding !== null && padding !== 'valid' && padding !== 'same') {
        throw invalid(`Argument \`padding\` must be either 'valid' or 'same'. Received: padding=${padding}`);
      }
      const space: Dim[] = spatialAxes(rank, first).map((axis, i) =>
        padding === null ? null : convOutputLength(input[axis], pool[i], strides[i], 1, padding === 'same'),
      );
      const output: Shape = first ? [input[0], input[1], ...space] : [input[0], ...space, input[input.length - 1]];
      if (hasNonPositive(space)) {
        if (keras) {
          // numpy prints the input shape as an object array whose unknown spatial entries it has just set to -1
          // (compute_pooling_output_shape assigns into a view of it).
          const spatial = new Set(spatialAxes(rank, first));
          const printed = input.map((d, i) => (typeof d === 'number' ? d : spatial.has(i) ? -1 : null));
          throw new LayerError(
            'negative-dim',
            `Computed output size would be zero or negative. Received: \`inputs.shape=${npArray(printed)}\`, ` +
              `\`pool_size=${npArray(pool)}\`, \`strides=${pyRepr(strides)}\`, \`padding=${pyStr(config.padding)}\`.`,
          );
        }
        throw nonPositiveSizeError(output, input, `poolSize=${JSON.stringify(pool)}, strides=${JSON.stringify(strides)}, padding=${padding}`);
      }
      return output;
    },
  };
}

/** `tfjsFactory` undefined: Keras only (TF.js 4.22 has no GlobalMaxPooling3D / GlobalAveragePooling3D). */
function makeGlobalPooling(className: string, tfjsFactory: string | undefined, rank: number, aliases: string[], tfjsAliases: string[] = []): LayerDef {
  return {
    className,
    tfjsFactory,
    tfjsAliases,
    aliases,
    notes: tfjsFactory
      ? `\`keepdims\` is Keras only (TF.js always drops the pooled axes)${rank === 1 ? "; TF.js's GlobalPooling1D has no dataFormat" : ''}.`
      : 'Keras only (TF.js 4.22 has no 3-D global pooling).',
    args: [
      // TF.js's GlobalPooling1D has no dataFormat (always channels-last); its GlobalPooling2D has one.
      rank === 1 ? { py: 'data_format', default: null } : { py: 'data_format', js: 'dataFormat', default: null, jsDefault: 'channelsLast' },
      // Keras 3 only: TF.js 4.22 global pooling always drops the pooled axes.
      { py: 'keepdims', default: false },
    ],
    inputSpec: () => ({ ndim: rank + 2 }),
    validateConfig(config, ctx) {
      if (ctx.dialect === 'keras') checkKerasDataFormat(config.data_format);
      else if (rank > 1) checkJsUnion(config.data_format, ['channelsFirst', 'channelsLast'], 'DataFormat');
    },
    computeOutputShape(config, [input], ctx): Shape {
      const keep = ctx.dialect === 'keras' && config.keepdims === true;
      const unknown = rank > 1 || ctx.dialect === 'keras' ? unknownLayout(config, input, keep ? input.length : 2) : null;
      if (unknown) return unknown;
      const first = rank > 1 || ctx.dialect === 'keras' ? channelsFirst(config) : false;
      const ones: Dim[] = Array(input.length - 2).fill(1);
      if (first) return keep ? [input[0], input[1], ...ones] : [input[0], input[1]];
      return keep ? [input[0], ...ones, input[input.length - 1]] : [input[0], input[input.length - 1]];
    },
  };
}

// TF.js's factory aliases are not symmetric: avgPool3d/avgPooling3d exist but maxPool3d does not, and there is no
// globalAvgPool* alias (tf.layers in 4.22).
export const poolingLayers: LayerDef[] = [
  makePooling('MaxPooling1D', 'maxPooling1d', 1, ['MaxPool1D'], ['maxPool1d']),
  makePooling('MaxPooling2D', 'maxPooling2d', 2, ['MaxPool2D'], ['maxPool2d']),
  makePooling('MaxPooling3D', 'maxPooling3d', 3, ['MaxPool3D']),
  makePooling('AveragePooling1D', 'averagePooling1d', 1, ['AvgPool1D'], ['avgPool1d', 'avgPooling1d']),
  makePooling('AveragePooling2D', 'averagePooling2d', 2, ['AvgPool2D'], ['avgPool2d', 'avgPooling2d']),
  makePooling('AveragePooling3D', 'averagePooling3d', 3, ['AvgPool3D'], ['avgPool3d', 'avgPooling3d']),
  makeGlobalPooling('GlobalMaxPooling1D', 'globalMaxPooling1d', 1, ['GlobalMaxPool1D'], ['globalMaxPool1d']),
  makeGlobalPooling('GlobalMaxPooling2D', 'globalMaxPooling2d', 2, ['GlobalMaxPool2D'], ['globalMaxPool2d']),
  makeGlobalPooling('GlobalMaxPooling3D', undefined, 3, ['GlobalMaxPool3D']),
  makeGlobalPooling('GlobalAveragePooling1D', 'globalAveragePooling1d', 1, ['GlobalAvgPool1D']),
  makeGlobalPooling('GlobalAveragePooling2D', 'globalAveragePooling2d', 2, ['GlobalAvgPool2D']),
  makeGlobalPooling('GlobalAveragePooling3D', undefined, 3, ['GlobalAvgPool3D']),
];
