// Framework functions with a static meaning: `keras.backend` / `keras.ops` / `tf.*` shape helpers and tensor ops
// (reductions, elementwise math, expand_dims, concatenate, reshape…). On symbolic tensors each op is a graph node
// with a computed shape, as Keras 3 records operations; this is also what lets Lambda bodies have shapes.

import type { Language } from '../../graph/ir';
import { dimProduct, normalizeAxis, type Dim, type Shape } from '../../graph/shape';
import { intOf, iterate, numOf } from './builtins';
import { NONE, num, str, tuple, UNKNOWN_VALUE, type ArgValues, type BuiltinV, type Value } from './values';

export interface OpContext {
  /** records an operation node on tensors and returns its output tensor value */
  op(className: string, inputs: number[], shape: Shape | null, node: { start: number; end: number }): Value;
  shapeOf(tensor: number): Shape | null;
  language: Language;
}

function fn(name: string, f: (a: ArgValues) => Value): BuiltinV {
  return { kind: 'builtin', name, fn: f };
}

const REDUCTIONS: Record<string, string> = {
  sum: 'Sum', mean: 'Mean', max: 'Max', min: 'Min', prod: 'Prod', std: 'Std', var: 'Var', any: 'Any', all: 'All', logsumexp: 'Logsumexp',
  reduce_sum: 'Sum', reduce_mean: 'Mean', reduce_max: 'Max', reduce_min: 'Min', reduce_prod: 'Prod', reduce_std: 'Std',
  argmax: 'Argmax', argmin: 'Argmin',
};
const ELEMENTWISE: Record<string, string> = {
  square: 'Square', sqrt: 'Sqrt', exp: 'Exp', log: 'Log', abs: 'Absolute', absolute: 'Absolute', relu: 'Relu', sigmoid: 'Sigmoid',
  tanh: 'Tanh', softmax: 'Softmax', negative: 'Negative', sign: 'Sign', l2_normalize: 'L2Normalize', normalize: 'Normalize',
  cast: 'Cast', stop_gradient: 'StopGradient', clip: 'Clip', softplus: 'Softplus', elu: 'Elu', gelu: 'Gelu', silu: 'Silu',
  round: 'Round', floor: 'Floor', ceil: 'Ceil', erf: 'Erf', sin: 'Sin', cos: 'Cos', log_softmax: 'LogSoftmax',
};

/** Reduction output: drop (or keep as 1) the reduced axes; all axes when none given. */
export function reduceShape(shape: Shape, axis: number[] | null, keepdims: boolean): Shape | null {
  const rank = shape.length;
  const axes = axis === null ? shape.map((_, i) => i) : axis.map((a) => normalizeAxis(a, rank));
  if (axes.some((a) => a === undefined)) return null;
  const set = new Set(axes as number[]);
  return keepdims ? shape.map((d, i) => (set.has(i) ? 1 : d)) : shape.filter((_, i) => !set.has(i));
}

function axisList(v: Value | undefined): number[] | null | undefined {
  if (!v || v.kind === 'none') return null;
  const n = intOf(v);
  if (n !== undefined) return [n];
  const items = iterate(v);
  if (!items) return undefined;
  const xs = items.map(intOf);
  return xs.every((x) => x !== undefined) ? (xs as number[]) : undefined;
}

