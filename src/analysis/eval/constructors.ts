// Making the Keras / TF.js objects: layers (`Dense(10)`, `tf.layers.dense({units: 10})`, `InputLayer`), inputs
// (`Input`, `tf.input`), models (`Model`, `tf.model`) and Sequential models (list form and `add`). Arguments are
// read through ArgReader, so nothing here branches on the language to find them. Calling layers is layerCalls.ts.

import type * as A from '../core/ast';
import { instantiateLayer } from '../../layers/apply';
import { layerByKerasName } from '../../layers/registry';
import { UNKNOWN, type ConfigValue, type LayerConfig, type LayerDef } from '../../layers/types';
import type { Shape } from '../../graph/shape';
import { ArgReader, dictStringEntries } from './args';
import { iterate } from './builtins';
import { messages } from '../../graph/diagnostics';
import type { KerasHost } from './kerasHost';
import { callModel } from './layerCalls';
import { allTensors, tensorsOf } from './tensors';
import { UNKNOWN_VALUE, type ArgValues, type LayerClassV, type ModelObj, type Value } from './values';

/** `Dense(10, activation='relu')` / `tf.layers.dense({units: 10})`. */
export function createLayer(h: KerasHost, cls: LayerClassV, args: ArgValues, node: A.Call): Value {
  const { g } = h;
  const raw = layerArgs(args, cls.factory === true, false);
  if (cls.def?.className === 'InputLayer') return makeInputLayerObject(h, cls.def, raw, node);
  if (!cls.def) {
    const name = typeof raw.keywords.name === 'string' ? raw.keywords.name : undefined;
    const layer = g.createLayer(undefined, cls.name, raw.keywords as LayerConfig, node, name);
    if (cls.name !== 'Layer') g.report(messages.unknownLayer(cls.factory ? `tf.layers.${cls.name}` : `class "${cls.name}"`), node.callee);
    return { kind: 'layer', layer };
  }
  const def = cls.def;
  const checked = hasSymbolic(args) ? layerArgs(args, cls.factory === true, true) : undefined;
  const made = instantiateLayer(def, raw, g.dialect, () => g.autoName(def.className), checked);
  if (made.error) {
    // The runtime's constructor throws: there is no such layer object, so its calls have unknown shapes.
    g.report(messages.invalidConfig(made.error.message), node);
    return { kind: 'layer', layer: g.createLayer(undefined, def.className, made.config, node, made.name) };
  }
  const layer = g.createLayer(def, def.className, made.config, node, made.name);
  if (def.className === 'Lambda') h.state.lambdaFns.set(layer.id, args.positional[0] ?? args.keywords.get('function') ?? UNKNOWN_VALUE);
  if (made.unexpected.length > 0 && g.dialect === 'keras') g.report(messages.unrecognizedKeywords(def.className, made.unexpected), node);
  return { kind: 'layer', layer };
}

/** A layer call's arguments as catalog values: Python positionals and keywords, or a TF.js config object. */
function layerArgs(args: ArgValues, configObject: boolean, symAsUnknown: boolean): { positional: ConfigValue[]; keywords: Record<string, ConfigValue> } {
  const conv = (v: Value) => toConfig(v, symAsUnknown);
  if (configObject) {
    const cfg = args.positional[0];
    return { positional: [], keywords: cfg?.kind === 'dict' ? Object.fromEntries(dictStringEntries(cfg).map(([k, v]) => [k, conv(v)])) : {} };
  }
  return { positional: args.positional.map(conv), keywords: Object.fromEntries([...args.keywords].map(([k, v]) => [k, conv(v)])) };
}

function hasSymbolic(args: ArgValues): boolean {
  const sym = (v: Value): boolean => v.kind === 'sym' || ((v.kind === 'list' || v.kind === 'tuple') && v.items.some(sym)) || (v.kind === 'dict' && [...v.entries.values()].some((e) => sym(e.value)));
  return args.positional.some(sym) || [...args.keywords.values()].some(sym);
}

/** `InputLayer(shape=…)`, `tf.layers.inputLayer({inputShape})`: a layer object whose output is the input tensor. */
function makeInputLayerObject(h: KerasHost, def: LayerDef, raw: { positional: ConfigValue[]; keywords: Record<string, ConfigValue> }, node: A.Call): Value {
  const { g } = h;
  const made = instantiateLayer(def, raw, g.dialect, () => g.inputName());
  const config = made.config;
  const shape = batchShape(config.shape ?? null, config.batch_shape ?? null, config.batch_size ?? null);
  const t = g.createInput(shape, node, made.name, config, def);
  const layer = g.objs[g.calls[g.tensors[t].producer!.call].layer];
  return { kind: 'layer', layer };
}

