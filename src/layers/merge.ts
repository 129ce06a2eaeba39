// Merge layers: Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate, Dot (keras/src/layers/merging/*.py,
// tfjs-layers/src/layers/merge.ts): output shapes with Keras's broadcasting rules and each runtime's errors. No weights.

import { dimAdd, formatShapeJs, formatShapePython, type Dim, type Shape } from '../graph/shape';
import { pyRepr } from './config';
import { isUnknown, LayerError, type CallContext, type LayerConfig, type LayerDef } from './types';

const pyShapes = (shapes: Shape[]) => `[${shapes.map(formatShapePython).join(', ')}]`;
const jsShapes = (shapes: Shape[]) => `[${shapes.map(formatShapeJs).join(',')}]`;

/**
 * One broadcasting step, as Keras's `_compute_elemwise_op_output_shape` (and TF.js's port) does it: ranks are
 * aligned on the right, the longer shape's leading dims are kept, a 1 takes the other side's size. Only two known,
 * different sizes conflict; a symbolic size against a known one yields the known one (the only size that can work).
 */
function broadcast(shape1: Shape, shape2: Shape, ctx: CallContext): Shape {
  if (shape1.length < shape2.length) return broadcast(shape2, shape1, ctx);
  if (shape2.length === 0) return shape1;
  const offset = shape1.length - shape2.length;
  const out: Dim[] = shape1.slice(0, offset);
  shape2.forEach((j, k) => {
    const i = shape1[offset + k];
    if (i === null || j === null) out.push(null);
    else if (i === 1) out.push(j);
    else if (j === 1) out.push(i);
    else if (typeof i === 'number' && typeof j === 'number') {
      if (i !== j) {
        throw new LayerError(
          'merge-shape',
          ctx.dialect === 'keras'
            ? `Inputs have incompatible shapes. Received shapes ${formatShapePython(shape1)} and ${formatShapePython(shape2)}`
            : `Operands could not be broadcast together with shapes ${formatShapeJs(shape1)} ${formatShapeJs(shape2)}`,
        );
      }
      out.push(i);
    } else out.push(i === j ? i : typeof i === 'number' ? i : typeof j === 'number' ? j : null);
  });
  return out;
}

/** The batch size all inputs share, or null; two different known batch sizes are an error in both runtimes. */
function commonBatch(inputs: Shape[], ctx: CallContext): Dim {
  const known = [...new Set(inputs.map((s) => s[0]).filter((d): d is number => typeof d === 'number'))];
  if (known.length > 1) {
    throw new LayerError(
      'merge-shape',
      ctx.dialect === 'keras'
        ? `Cannot merge tensors with different batch sizes. Received tensors with shapes ${pyShapes(inputs)}`
        : `Can not merge tensors with different batch sizes. Got tensors with shapes: ${jsShapes(inputs)}.`,
    );
  }
  const all = [...new Set(inputs.map((s) => s[0]).filter((d) => d !== null))];
  return all.length === 1 ? all[0] : null;
}

/** Keras's `Merge.build` + `compute_output_shape`: batch check, then broadcasting of the non-batch dims. */
function elementwiseOutput(className: string, inputs: Shape[], ctx: CallContext): Shape {
  // TF.js's Merge.build wants two or more inputs; Keras 3's wants only one (Add()([x]) is x), except Subtract.
  if (ctx.dialect === 'tfjs' && inputs.length < 2) {
    throw new LayerError(
      'invalid-input',
      `A merge layer should be called on an Array of at least 2 inputs. Got ${inputs.length} input(s).`,
    );
  }
  const batch = commonBatch(inputs, ctx);
  let out = inputs[0].slice(1);
  for (const shape of inputs.slice(1)) out = broadcast(out, shape.slice(1), ctx);
  // Subtract.build runs the generic checks first, then its own count check.
  if (className === 'Subtract' && inputs.length !== 2) {
    throw new LayerError(
      'invalid-input',
      `A \`Subtract\` layer should be called on exactly 2 inputs. Received: input_shape=${pyShapes(inputs)}`,
    );
  }
  return [batch, ...out];
}

