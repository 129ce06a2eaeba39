// Subclassed Keras layers and models (`class Block(keras.layers.Layer)`, `class Net(keras.Model)`,
// `class L extends tf.layers.Layer`): their constructors run as written, and `call` runs on symbolic inputs.

import type * as A from '../core/ast';
import type { Shape } from '../../graph/shape';
import { iterate } from './builtins';
import { countParams } from '../../layers/apply';
import type { GraphBuilder } from './graphBuilder';
import type { Interpreter } from './interpreter';
import { list, UNKNOWN_VALUE, type ClassV, type InstanceV, type LayerObj, type ModelObj, type Value } from './values';

/** Keras base classes a user class can extend, by how they are reached. */
export function kerasBaseKind(cls: ClassV, depth = 0): 'layer' | 'model' | undefined {
  if (depth > 20) return undefined;
  for (const b of cls.bases) {
    if (b.kind === 'builtin' && /^keras\.(Model|Sequential|model|sequential)$/.test(b.name)) return 'model';
    if (b.kind === 'layerclass') return b.name === 'Model' || b.name === 'Functional' ? 'model' : 'layer';
    if (b.kind === 'class') {
      const k = kerasBaseKind(b, depth + 1);
      if (k) return k;
    }
  }
  return undefined;
}

export interface SubclassContext {
  g: GraphBuilder;
  interp: () => Interpreter | undefined;
  models: ModelObj[];
  callModel(model: ModelObj, input: Value, node: { start: number; end: number }): Value;
  tensorsOf(v: Value): number[];
}

function method(ctx: SubclassContext, inst: InstanceV, name: string, node: A.Node): Value | undefined {
  const interp = ctx.interp();
  if (!interp) return undefined;
  const m = interp.getAttr(inst, name, { kind: 'attr', object: { kind: 'unknown', start: node.start, end: node.end }, name, nameStart: node.start, start: node.start, end: node.end });
  return m.kind === 'func' ? m : undefined;
}

/** Layer objects an instance holds (attributes, lists of them, nested subclassed layers), each once. */
function sublayers(ctx: SubclassContext, inst: InstanceV, seen = new Set<unknown>()): LayerObj[] {
  const out: LayerObj[] = [];
  const visit = (v: Value): void => {
    if (seen.has(v)) return;
    seen.add(v);
    if (v.kind === 'layer') out.push(v.layer);
    else if (v.kind === 'instance' && v.keras?.layer) out.push(v.keras.layer);
    else if (v.kind === 'list' || v.kind === 'tuple') v.items.forEach(visit);
    else if (v.kind === 'dict') for (const e of v.entries.values()) visit(e.value);
  };
  for (const v of inst.attrs.values()) visit(v);
  return out;
}

/**
 * A subclassed layer called on tensors: one node in the graph. Its output shape comes from TF.js's
 * `computeOutputShape` when the class defines one, else from running `call` on the inputs (undone afterwards, its
 * diagnostics kept); its parameters are its sublayers'.
 */
