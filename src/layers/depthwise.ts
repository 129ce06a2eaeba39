// Separable and depthwise convolutions: SeparableConv1D/2D, DepthwiseConv1D/2D (keras/src/layers/convolutional/
// base_separable_conv.py, base_depthwise_conv.py; tfjs-layers/src/layers/convolutional.ts, convolutional_depthwise.ts).
// Shape math, weights (Keras layouts) and config checks only; the output-size rule is conv.ts's convOutputShape.

import { dimMul, type Dim, type Shape } from '../graph/shape';
import { allKnown, checkKerasDataFormat, checkKerasTuple, intTuple, invalid, num, pyRepr } from './config';
import { convHeadArgs, ones, channelAxis, channelDim, checkKerasPadding, convOutputShape, NON_POSITIVE_NOTE, validateTfjs } from './conv';
import { checkInputSpec } from './inputSpec';
import { LayerError, type ArgDef, type CallContext, type InputSpec, type LayerConfig, type LayerDef, type WeightDef } from './types';


const biasTail: ArgDef[] = [
  { py: 'bias_initializer', js: 'biasInitializer', default: 'zeros' },
];

/** Keras 3 SeparableConv1D/2D signature order. TF.js's SeparableConv2D takes the same options in camelCase. */
function separableArgs(rank: number): ArgDef[] {
  return [
    ...convHeadArgs(rank),
    { py: 'depth_multiplier', js: 'depthMultiplier', default: 1 },
    { py: 'activation', js: 'activation', default: null },
    { py: 'use_bias', js: 'useBias', default: true },
    { py: 'depthwise_initializer', js: 'depthwiseInitializer', default: 'glorot_uniform' },
    { py: 'pointwise_initializer', js: 'pointwiseInitializer', default: 'glorot_uniform' },
    ...biasTail,
    { py: 'depthwise_regularizer', js: 'depthwiseRegularizer', default: null },
    { py: 'pointwise_regularizer', js: 'pointwiseRegularizer', default: null },
    { py: 'bias_regularizer', js: 'biasRegularizer', default: null },
    { py: 'activity_regularizer', js: 'activityRegularizer', default: null },
    { py: 'depthwise_constraint', js: 'depthwiseConstraint', default: null },
    { py: 'pointwise_constraint', js: 'pointwiseConstraint', default: null },
    { py: 'bias_constraint', js: 'biasConstraint', default: null },
  ];
}

/** Keras 3 DepthwiseConv1D/2D signature order (depth_multiplier comes before data_format here). */
function depthwiseArgs(rank: number): ArgDef[] {
  return [
    { py: 'kernel_size', js: 'kernelSize' },
    { py: 'strides', js: 'strides', default: ones(rank) },
    { py: 'padding', js: 'padding', default: 'valid' },
    { py: 'depth_multiplier', js: 'depthMultiplier', default: 1 },
    { py: 'data_format', js: 'dataFormat', default: null, jsDefault: 'channelsLast' },
    { py: 'dilation_rate', js: 'dilationRate', default: ones(rank) },
    { py: 'activation', js: 'activation', default: null },
    { py: 'use_bias', js: 'useBias', default: true },
    // TF.js's DepthwiseConv2D defaults its depthwise kernel to BaseConv's glorotNormal; Keras 3 to glorot_uniform.
    { py: 'depthwise_initializer', js: 'depthwiseInitializer', default: 'glorot_uniform', jsDefault: 'glorotNormal' },
    ...biasTail,
    { py: 'depthwise_regularizer', js: 'depthwiseRegularizer', default: null },
    { py: 'bias_regularizer', js: 'biasRegularizer', default: null },
    { py: 'activity_regularizer', js: 'activityRegularizer', default: null },
    { py: 'depthwise_constraint', js: 'depthwiseConstraint', default: null },
    { py: 'bias_constraint', js: 'biasConstraint', default: null },
  ];
}

