// Symbolic tensors as values: their attributes (`x.shape`, `x.ndim`), Keras 3 arithmetic on them (`x + y` is a
// graph operation with a broadcast shape), and reading the tensors out of lists, tuples and dicts. No layers here.

import type * as A from '../core/ast';
import type { Shape } from '../../graph/shape';
import type { KerasHost } from './kerasHost';
import { list, NONE, num, str, tuple, UNKNOWN_VALUE, type Value } from './values';

/** Keras 3 operation classes of the arithmetic operators. */
const OPERATOR_CLASSES: Partial<Record<A.BinaryOperator, string>> = { '+': 'Add', '-': 'Subtract', '*': 'Multiply', '/': 'TrueDivide', '@': 'Matmul', '**': 'Power' };

export function tensorAttr(h: KerasHost, id: number, name: string): Value | undefined {
  const shape = h.g.tensors[id].shape;
  if (name === 'shape') {
    if (!shape) return UNKNOWN_VALUE;
    const dims = shape.map((d): Value => (typeof d === 'number' ? num(d) : d === null ? NONE : { kind: 'sym', expr: d }));
    return h.python ? tuple(dims) : list(dims);
  }
  if (name === 'rank' || name === 'ndim') return shape ? num(shape.length) : UNKNOWN_VALUE;
  // a TF.js LayerVariable's value
  if (name === 'read') return { kind: 'builtin', name: 'read', fn: () => ({ kind: 'tensor', id }) };
  if (name === 'dtype') return str('float32');
  return UNKNOWN_VALUE;
}

/** `x + y` with a tensor operand: a Keras 3 operation (Python); TF.js tensors have no operators (unknown). */
export function tensorBinop(h: KerasHost, op: A.BinaryOperator, left: Value, right: Value, node: A.BinOp): Value | undefined {
  if (left.kind !== 'tensor' && right.kind !== 'tensor') return undefined;
  if (!h.python) return UNKNOWN_VALUE;
  const cls = OPERATOR_CLASSES[op];
  if (!cls) return UNKNOWN_VALUE;
  const { g } = h;
  // variables (add_weight) take part in the shape but are not graph inputs
  const operands = [left, right].filter((v) => v.kind === 'tensor' && g.tensors[v.id].producer !== null).map((v) => (v as { id: number }).id);
  const shapes = [left, right].map((v) => (v.kind === 'tensor' ? g.tensors[v.id].shape : v.kind === 'num' ? [] : null));
  return opTensor(h, cls, operands, broadcast(shapes), node);
}

/** A Keras 3 operation on symbolic tensors: a named graph node (not a layer) with a computed output shape. */
export function opTensor(h: KerasHost, className: string, inputs: number[], shape: Shape | null, node: { start: number; end: number }): Value {
  const { g } = h;
  const layer = g.createLayer(undefined, className, {}, node, undefined, true);
  const r = g.callLayer(layer, inputs, node);
  g.tensors[r.outputs[0]].shape = shape;
  return { kind: 'tensor', id: r.outputs[0] };
}

/** True when a value is a tensor or a (nested) list/tuple/dict of tensors only. */
export function allTensors(v: Value): boolean {
  if (v.kind === 'tensor') return true;
  if (v.kind === 'list' || v.kind === 'tuple') return v.items.every(allTensors);
  if (v.kind === 'dict') return [...v.entries.values()].every((e) => allTensors(e.value));
  return false;
}

/** The tensors in a value (a tensor, a list/tuple of them, or a dict of them). */
export function tensorsOf(v: Value, sortDictKeys = false): number[] {
  if (v.kind === 'tensor') return [v.id];
  if (v.kind === 'list' || v.kind === 'tuple') return v.items.flatMap((x) => tensorsOf(x, sortDictKeys));
  if (v.kind === 'dict') {
    // Keras 3 flattens dicts (inputs/outputs) in sorted key order (keras.tree)
    const entries = [...v.entries.values()];
    if (sortDictKeys) entries.sort((a, b) => (a.key.kind === 'str' && b.key.kind === 'str' ? (a.key.value < b.key.value ? -1 : a.key.value > b.key.value ? 1 : 0) : 0));
    return entries.flatMap((e) => tensorsOf(e.value, sortDictKeys));
  }
  return [];
}

/** Numpy-style broadcasting of known shapes; null when any is unknown or they conflict. */
export function broadcast(shapes: (Shape | null)[]): Shape | null {
  if (shapes.some((s) => s === null)) return null;
  const rank = Math.max(...shapes.map((s) => s!.length));
  const out: Shape = [];
  for (let i = 0; i < rank; i++) {
    let d: Shape[number] = 1;
    for (const s of shapes) {
      const k = s!.length - rank + i;
      const x = k >= 0 ? s![k] : 1;
      if (x === 1) continue;
      if (d === 1 || d === null) d = x === null && d === 1 ? null : x ?? d;
      else if (typeof d === 'number' && typeof x === 'number' && d !== x) return null;
      else if (typeof d === 'string' && x !== null) d = x;
    }
    out.push(d);
  }
  return out;
}
