// Calling layers and models: `layer(x)`, `layer.apply(x)`, a Lambda whose body is tried on its input, a model
// called as a layer (one node, its graph replayed on the new inputs), and the attributes of layer and model
// objects (`layer.output`, `model.compile`, `model.add`). Creating them is constructors.ts.

import type { Shape } from '../../graph/shape';
import { messages } from '../../graph/diagnostics';
import { ArgReader } from './args';
import { iterate } from './builtins';
import { sequentialAdd } from './constructors';
import type { KerasHost } from './kerasHost';
import { replayModel } from './replay';
import { recordCompile, recordFit } from './training';
import { list, NONE, num, str, UNKNOWN_VALUE, type ArgValues, type BuiltinV, type LayerObj, type ModelObj, type Value } from './values';

/** Tensors passed as these keywords are graph inputs of the call without affecting its shapes. */
const EXTRA_INPUTS: [py: string, js: string][] = [
  ['initial_state', 'initialState'],
  ['constants', 'constants'],
  ['mask', 'mask'],
];

/**
 * What a Python call `layer(...)` passes as the layer's input: the first argument, except for layers that take
 * several tensors as separate arguments (MultiHeadAttention(query, value, key), keywords included).
 */
export function layerInput(layer: LayerObj, args: ArgValues): Value {
  if (layer.def?.multiInput) {
    const named = ['query', 'value', 'key'].map((k) => args.keywords.get(k));
    if (args.positional.length > 1 || named.some((v) => v !== undefined)) {
      const items = [...args.positional];
      named.forEach((v, i) => {
        if (v !== undefined) items[i] = v;
      });
      return list(items.filter((v) => v !== undefined));
    }
  }
  return args.positional[0] ?? UNKNOWN_VALUE;
}

/** Calls a layer on a tensor or a list of tensors; returns a tensor or a list of tensors. */
export function callLayerValue(h: KerasHost, layer: LayerObj, input: Value, args: ArgValues, node: { start: number; end: number }): Value {
  const { g } = h;
  const isList = input.kind === 'list' || input.kind === 'tuple';
  const items = isList ? (input as { items: Value[] }).items : [input];
  const tensors = items.map((v) => (v.kind === 'tensor' ? v.id : undefined));
  if (layer.def && !layer.def.multiInput && isList && layer.className !== 'Lambda') {
    // A single-input layer given a list (Keras would flatten or fail): shapes unknown, never a false error.
    const r = g.callLayer({ ...layer, def: undefined } as LayerObj, [], node, tensors.filter((t): t is number => t !== undefined));
    return { kind: 'tensor', id: r.outputs[0] };
  }
  const a = new ArgReader(args, !h.python);
  const extra: number[] = [];
  for (const [py, js] of EXTRA_INPUTS) {
    // TF.js: `layer.apply(x, {initialState})`; Python: `layer(x, initial_state=…)`
    const v = a.option(py, js, 1) ?? (py !== js ? args.keywords.get(js) : undefined);
    if (!v) continue;
    for (const x of iterate(v) ?? [v]) if (x.kind === 'tensor') extra.push(x.id);
  }
  const lambda = layer.className === 'Lambda' ? lambdaShape(h, layer, input, node) : undefined;
  const r = g.callLayer(layer, tensors, node, extra, lambda === undefined ? undefined : lambda && [lambda]);
  if (r.returnsList) return list(r.outputs.map((id) => ({ kind: 'tensor', id })));
  return { kind: 'tensor', id: r.outputs[0] };
}

/**
 * A Lambda's output shape: the stated `output_shape`, else the function evaluated on the input (Keras 3 traces
 * it the same way); everything the trial evaluation records is undone. Unknown when the body is not followable.
 */
function lambdaShape(h: KerasHost, layer: LayerObj, input: Value, node: { start: number; end: number }): Shape | null {
  const { g } = h;
  const stated = layer.config.output_shape;
  if (Array.isArray(stated)) {
    const first = input.kind === 'tensor' ? g.tensors[input.id].shape : null;
    return [first?.[0] ?? null, ...stated.map((d) => (typeof d === 'number' || typeof d === 'string' ? d : null))];
  }
  const fn = h.state.lambdaFns.get(layer.id);
  if (!fn || fn.kind !== 'func') return null;
  const snap = h.state.snapshot();
  try {
    const out = h.runtime.callValue(fn, { positional: [input], keywords: new Map(), node }, node);
    return out.kind === 'tensor' ? g.tensors[out.id].shape : null;
  } finally {
    h.state.restore(snap);
  }
}

/**
 * A model called on tensors is one node of the outer graph (Keras: a nested model is a layer), its weights
 * counted once; its output shapes come from replaying its graph on the new inputs.
 */