/** Keras `BaseSeparableConv.__init__` / `BaseDepthwiseConv.__init__`, in their order. */
function validateKeras(config: LayerConfig, rank: number, separable: boolean): void {
  checkKerasTuple(config.kernel_size, rank, 'kernel_size');
  checkKerasTuple(config.strides, rank, 'strides');
  checkKerasTuple(config.dilation_rate, rank, 'dilation_rate');
  checkKerasPadding(config.padding, false);
  checkKerasDataFormat(config.data_format);
  const multiplier = num(config, 'depth_multiplier');
  if (multiplier !== null && multiplier <= 0) {
    throw invalid(`Invalid value for argument \`depth_multiplier\`. Expected a strictly positive value. Received depth_multiplier=${multiplier}.`);
  }
  const filters = num(config, 'filters');
  if (separable && filters !== null && filters <= 0) {
    throw invalid(`Invalid value for argument \`filters\`. Expected a strictly positive value. Received filters=${filters}.`);
  }
  const strides = intTuple(config.strides, rank);
  const dilation = intTuple(config.dilation_rate, rank);
  if (allKnown(strides) && allKnown(dilation) && Math.max(...strides) > 1 && Math.max(...dilation) > 1) {
    throw invalid(
      `\`strides > 1\` not supported in conjunction with \`dilation_rate > 1\`. Received: strides=${pyRepr(strides)} and dilation_rate=${pyRepr(dilation)}`,
    );
  }
}

/** TF.js's `addWeight` refuses a shape that is not made of non-negative integers (tfjs-core's
 *  assertNonNegativeIntegerDimensions), printing the array as JavaScript does. Unknown entries pass. */
function checkJsWeightShape(shape: Shape): void {
  if (shape.some((d) => typeof d === 'number' && !(Number.isInteger(d) && d >= 0))) {
    throw invalid(`Tensor must have a shape comprised of positive integers but got shape [${shape.map((d) => (d === null ? '' : String(d))).join(',')}].`);
  }
}

/**
 * TF.js's SeparableConv2D / DepthwiseConv2D check the rank in build() with their own message, before the input
 * spec (DepthwiseConv2D declares none; for a higher rank it computes a 4-D shape from the wrong axes, which the
 * catalog reports as the ndim mismatch instead — see the test's named divergence).
 */
function checkTfjsRank(input: Shape, rank: number, className: string, ctx: CallContext): void {
  if (input.length < rank + 2) {
    throw new LayerError(
      'input-spec',
      className.startsWith('Separable')
        ? `Inputs to ${className} should have rank ${rank + 2}, but received input shape: ${JSON.stringify(input)}`
        : `Inputs to ${className} should have rank ${rank + 2}. Received input shape: ${JSON.stringify(input)}.`,
    );
  }
  checkInputSpec({ ndim: rank + 2 }, input, 0, ctx);
}

function builtSpec(config: LayerConfig, input: Shape, rank: number, ctx: CallContext): InputSpec {
  const channels = channelDim(config, input);
  // Keras: min_ndim plus the channel axis; TF.js's SeparableConv: ndim plus the axis (its DepthwiseConv2D sets none).
  const spec: InputSpec = ctx.dialect === 'keras' ? { minNdim: rank + 2 } : { ndim: rank + 2 };
  if (typeof channels === 'number') spec.axes = { [channelAxis(config, input.length, ctx)]: channels };
  return spec;
}

