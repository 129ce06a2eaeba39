// Activation layers: ReLU, LeakyReLU, PReLU, ELU, Softmax, ThresholdedReLU (keras/src/layers/activations/*.py,
// tfjs-layers/src/layers/advanced_activations.ts): argument names and defaults per dialect, constructor checks,
// PReLU's alpha weights and built spec. No values are computed; every one of these keeps its input's shape.

import { formatShapePython, type Shape } from '../graph/shape';
import { invalid, num, pyStr } from './config';
import { isUnknown, type CallContext, type ConfigValue, type InputSpec, type LayerConfig, type LayerDef, type WeightDef } from './types';

const sameShape = (_config: LayerConfig, [input]: Shape[]): Shape => input;

/** Keras's `if x is None or x < 0: raise ValueError(...)`; unknown values pass. */
function nonNegative(config: LayerConfig, key: string, message: (v: string) => string, allowNone: boolean): void {
  const v = config[key];
  if (v === undefined || isUnknown(v)) return;
  if ((v === null && !allowNone) || (typeof v === 'number' && v < 0)) throw invalid(message(pyStr(v)));
}

const ReLU: LayerDef = {
  className: 'ReLU',
  notes: "TF.js has only maxValue (no negative_slope / threshold); Keras's non-negative argument checks apply to Python files only.",
  tfjsFactory: 'reLU',
  args: [
    { py: 'max_value', js: 'maxValue', default: null },
    // TF.js's ReLU has only maxValue: a leaky slope or a threshold cannot be written in TS/JS.
    { py: 'negative_slope', default: 0.0 },
    { py: 'threshold', default: 0.0 },
  ],
  validateConfig(config, ctx) {
    // TF.js checks nothing (a negative maxValue clips everything to it).
    if (ctx.dialect !== 'keras') return;
    nonNegative(config, 'max_value', (v) => `max_value of a ReLU layer cannot be a negative value. Received: max_value=${v}`, true);
    nonNegative(config, 'negative_slope', (v) => `negative_slope of a ReLU layer cannot be a negative value. Received: negative_slope=${v}`, false);
    nonNegative(config, 'threshold', (v) => `threshold of a ReLU layer cannot be a negative value. Received: threshold=${v}`, false);
  },
  computeOutputShape: sameShape,
};

const LeakyReLU: LayerDef = {
  className: 'LeakyReLU',
  notes: "Keras 3 negative_slope is TF.js alpha (0.3 in both); Keras's deprecated alpha= keyword is accepted.",
  tfjsFactory: 'leakyReLU',
  args: [
    // The same slope is `negative_slope` in Keras 3 and `alpha` in TF.js (and tf.keras 2); both default to 0.3.
    { py: 'negative_slope', js: 'alpha', default: 0.3 },
    // Keras 3 still takes `alpha=` as a keyword, warns that it is deprecated and uses it as negative_slope.
    { py: 'alpha', default: null },
  ],
  validateConfig(config, ctx) {
    if (ctx.dialect !== 'keras') return;
    const slope: LayerConfig = { slope: config.alpha !== null && config.alpha !== undefined ? config.alpha : config.negative_slope };
    nonNegative(
      slope,
      'slope',
      (v) => `The negative_slope value of a Leaky ReLU layer cannot be None or negative value. Expected a float. Received: negative_slope=${v}`,
      false,
    );
  },
  computeOutputShape: sameShape,
};

/** `shared_axes` as a list: Keras and TF.js both wrap a single number. TF.js rejects anything else. */
function sharedAxesList(v: ConfigValue | undefined, ctx: CallContext): ConfigValue[] | null {
  if (v === null || v === undefined || isUnknown(v)) return null;
  if (Array.isArray(v)) return v;
  if (typeof v === 'number') return [v];
  if (ctx.dialect === 'tfjs') throw invalid(`Expected sharedAxes to be a number or an array of numbers, but got ${String(v)}`);
  return [v];
}

