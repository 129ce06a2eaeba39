// Keras-only normalization layers: GroupNormalization and UnitNormalization (keras/src/layers/normalization/):
// weights, the group-count checks in Keras's words, the built spec. TF.js 4.22 has neither layer.

import { formatShapePython, type Shape } from '../graph/shape';
import { invalid, pyStr } from './config';
import { isUnknown, type LayerDef, type WeightDef } from './types';

const GroupNormalization: LayerDef = {
  className: 'GroupNormalization',
  notes: "Keras only. A None channel size gives weights of unknown size instead of Keras's error.",
  args: [
    { py: 'groups', default: 32 },
    { py: 'axis', default: -1 },
    { py: 'epsilon', default: 1e-3 },
    { py: 'center', default: true },
    { py: 'scale', default: true },
    { py: 'beta_initializer', default: 'zeros' },
    { py: 'gamma_initializer', default: 'ones' },
    { py: 'beta_regularizer', default: null },
    { py: 'gamma_regularizer', default: null },
    { py: 'beta_constraint', default: null },
    { py: 'gamma_constraint', default: null },
  ],
  build(config, [input]) {
    const rank = input.length;
    const axis = typeof config.axis === 'number' ? config.axis : null;
    if (axis !== null && (axis >= rank || axis < -rank)) {
      // Keras's build indexes input_shape[axis] first (IndexError); its compute_output_shape words it so.
      throw invalid(`Axis ${axis} is out of bounds for input shape ${formatShapePython(input)}. Ensure axis is within the range of input dimensions.`);
    }
    const dim = axis === null ? null : input[axis < 0 ? axis + rank : axis];
    // Keras rejects a None channel axis; ours may only be unknown to us, so the checks wait and the weights are of
    // unknown size instead.
    const groups = config.groups === -1 ? dim : typeof config.groups === 'number' ? config.groups : null;
    if (typeof dim === 'number' && typeof groups === 'number') {
      if (dim < groups) throw invalid(`Number of groups (${groups}) cannot be more than the number of channels (${dim}).`);
      // Keras's message has the relation backwards (the channels must be a multiple of the groups); kept verbatim.
      if (dim % groups !== 0) throw invalid(`Number of groups (${groups}) must be a multiple of the number of channels (${dim}).`);
    }
    const weights: WeightDef[] = [];
    if (config.scale !== false) weights.push({ name: 'gamma', shape: [dim], trainable: true });
    if (config.center !== false) weights.push({ name: 'beta', shape: [dim], trainable: true });
    return { weights, inputSpec: axis !== null && typeof dim === 'number' ? { ndim: rank, axes: { [axis]: dim } } : { ndim: rank } };
  },
  computeOutputShape: (_config, [input]): Shape => input,
};

const UnitNormalization: LayerDef = {
  className: 'UnitNormalization',
  notes: 'Keras only. The axis is not checked against the rank.',
  args: [{ py: 'axis', default: -1 }],
  validateConfig(config) {
    const axis = config.axis;
    if (axis === undefined || isUnknown(axis) || Array.isArray(axis) || (typeof axis === 'number' && Number.isInteger(axis))) return;
    throw invalid(`Invalid value for \`axis\` argument: expected an int or a list/tuple of ints. Received: axis=${pyStr(axis)}`);
  },
  computeOutputShape: (_config, [input]): Shape => input,
};

export const normalization2Layers: LayerDef[] = [GroupNormalization, UnitNormalization];
