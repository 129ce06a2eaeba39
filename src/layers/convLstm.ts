// Convolutional LSTMs: ConvLSTM1D/2D/3D and TF.js's ConvLSTM2DCell (keras/src/layers/rnn/conv_lstm*.py;
// tfjs-layers/src/layers/convolutional_recurrent.ts). Shapes, weights and config checks only; TF.js has only the 2-D
// layer and cell, and the cell is modelled only when called on its own, not inside tf.layers.rnn.

import { dimMul, type Shape } from '../graph/shape';
import { channelsFirst, checkJsArray, checkJsPositiveInteger, checkJsUnion, checkKerasDataFormat, checkKerasTuple, intTuple, invalid, num, unknownLayout } from './config';
import { convHeadArgs, ones, channelDim, checkKerasPadding, convOutputLength, convOutputShape, hasNonPositive, NON_POSITIVE_NOTE, nonPositiveSizeError, paddingMode, spatialAxes } from './conv';
import { checkStatefulBatch, initializerArgs, recurrentActivationArg, regularizerArgs, seedArg, sequenceArgs } from './recurrent';
import { isUnknown, type ArgDef, type CallContext, type ConfigValue, type InputSpec, type LayerConfig, type LayerDef, type WeightDef } from './types';


/** Keras 3 ConvLSTM1D/2D/3D signature order; TF.js's convLstm2d takes the same options in camelCase. */
function convLstmArgs(rank: number, withLoop: boolean): ArgDef[] {
  return [
    ...convHeadArgs(rank),
    { py: 'activation', js: 'activation', default: 'tanh' },
    recurrentActivationArg,
    { py: 'use_bias', js: 'useBias', default: true },
    ...initializerArgs,
    { py: 'unit_forget_bias', js: 'unitForgetBias', default: true },
    ...regularizerArgs.filter((a) => withLoop || a.py !== 'activity_regularizer'),
    seedArg,
    // Keras's ConvLSTM has no `unroll`; TF.js's takes it and rejects true.
    ...(withLoop ? sequenceArgs : []),
  ];
}

/** Keras `ConvLSTMCell.__init__` (conv_lstm.py): strides may be 0 there (allow_zero=True); no causal padding. */
function validateKeras(config: LayerConfig, rank: number): void {
  checkKerasTuple(config.kernel_size, rank, 'kernel_size');
  checkKerasTuple(config.strides, rank, 'strides', true);
  checkKerasPadding(config.padding, false);
  checkKerasDataFormat(config.data_format);
  checkKerasTuple(config.dilation_rate, rank, 'dilation_rate');
}

/** TF.js `ConvLSTM2DCell` then `ConvRNN2D` constructors. The cell is an LSTMCell with units = filters, so a bad
 *  `filters` is reported as `units`; `strides || 1` and `dilationRate || 1` read 0 as 1. */
function validateTfjs(config: LayerConfig, withLoop: boolean): void {
  // The cell checks each entry on its own (`forEach(size => assertPositiveInteger(size, 'kernelSize'))`).
  const eachPositive = (v: ConfigValue | undefined, name: string) => (Array.isArray(v) ? v : [v]).forEach((x) => checkJsPositiveInteger(x, name));
  checkJsPositiveInteger(config.filters, 'units');
  checkJsArray(config.kernel_size, 2, 'kernelSize');
  eachPositive(config.kernel_size, 'kernelSize');
  const strides = config.strides === 0 || config.strides === null ? 1 : config.strides;
  checkJsArray(strides, 2, 'strides');
  eachPositive(strides, 'strides');
  checkJsUnion(config.padding, ['valid', 'same', 'causal'], 'PaddingMode');
  checkJsUnion(config.data_format, ['channelsFirst', 'channelsLast'], 'DataFormat');
  const dilation = config.dilation_rate === 0 || config.dilation_rate === null ? 1 : config.dilation_rate;
  checkJsArray(dilation, 2, 'dilationRate');
  eachPositive(dilation, 'dilationRate');
  if (withLoop && config.unroll === true) throw invalid('Unrolling is not possible with convolutional RNNs.');
}

/** Strides / dilation as the runtime reads them (TF.js: 0 means 1). */
function readTuple(config: LayerConfig, key: string, rank: number, ctx: CallContext): (number | null)[] {
  const v = config[key];
  return intTuple(ctx.dialect === 'tfjs' && v === 0 ? 1 : v, rank).map((x) => (ctx.dialect === 'tfjs' && x === 0 ? 1 : x));
}

/** Kernel (*kernel_size, in, 4·filters), recurrent kernel (*kernel_size, filters, 4·filters), bias (4·filters). */
function weights(config: LayerConfig, input: Shape, rank: number): WeightDef[] {
  const filters = num(config, 'filters');
  const kernelSize = intTuple(config.kernel_size, rank);
  const width = dimMul(filters, 4);
  const out: WeightDef[] = [
    { name: 'kernel', shape: [...kernelSize, channelDim(config, input), width], trainable: true },
    { name: 'recurrent_kernel', shape: [...kernelSize, filters, width], trainable: true },
  ];
  if (config.use_bias !== false) out.push({ name: 'bias', shape: [width], trainable: true });
  return out;
}

