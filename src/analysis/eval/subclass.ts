// Subclassed Keras layers and models (`class Block(keras.layers.Layer)`, `class Net(keras.Model)`,
// `class L extends tf.layers.Layer`): their constructors run as written, and `call` runs on symbolic inputs;
// their attributes (`add_weight`, `build`, `compile`) and how they are named.

import type * as A from '../core/ast';
import type { Shape } from '../../graph/shape';
import { iterate } from './builtins';
import { countParams } from '../../layers/apply';
import type { KerasHost } from './kerasHost';
import { tensorsOf } from './tensors';
import { ArgReader } from './args';
import { callModel, modelAttr } from './layerCalls';
import { list, NONE, str, UNKNOWN_VALUE, type ArgValues, type BuiltinV, type ClassV, type InstanceV, type LayerObj, type ModelObj, type SubclassState, type Value } from './values';

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

function method(h: KerasHost, inst: InstanceV, name: string, node: A.Node): Value | undefined {
  const m = h.runtime.getAttr(inst, name, { kind: 'attr', object: { kind: 'unknown', start: node.start, end: node.end }, name, nameStart: node.start, start: node.start, end: node.end });
  return m.kind === 'func' ? m : undefined;
}

/** Layer objects an instance holds (attributes, lists of them, nested subclassed layers), each once. */
function sublayers(h: KerasHost, inst: InstanceV, seen = new Set<unknown>()): LayerObj[] {
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
export function callSubclassedLayer(h: KerasHost, inst: InstanceV, input: Value, node: { start: number; end: number }): Value {
  const { g } = h;
  const interp = h.runtime;
  const state = inst.keras!;
  const layer = (state.layer ??= g.createLayer(undefined, inst.cls.name, {}, node, state.name));
  const tensors = tensorsOf(input);
  let shapes: Shape[] | null = null;
  const inputShapes = tensors.map((t) => g.tensors[t].shape);
  const computeOutputShape = method(h, inst, 'computeOutputShape', node) ?? method(h, inst, 'compute_output_shape', node);
  if (computeOutputShape && inputShapes.every((s) => s !== null)) {
    const toValue = (s: Shape): Value => list(s.map((d): Value => (typeof d === 'number' ? { kind: 'num', value: d } : d === null ? { kind: 'none' } : { kind: 'sym', expr: d })));
    const arg = inputShapes.length === 1 ? toValue(inputShapes[0]!) : list(inputShapes.map((s) => toValue(s!)));
    const out = interp.callValue(computeOutputShape, { positional: [arg], keywords: new Map(), node }, node);
    shapes = shapeList(out);
  }
  // Keras calls build(input_shape) before the first call; that is where custom weights are usually made.
  const build = method(h, inst, 'build', node);
  if (build && !state.built && inputShapes.every((s) => s !== null)) {
    state.built = true;
    const toValue = (s: Shape): Value => {
      const dims = s.map((d): Value => (typeof d === 'number' ? { kind: 'num', value: d } : d === null ? { kind: 'none' } : { kind: 'sym', expr: d }));
      return g.dialect === 'keras' ? { kind: 'tuple', items: dims } : list(dims);
    };
    interp.callValue(build, { positional: [inputShapes.length === 1 ? toValue(inputShapes[0]!) : list(inputShapes.map((s) => toValue(s!)))], keywords: new Map(), node }, node);
  }
  const call = method(h, inst, 'call', node);
  if (call && tensors.length > 0) {
    const before = g.diagnostics.length;
    const snap = h.state.snapshot();
    let inner: Value = UNKNOWN_VALUE;
    try {
      inner = interp.callValue(call, { positional: [input], keywords: new Map(), node }, node);
      if (!shapes) {
        const outs = tensorsOf(inner);
        shapes = outs.length > 0 && outs.every((t) => g.tensors[t].shape !== null) ? outs.map((t) => g.tensors[t].shape!) : null;
      }
    } finally {
      const raised = g.diagnostics.slice(before);
      h.state.restore(snap);
      for (const d of raised) if (!g.diagnostics.some((x) => x.message === d.message && x.range.start === d.range.start)) g.diagnostics.push(d);
    }
  }
  const parts = sublayers(h, inst);
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
export function buildSubclassedModel(h: KerasHost, inst: InstanceV, inputShapes: (Shape | null)[], node: { start: number; end: number }): ModelObj | undefined {
  const state = inst.keras!;
  if (state.model) return state.model;
  const interp = h.runtime;
  const call = method(h, inst, 'call', node);
  if (!call) return undefined;
  const { g } = h;
  // Its inputs are private: Keras creates no InputLayer for a subclassed model, so they take no auto-name.
  const inputs = inputShapes.map((s, i) => g.createInput(s, node, `${state.name}_input${inputShapes.length > 1 ? `_${i + 1}` : ''}`, { batch_shape: s }, undefined));
  const arg: Value = inputs.length === 1 ? { kind: 'tensor', id: inputs[0] } : list(inputs.map((id) => ({ kind: 'tensor', id })));
  const model: ModelObj = { id: h.state.models.length, name: state.name, kind: 'functional', node: g.range(node), inputs, outputs: [], variable: null, subclass: inst.cls.name };
  state.model = model;
  h.state.models.push(model);
  const out = interp.callValue(call, { positional: [arg], keywords: new Map(), node }, node);
  model.outputs = tensorsOf(out);
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


// ---- the host's side: naming, calling, building and the attributes of subclass instances ----------------------

/** A user class extending a Keras Layer/Model is named when created, as Keras's `Layer.__init__` does. */
export function newSubclassInstance(h: KerasHost, inst: InstanceV, args: ArgValues): void {
  const kind = kerasBaseKind(inst.cls);
  if (!kind) return;
  const given = new ArgReader(args, !h.python).get(undefined, 'name');
  const name = given?.kind === 'str' ? given.value : h.g.autoName(inst.cls.name);
  inst.keras = { kind, name, weights: [] };
  if (kind === 'model') h.state.subclassedModels.push(inst);
}

export function callSubclassed(h: KerasHost, inst: InstanceV, input: Value, node: { start: number; end: number }): Value {
  if (inst.keras!.kind === 'layer') return callSubclassedLayer(h, inst, input, node);
  const tensors = tensorsOf(input);
  if (tensors.length === 0) {
    // called on data (np.zeros((1, 32))): that builds the model; the result is not a symbolic tensor
    const shape = input.kind === 'data' && 'shape' in input.spec ? input.spec.shape : null;
    if (shape) buildSubclassed(h, inst, [[null, ...shape.slice(1)]], node);
    return UNKNOWN_VALUE;
  }
  const model = buildSubclassed(h, inst, tensors.map((t) => h.g.tensors[t].shape), node);
  return model ? callModel(h, model, input, node) : UNKNOWN_VALUE;
}

export function buildSubclassed(h: KerasHost, inst: InstanceV, shapes: (Shape | null)[], node: { start: number; end: number }): ModelObj | undefined {
  const model = buildSubclassedModel(h, inst, shapes, node);
  if (model && inst.keras?.variable && model.variable === null) model.variable = inst.keras.variable;
  const compile = h.state.pendingCompile.get(inst);
  if (model && compile) {
    h.state.pendingCompile.delete(inst);
    const attr = modelAttr(h, model, 'compile');
    if (attr?.kind === 'builtin') attr.fn(compile, undefined);
  }
  return model;
}

export function subclassAttr(h: KerasHost, inst: InstanceV, name: string): Value | undefined {
  const state = inst.keras!;
  const method = (fn: (a: ArgValues) => Value): BuiltinV => ({ kind: 'builtin', name: `${inst.cls.name}.${name}`, fn });
  if (name === 'apply') return method((a) => callSubclassed(h, inst, a.positional[0] ?? UNKNOWN_VALUE, a.node));
  if (name === 'add_weight' || name === 'addWeight') {
    return method((a) => {
      const w = addWeight(state, a, !h.python);
      // a variable behaves like a tensor of its shape in arithmetic, but is no node of the graph
      return { kind: 'tensor', id: h.g.newTensor(w.shape, null) };
    });
  }
  if (name === 'name') return str(state.name);
  if (state.kind !== 'model') return undefined;
  switch (name) {
    case 'build':
      return method((a) => {
        buildSubclassed(h, inst, shapesFromBuildArg(a.positional[0] ?? a.keywords.get('input_shape')), a.node);
        return NONE;
      });
    case 'compile':
    case 'fit': {
      return method((a) => {
        const x = a.positional[0] ?? a.keywords.get('x');
        const shape = x?.kind === 'data' && 'shape' in x.spec ? x.spec.shape : null;
        if (name === 'fit' && !state.model && shape) buildSubclassed(h, inst, [[null, ...shape.slice(1)]], a.node);
        const model = state.model;
        const attr = model ? modelAttr(h, model, name) : undefined;
        if (attr?.kind === 'builtin') return attr.fn(a, undefined);
        // compile() before the model is built: remember it for when it is
        if (name === 'compile') h.state.pendingCompile.set(inst, a);
        return UNKNOWN_VALUE;
      });
    }
    case 'summary':
    case 'predict':
    case 'evaluate':
    case 'save':
    case 'save_weights':
      return method(() => UNKNOWN_VALUE);
    default:
      return undefined;
  }
}

/**
 * `self.add_weight(shape=(n,), name=…, trainable=…)` (Keras 3; tf.keras 2 passed the name first) and TF.js's
 * `this.addWeight(name, shape, dtype, initializer, regularizer, trainable)`: recorded on the layer.
 */
function addWeight(state: SubclassState, a: ArgValues, tfjs: boolean): { shape: Shape } {
  const dims = (v: Value | undefined): Shape | null => {
    if (!v) return null;
    if (v.kind === 'num') return [v.value];
    const items = iterate(v);
    return items ? items.map((x) => (x.kind === 'num' ? x.value : x.kind === 'sym' ? x.expr : null)) : null;
  };
  let name: Value | undefined;
  let shape: Shape | null;
  let trainable: Value | undefined;
  if (tfjs) {
    name = a.positional[0];
    shape = dims(a.positional[1]);
    trainable = a.positional[5];
  } else {
    const nameFirst = a.positional[0]?.kind === 'str';
    name = a.keywords.get('name') ?? (nameFirst ? a.positional[0] : undefined);
    shape = dims(a.keywords.get('shape') ?? (nameFirst ? a.positional[1] : a.positional[0]));
    trainable = a.keywords.get('trainable');
  }
  const weight = { name: name?.kind === 'str' ? name.value : `weight_${state.weights.length}`, shape: shape ?? [null], trainable: trainable?.kind === 'bool' ? trainable.value : true };
  state.weights.push(weight);
  return weight;
}
