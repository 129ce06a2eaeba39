// Normalization layers: BatchNormalization, LayerNormalization (keras/src/layers/normalization/*.py,
// tfjs-layers/src/layers/normalization.ts): weights (trainable and not), axis checks, the spec later calls must meet.

import { formatShapeJs, formatShapePython, type Shape } from '../graph/shape';
import { pyRepr } from './config';
import { isUnknown, LayerError, type CallContext, type LayerDef, type WeightDef } from './types';

function outOfRange(layer: string, axis: number, input: Shape, ctx: CallContext): LayerError {
  // Keras would fail here with a bare `IndexError: tuple index out of range`; say which axis and which shape.
  return new LayerError('invalid-config', `${layer} axis ${axis} is out of range for an input of shape ${ctx.dialect === 'keras' ? formatShapePython(input) : formatShapeJs(input)}`);
}

const BatchNormalization: LayerDef = {
  className: 'BatchNormalization',
  tfjsFactory: 'batchNormalization',
  args: [
    { py: 'axis', js: 'axis', default: -1 },
    { py: 'momentum', js: 'momentum', default: 0.99 },
    { py: 'epsilon', js: 'epsilon', default: 1e-3 },
    { py: 'center', js: 'center', default: true },
    { py: 'scale', js: 'scale', default: true },
    { py: 'beta_initializer', js: 'betaInitializer', default: 'zeros' },
    { py: 'gamma_initializer', js: 'gammaInitializer', default: 'ones' },
    { py: 'moving_mean_initializer', js: 'movingMeanInitializer', default: 'zeros' },
    { py: 'moving_variance_initializer', js: 'movingVarianceInitializer', default: 'ones' },
    { py: 'beta_regularizer', js: 'betaRegularizer', default: null },
    { py: 'gamma_regularizer', js: 'gammaRegularizer', default: null },
    { py: 'beta_constraint', js: 'betaConstraint', default: null },
    { py: 'gamma_constraint', js: 'gammaConstraint', default: null },
    // Keras 3 only (distributed training with the TensorFlow backend).
    { py: 'synchronized', default: false },
  ],
  build(config, [input], ctx) {
    const rank = input.length;
    const axis = typeof config.axis === 'number' ? config.axis : null;
    const resolved = axis === null ? null : axis < 0 ? axis + rank : axis;
    if (resolved !== null && (resolved < 0 || resolved >= rank)) {
      throw ctx.dialect === 'tfjs'
        ? // TF.js reads an undefined dim and reports it as undefined (with the axis after adding the rank).
          new LayerError('invalid-config', `Axis ${resolved} of input tensor should have a defined dimension but the layer received an input with shape ${formatShapeJs(input)}.`)
        : outOfRange('BatchNormalization', axis!, input, ctx);
    }
    // Both runtimes also reject an axis whose size is None; ours may only be unknown to us, so the weights are
    // of unknown size instead of an error.
    const size = resolved === null ? null : input[resolved];
    const weights: WeightDef[] = [];
    if (config.scale !== false) weights.push({ name: 'gamma', shape: [size], trainable: true });
    if (config.center !== false) weights.push({ name: 'beta', shape: [size], trainable: true });
    weights.push({ name: 'moving_mean', shape: [size], trainable: false });
    weights.push({ name: 'moving_variance', shape: [size], trainable: false });
    // The built spec keys the axis as written in Keras (messages say "axis -1") and as resolved in TF.js ("axis 1").
    const key = ctx.dialect === 'keras' ? axis : resolved;
    return {
      weights,
      inputSpec: key !== null && typeof size === 'number' ? { ndim: rank, axes: { [key]: size } } : { ndim: rank },
    };
  },
  computeOutputShape: (_config, [input]) => input,
};

const LayerNormalization: LayerDef = {
  className: 'LayerNormalization',
  tfjsFactory: 'layerNormalization',
  args: [
    { py: 'axis', js: 'axis', default: -1 },
    { py: 'epsilon', js: 'epsilon', default: 1e-3 },
    { py: 'center', js: 'center', default: true },
    { py: 'scale', js: 'scale', default: true },
    // Keras 3 only: RMS scaling keeps gamma and drops beta.
    { py: 'rms_scaling', default: false },
    { py: 'beta_initializer', js: 'betaInitializer', default: 'zeros' },
    { py: 'gamma_initializer', js: 'gammaInitializer', default: 'ones' },
    { py: 'beta_regularizer', js: 'betaRegularizer', default: null },
    { py: 'gamma_regularizer', js: 'gammaRegularizer', default: null },
    // TF.js's LayerNormalization takes no constraints.
    { py: 'beta_constraint', default: null },
    { py: 'gamma_constraint', default: null },
  ],
  validateConfig(config, ctx) {
    const axis = config.axis;
    if (axis === undefined || isUnknown(axis)) return;
    const isInt = (x: unknown) => typeof x === 'number' && Number.isInteger(x);
    if (ctx.dialect === 'keras') {
      // Keras takes an int or a list/tuple; it does not look inside the list.
      if (!isInt(axis) && !Array.isArray(axis)) {
        throw new LayerError('invalid-config', `Expected an int or a list/tuple of ints for the argument 'axis', but received: ${pyRepr(axis)}`);
      }
      return;
    }
    if (typeof axis === 'number') {
      if (!isInt(axis)) throw new LayerError('invalid-config', `Expected axis to be an integer, but received ${axis}`);
    } else if (Array.isArray(axis)) {
      if (!axis.every((a) => isInt(a) || isUnknown(a))) {
        throw new LayerError('invalid-config', `Expected axis to be an array of integers, but received ${JSON.stringify(axis)}`);
      }
    } else {
      throw new LayerError('invalid-config', `Expected axis to be an integer or an array of integers, but received ${JSON.stringify(axis)}`);
    }
  },
  build(config, [input], ctx) {
    const rank = input.length;
    const written = Array.isArray(config.axis) ? config.axis : [config.axis];
    const axes = written.map((a) => (typeof a === 'number' ? (a < 0 ? a + rank : a) : null));
    axes.forEach((a, i) => {
      if (a === null || (a >= 0 && a < rank)) return;
      throw new LayerError(
        'invalid-config',
        ctx.dialect === 'keras'
          ? // Keras's own check (compute_output_shape) words it so; its build would hit an IndexError first.
            `Axis ${written[i]} is out of bounds for input shape ${formatShapePython(input)}. Ensure axis is within the range of input dimensions.`
          : `Invalid axis: ${a}`,
      );
    });
    // TF.js rejects a repeated axis; Keras 3 accepts it and builds weights with that dim twice.
    if (ctx.dialect === 'tfjs' && axes.every((a) => a !== null) && new Set(axes).size !== axes.length) {
      throw new LayerError('invalid-config', `Found duplicate axes in: ${axes.join(',')}`);
    }
    const shape = axes.map((a) => (a === null ? null : input[a]));
    const rms = ctx.dialect === 'keras' && config.rms_scaling === true;
    const weights: WeightDef[] = [];
    if (config.scale !== false || rms) weights.push({ name: 'gamma', shape, trainable: true });
    if (config.center !== false && !rms) weights.push({ name: 'beta', shape, trainable: true });
    return { weights };
  },
  computeOutputShape: (_config, [input]) => input,
};

export const normalizationLayers: LayerDef[] = [BatchNormalization, LayerNormalization];