/** `keras.backend.X`, `keras.ops.X`, `tf.X` / `tf.math.X`: a function value, or undefined when not modelled. */
export function backendFunction(ctx: OpContext, name: string, flavour: 'backend' | 'ops' | 'tf'): Value | undefined {
  const tensorArg = (v: Value | undefined) => (v?.kind === 'tensor' ? v.id : undefined);
  switch (name) {
    case 'image_data_format':
      return fn(name, () => str('channels_last'));
    case 'floatx':
      return fn(name, () => str('float32'));
    case 'epsilon':
      return fn(name, () => num(1e-7, true));
    case 'int_shape':
    case 'shape': {
      if (name === 'shape' && flavour !== 'ops') return undefined; // K.shape / tf.shape are dynamic tensors
      return fn(name, (a) => {
        const t = tensorArg(a.positional[0]);
        const shape = t === undefined ? null : ctx.shapeOf(t);
        if (!shape) return UNKNOWN_VALUE;
        return tuple(shape.map((d): Value => (typeof d === 'number' ? num(d) : d === null ? NONE : { kind: 'sym', expr: d })));
      });
    }
  }
  if (REDUCTIONS[name]) {
    return fn(name, (a) => {
      const t = tensorArg(a.positional[0]);
      if (t === undefined) return UNKNOWN_VALUE;
      const axis = axisList(a.positional[1] ?? a.keywords.get('axis'));
      const keepdims = (a.positional[2] ?? a.keywords.get('keepdims') ?? a.keywords.get('keep_dims'))?.kind === 'bool' ? ((a.positional[2] ?? a.keywords.get('keepdims') ?? a.keywords.get('keep_dims')) as { value: boolean }).value : false;
      const shape = ctx.shapeOf(t);
      const out = shape && axis !== undefined ? reduceShape(shape, name.startsWith('arg') ? axis ?? [-1] : axis, keepdims) : null;
      return ctx.op(REDUCTIONS[name], [t], out, a.node);
    });
  }
  if (ELEMENTWISE[name]) {
    return fn(name, (a) => {
      const t = tensorArg(a.positional[0]);
      return t === undefined ? UNKNOWN_VALUE : ctx.op(ELEMENTWISE[name], [t], ctx.shapeOf(t), a.node);
    });
  }
  switch (name) {
    case 'expand_dims':
      return fn(name, (a) => {
        const t = tensorArg(a.positional[0]);
        const axis = intOf(a.positional[1] ?? a.keywords.get('axis'));
        if (t === undefined) return UNKNOWN_VALUE;
        const shape = ctx.shapeOf(t);
        let out: Shape | null = null;
        if (shape && axis !== undefined) {
          const at = axis < 0 ? shape.length + 1 + axis : axis;
          if (at >= 0 && at <= shape.length) out = [...shape.slice(0, at), 1, ...shape.slice(at)];
        }
        return ctx.op('ExpandDims', [t], out, a.node);
      });
    case 'squeeze':
      return fn(name, (a) => {
        const t = tensorArg(a.positional[0]);
        if (t === undefined) return UNKNOWN_VALUE;
        const shape = ctx.shapeOf(t);
        const axis = axisList(a.positional[1] ?? a.keywords.get('axis'));
        let out: Shape | null = null;
        if (shape && axis !== undefined) out = axis === null ? shape.filter((d) => d !== 1) : reduceShape(shape, axis, false);
        return ctx.op('Squeeze', [t], out, a.node);
      });
    case 'concatenate':
    case 'concat':
      return fn(name, (a) => {
        const items = iterate(a.positional[0] ?? UNKNOWN_VALUE);
        const tensors = items?.map(tensorArg);
        if (!tensors || tensors.some((t) => t === undefined) || tensors.length === 0) return UNKNOWN_VALUE;
        // keras.backend.concatenate defaults to the last axis, keras.ops.concatenate to 0; tf.concat requires one
        const axis = intOf(a.positional[1] ?? a.keywords.get('axis')) ?? (flavour === 'backend' ? -1 : 0);
        const shapes = (tensors as number[]).map((t) => ctx.shapeOf(t));
        let out: Shape | null = null;
        if (shapes.every((s) => s !== null && s.length === shapes[0]!.length)) {
          const rank = shapes[0]!.length;
          const at = normalizeAxis(axis, rank);
          if (at !== undefined) {
            out = shapes[0]!.map((d, i): Dim => {
              if (i !== at) return d;
              const ds = shapes.map((s) => s![i]);
              return ds.every((x) => typeof x === 'number') ? (ds as number[]).reduce((p, q) => p + q, 0) : null;
            });
          }
        }
        return ctx.op('Concatenate', tensors as number[], out, a.node);
      });
    case 'reshape':
      return fn(name, (a) => {
        const t = tensorArg(a.positional[0]);
        if (t === undefined) return UNKNOWN_VALUE;
        const target = iterate(a.positional[1] ?? a.keywords.get('newshape') ?? a.keywords.get('shape') ?? UNKNOWN_VALUE)?.map((v) => (v.kind === 'none' ? -1 : numOf(v)));
        const shape = ctx.shapeOf(t);
        let out: Shape | null = null;
        if (target && target.every((d) => d !== undefined) && shape) {
          const dims = target as number[];
          const known = dimProduct(shape);
          const free = dims.indexOf(-1);
          const rest = dims.filter((_, i) => i !== free).reduce((p, q) => p * q, 1);
          out = dims.map((d, i) => (i === free ? (typeof known === 'number' && rest > 0 ? known / rest : null) : d));
        }
        return ctx.op('Reshape', [t], out, a.node);
      });
    case 'transpose':
    case 'permute_dimensions':
      return fn(name, (a) => {
        const t = tensorArg(a.positional[0]);
        if (t === undefined) return UNKNOWN_VALUE;
        const shape = ctx.shapeOf(t);
        const perm = axisList(a.positional[1] ?? a.keywords.get('axes') ?? a.keywords.get('perm') ?? a.keywords.get('pattern'));
        let out: Shape | null = null;
        if (shape) out = perm === null ? [...shape].reverse() : perm && perm.length === shape.length ? perm.map((p) => shape[p]) : null;
        return ctx.op('Transpose', [t], out, a.node);
      });
    default:
      return undefined;
  }
}
