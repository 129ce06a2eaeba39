// Core layers: InputLayer, Dense, Activation (keras/src/layers/core/*.py, tfjs-layers/src/layers/core.ts).
// Shape math and weights only; the evaluator handles calling, naming and diagnostics.

import type { Shape } from '../graph/shape';
import { num } from './config';
import type { ArgDef, LayerDef } from './types';

/** Arguments every layer takes; the evaluator reads them (name, input_shape …) for all layers alike. */
export const commonArgs: ArgDef[] = [
  { py: 'name', js: 'name', default: null },
  { py: 'dtype', js: 'dtype', default: null },
  { py: 'trainable', js: 'trainable', default: true },
  { py: 'input_shape', js: 'inputShape', default: null },
  { py: 'batch_input_shape', js: 'batchInputShape', default: null },
  { py: 'batch_size', js: 'batchSize', default: null },
];

const InputLayer: LayerDef = {
  className: 'InputLayer',
  tfjsFactory: 'inputLayer',
  args: [
    { py: 'shape', js: 'inputShape', default: null },
    { py: 'batch_size', js: 'batchSize', default: null },
    { py: 'dtype', js: 'dtype', default: null },
    { py: 'sparse', js: 'sparse', default: null },
    { py: 'batch_shape', js: 'batchInputShape', default: null },
    { py: 'name', js: 'name', default: null },
  ],
  computeOutputShape: (_config, inputShapes) => inputShapes[0],
};

const Dense: LayerDef = {
  className: 'Dense',
  tfjsFactory: 'dense',
  args: [
    { py: 'units', js: 'units' },
    { py: 'activation', js: 'activation', default: null },
    { py: 'use_bias', js: 'useBias', default: true },
    { py: 'kernel_initializer', js: 'kernelInitializer', default: 'glorot_uniform' },
    { py: 'bias_initializer', js: 'biasInitializer', default: 'zeros' },
    { py: 'kernel_regularizer', js: 'kernelRegularizer', default: null },
    { py: 'bias_regularizer', js: 'biasRegularizer', default: null },
    { py: 'activity_regularizer', js: 'activityRegularizer', default: null },
    { py: 'kernel_constraint', js: 'kernelConstraint', default: null },
    { py: 'bias_constraint', js: 'biasConstraint', default: null },
  ],
  inputSpec: () => ({ minNdim: 2 }),
  build(config, [input]) {
    const inputDim = input[input.length - 1];
    const units = num(config, 'units');
    const weights = [{ name: 'kernel', shape: [inputDim, units], trainable: true }];
    if (config.use_bias !== false) weights.push({ name: 'bias', shape: [units], trainable: true });
    return {
      weights,
      inputSpec: typeof inputDim === 'number' ? { minNdim: 2, axes: { [-1]: inputDim } } : { minNdim: 2 },
    };
  },
  computeOutputShape(config, [input]): Shape {
    return [...input.slice(0, -1), num(config, 'units')];
  },
};

const Activation: LayerDef = {
  className: 'Activation',
  tfjsFactory: 'activation',
  args: [{ py: 'activation', js: 'activation' }],
  computeOutputShape: (_config, [input]) => input,
};

export const coreLayers: LayerDef[] = [InputLayer, Dense, Activation];