export function callSubclassedLayer(ctx: SubclassContext, inst: InstanceV, input: Value, node: { start: number; end: number }): Value {
  const { g } = ctx;
  const state = inst.keras!;
  const layer = (state.layer ??= g.createLayer(undefined, inst.cls.name, {}, node, state.name));
  const tensors = ctx.tensorsOf(input);
  const interp = ctx.interp();
  let shapes: Shape[] | null = null;
  const inputShapes = tensors.map((t) => g.tensors[t].shape);
  const computeOutputShape = method(ctx, inst, 'computeOutputShape', node) ?? method(ctx, inst, 'compute_output_shape', node);
  if (interp && computeOutputShape && inputShapes.every((s) => s !== null)) {
    const toValue = (s: Shape): Value => list(s.map((d): Value => (typeof d === 'number' ? { kind: 'num', value: d } : d === null ? { kind: 'none' } : { kind: 'sym', expr: d })));
    const arg = inputShapes.length === 1 ? toValue(inputShapes[0]!) : list(inputShapes.map((s) => toValue(s!)));
    const out = interp.callValue(computeOutputShape, { positional: [arg], keywords: new Map(), node }, node);
    shapes = shapeList(out);
  }
  // Keras calls build(input_shape) before the first call; that is where custom weights are usually made.
  const build = method(ctx, inst, 'build', node);
  if (interp && build && !state.built && inputShapes.every((s) => s !== null)) {
    state.built = true;
    const toValue = (s: Shape): Value => {
      const dims = s.map((d): Value => (typeof d === 'number' ? { kind: 'num', value: d } : d === null ? { kind: 'none' } : { kind: 'sym', expr: d }));
      return g.dialect === 'keras' ? { kind: 'tuple', items: dims } : list(dims);
    };
    interp.callValue(build, { positional: [inputShapes.length === 1 ? toValue(inputShapes[0]!) : list(inputShapes.map((s) => toValue(s!)))], keywords: new Map(), node }, node);
  }
  const call = method(ctx, inst, 'call', node);
  if (interp && call && tensors.length > 0) {
    const before = g.diagnostics.length;
    const undo = g.mark();
    let inner: Value = UNKNOWN_VALUE;
    try {
      inner = interp.callValue(call, { positional: [input], keywords: new Map(), node }, node);
      if (!shapes) {
        const outs = ctx.tensorsOf(inner);
        shapes = outs.length > 0 && outs.every((t) => g.tensors[t].shape !== null) ? outs.map((t) => g.tensors[t].shape!) : null;
      }
    } finally {
      const raised = g.diagnostics.slice(before);
      undo();
      for (const d of raised) if (!g.diagnostics.some((x) => x.message === d.message && x.range.start === d.range.start)) g.diagnostics.push(d);
    }
  }
  const parts = sublayers(ctx, inst);
  const ir = g.layers[layer.id];
  const own = countParams(state.weights);
  const sum = (pick: (id: number) => number | null, start: number | null) => parts.reduce<number | null>((acc, l) => (acc === null || pick(l.id) === null ? null : acc + pick(l.id)!), start);
  if (parts.length > 0 || call || state.weights.length > 0) {
    ir.params = sum((id) => g.layers[id].params, own.total);
    ir.trainableParams = sum((id) => g.layers[id].trainableParams, own.trainable);
    ir.nonTrainableParams = sum((id) => g.layers[id].nonTrainableParams, own.nonTrainable);
    ir.weights = state.weights.map((w) => ({ ...w }));
  }
  const r = g.callLayer(layer, tensors, node, [], shapes);
  if (r.returnsList) return list(r.outputs.map((id) => ({ kind: 'tensor', id })));
  return { kind: 'tensor', id: r.outputs[0] };
}

function shapeList(v: Value): Shape[] | null {
  const items = iterate(v);
  if (!items) return null;
  const dim = (x: Value) => (x.kind === 'num' ? x.value : x.kind === 'sym' ? x.expr : null);
  if (items.every((x) => x.kind === 'num' || x.kind === 'none' || x.kind === 'sym')) return [items.map(dim)];
  const nested = items.map((x) => iterate(x)?.map(dim));
  return nested.every((s) => s !== undefined) ? (nested as Shape[]) : null;
}

/**
 * A subclassed model gets its graph by running `call` once on symbolic inputs of the shapes it is built with
 * (`build(shape)`, a first call, `fit` data) — or of unknown shape at the end if it is never built.
 */
export function buildSubclassedModel(ctx: SubclassContext, inst: InstanceV, inputShapes: (Shape | null)[], node: { start: number; end: number }): ModelObj | undefined {
  const state = inst.keras!;
  if (state.model) return state.model;
  const interp = ctx.interp();
  const call = method(ctx, inst, 'call', node);
  if (!interp || !call) return undefined;
  const { g } = ctx;
  // Its inputs are private: Keras creates no InputLayer for a subclassed model, so they take no auto-name.
  const inputs = inputShapes.map((s, i) => g.createInput(s, node, `${state.name}_input${inputShapes.length > 1 ? `_${i + 1}` : ''}`, { batch_shape: s }, undefined));
  const arg: Value = inputs.length === 1 ? { kind: 'tensor', id: inputs[0] } : list(inputs.map((id) => ({ kind: 'tensor', id })));
  const model: ModelObj = { id: ctx.models.length, name: state.name, kind: 'functional', node: g.range(node), inputs, outputs: [], variable: null, subclass: inst.cls.name };
  state.model = model;
  ctx.models.push(model);
  const out = interp.callValue(call, { positional: [arg], keywords: new Map(), node }, node);
  model.outputs = ctx.tensorsOf(out);
  return model;
}

/** `model.build((None, 32))`, `build([(None, 4), (None, 3)])`: one shape or a list of shapes (None → unknown). */
export function shapesFromBuildArg(v: Value | undefined): (Shape | null)[] {
  if (!v) return [null];
  const items = iterate(v);
  if (!items) return [null];
  const dim = (x: Value) => (x.kind === 'num' ? x.value : x.kind === 'sym' ? x.expr : null);
  if (items.every((x) => x.kind === 'num' || x.kind === 'none' || x.kind === 'sym')) return [items.map(dim)];
  return items.map((x) => iterate(x)?.map(dim) ?? null);
}