const PReLU: LayerDef = {
  className: 'PReLU',
  notes: "Later calls: Keras 3 pins the unshared axes (none without shared_axes), TF.js pins every axis but only when sharedAxes is given. A None size gives alpha of unknown size (both runtimes reject it). A shared axis past the input's rank is rejected (TF.js builds a weight shape with holes).",
  tfjsFactory: 'prelu',
  args: [
    // Keras 3 spells the initializer 'Zeros'; TF.js 'zeros'. Same initializer.
    { py: 'alpha_initializer', js: 'alphaInitializer', default: 'Zeros', jsDefault: 'zeros' },
    { py: 'alpha_regularizer', js: 'alphaRegularizer', default: null },
    { py: 'alpha_constraint', js: 'alphaConstraint', default: null },
    { py: 'shared_axes', js: 'sharedAxes', default: null },
  ],
  validateConfig(config, ctx) {
    sharedAxesList(config.shared_axes, ctx);
  },
  build(config, [input], ctx) {
    const rank = input.length;
    const shared = sharedAxesList(config.shared_axes, ctx);
    const paramShape: Shape = input.slice(1);
    let sharedKnown = true;
    for (const axis of shared ?? []) {
      if (typeof axis !== 'number') {
        sharedKnown = false;
        continue;
      }
      const index = axis - 1;
      if (ctx.dialect === 'tfjs') {
        // TF.js assigns paramShape[i - 1] = 1 on a JS array: a negative or fractional index only adds a property
        // (no effect); an index past the end leaves holes (a weight shape TF.js cannot describe): rejected here.
        if (!Number.isInteger(index) || index < 0) continue;
        if (index >= paramShape.length) throw sharedAxisOutOfRange(axis, input, ctx);
        paramShape[index] = 1;
      } else {
        // Python list assignment: a negative index counts from the end; out of range raises IndexError.
        if (!Number.isInteger(index)) throw invalid(`list indices must be integers or slices, not float (shared_axes=${pyStr(config.shared_axes)})`);
        const at = index < 0 ? index + paramShape.length : index;
        if (at < 0 || at >= paramShape.length) throw sharedAxisOutOfRange(axis, input, ctx);
        paramShape[at] = 1;
      }
    }
    // A null size (unknown to us, or a real None) makes the weight of unknown size rather than an error: both
    // runtimes reject a None there, but our null may only mean "not statically known".
    const weights: WeightDef[] = [{ name: 'alpha', shape: paramShape, trainable: true }];
    // Later calls: Keras 3 pins every axis that is NOT shared (and none at all without shared_axes); TF.js pins
    // every axis, shared or not, but only when sharedAxes is given. Both pin the rank.
    const axes: Record<number, number> = {};
    if (shared && shared.length > 0 && sharedKnown) {
      for (let i = 1; i < rank; i++) {
        const size = input[i];
        if (typeof size !== 'number') continue;
        if (ctx.dialect === 'keras' && shared.includes(i)) continue;
        axes[i] = size;
      }
    }
    const inputSpec: InputSpec = Object.keys(axes).length > 0 ? { ndim: rank, axes } : { ndim: rank };
    return { weights, inputSpec };
  },
  computeOutputShape: sameShape,
};

function sharedAxisOutOfRange(axis: number, input: Shape, ctx: CallContext) {
  // Keras fails with a bare `IndexError: list assignment index out of range`; TF.js builds a shape with holes.
  return invalid(
    ctx.dialect === 'keras'
      ? `list assignment index out of range: PReLU shared_axes entry ${axis} is not an axis of an input of shape ${formatShapePython(input)}`
      : `PReLU sharedAxes entry ${axis} is not an axis of an input of shape [${input.map((d) => (d === null ? 'null' : d)).join(',')}]`,
  );
}

const ELU: LayerDef = {
  className: 'ELU',
  notes: 'TF.js 4.22 throws for alpha other than 1; Keras takes any alpha.',
  tfjsFactory: 'elu',
  args: [{ py: 'alpha', js: 'alpha', default: 1.0 }],
  validateConfig(config, ctx) {
    // TF.js 4.22 implements only alpha = 1 and throws NotImplementedError for anything else; Keras takes any alpha.
    const alpha = num(config, 'alpha');
    if (ctx.dialect === 'tfjs' && alpha !== null && alpha !== 1) {
      throw invalid(`Non-default alpha value (${alpha}) is not supported by the ELU layer yet.`);
    }
  },
  computeOutputShape: sameShape,
};

const Softmax: LayerDef = {
  className: 'Softmax',
  notes: 'TF.js defaults axis to 1, Keras to -1: same shape, different values for rank > 2. The axis is not checked against the rank.',
  tfjsFactory: 'softmax',
  // TF.js's Softmax layer defaults to axis 1 (DEFAULT_AXIS = 1.0, although its docs say -1); Keras 3 to -1. The
  // shape is the same; the values differ for inputs of rank > 2.
  args: [{ py: 'axis', js: 'axis', default: -1, jsDefault: 1 }],
  computeOutputShape: sameShape,
};

const ThresholdedReLU: LayerDef = {
  className: 'ThresholdedReLU',
  notes: 'Removed in Keras 3: an error in Python files (tf.keras 2 had it).',
  tfjsFactory: 'thresholdedReLU',
  args: [{ py: 'theta', js: 'theta', default: 1.0 }],
  validateConfig(_config, ctx) {
    // Keras 3 removed ThresholdedReLU (tf.keras 2 had it); `keras.layers.ReLU(threshold=theta)` is close to it.
    if (ctx.dialect === 'keras') {
      throw invalid(
        "module 'keras.layers' has no attribute 'ThresholdedReLU' (Keras 3 removed it; tf.keras 2 had it — ReLU(threshold=...) is the nearest Keras 3 layer)",
      );
    }
  },
  computeOutputShape: sameShape,
};

export const activationLayers: LayerDef[] = [ReLU, LeakyReLU, PReLU, ELU, Softmax, ThresholdedReLU];