function makeSeparable(className: string, tfjsFactory: string | undefined, rank: number, aliases: string[]): LayerDef {
  return {
    className,
    tfjsFactory,
    aliases,
    notes: tfjsFactory
      ? `TF.js rejects kernelInitializer/kernelRegularizer/kernelConstraint (not modelled: no such argument here) and accepts depthMultiplier <= 0 (Keras rejects it). An unknown channel count leaves the kernel sizes unknown (TF.js throws). ${NON_POSITIVE_NOTE}`
      : 'Keras only (TF.js 4.22 has no such layer).',
    args: separableArgs(rank),
    // TF.js checks the rank in build (checkTfjsRank) before any spec.
    inputSpec: (_config, ctx) => (ctx.dialect === 'keras' ? { minNdim: rank + 2 } : undefined),
    validateConfig(config, ctx) {
      if (ctx.dialect === 'keras') return validateKeras(config, rank, true);
      validateTfjs(config, rank, false);
      const padding = config.padding;
      if (typeof padding === 'string' && padding !== 'same' && padding !== 'valid') {
        throw invalid(`${className} supports only padding modes: 'same' and 'valid', but received ${JSON.stringify(padding)}`);
      }
    },
    build(config, [input], ctx) {
      if (ctx.dialect === 'tfjs') checkTfjsRank(input, rank, className, ctx);
      const channels = channelDim(config, input);
      const multiplier = num(config, 'depth_multiplier');
      const filters = num(config, 'filters');
      // Keras layouts: depthwise (*kernel_size, in, depth_multiplier), pointwise (1, …, 1, in·depth_multiplier, filters).
      const depthwise: Shape = [...intTuple(config.kernel_size, rank), channels, multiplier];
      const pointwise: Shape = [...Array<Dim>(rank).fill(1), dimMul(channels, multiplier), filters];
      if (ctx.dialect === 'tfjs') {
        checkJsWeightShape(depthwise);
        checkJsWeightShape(pointwise);
      }
      const weights: WeightDef[] = [
        { name: 'depthwise_kernel', shape: depthwise, trainable: true },
        { name: 'pointwise_kernel', shape: pointwise, trainable: true },
      ];
      if (config.use_bias !== false) weights.push({ name: 'bias', shape: [filters], trainable: true });
      return { weights, inputSpec: builtSpec(config, input, rank, ctx) };
    },
    computeOutputShape(config, [input], ctx): Shape {
      return convOutputShape(config, input, ctx, rank, num(config, 'filters'));
    },
  };
}

function makeDepthwise(className: string, tfjsFactory: string | undefined, rank: number): LayerDef {
  return {
    className,
    tfjsFactory,
    notes: tfjsFactory
      ? `TF.js computes the output shape without dilation, declares no input spec (a later call with another channel count goes unchecked there; a 5-D input is reported here as an ndim mismatch) and accepts depthMultiplier <= 0 (Keras rejects it). ${NON_POSITIVE_NOTE}`
      : 'Keras only (TF.js 4.22 has no such layer).',
    args: depthwiseArgs(rank),
    inputSpec: (_config, ctx) => (ctx.dialect === 'keras' ? { minNdim: rank + 2 } : undefined),
    validateConfig(config, ctx) {
      if (ctx.dialect === 'keras') validateKeras(config, rank, false);
      else validateTfjs(config, rank, false, false);
    },
    build(config, [input], ctx) {
      if (ctx.dialect === 'tfjs') checkTfjsRank(input, rank, className, ctx);
      const channels = channelDim(config, input);
      const multiplier = num(config, 'depth_multiplier');
      const depthwise: Shape = [...intTuple(config.kernel_size, rank), channels, multiplier];
      if (ctx.dialect === 'tfjs') checkJsWeightShape(depthwise);
      const weights: WeightDef[] = [{ name: 'depthwise_kernel', shape: depthwise, trainable: true }];
      if (config.use_bias !== false) weights.push({ name: 'bias', shape: [dimMul(channels, multiplier)], trainable: true });
      // TF.js's DepthwiseConv2D sets no input spec when built: a later call with another channel count is not
      // checked there (its output then has the new count times depth_multiplier).
      return { weights, inputSpec: ctx.dialect === 'keras' ? builtSpec(config, input, rank, ctx) : undefined };
    },
    computeOutputShape(config, [input], ctx): Shape {
      if (ctx.dialect === 'tfjs') checkTfjsRank(input, rank, className, ctx);
      const channels = channelDim(config, input);
      // TF.js's DepthwiseConv2D computes its shape without dilation (it convolves with it); Keras with it.
      return convOutputShape(config, input, ctx, rank, dimMul(channels, num(config, 'depth_multiplier')), ctx.dialect === 'keras');
    },
  };
}

export const depthwiseLayers: LayerDef[] = [
  makeSeparable('SeparableConv1D', undefined, 1, ['SeparableConvolution1D']),
  makeSeparable('SeparableConv2D', 'separableConv2d', 2, ['SeparableConvolution2D']),
  makeDepthwise('DepthwiseConv1D', undefined, 1),
  makeDepthwise('DepthwiseConv2D', 'depthwiseConv2d', 2),
];