/** One step's output (batch, *space, filters) or channels-first, for a step input (batch, *space, channels). */
function stepOutput(config: LayerConfig, step: Shape, rank: number, ctx: CallContext, fullFor: (s: Shape) => Shape, input: Shape): Shape {
  if (ctx.dialect === 'keras') return convOutputShape(config, step, ctx, rank, num(config, 'filters'));
  const unknown = unknownLayout(config, step);
  if (unknown) return unknown;
  const first = channelsFirst(config);
  const kernel = intTuple(config.kernel_size, rank);
  const strides = readTuple(config, 'strides', rank, ctx);
  const dilation = readTuple(config, 'dilation_rate', rank, ctx);
  const padding = paddingMode(config);
  // TF.js's convOutputLength treats every mode but 'same' (so 'causal' too) as 'valid'.
  const space = spatialAxes(rank, first).map((axis, i) => (padding === null ? null : convOutputLength(step[axis], kernel[i], strides[i], dilation[i], padding === 'same')));
  const filters = num(config, 'filters');
  const output: Shape = first ? [step[0], filters, ...space] : [step[0], ...space, filters];
  if (hasNonPositive(space)) {
    // As for convolutions, TF.js builds the layer with a size <= 0; the message quotes TF.js's layer output.
    throw nonPositiveSizeError(fullFor(output), input, `kernelSize=${JSON.stringify(kernel)}, strides=${JSON.stringify(strides)}, padding=${padding}`);
  }
  return output;
}

function makeConvLstm(className: string, tfjsFactory: string | undefined, rank: number): LayerDef {
  return {
    className,
    tfjsFactory,
    notes: tfjsFactory
      ? "TF.js reads strides/dilationRate 0 as 1, reports a bad filters as `units`, computes padding 'causal' as 'valid' (Keras rejects it) and rejects unroll; a stateful layer on an unknown spatial size cannot allocate its state in TF.js (no error here). Keras requires static spatial sizes and a known channel count; an unknown one leaves sizes unknown here. " + NON_POSITIVE_NOTE
      : 'Keras only (TF.js 4.22 has only ConvLSTM2D). Keras requires static spatial sizes and a known channel count; an unknown one leaves sizes unknown here.',
    args: convLstmArgs(rank, true),
    inputSpec: () => ({ ndim: rank + 3 }),
    returnsList: (config) => config.return_state === true,
    validateConfig(config, ctx) {
      if (ctx.dialect === 'keras') validateKeras(config, rank);
      else validateTfjs(config, true);
    },
    build(config, [input], ctx) {
      const step = [input[0], ...input.slice(2)];
      // An unknown channel count: TF.js throws and Keras raises ("should be defined"), but null may only mean
      // "not statically known" here, so the weights stay unknown instead. Keras also demands static spatial sizes;
      // the same reasoning applies.
      const built = weights(config, step, rank);
      checkStatefulBatch(config, input, ctx);
      // Later calls: Keras pins ndim and the channel axis; TF.js pins every size after the time axis (and the
      // batch size when stateful), as RNN.build does.
      let spec: InputSpec = { ndim: rank + 3 };
      if (ctx.dialect === 'tfjs') {
        spec = { ndim: rank + 3, shape: [config.stateful === true && typeof input[0] === 'number' ? input[0] : null, null, ...input.slice(2).map((d) => (typeof d === 'number' ? d : null))] };
      } else {
        const channels = channelDim(config, step);
        // The time axis shifts channels-first channels to axis 2.
        if (typeof channels === 'number' && !isUnknown(config.data_format)) spec.axes = { [channelsFirst(config) ? 2 : -1]: channels };
      }
      return { weights: built, inputSpec: spec };
    },
    computeOutputShape(config, [input], ctx): Shape | Shape[] {
      const step: Shape = [input[0], ...input.slice(2)];
      const sequences = config.return_sequences === true;
      const full = (s: Shape): Shape => (sequences ? [s[0], input[1], ...s.slice(1)] : s);
      const state = stepOutput(config, step, rank, ctx, full, input);
      const output = full(state);
      if (config.return_state !== true) return output;
      return [output, state, state];
    },
  };
}

/** tf.layers.convLstm2dCell called on its own: (batch, h, w, channels) → one step's (batch, h', w', filters). */
const ConvLSTM2DCell: LayerDef = {
  className: 'ConvLSTM2DCell',
  tfjsFactory: 'convLstm2dCell',
  notes: 'TF.js only. Modelled when called on its own (one step); inside tf.layers.rnn its sizes are unknown.',
  args: convLstmArgs(2, false),
  validateConfig(config, ctx) {
    if (ctx.dialect === 'tfjs') validateTfjs(config, false);
    else validateKeras(config, 2);
  },
  build(config, [input]) {
    return { weights: weights(config, input, 2) };
  },
  computeOutputShape(config, [input], ctx): Shape {
    return stepOutput(config, input, 2, ctx, (s) => s, input);
  },
};

export const convLstmLayers: LayerDef[] = [
  makeConvLstm('ConvLSTM1D', undefined, 1),
  makeConvLstm('ConvLSTM2D', 'convLstm2d', 2),
  makeConvLstm('ConvLSTM3D', undefined, 3),
  ConvLSTM2DCell,
];