function elementwise(className: string, tfjsFactory?: string): LayerDef {
  return {
    className,
    tfjsFactory,
    args: [],
    multiInput: true,
    computeOutputShape: (_config, inputs, ctx) => elementwiseOutput(className, inputs, ctx),
  };
}

const Add = elementwise('Add', 'add');
// TF.js 4.22 has no Subtract layer (`tf.layers.subtract` does not exist).
const Subtract = elementwise('Subtract');
const Multiply = elementwise('Multiply', 'multiply');
const Average = elementwise('Average', 'average');
const Maximum = elementwise('Maximum', 'maximum');
const Minimum = elementwise('Minimum', 'minimum');

function axisOutOfRange(layer: string, axis: number | string, shapes: Shape[], ctx: CallContext): LayerError {
  // Keras fails with a bare IndexError and TF.js does not check at all (it builds a malformed shape), so neither
  // has words worth copying; say what is wrong.
  const shown = ctx.dialect === 'keras' ? pyShapes(shapes) : jsShapes(shapes);
  return new LayerError('invalid-config', `${layer} axis ${axis} is out of range for inputs of shapes ${shown}`);
}

const Concatenate: LayerDef = {
  className: 'Concatenate',
  tfjsFactory: 'concatenate',
  args: [{ py: 'axis', js: 'axis', default: -1 }],
  multiInput: true,
  computeOutputShape(config, inputs, ctx): Shape {
    if (ctx.dialect === 'tfjs' && inputs.length < 2) {
      throw new LayerError('invalid-input', 'A `Concatenate` layer should be called on a list of at least 2 inputs');
    }
    const axis = typeof config.axis === 'number' ? config.axis : null;
    const first = inputs[0];
    if (axis === null) return first.map(() => null);
    const resolve = (rank: number) => (axis < 0 ? axis + rank : axis);
    if (inputs.some((s) => resolve(s.length) < 0 || resolve(s.length) >= s.length)) {
      throw axisOutOfRange('Concatenate', axis, inputs, ctx);
    }
    // Every input without its concatenation axis must agree. Keras treats None as a wildcard; TF.js compares
    // exactly, so it also rejects null against a size — we do not, since our null also means "not known here".
    const reduced = inputs.map((s) => s.filter((_, i) => i !== resolve(s.length)));
    const mismatch =
      new Set(reduced.map((s) => s.length)).size > 1 ||
      reduced[0].some((_, i) => new Set(reduced.map((s) => s[i]).filter((d) => typeof d === 'number')).size > 1);
    if (mismatch) {
      throw new LayerError(
        'concat-shape',
        ctx.dialect === 'keras'
          ? `A \`Concatenate\` layer requires inputs with matching shapes except for the concatenation axis. Received: input_shape=${pyShapes(inputs)}`
          : `A \`Concatenate\` layer requires inputs with matching shapes except for the concat axis. Got input shapes: ${jsShapes(inputs)}`,
      );
    }
    const out = first.slice();
    const at = resolve(first.length);
    for (const shape of inputs.slice(1)) out[at] = dimAdd(out[at], shape[at]);
    return out;
  },
};

/** Dot's `axes` as written: one int, a pair of ints, or null when not statically known. */
function dotAxes(config: LayerConfig): [number, number] | number | null {
  const v = config.axes;
  if (typeof v === 'number') return v;
  if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number') return [v[0], v[1]];
  return null;
}