/** `Input(shape=(5,))`, `keras.Input((28, 28, 1), name='img')`, `tf.input({shape: [5]})`. */
export function makeInput(h: KerasHost, args: ArgValues, node: A.Call): Value {
  const { g } = h;
  const a = new ArgReader(args, !h.python);
  const get = (i: number | undefined, py: string, js = py): ConfigValue => {
    const v = a.get(i, py, js);
    return v ? toConfig(v) : a.configObject && a.config?.kind !== 'dict' ? UNKNOWN : null;
  };
  let shapeV = get(0, 'shape');
  // Keras's Input(shape, batch_size, dtype, sparse, batch_shape, name); TF.js has no batchSize on tf.input
  const batchSize = a.configObject ? null : get(1, 'batch_size');
  const dtype = get(2, 'dtype');
  const batchShapeV = get(4, 'batch_shape', 'batchShape');
  const name = get(5, 'name');
  if (h.python && typeof shapeV === 'number') {
    g.report(messages.notAShape(shapeV), node);
    shapeV = UNKNOWN;
  }
  const shape = batchShape(shapeV, batchShapeV, batchSize);
  const config: LayerConfig = { batch_shape: shape ?? UNKNOWN, dtype: dtype ?? 'float32', sparse: false, name: name ?? null };
  const t = g.createInput(shape, node, typeof name === 'string' ? name : undefined, config, layerByKerasName('InputLayer'));
  return { kind: 'tensor', id: t };
}

/** `Model(inputs, outputs, name=…)` / `tf.model({inputs, outputs, name})`. */
export function makeModel(h: KerasHost, args: ArgValues, node: A.Call): Value {
  const { g, state } = h;
  const a = new ArgReader(args, !h.python);
  const inputs = a.get(0, 'inputs') ?? UNKNOWN_VALUE;
  const outputs = a.get(1, 'outputs') ?? UNKNOWN_VALUE;
  const name = a.get(undefined, 'name');
  const model: ModelObj = {
    id: state.models.length,
    name: name?.kind === 'str' ? name.value : g.modelName('functional'),
    kind: 'functional',
    node: g.range(node),
    inputs: tensorsOf(inputs, h.python),
    outputs: tensorsOf(outputs, h.python),
    variable: null,
    opaque: !allTensors(inputs) || !allTensors(outputs) || undefined,
  };
  state.models.push(model);
  return { kind: 'model', model };
}

/** `Sequential([...], name=…)` / `tf.sequential({layers, name})`. */
export function makeSequential(h: KerasHost, args: ArgValues, node: A.Call): Value {
  const { g, state } = h;
  const a = new ArgReader(args, !h.python);
  const layers = a.get(0, 'layers');
  const name = a.get(1, 'name');
  const model: ModelObj = {
    id: state.models.length,
    name: name?.kind === 'str' ? name.value : g.modelName('sequential'),
    kind: 'sequential',
    node: g.range(node),
    inputs: [],
    outputs: [],
    seqLayers: [],
    variable: null,
  };
  state.models.push(model);
  const items = (layers && iterate(layers)) ?? [];
  const written = listElements(node, h.python);
  // Each layer's call is placed at its own element of a written list, so its hint and its error land there.
  items.forEach((item, i) => sequentialAdd(h, model, item, written?.length === items.length ? written[i] : node));
  return { kind: 'model', model };
}

/** The element expressions of the list literal a Sequential is given (`Sequential([...])`, `layers=[...]`,
 * `tf.sequential({layers: [...]})`), or undefined when the list is not written out element by element. */
function listElements(node: A.Call, python: boolean): readonly A.Expr[] | undefined {
  let list: A.Expr | undefined;
  for (const arg of node.args) {
    if (python && arg.kind === 'positional' && list === undefined) list = arg.value;
    else if (python && arg.kind === 'keyword' && arg.name === 'layers') list = arg.value;
    else if (!python && arg.kind === 'positional' && arg.value.kind === 'dict') {
      for (const e of arg.value.entries) if ('key' in e && e.key.kind === 'str' && e.key.value === 'layers') list = e.value;
    }
    if (!python) break;
  }
  if (list?.kind !== 'list' || list.items.some((x) => x.kind === 'starred')) return undefined;
  return list.items;
}

