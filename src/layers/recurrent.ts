// Recurrent layers: SimpleRNN, LSTM, GRU (keras/src/layers/rnn/*.py; tfjs-layers/src/layers/recurrent.ts).
// Output shapes (with return_sequences / return_state), weights and config checks only; the cells and the generic
// RNN(cell) wrapper are in rnnCells.ts, ConvLSTM in convLstm.ts; Bidirectional and initial_state are not here.

import { dimMul, formatShapePython, type Dim, type Shape } from '../graph/shape';
import { checkJsPositiveInteger, invalid, num } from './config';
import { LayerError, type ArgDef, type CallContext, type InputSpec, type LayerConfig, type LayerDef, type WeightDef } from './types';

/** Initializer arguments, shared by the three layers (Keras order). TF.js's cells default the kernel to
 *  glorotNormal where Keras 3 uses glorot_uniform. */
export const initializerArgs: ArgDef[] = [
  { py: 'kernel_initializer', js: 'kernelInitializer', default: 'glorot_uniform', jsDefault: 'glorotNormal' },
  { py: 'recurrent_initializer', js: 'recurrentInitializer', default: 'orthogonal' },
  { py: 'bias_initializer', js: 'biasInitializer', default: 'zeros' },
];

export const regularizerArgs: ArgDef[] = [
  { py: 'kernel_regularizer', js: 'kernelRegularizer', default: null },
  { py: 'recurrent_regularizer', js: 'recurrentRegularizer', default: null },
  { py: 'bias_regularizer', js: 'biasRegularizer', default: null },
  { py: 'activity_regularizer', js: 'activityRegularizer', default: null },
  { py: 'kernel_constraint', js: 'kernelConstraint', default: null },
  { py: 'recurrent_constraint', js: 'recurrentConstraint', default: null },
  { py: 'bias_constraint', js: 'biasConstraint', default: null },
  { py: 'dropout', js: 'dropout', default: 0.0 },
  { py: 'recurrent_dropout', js: 'recurrentDropout', default: 0.0 },
];

export const sequenceArgs: ArgDef[] = [
  { py: 'return_sequences', js: 'returnSequences', default: false },
  { py: 'return_state', js: 'returnState', default: false },
  { py: 'go_backwards', js: 'goBackwards', default: false },
  { py: 'stateful', js: 'stateful', default: false },
  { py: 'unroll', js: 'unroll', default: false },
];

// Keras 3 only: TF.js takes a `dropoutFunc` instead of a seed.
export const seedArg: ArgDef = { py: 'seed', default: null };
// TF.js's LSTM/GRU cells default recurrentActivation to hardSigmoid; Keras 3 uses sigmoid.
export const recurrentActivationArg: ArgDef = { py: 'recurrent_activation', js: 'recurrentActivation', default: 'sigmoid', jsDefault: 'hardSigmoid' };

export const simpleRnnArgs: ArgDef[] = [
  { py: 'units', js: 'units' },
  { py: 'activation', js: 'activation', default: 'tanh' },
  { py: 'use_bias', js: 'useBias', default: true },
  ...initializerArgs,
  ...regularizerArgs,
  ...sequenceArgs,
  seedArg,
];

export const lstmArgs: ArgDef[] = [
  { py: 'units', js: 'units' },
  { py: 'activation', js: 'activation', default: 'tanh' },
  recurrentActivationArg,
  { py: 'use_bias', js: 'useBias', default: true },
  ...initializerArgs,
  { py: 'unit_forget_bias', js: 'unitForgetBias', default: true },
  ...regularizerArgs,
  seedArg,
  ...sequenceArgs,
  { py: 'use_cudnn', default: 'auto' },
];

export const gruArgs: ArgDef[] = [
  { py: 'units', js: 'units' },
  { py: 'activation', js: 'activation', default: 'tanh' },
  recurrentActivationArg,
  { py: 'use_bias', js: 'useBias', default: true },
  ...initializerArgs,
  ...regularizerArgs,
  seedArg,
  ...sequenceArgs,
  // Keras 3 defaults to reset_after=True (a second bias per gate, cuDNN-compatible); TF.js 4.22 only implements
  // reset_after=false and throws if asked for true. This is why a GRU's parameter count differs between the two.
  { py: 'reset_after', js: 'resetAfter', default: true, jsDefault: false },
  { py: 'use_cudnn', default: 'auto' },
];

export interface Cell {
  /** Gates sharing the kernel: 1 (SimpleRNN), 3 (GRU), 4 (LSTM). */
  gates: number;
  /** Number of state tensors: LSTM has h and c. */
  states: number;
}