const Dot: LayerDef = {
  className: 'Dot',
  tfjsFactory: 'dot',
  args: [
    { py: 'axes', js: 'axes' },
    { py: 'normalize', js: 'normalize', default: false },
  ],
  multiInput: true,
  validateConfig(config, ctx) {
    // Keras checks the form of `axes` in the constructor; TF.js takes whatever it is given.
    const v = config.axes;
    if (ctx.dialect !== 'keras' || v === undefined || isUnknown(v) || typeof v === 'number') return;
    const shown = pyRepr(v);
    if (!Array.isArray(v)) {
      throw new LayerError('invalid-config', `Invalid type for argument \`axes\`: it should be a list or an int. Received: axes=${shown}`);
    }
    if (v.length !== 2) {
      throw new LayerError('invalid-config', `Invalid format for argument \`axes\`: it should contain two elements. Received: axes=${shown}`);
    }
    if (v.some((x) => typeof x !== 'number' && !isUnknown(x))) {
      throw new LayerError('invalid-config', `Invalid format for argument \`axes\`: list elements should be integers. Received: axes=${shown}`);
    }
  },
  computeOutputShape(config, inputs, ctx): Shape {
    if (inputs.length !== 2) {
      throw new LayerError(
        'invalid-input',
        ctx.dialect === 'keras'
          ? `A \`Dot\` layer should be called on a list of 2 inputs. Received: input_shape=${pyShapes(inputs)}`
          : 'A `Dot` layer should be called on a list of exactly 2 inputs.',
      );
    }
    const [shape1, shape2] = inputs;
    // TF.js's batchDot stops at rank 3; Keras 3 reshapes higher ranks and has no limit.
    if (ctx.dialect === 'tfjs' && (shape1.length > 3 || shape2.length > 3)) {
      throw new LayerError('invalid-input', 'Dot layer does not support tensors of 4D or higher rank yet.');
    }
    const axes = dotAxes(config);
    // Output rank is known even when the axes are not: each input loses one axis, the second also its batch.
    if (axes === null) return atLeast2D([shape1[0], ...Array<Dim>(Math.max(0, shape1.length + shape2.length - 4)).fill(null)]);
    const written = typeof axes === 'number' ? [axes, axes] : axes;
    // An int axis is resolved per input (Keras `axes % rank`, TF.js adds the rank until non-negative: the same);
    // a pair is used as written — Python indexing then counts negatives from the end, JS gets undefined (below).
    const a0 = written[0] < 0 ? written[0] + shape1.length : written[0];
    const a1 = written[1] < 0 ? written[1] + shape2.length : written[1];
    if (a0 < 0 || a0 >= shape1.length || a1 < 0 || a1 >= shape2.length) throw axisOutOfRange('Dot', pyRepr(config.axes), inputs, ctx);
    const d1 = shape1[a0];
    const d2 = shape2[a1];
    // Both runtimes also reject None against a size here; we only reject two known sizes. TF.js skips the check
    // for a negative pair (shape[-1] is undefined in JS) and fails later, in execution, for the same reason.
    // Two 2-D inputs with the same negative pair go through TF.js's elementwise path, where a size of 1 broadcasts
    // and the call succeeds.
    const tfjsBroadcasts =
      ctx.dialect === 'tfjs' && Array.isArray(config.axes) && written[0] === written[1] && written[0] < 0 && shape1.length === 2 && shape2.length === 2 && (d1 === 1 || d2 === 1);
    if (typeof d1 === 'number' && typeof d2 === 'number' && d1 !== d2 && !tfjsBroadcasts) {
      throw new LayerError(
        'dot-axes',
        ctx.dialect === 'keras'
          ? `Incompatible input shapes: axis values ${d1} (at axis ${typeof axes === 'number' ? a0 : written[0]}) != ${d2} (at axis ${typeof axes === 'number' ? a1 : written[1]}). Full input shapes: ${formatShapePython(shape1)}, ${formatShapePython(shape2)}`
          : `Dimension incompatibility: ${d1} !== ${d2}`,
      );
    }
    const rest1 = shape1.filter((_, i) => i !== a0);
    const rest2 = shape2.filter((_, i) => i !== a1).slice(1);
    return atLeast2D([...rest1, ...rest2]);
  },
};

/** Dot's output is at least 2-D: a lone batch axis gets a trailing 1. */
function atLeast2D(dims: Dim[]): Shape {
  return dims.length === 1 ? [...dims, 1] : dims;
}

export const mergeLayers: LayerDef[] = [Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate, Dot];
