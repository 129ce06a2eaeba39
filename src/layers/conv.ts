// Convolution layers: Conv1D/2D/3D and Conv1D/2D/3DTranspose (keras/src/layers/convolutional/*.py, keras/src/ops/
// operation_utils.py; tfjs-layers/src/layers/convolutional.ts, utils/conv_utils.ts). Shape math, weights and
// config checks only; no convolution is ever computed. Separable/depthwise variants live in depthwise.ts.

import { dimAdd, dimCeilDiv, dimFloorDiv, dimMul, dimSub, formatShapeJs, formatShapePython, type Dim, type Shape } from '../graph/shape';
import {
  allKnown,
  channelsFirst,
  checkJsArray,
  checkJsPositiveInteger,
  checkJsUnion,
  checkKerasDataFormat,
  checkKerasTuple,
  intTuple,
  invalid,
  npArray,
  num,
  pyRepr,
  unknownLayout,
} from './config';
import { isUnknown, LayerError, type ArgDef, type CallContext, type ConfigValue, type InputSpec, type LayerConfig, type LayerDef, type WeightDef } from './types';

// ---------------------------------------------------------------------------------------------------------------
// Output-length arithmetic shared with pooling.ts.

/**
 * One spatial output length of a convolution or pooling: Keras `compute_conv_output_shape` /
 * `compute_pooling_output_shape` and TF.js `convOutputLength` agree on it for 'valid' and 'same'
 * (valid: floor((L - dilated_k) / s) + 1; same: ceil(L / s)). Unknown config values give an unknown length.
 */
export function convOutputLength(length: Dim, kernel: number | null, stride: number | null, dilation: number | null, same: boolean): Dim {
  if (kernel === null || stride === null || dilation === null) return null;
  // A zero or negative stride: Keras rejects it at construction (validateConfig); TF.js computes Infinity/NaN
  // sizes. Neither is a shape, so the length is unknown.
  if (stride <= 0) return null;
  if (same) return dimCeilDiv(length, stride);
  const dilatedKernel = dilation * (kernel - 1) + 1;
  if (stride === 1) return dimSub(length, dilatedKernel - 1);
  return dimAdd(dimFloorDiv(dimSub(length, dilatedKernel), stride), 1);
}

/** Input axes holding the spatial dimensions, for an input of `rank + 2` dims. */
export function spatialAxes(rank: number, first: boolean): number[] {
  return Array.from({ length: rank }, (_, i) => (first ? i + 2 : i + 1));
}

/**
 * The error both dialects raise when a known output length is zero or negative. Keras 3 raises this itself
 * (operation_utils.py); TF.js 4.22 does not check and builds a layer whose output has a size <= 0, which fails (or
 * silently holds no data) once real tensors flow. We report it in TF.js files too, in our own words, rather than
 * hand a negative dimension to the next layer. See the explicit case list in the tests.
 */
export function nonPositiveSizeError(tfjsOutput: Shape, tfjsInput: Shape, detail: string): LayerError {
  return new LayerError(
    'negative-dim',
    `Computed output size would be zero or negative: TF.js computes output shape ${formatShapeJs(tfjsOutput)} ` +
      `for input shape ${formatShapeJs(tfjsInput)} (${detail}). TF.js does not reject it when the model is built, ` +
      `but a zero or negative size cannot hold data when the model runs.`,
  );
}

/** The docs note for the divergence above. */
export const NON_POSITIVE_NOTE = 'TF.js 4.22 builds a zero or negative output size without error; the catalog reports it in both dialects.';