export function validateUnits(config: LayerConfig, ctx: { dialect: string }): void {
  const units = config.units;
  if (ctx.dialect === 'keras') {
    if (typeof units === 'number' && units <= 0) {
      throw invalid(`Received an invalid value for argument \`units\`, expected a positive integer, got ${units}.`);
    }
  } else {
    checkJsPositiveInteger(units, 'units');
  }
}

/** Both runtimes need a static batch size for stateful RNNs. A null batch here is what an Input without batch_size
 *  gives, so this is the user's real mistake, not an unknown of ours. */
export function checkStatefulBatch(config: LayerConfig, input: Shape, ctx: CallContext): void {
  if (config.stateful !== true || input[0] !== null) return;
  throw new LayerError(
    'invalid-input',
    ctx.dialect === 'keras'
      ? `When using \`stateful=True\` in a RNN, the batch size must be static. Found dynamic batch size: sequence.shape=${formatShapePython(input)}`
      : 'If an RNN is stateful, it needs to know its batch size. Specify the batch size of your input tensors: \n' +
          '- If using a Sequential model, specify the batch size by passing a `batchInputShape` option to your first layer.\n' +
          '- If using the functional API, specify the batch size by passing a `batchShape` option to your Input layer.',
  );
}

/** One cell's weights in Keras's names and layouts: kernel (in, gates·units), recurrent_kernel (units, gates·units),
 *  bias (gates·units), or (2, 3·units) for a GRU with reset_after (separate input and recurrent biases). */
export function cellWeights(config: LayerConfig, cell: Cell, gru: boolean, inputDim: Dim): WeightDef[] {
  const units = num(config, 'units');
  const width = dimMul(units, cell.gates);
  const weights: WeightDef[] = [
    { name: 'kernel', shape: [inputDim, width], trainable: true },
    { name: 'recurrent_kernel', shape: [units, width], trainable: true },
  ];
  if (config.use_bias !== false) {
    const resetAfter = gru && config.reset_after === true;
    weights.push({ name: 'bias', shape: resetAfter ? [2, width] : [width], trainable: true });
  }
  return weights;
}

/** Later calls must keep the feature size. TF.js declares it as a full-shape spec [batch if stateful, null,
 *  features]; Keras 3 keeps ndim=3 and fails inside its matmul, which we report as the axis check instead. */
export function builtRnnSpec(config: LayerConfig, input: Shape, ctx: CallContext): InputSpec {
  const inputDim = input[2];
  if (typeof inputDim !== 'number') return { ndim: 3 };
  return ctx.dialect === 'keras'
    ? { ndim: 3, axes: { [-1]: inputDim } }
    : { ndim: 3, shape: [config.stateful === true && typeof input[0] === 'number' ? input[0] : null, null, inputDim] };
}

function makeRecurrent(className: string, tfjsFactory: string, args: ArgDef[], cell: Cell): LayerDef {
  return {
    className,
    tfjsFactory,
    args,
    notes:
      (className === 'GRU'
        ? 'Keras 3 defaults to reset_after=True (a second bias per gate); TF.js 4.22 implements only resetAfter=false (and throws for true), so parameter counts differ. '
        : '') + 'An unknown feature size leaves the weights unknown (TF.js throws). initial_state inputs are not modelled.',
    inputSpec: () => ({ ndim: 3 }),
    returnsList: (config) => config.return_state === true,
    validateConfig(config, ctx) {
      // TF.js's GRUCell checks resetAfter before units.
      if (ctx.dialect === 'tfjs' && className === 'GRU' && config.reset_after === true) {
        throw invalid('GRUCell does not support reset_after parameter set to true.');
      }
      validateUnits(config, ctx);
    },
    build(config, [input], ctx) {
      checkStatefulBatch(config, input, ctx);
      // An unknown feature size: TF.js throws ("Tensor must have a shape comprised of positive integers"), but
      // null may only mean "not statically known", so the weights stay unknown instead.
      const weights = cellWeights(config, cell, className === 'GRU', input[2]);
      return { weights, inputSpec: builtRnnSpec(config, input, ctx) };
    },
    computeOutputShape(config, [input]): Shape | Shape[] {
      const units = num(config, 'units');
      const output: Shape = config.return_sequences === true ? [input[0], input[1], units] : [input[0], units];
      if (config.return_state !== true) return output;
      return [output, ...Array.from({ length: cell.states }, (): Shape => [input[0], units])];
    },
  };
}

export const recurrentLayers: LayerDef[] = [
  makeRecurrent('SimpleRNN', 'simpleRNN', simpleRnnArgs, { gates: 1, states: 1 }),
  makeRecurrent('LSTM', 'lstm', lstmArgs, { gates: 4, states: 2 }),
  makeRecurrent('GRU', 'gru', gruArgs, { gates: 3, states: 1 }),
];