/** `model.add(layer)` and the list form: calls each layer on the running output, as Keras 3 rebuilds it. */
export function sequentialAdd(h: KerasHost, model: ModelObj, item: Value, node: { start: number; end: number }): void {
  const { g } = h;
  const layers = model.seqLayers!;
  if (item.kind === 'tensor') {
    // keras.Input(...) added to a Sequential: its InputLayer becomes the model's input
    if (layers.length === 0 && model.inputs.length === 0) {
      model.inputs = [item.id];
      model.seqOutput = item.id;
    }
    return;
  }
  if (item.kind === 'model') {
    // A model inside a Sequential is one layer of it
    const out = callModel(h, item.model, model.seqOutput === undefined ? UNKNOWN_VALUE : { kind: 'tensor', id: model.seqOutput }, node);
    const inner = h.state.modelLayers.get(item.model.id);
    if (inner) layers.push(inner);
    if (out.kind === 'tensor') {
      model.seqOutput = out.id;
      model.outputs = [out.id];
    }
    return;
  }
  if (item.kind !== 'layer') return;
  const layer = item.layer;
  if (layer.className === 'InputLayer') {
    const out = g.calls[layer.calls[0]]?.outputs[0];
    if (out !== undefined && model.inputs.length === 0) {
      model.inputs = [out];
      model.seqOutput = out;
      // TF.js lists an explicitly added InputLayer among model.layers; Keras 3's Sequential.layers skips it
      if (g.dialect === 'tfjs') layers.push(layer);
    }
    return;
  }
  if (model.seqOutput === undefined && layers.length === 0) {
    // TF.js: an Embedding's inputLength gives the first layer its input shape (Embedding's constructor does so)
    const embeddingLength = g.dialect === 'tfjs' && layer.className === 'Embedding' && typeof layer.config.input_length === 'number' ? [layer.config.input_length] : null;
    // TF.js concatenates `inputShape` onto the batch axis, so a bare number (`inputShape: 1`) is a 1-D shape
    const given = layer.config.input_shape;
    const inputShape = g.dialect === 'tfjs' && typeof given === 'number' ? [given] : given;
    const shape = batchShape(inputShape ?? embeddingLength, layer.config.batch_input_shape ?? null, layer.config.batch_size ?? null);
    if (shape) {
      // Keras 3 adds `InputLayer(shape=…)` (auto-named); TF.js names it `<layer>_input`.
      const t = g.createInput(shape, node, g.dialect === 'tfjs' ? `${layer.name}_input` : undefined, { batch_shape: shape }, layerByKerasName('InputLayer'));
      model.inputs = [t];
      model.seqOutput = t;
    }
  }
  layers.push(layer);
  const callNode = g.layers[layer.id].range;
  const input = model.seqOutput;
  const r = g.callLayer(layer, input === undefined ? [] : [input], layers.length === 1 && node === model.node ? callNode : node);
  model.seqOutput = r.outputs[0];
  model.outputs = [r.outputs[0]];
}

/** Full shape with the batch axis from `shape` / `batch_shape` / `batch_size`; null when not statically known. */
function batchShape(shape: ConfigValue, batch: ConfigValue, batchSize: ConfigValue): Shape | null {
  const dims = (v: ConfigValue): Shape | null => {
    if (!Array.isArray(v)) return null;
    const out: Shape = [];
    for (const d of v) {
      if (typeof d === 'number' || d === null) out.push(d);
      else if (typeof d === 'string') out.push(d);
      else return null;
    }
    return out;
  };
  const b = dims(batch);
  if (b) return b;
  const s = dims(shape);
  if (!s) return null;
  return [typeof batchSize === 'number' ? batchSize : null, ...s];
}

/** Evaluator values → catalog config values; anything not plain data is UNKNOWN (symbolic dims too, if asked). */
export function toConfig(v: Value, symAsUnknown = false): ConfigValue {
  switch (v.kind) {
    case 'num':
      return v.value;
    case 'str':
      return v.value;
    case 'bool':
      return v.value;
    case 'none':
      return null;
    case 'list':
    case 'tuple':
      return v.items.map((x) => toConfig(x, symAsUnknown));
    case 'dict': {
      const out: Record<string, ConfigValue> = {};
      for (const [key, value] of dictStringEntries(v)) out[key] = toConfig(value, symAsUnknown);
      return out;
    }
    case 'sym':
      return symAsUnknown ? UNKNOWN : v.expr;
    case 'layer':
      // A layer passed to another (Bidirectional(LSTM(8)), TimeDistributed(Dense(4))): wrappers read its config.
      return { $layer: v.layer.className, name: v.layer.name, config: v.layer.config };
    default:
      return UNKNOWN;
  }
}