export function hasNonPositive(dims: readonly Dim[]): boolean {
  return dims.some((d) => typeof d === 'number' && d <= 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Arguments.

function isJsIntArray(v: ConfigValue | undefined): boolean {
  return typeof v === 'number' || (Array.isArray(v) && v.every((x) => typeof x === 'number'));
}

/** Arguments after `dilation_rate`/`groups`, shared by every conv layer here (Keras order). */
const tailArgs: ArgDef[] = [
  { py: 'activation', js: 'activation', default: null },
  { py: 'use_bias', js: 'useBias', default: true },
  // TF.js's BaseConv uses DEFAULT_KERNEL_INITIALIZER = 'glorotNormal'; Keras 3 uses glorot_uniform.
  { py: 'kernel_initializer', js: 'kernelInitializer', default: 'glorot_uniform', jsDefault: 'glorotNormal' },
  { py: 'bias_initializer', js: 'biasInitializer', default: 'zeros' },
  { py: 'kernel_regularizer', js: 'kernelRegularizer', default: null },
  { py: 'bias_regularizer', js: 'biasRegularizer', default: null },
  { py: 'activity_regularizer', js: 'activityRegularizer', default: null },
  { py: 'kernel_constraint', js: 'kernelConstraint', default: null },
  { py: 'bias_constraint', js: 'biasConstraint', default: null },
];

/** `1` for 1-D layers, `(1, 1)` / `(1, 1, 1)` otherwise: the default strides and dilation. */
export function ones(rank: number): ConfigValue {
  return rank === 1 ? 1 : Array(rank).fill(1);
}

/** The arguments every convolution starts with (Conv, SeparableConv, ConvLSTM), in Keras 3 signature order. */
export function convHeadArgs(rank: number): ArgDef[] {
  return [
    { py: 'filters', js: 'filters' },
    { py: 'kernel_size', js: 'kernelSize' },
    { py: 'strides', js: 'strides', default: ones(rank) },
    { py: 'padding', js: 'padding', default: 'valid' },
    // Keras: None means `image_data_format()`, channels_last unless configured.
    { py: 'data_format', js: 'dataFormat', default: null, jsDefault: 'channelsLast' },
    { py: 'dilation_rate', js: 'dilationRate', default: ones(rank) },
  ];
}

function convArgs(rank: number): ArgDef[] {
  return [
    ...convHeadArgs(rank),
    // Keras 3 only: TF.js 4.22 has no grouped convolution (its config has no `groups`).
    { py: 'groups', default: 1 },
    ...tailArgs,
  ];
}

function transposeArgs(rank: number): ArgDef[] {
  return [
    { py: 'filters', js: 'filters' },
    { py: 'kernel_size', js: 'kernelSize' },
    { py: 'strides', js: 'strides', default: ones(rank) },
    { py: 'padding', js: 'padding', default: 'valid' },
    // Keras 3 only: TF.js's Conv2DTranspose/Conv3DTranspose have no output padding.
    { py: 'output_padding', default: null },
    { py: 'data_format', js: 'dataFormat', default: null, jsDefault: 'channelsLast' },
    // TF.js accepts `dilationRate` (inherited from BaseConv) but its deconvLength ignores it.
    { py: 'dilation_rate', js: 'dilationRate', default: ones(rank) },
    ...tailArgs,
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Config checks, in the order each runtime runs them in its constructor.

export function checkKerasPadding(v: ConfigValue | undefined, allowCausal: boolean): void {
  if (typeof v !== 'string') return;
  const allowed = allowCausal ? ['valid', 'same', 'causal'] : ['valid', 'same'];
  if (!allowed.includes(v.toLowerCase())) {
    throw invalid(
      `The \`padding\` argument must be a list/tuple or one of {${allowed.map((a) => `'${a}'`).join(', ')}}. Received: ${v.toLowerCase()}`,
    );
  }
}

/** Keras `BaseConv.__init__` / `BaseConvTranspose.__init__` (base_conv.py, base_conv_transpose.py). */
export function validateKeras(config: LayerConfig, rank: number, transpose: boolean): void {
  checkKerasTuple(config.kernel_size, rank, 'kernel_size');
  checkKerasTuple(config.strides, rank, 'strides');
  checkKerasTuple(config.dilation_rate, rank, 'dilation_rate');
  checkKerasPadding(config.padding, rank === 1 && !transpose);
  if (transpose && config.output_padding !== null) checkKerasTuple(config.output_padding, rank, 'output_padding', true);
  checkKerasDataFormat(config.data_format);
  const filters = num(config, 'filters');
  if (filters !== null && filters <= 0) {
    throw invalid(`Invalid value for argument \`filters\`. Expected a strictly positive value. Received filters=${filters}.`);
  }
  const strides = intTuple(config.strides, rank);
  const dilation = intTuple(config.dilation_rate, rank);
  if (!transpose) {
    const groups = num(config, 'groups');
    if (groups !== null && groups <= 0) {
      throw invalid(`The number of groups must be a positive integer. Received: groups=${groups}.`);
    }
    if (filters !== null && groups !== null && filters % groups !== 0) {
      throw invalid(
        `The number of filters must be evenly divisible by the number of groups. Received: groups=${groups}, filters=${filters}.`,
      );
    }
  } else if (config.output_padding !== null && !isUnknown(config.output_padding)) {
    const outputPadding = intTuple(config.output_padding, rank);
    if (outputPadding.some((p, i) => p !== null && strides[i] !== null && p >= (strides[i] as number))) {
      throw invalid(`\`output_padding\` must be < \`strides\`. output_padding=${pyRepr(outputPadding)}, strides=${pyRepr(strides)}`);
    }
  }
  if (allKnown(strides) && allKnown(dilation) && Math.max(...strides) > 1 && Math.max(...dilation) > 1) {
    throw invalid(
      `\`strides > 1\` not supported in conjunction with \`dilation_rate > 1\`. Received: strides=${pyRepr(strides)} and dilation_rate=${pyRepr(dilation)}`,
    );
  }
}

/** TF.js `BaseConv` / `Conv` / `Conv1D|Conv2D|Conv3D` / `Conv2DTranspose|Conv3DTranspose` constructors
 *  (convolutional.ts). */
export function validateTfjs(config: LayerConfig, rank: number, transpose: boolean, withFilters = true): void {
  const kernel = config.kernel_size;
  const kernelKnown = kernel !== undefined && !isUnknown(kernel) && !(Array.isArray(kernel) && kernel.some(isUnknown));
  const kernelOk = typeof kernel === 'number' || (Array.isArray(kernel) && kernel.length >= 1 && kernel.length <= 3 && isJsIntArray(kernel));
  if (kernelKnown && !kernelOk) {
    throw invalid(
      `BaseConv expects config.kernelSize to be number or number[] with length 1, 2, or 3, but received ${JSON.stringify(kernel)}.`,
    );
  }
  checkJsArray(kernel, rank, 'kernelSize');
  checkJsArray(config.strides === null ? 1 : config.strides, rank, 'strides');
  checkJsUnion(config.padding, ['valid', 'same', 'causal'], 'PaddingMode');
  checkJsUnion(config.data_format, ['channelsFirst', 'channelsLast'], 'DataFormat');
  checkJsArray(config.dilation_rate === null ? 1 : config.dilation_rate, rank, 'dilationRate');
  // DepthwiseConv2D extends BaseConv, not Conv: it has no filters to check.
  if (!withFilters) return;
  const filters = config.filters;
  if (!isUnknown(filters) && (typeof filters !== 'number' || filters < 1)) {
    throw invalid(`Convolution layer expected config.filters to be a 'number' > 0 but got ${JSON.stringify(filters)}`);
  }
  checkJsPositiveInteger(filters, 'filters');
  if (transpose && typeof config.padding === 'string' && config.padding !== 'same' && config.padding !== 'valid') {
    throw invalid(
      `Conv${rank}DTranspose currently supports only padding modes 'same' and 'valid', but received padding mode ${config.padding}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The layers.

export function paddingMode(config: LayerConfig): string | null {
  return typeof config.padding === 'string' ? config.padding.toLowerCase() : null;
}

export function channelAxis(config: LayerConfig, ndim: number, ctx: CallContext): number {
  // Keras declares the channel axis as -1 (messages say "axis -1"); TF.js as ndim - 1 ("axis 3").
  if (channelsFirst(config)) return 1;
  return ctx.dialect === 'keras' ? -1 : ndim - 1;
}

export function channelDim(config: LayerConfig, input: Shape): Dim {
  if (isUnknown(config.data_format)) return null;
  return channelsFirst(config) ? input[1] : input[input.length - 1];
}

function makeConv(className: string, tfjsFactory: string, rank: number, aliases: string[]): LayerDef {
  return {
    className,
    tfjsFactory,
    aliases,
    notes:
      (rank === 1 ? "padding='causal': Keras computes it like 'same', TF.js's shape rule like 'valid' (and TF.js fails when run). " : '') +
      `${NON_POSITIVE_NOTE} An unknown channel count leaves the kernel size unknown (TF.js throws). \`groups\` is Keras only.`,
    args: convArgs(rank),
    // Keras 3 declares min_ndim=rank+2 and rejects other ranks in compute_conv_output_shape; TF.js says ndim.
    inputSpec: (_config, ctx) => (ctx.dialect === 'keras' ? { minNdim: rank + 2 } : { ndim: rank + 2 }),
    validateConfig(config, ctx) {
      if (ctx.dialect === 'keras') validateKeras(config, rank, false);
      else validateTfjs(config, rank, false);
    },
    build(config, [input], ctx) {
      const channels = channelDim(config, input);
      // TF.js has no groups; resolveConfig leaves the Keras default of 1 for TS/JS files.
      const groups = ctx.dialect === 'keras' ? num(config, 'groups') : 1;
      if (ctx.dialect === 'keras' && typeof channels === 'number' && groups !== null && channels % groups !== 0) {
        throw invalid(
          `The number of input channels must be evenly divisible by the number of groups. Received groups=${groups}, ` +
            `but the input has ${channels} channels (full input shape is ${formatShapePython(input)}).`,
        );
      }
      // An unknown channel count: TF.js throws "The channel dimension of the input should be defined", Keras fails
      // in its arithmetic; but null here may only mean "not statically known", so weights stay unknown instead.
      const kernel: Shape = [...intTuple(config.kernel_size, rank), groups === null ? null : dimFloorDiv(channels, groups), num(config, 'filters')];
      const weights: WeightDef[] = [{ name: 'kernel', shape: kernel, trainable: true }];
      if (config.use_bias !== false) weights.push({ name: 'bias', shape: [num(config, 'filters')], trainable: true });
      const spec: InputSpec = ctx.dialect === 'keras' ? { minNdim: rank + 2 } : { ndim: rank + 2 };
      if (typeof channels === 'number') spec.axes = { [channelAxis(config, input.length, ctx)]: channels };
      return { weights, inputSpec: spec };
    },
    computeOutputShape(config, [input], ctx): Shape {
      return convOutputShape(config, input, ctx, rank, num(config, 'filters'));
    },
  };
}

/**
 * The output shape of a convolution with `filters` output channels (Keras `compute_conv_output_shape`, TF.js
 * `Conv.computeOutputShape`), raising each runtime's error; shared with the separable/depthwise layers.
 * `dilationInShape` false: TF.js's DepthwiseConv2D computes its shape without the dilation it convolves with.
 */
export function convOutputShape(config: LayerConfig, input: Shape, ctx: CallContext, rank: number, filters: Dim, dilationInShape = true): Shape {
  const first = channelsFirst(config);
  const kernel = intTuple(config.kernel_size, rank);
  const strides = intTuple(config.strides, rank);
  const dilation = intTuple(config.dilation_rate, rank);
  const padding = paddingMode(config);
  const unknown = unknownLayout(config, input);
  if (ctx.dialect === 'keras' && input.length !== rank + 2) {
    const kernelShape = [...kernel, channelDim(config, input), filters];
    throw new LayerError(
      'input-spec',
      `Kernel shape must have the same length as input, but received kernel of shape ${formatShapePython(kernelShape)} ` +
        `and input of shape ${formatShapePython(input)}.`,
    );
  }
  if (unknown) return unknown;
  // Keras computes 'causal' like 'same' (the input is left-padded). TF.js 4.22's convOutputLength treats any
  // mode other than 'same' as 'valid', so a causal Conv1D is one kernel shorter there at model-building time
  // (and its conv1dWithBias then throws "CAUSAL padding mode … is not implemented yet" when run).
  const same = padding === 'same' || (padding === 'causal' && ctx.dialect === 'keras');
  const unknownPadding = padding === null;
  const space = spatialAxes(rank, first).map((axis, i) =>
    unknownPadding ? null : convOutputLength(input[axis], kernel[i], strides[i], dilationInShape ? dilation[i] : 1, same),
  );
  const output: Shape = first ? [input[0], filters, ...space] : [input[0], ...space, filters];
  if (hasNonPositive(space)) {
    if (ctx.dialect === 'keras') {
      const kernelShape = [...kernel, channelDim(config, input), filters];
      throw new LayerError(
        'negative-dim',
        `Computed output size would be zero or negative. Received \`inputs shape=${formatShapePython(input)}\`, ` +
          `\`kernel shape=${formatShapePython(kernelShape)}\`, \`dilation_rate=${npArray(dilation)}\`, ` +
          `\`strides=${pyRepr(strides)}\`, \`padding=${padding}\`.`,
      );
    }
    throw nonPositiveSizeError(output, input, `kernelSize=${JSON.stringify(kernel)}, strides=${JSON.stringify(strides)}, padding=${padding}`);
  }
  return output;
}

/** Keras `_get_output_shape_given_tf_padding` (backend/common/backend_utils.py). */
function kerasDeconvLength(length: Dim, kernel: number | null, stride: number | null, dilation: number | null, same: boolean, outputPadding: number | null | undefined): Dim {
  if (kernel === null || stride === null || dilation === null || outputPadding === null) return null;
  const dilatedKernel = (kernel - 1) * dilation + 1;
  if (outputPadding === undefined) {
    return same ? dimMul(length, stride) : dimAdd(dimMul(length, stride), Math.max(dilatedKernel - stride, 0));
  }
  const base = dimMul(dimSub(length, 1), stride);
  return dimAdd(base, (same ? dilatedKernel % 2 : dilatedKernel) + outputPadding);
}

/** TF.js `deconvLength` (utils/conv_utils.ts): no dilation, no output padding. */
function tfjsDeconvLength(length: Dim, kernel: number | null, stride: number | null, same: boolean): Dim {
  if (kernel === null || stride === null) return null;
  return same ? dimMul(length, stride) : dimAdd(dimMul(length, stride), Math.max(kernel - stride, 0));
}

/** Conv1D/2D/3DTranspose. `tfjsFactory` undefined: Keras only (TF.js 4.22 has no Conv1DTranspose). */
function makeTranspose(className: string, tfjsFactory: string | undefined, rank: number, aliases: string[]): LayerDef {
  return {
    className,
    tfjsFactory,
    aliases,
    notes: tfjsFactory
      ? 'TF.js has no output_padding and ignores dilationRate in the output shape (Keras uses both). An unknown channel count leaves the kernel size unknown (TF.js throws).'
      : 'Keras only (TF.js 4.22 has no such layer).',
    args: transposeArgs(rank),
    // Keras declares min_ndim=rank+2 but its transpose shape rule then fails on other ranks with no message of its
    // own; ndim=rank+2 gives the user the clear input-spec message in both dialects (TF.js declares ndim).
    inputSpec: () => ({ ndim: rank + 2 }),
    validateConfig(config, ctx) {
      if (ctx.dialect === 'keras') validateKeras(config, rank, true);
      else validateTfjs(config, rank, true);
    },
    build(config, [input], ctx) {
      const channels = channelDim(config, input);
      // Keras lays the transposed kernel out as (*kernel_size, filters, in_channels); TF.js does the same.
      const kernel: Shape = [...intTuple(config.kernel_size, rank), num(config, 'filters'), channels];
      const weights: WeightDef[] = [{ name: 'kernel', shape: kernel, trainable: true }];
      if (config.use_bias !== false) weights.push({ name: 'bias', shape: [num(config, 'filters')], trainable: true });
      const spec: InputSpec = { ndim: rank + 2 };
      if (typeof channels === 'number') spec.axes = { [channelAxis(config, rank + 2, ctx)]: channels };
      return { weights, inputSpec: spec };
    },
    computeOutputShape(config, [input], ctx): Shape {
      const unknown = unknownLayout(config, input);
      if (unknown) return unknown;
      const first = channelsFirst(config);
      const kernel = intTuple(config.kernel_size, rank);
      const strides = intTuple(config.strides, rank);
      const dilation = intTuple(config.dilation_rate, rank);
      const padding = paddingMode(config);
      const filters = num(config, 'filters');
      const outputPadding =
        config.output_padding === null ? undefined : isUnknown(config.output_padding) ? Array<null>(rank).fill(null) : intTuple(config.output_padding, rank);
      const space = spatialAxes(rank, first).map((axis, i) => {
        if (padding === null) return null;
        return ctx.dialect === 'keras'
          ? kerasDeconvLength(input[axis], kernel[i], strides[i], dilation[i], padding === 'same', outputPadding?.[i])
          : tfjsDeconvLength(input[axis], kernel[i], strides[i], padding === 'same');
      });
      return first ? [input[0], filters, ...space] : [input[0], ...space, filters];
    },
  };
}

export const convLayers: LayerDef[] = [
  makeConv('Conv1D', 'conv1d', 1, ['Convolution1D']),
  makeConv('Conv2D', 'conv2d', 2, ['Convolution2D']),
  makeConv('Conv3D', 'conv3d', 3, ['Convolution3D']),
  makeTranspose('Conv1DTranspose', undefined, 1, ['Convolution1DTranspose']),
  makeTranspose('Conv2DTranspose', 'conv2dTranspose', 2, ['Convolution2DTranspose']),
  makeTranspose('Conv3DTranspose', 'conv3dTranspose', 3, ['Convolution3DTranspose']),
];