export function callModel(h: KerasHost, model: ModelObj, input: Value, node: { start: number; end: number }): Value {
  const { g, state } = h;
  let layer = state.modelLayers.get(model.id);
  if (!layer) {
    // TF.js's class for a functional model is `Model` (Keras 3's is `Functional`)
    const functional = g.dialect === 'tfjs' ? 'Model' : 'Functional';
    layer = g.createLayer(undefined, model.subclass ?? (model.kind === 'sequential' ? 'Sequential' : functional), {}, model.node, model.name);
    g.layers[layer.id].model = model.id;
    g.layers[layer.id].known = true;
    state.modelLayers.set(model.id, layer);
    state.layerModels.set(layer.id, model);
  }
  const items = input.kind === 'list' || input.kind === 'tuple' ? input.items : input.kind === 'dict' ? [...input.entries.values()].map((e) => e.value) : [input];
  const tensors = items.map((v) => (v.kind === 'tensor' ? v.id : undefined));
  const known = tensors.every((t) => t !== undefined) && tensors.length === model.inputs.length;
  let shapes: Shape[] | null = null;
  if (known) {
    const replay = replayModel(g, model, tensors.map((t) => g.tensors[t!].shape), state.layerModels);
    if (replay.error) {
      const inner = replay.error.call;
      g.report(messages.nestedModelRejects(replay.error.message, model.name), node, [{ range: inner.range, message: `the layer inside "${model.name}" that rejects the new input` }]);
    } else if (replay.outputs.every((s) => s !== null)) shapes = replay.outputs as Shape[];
  }
  const r = g.callLayer(layer, tensors, node, [], shapes);
  if (model.outputs.length > 1) return list(r.outputs.map((id) => ({ kind: 'tensor', id })));
  return { kind: 'tensor', id: r.outputs[0] };
}

export function modelAttr(h: KerasHost, model: ModelObj, name: string): Value | undefined {
  const { g } = h;
  const method = (fn: (a: ArgValues) => Value): BuiltinV => ({ kind: 'builtin', name: `Model.${name}`, fn });
  switch (name) {
    case 'apply':
    case 'call':
    case '__call__':
      return method((a) => callModel(h, model, a.positional[0] ?? UNKNOWN_VALUE, a.node));
    case 'layers':
      return list((model.kind === 'sequential' ? model.seqLayers ?? [] : []).map((l): Value => ({ kind: 'layer', layer: l })));
    case 'add':
      return method((a) => {
        if (model.kind === 'sequential' && a.positional[0]) sequentialAdd(h, model, a.positional[0], a.node);
        return NONE;
      });
    case 'compile':
    case 'fit':
      return method((a) => {
        const record = name === 'compile' ? recordCompile : recordFit;
        record(model, a, g.dialect === 'tfjs', g.range(a.node));
        return UNKNOWN_VALUE;
      });
    case 'summary':
    case 'evaluate':
    case 'predict':
    case 'save':
    case 'save_weights':
    case 'load_weights':
    case 'fitDataset':
      return method(() => UNKNOWN_VALUE);
    case 'input':
    case 'inputs': {
      const ts = model.inputs.map((id): Value => ({ kind: 'tensor', id }));
      return name === 'input' && ts.length === 1 ? ts[0] : list(ts);
    }
    case 'output':
    case 'outputs': {
      const ts = model.outputs.map((id): Value => ({ kind: 'tensor', id }));
      return name === 'output' && ts.length === 1 ? ts[0] : list(ts);
    }
    case 'name':
      return str(model.name);
    default:
      return undefined;
  }
}

export function layerAttr(h: KerasHost, layer: LayerObj, name: string): Value | undefined {
  switch (name) {
    case 'apply':
      return { kind: 'builtin', name: 'Layer.apply', fn: (a) => callLayerValue(h, layer, a.positional[0] ?? UNKNOWN_VALUE, a, a.node) };
    case 'name':
      return str(layer.name);
    case 'output':
    case 'input': {
      const call = h.g.calls[layer.calls[layer.calls.length - 1]];
      if (!call) return UNKNOWN_VALUE;
      const ts = name === 'output' ? call.outputs : call.inputs;
      return ts.length === 1 ? { kind: 'tensor', id: ts[0] } : list(ts.map((id) => ({ kind: 'tensor', id })));
    }
    case 'units':
    case 'filters':
      return typeof layer.config[name] === 'number' ? num(layer.config[name] as number) : UNKNOWN_VALUE;
    default:
      return undefined;
  }
}

/** The layer objects a model holds: its Sequential list, or every layer its graph calls. */
export function modelLayerObjs(h: KerasHost, model: ModelObj): LayerObj[] {
  const { g } = h;
  if (model.kind === 'sequential') return model.seqLayers ?? [];
  const seen = new Set<number>();
  const visit = (t: number) => {
    const p = g.tensors[t]?.producer;
    if (!p) return;
    const call = g.calls[p.call];
    if (seen.has(call.layer)) return;
    seen.add(call.layer);
    if (!model.inputs.includes(t)) call.inputs.forEach(visit);
  };
  model.outputs.forEach(visit);
  return [...seen].map((id) => g.objs[id]);
}
