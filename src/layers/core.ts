// Core layers: InputLayer, Dense, Activation, Masking, and the shape-preserving regularization layers (Dropout
// family, Gaussian noise, ActivityRegularization). Shape math and weights only; the evaluator handles calling,
// naming and diagnostics.

import type { Shape } from '../graph/shape';
import { dim, num, pyRepr } from './config';
import { LayerError, type ArgDef, type CallContext, type LayerConfig, type LayerDef } from './types';

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
    // units may be a symbolic dimension (a model-building function's parameter)
    const units = dim(config.units);
    const weights = [{ name: 'kernel', shape: [inputDim, units], trainable: true }];
    if (config.use_bias !== false) weights.push({ name: 'bias', shape: [units], trainable: true });
    return {
      weights,
      inputSpec: typeof inputDim === 'number' ? { minNdim: 2, axes: { [-1]: inputDim } } : { minNdim: 2 },
    };
  },
  computeOutputShape(config, [input]): Shape {
    return [...input.slice(0, -1), dim(config.units)];
  },
};

const Activation: LayerDef = {
  className: 'Activation',
  tfjsFactory: 'activation',
  args: [{ py: 'activation', js: 'activation' }],
  computeOutputShape: (_config, [input]) => input,
};

/** Keras 3 rejects a rate (or stddev) outside [0, 1] in the constructor; TF.js takes any value (Dropout clamps
 *  it, the noise layers use it as is), so TF.js files get no error here. */
function unitInterval(key: string) {
  return (config: LayerConfig, ctx: CallContext): void => {
    const v = num(config, key);
    if (ctx.dialect !== 'keras' || v === null || (v >= 0 && v <= 1)) return;
    throw new LayerError(
      'invalid-config',
      `Invalid value received for argument \`${key}\`. Expected a float value between 0 and 1. Received: ${key}=${pyRepr(v)}`,
    );
  };
}

/** A layer whose output has its input's shape and which has no weights. */
function identityLayer(def: Omit<LayerDef, 'computeOutputShape'>): LayerDef {
  return { ...def, computeOutputShape: (_config, [input]) => input };
}

const Dropout = identityLayer({
  className: 'Dropout',
  tfjsFactory: 'dropout',
  args: [
    { py: 'rate', js: 'rate' },
    { py: 'noise_shape', js: 'noiseShape', default: null },
    { py: 'seed', js: 'seed', default: null },
  ],
  validateConfig: unitInterval('rate'),
});

/** SpatialDropout1D/2D/3D: Keras InputSpec(ndim=3/4/5); 2D and 3D also take `data_format`. TF.js 4.22 has only
 *  spatialDropout1d. */
function spatialDropout(rank: 1 | 2 | 3): LayerDef {
  return identityLayer({
    className: `SpatialDropout${rank}D`,
    tfjsFactory: rank === 1 ? 'spatialDropout1d' : undefined,
    args: [
      { py: 'rate', js: rank === 1 ? 'rate' : undefined },
      ...(rank === 1 ? [] : [{ py: 'data_format', default: null }]),
      { py: 'seed', js: rank === 1 ? 'seed' : undefined, default: null },
    ],
    inputSpec: () => ({ ndim: rank + 2 }),
    validateConfig: unitInterval('rate'),
  });
}

const GaussianNoise = identityLayer({
  className: 'GaussianNoise',
  tfjsFactory: 'gaussianNoise',
  args: [
    { py: 'stddev', js: 'stddev' },
    { py: 'seed', default: null },
  ],
  validateConfig: unitInterval('stddev'),
});

const GaussianDropout = identityLayer({
  className: 'GaussianDropout',
  tfjsFactory: 'gaussianDropout',
  args: [
    { py: 'rate', js: 'rate' },
    { py: 'seed', default: null },
  ],
  validateConfig: unitInterval('rate'),
});

const AlphaDropout = identityLayer({
  className: 'AlphaDropout',
  tfjsFactory: 'alphaDropout',
  args: [
    { py: 'rate', js: 'rate' },
    { py: 'noise_shape', js: 'noiseShape', default: null },
    { py: 'seed', default: null },
  ],
  validateConfig: unitInterval('rate'),
});

// Keras only; TF.js 4.22 has no ActivityRegularization layer.
const ActivityRegularization = identityLayer({
  className: 'ActivityRegularization',
  args: [
    { py: 'l1', default: 0.0 },
    { py: 'l2', default: 0.0 },
  ],
});

const Masking = identityLayer({
  className: 'Masking',
  tfjsFactory: 'masking',
  args: [{ py: 'mask_value', js: 'maskValue', default: 0.0 }],
});

export const coreLayers: LayerDef[] = [
  InputLayer,
  Dense,
  Activation,
  Masking,
  Dropout,
  spatialDropout(1),
  spatialDropout(2),
  spatialDropout(3),
  GaussianNoise,
  GaussianDropout,
  AlphaDropout,
  ActivityRegularization,
];
