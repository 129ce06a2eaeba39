// The Keras / TF.js meaning of values: which imports are Keras, what `Dense(10)`, `layer(x)`, `Input`, `Model`,
// `Sequential`, `tf.layers.dense({...}).apply(x)` do. Records everything through the GraphBuilder.

import type * as A from '../core/ast';
import { resolveConfig } from '../../layers/apply';
import { layerByKerasName, layerByTfjsFactory } from '../../layers/registry';
import { isUnknown, UNKNOWN, type ConfigValue, type LayerConfig, type LayerDef } from '../../layers/types';
import type { Shape } from '../../graph/shape';
import { intOf, iterate } from './builtins';
import { replayModel } from './replay';
import { backendFunction, type OpContext } from './backendOps';
import { buildSubclassedModel, callSubclassedLayer, kerasBaseKind, shapesFromBuildArg, type SubclassContext } from './subclass';
import type { Interpreter } from './interpreter';
import { Scope } from './scope';
import type { ImportedFiles } from '../workspace';
import { dataAttr, numpyAttr, optimizerFactory, recordCompile, recordFit, tfjsDataAttr } from './training';
import type { GraphBuilder } from './graphBuilder';
import type { Host } from './interpreter';
import {
  dict,
  list,
  NONE,
  num,
  str,
  tuple,
  UNKNOWN_VALUE,
  type ArgValues,
  type BuiltinV,
  type InstanceV,
  type ModuleV,
  type SubclassState,
  type LayerClassV,
  type LayerObj,
  type ModelObj,
  type Value,
} from './values';

const PY_MODULES: [RegExp, string][] = [
  [/^(tensorflow\.(python\.)?)?keras$|^tf_keras$/, 'keras'],
  [/^(tensorflow\.(python\.)?)?keras\.layers(\.[\w.]+)?$|^tf_keras\.layers$|^keras\.src\.layers(\.[\w.]+)?$/, 'keras.layers'],
  [/^(tensorflow\.)?keras\.(models|engine\.[\w.]+|src\.models(\.[\w.]+)?)$/, 'keras.models'],
  [/^(tensorflow\.)?keras\.backend$/, 'keras.backend'],
  [/^(tensorflow\.)?keras\.ops$/, 'keras.ops'],
  [/^(tensorflow\.)?keras\.activations$|^tensorflow\.nn$/, 'keras.activations'],
  [/^(tensorflow\.)?keras\.optimizers(\.[\w.]+)?$/, 'keras.optimizers'],
  [/^(tensorflow\.)?keras\.(losses|metrics|regularizers|initializers|constraints|callbacks|utils|applications|datasets|preprocessing)(\.[\w.]+)?$/, 'keras.other'],
  [/^tensorflow$/, 'tensorflow'],
  [/^tensorflow\.math$/, 'tensorflow.math'],
  [/^numpy$/, 'numpy'],
  [/^numpy\.random$/, 'numpy.random'],
];
const JS_MODULES = /^@tensorflow\/tfjs(-node(-gpu)?|-layers)?$/;


export class KerasHost implements Host {
  readonly models: ModelObj[] = [];
  private readonly layerVarBound = new Set<number>();
  private readonly dialectLang: 'python' | 'js';
  /** Functions wrapped by Lambda layers, by layer id. */
  private readonly lambdaFns = new Map<number, Value>();
  /** The layer object standing for each model that is called as a layer, by model id (and back). */
  readonly modelLayers = new Map<number, LayerObj>();
  private readonly layerModels = new Map<number, ModelObj>();
  /** Subclassed models created so far (built at the end with unknown inputs if the code never builds them). */
  readonly subclassedModels: InstanceV[] = [];
  /** Set by the pipeline. */
  interp: Interpreter | undefined;
  private get subclassCtx(): SubclassContext {
    return {
      g: this.g,
      interp: () => this.interp,
      models: this.models,
      callModel: (m, input, node) => this.callModel(m, input, node),
      tensorsOf: (v) => tensorsOf(v),
    };
  }
  /** Set by the pipeline: runs a user function (to infer Lambda shapes). */
  callFunction: ((f: Value, args: Value[], node: A.Node) => Value) | undefined;

  constructor(
    private readonly g: GraphBuilder,
    lang: 'python' | 'js',
  ) {
    this.dialectLang = lang;
  }

  globals(): Map<string, Value> {
    return new Map();
  }

  // ---- modules ---------------------------------------------------------------------------------------------------

  importModule(module: string): Value {
    if (this.dialectLang === 'js') {
      if (JS_MODULES.test(module)) return { kind: 'module', path: module === '@tensorflow/tfjs-layers' ? 'tfjs.layers-root' : 'tfjs', known: true };
      return this.workspaceModule(module) ?? { kind: 'module', path: module, known: false };
    }
    for (const [re, path] of PY_MODULES) if (re.test(module)) return { kind: 'module', path, known: true };
    return this.workspaceModule(module) ?? { kind: 'module', path: module, known: false };
  }

  /** Set by the pipeline when imports between project files may be followed. */
  files: ImportedFiles | undefined;
  private readonly workspaceModules = new Map<string, ModuleV>();

  /** A project file imported by the running code: its module body runs once; its variables are the module's. */
  private workspaceModule(module: string): ModuleV | undefined {
    const file = this.files?.resolve(this.interp?.currentFile, module);
    if (!file || !this.interp) return undefined;
    const cached = this.workspaceModules.get(file.name);
    if (cached) return cached;
    const scope = new Scope(null);
    const mod: ModuleV = { kind: 'module', path: `file:${file.name}`, known: true, scope };
    this.workspaceModules.set(file.name, mod); // before running it: circular imports see a partial module
    this.interp.runModule(file.name, file.text, file.lowered.body, scope);
    for (const e of file.lowered.syntaxErrors) this.g.diagnose('error', 'syntax-error', e.message, this.g.rangeIn(e, file.name));
    return mod;
  }

  getAttr(obj: Value, name: string, node: A.Attr): Value | undefined {
    switch (obj.kind) {
      case 'module':
        return obj.scope ? obj.scope.lookup(name) ?? UNKNOWN_VALUE : this.moduleAttr(obj.path, name);
      case 'layer':
        return this.layerAttr(obj.layer, name, node);
      case 'tensor':
        return this.tensorAttr(obj.id, name);
      case 'model':
        return this.modelAttr(obj.model, name);
      case 'data':
        return dataAttr(obj, name, this.dialectLang);
      case 'instance':
        return obj.keras ? this.subclassAttr(obj, name) : undefined;
      case 'unknown':
      case 'sym':
        return this.assumedLayerClass(name, node);
      default:
        return undefined;
    }
  }

  private moduleAttr(path: string, name: string): Value | undefined {
    switch (path) {
      case 'tensorflow':
        if (name === 'keras') return { kind: 'module', path: 'keras', known: true };
        if (name === 'nn') return { kind: 'module', path: 'keras.activations', known: true };
        if (name === 'math') return { kind: 'module', path: 'tensorflow.math', known: true };
        return backendFunction(this.opContext, name, 'tf') ?? UNKNOWN_VALUE;
      case 'tensorflow.math':
        return backendFunction(this.opContext, name, 'tf') ?? UNKNOWN_VALUE;
      case 'keras.backend':
        return backendFunction(this.opContext, name, 'backend') ?? UNKNOWN_VALUE;
      case 'keras.ops':
        return backendFunction(this.opContext, name, 'ops') ?? UNKNOWN_VALUE;
      case 'keras':
        if (name === 'layers') return { kind: 'module', path: 'keras.layers', known: true };
        if (name === 'models') return { kind: 'module', path: 'keras.models', known: true };
        if (name === 'backend') return { kind: 'module', path: 'keras.backend', known: true };
        if (name === 'ops') return { kind: 'module', path: 'keras.ops', known: true };
        if (name === 'activations') return { kind: 'module', path: 'keras.activations', known: true };
        if (name === 'optimizers') return { kind: 'module', path: 'keras.optimizers', known: true };
        if (name === 'Input' || name === 'Model' || name === 'Sequential') return this.kerasBuiltin(name);
        return /^[a-z]/.test(name) ? { kind: 'module', path: 'keras.other', known: true } : UNKNOWN_VALUE;
      case 'keras.models':
        if (name === 'Model' || name === 'Sequential') return this.kerasBuiltin(name);
        return UNKNOWN_VALUE;
      case 'keras.layers':
        if (name === 'Input') return this.kerasBuiltin('Input');
        if (name === 'Layer') return { kind: 'layerclass', name: 'Layer', def: undefined };
        if (/^[A-Z]/.test(name)) return { kind: 'layerclass', name, def: layerByKerasName(name) };
        return this.mergeFunction(name) ?? UNKNOWN_VALUE;
      case 'keras.activations':
        return str(name);
      case 'keras.optimizers':
        if (name === 'legacy' || name === 'experimental') return { kind: 'module', path: 'keras.optimizers', known: true };
        return /^[A-Z]/.test(name) ? optimizerFactory(name, false) : UNKNOWN_VALUE;
      case 'numpy':
        if (name === 'random') return { kind: 'module', path: 'numpy.random', known: true };
        return numpyAttr('numpy', name) ?? UNKNOWN_VALUE;
      case 'numpy.random':
        return numpyAttr('numpy.random', name) ?? UNKNOWN_VALUE;
      case 'tfjs.train':
        return /^[a-z]/.test(name) ? optimizerFactory(name, true) : UNKNOWN_VALUE;
      case 'tfjs':
      case 'tfjs.layers-root':
        if (name === 'layers') return { kind: 'module', path: 'tfjs.layers', known: true };
        if (name === 'input' || name === 'model' || name === 'sequential') return this.kerasBuiltin(name);
        if (path === 'tfjs.layers-root') return this.moduleAttr('tfjs.layers', name);
        if (name === 'train') return { kind: 'module', path: 'tfjs.train', known: true };
        return tfjsDataAttr(name) ?? UNKNOWN_VALUE;
      case 'tfjs.layers':
        if (name === 'Layer') return { kind: 'layerclass', name: 'Layer', def: undefined };
        if (/^[a-z]/.test(name)) {
          const def = layerByTfjsFactory(name);
          return { kind: 'layerclass', name: def?.className ?? name, def, factory: true };
        }
        return UNKNOWN_VALUE;
      default:
        return UNKNOWN_VALUE;
    }
  }

  /**
   * Keras's functional merge helpers: `layers.add([a, b])` is `Add()([a, b])` (keyword arguments go to the layer),
   * likewise concatenate, multiply, average, maximum, minimum, subtract, dot.
   */
  private mergeFunction(name: string): BuiltinV | undefined {
    const classes: Record<string, string> = { add: 'Add', concatenate: 'Concatenate', multiply: 'Multiply', average: 'Average', maximum: 'Maximum', minimum: 'Minimum', subtract: 'Subtract', dot: 'Dot' };
    const def = classes[name] ? layerByKerasName(classes[name]) : undefined;
    if (!def) return undefined;
    return {
      kind: 'builtin',
      name: `keras.layers.${name}`,
      fn: (a) => {
        const inputs = a.positional[0] ?? a.keywords.get('inputs') ?? UNKNOWN_VALUE;
        const keywords = new Map([...a.keywords].filter(([k]) => k !== 'inputs'));
        // dot(inputs, axes, normalize=False): the positional arguments after the inputs are the layer's
        const created = this.createLayer({ kind: 'layerclass', name: def.className, def }, { positional: a.positional.slice(1), keywords, node: a.node }, a.node as A.Call);
        return created.kind === 'layer' ? this.callLayerValue(created.layer, inputs, a, a.node) : UNKNOWN_VALUE;
      },
    };
  }

  private kerasBuiltin(name: string): BuiltinV {
    return { kind: 'builtin', name: `keras.${name}`, fn: () => UNKNOWN_VALUE };
  }

  // ---- calls -------------------------------------------------------------------------------------------------------

  call(callee: Value, args: ArgValues, node: A.Call): Value | undefined {
    switch (callee.kind) {
      case 'builtin':
        switch (callee.name) {
          case 'keras.Input':
          case 'keras.input':
            return this.makeInput(args, node);
          case 'keras.Model':
          case 'keras.model':
            return this.makeModel(args, node);
          case 'keras.Sequential':
          case 'keras.sequential':
            return this.makeSequential(args, node);
          default:
            return undefined;
        }
      case 'layerclass':
        return this.createLayer(callee, args, node);
      case 'layer':
        return this.callLayerValue(callee.layer, layerInput(callee.layer, args), args, node);
      case 'model':
        return this.callModel(callee.model, args.positional[0] ?? args.keywords.get('inputs') ?? UNKNOWN_VALUE, node);
      case 'instance':
        return callee.keras ? this.callSubclassed(callee, args.positional[0] ?? args.keywords.get('inputs') ?? UNKNOWN_VALUE, node) : undefined;
      default:
        return undefined;
    }
  }

  /** A user class extending a Keras Layer/Model is named when created, as Keras's `Layer.__init__` does. */
  newInstance(inst: InstanceV, args: ArgValues): void {
    const kind = kerasBaseKind(inst.cls);
    if (!kind) return;
    const cfg = this.g.dialect === 'tfjs' && args.positional[0]?.kind === 'dict' ? args.positional[0].entries.get('s:name')?.value : args.keywords.get('name');
    const name = cfg?.kind === 'str' ? cfg.value : this.g.autoName(inst.cls.name);
    inst.keras = { kind, name, weights: [] };
    if (kind === 'model') this.subclassedModels.push(inst);
  }

  private callSubclassed(inst: InstanceV, input: Value, node: { start: number; end: number }): Value {
    if (inst.keras!.kind === 'layer') return callSubclassedLayer(this.subclassCtx, inst, input, node);
    const tensors = tensorsOf(input);
    if (tensors.length === 0) {
      // called on data (np.zeros((1, 32))): that builds the model; the result is not a symbolic tensor
      const shape = input.kind === 'data' && 'shape' in input.spec ? input.spec.shape : null;
      if (shape) this.buildSubclassed(inst, [[null, ...shape.slice(1)]], node);
      return UNKNOWN_VALUE;
    }
    const model = this.buildSubclassed(inst, tensors.map((t) => this.g.tensors[t].shape), node);
    return model ? this.callModel(model, input, node) : UNKNOWN_VALUE;
  }

  buildSubclassed(inst: InstanceV, shapes: (Shape | null)[], node: { start: number; end: number }): ModelObj | undefined {
    const model = buildSubclassedModel(this.subclassCtx, inst, shapes, node);
    if (model && inst.keras?.variable && model.variable === null) model.variable = inst.keras.variable;
    const compile = this.pendingCompile.get(inst);
    if (model && compile) {
      this.pendingCompile.delete(inst);
      const attr = this.modelAttr(model, 'compile');
      if (attr?.kind === 'builtin') attr.fn(compile, undefined);
    }
    return model;
  }

  private subclassAttr(inst: InstanceV, name: string): Value | undefined {
    const state = inst.keras!;
    const method = (fn: (a: ArgValues) => Value): BuiltinV => ({ kind: 'builtin', name: `${inst.cls.name}.${name}`, fn });
    if (name === 'apply') return method((a) => this.callSubclassed(inst, a.positional[0] ?? UNKNOWN_VALUE, a.node));
    if (name === 'add_weight' || name === 'addWeight') {
      return method((a) => {
        const w = addWeight(state, a, this.g.dialect === 'tfjs');
        // a variable behaves like a tensor of its shape in arithmetic, but is no node of the graph
        return { kind: 'tensor', id: this.g.newTensor(w.shape, null) };
      });
    }
    if (name === 'name') return str(state.name);
    if (state.kind !== 'model') return undefined;
    switch (name) {
      case 'build':
        return method((a) => {
          this.buildSubclassed(inst, shapesFromBuildArg(a.positional[0] ?? a.keywords.get('input_shape')), a.node);
          return NONE;
        });
      case 'compile':
      case 'fit': {
        return method((a) => {
          const x = a.positional[0] ?? a.keywords.get('x');
          const shape = x?.kind === 'data' && 'shape' in x.spec ? x.spec.shape : null;
          if (name === 'fit' && !state.model && shape) this.buildSubclassed(inst, [[null, ...shape.slice(1)]], a.node);
          const model = state.model;
          const attr = model ? this.modelAttr(model, name) : undefined;
          if (attr?.kind === 'builtin') return attr.fn(a, undefined);
          // compile() before the model is built: remember it for when it is
          if (name === 'compile') this.pendingCompile.set(inst, a);
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

  /** compile() calls made before a subclassed model had a graph. */
  readonly pendingCompile = new Map<InstanceV, ArgValues>();

  /** `Dense(10, activation='relu')` / `tf.layers.dense({units: 10})`. */
  private createLayer(cls: LayerClassV, args: ArgValues, node: A.Call): Value {
    const dialect = this.g.dialect;
    let positional: ConfigValue[] = [];
    let keywords: Record<string, ConfigValue> = {};
    if (cls.factory) {
      const cfg = args.positional[0];
      if (cfg?.kind === 'dict') {
        for (const { key, value } of cfg.entries.values()) if (key.kind === 'str') keywords[key.value] = toConfig(value);
      }
    } else {
      positional = args.positional.map(toConfig);
      keywords = Object.fromEntries([...args.keywords].map(([k, v]) => [k, toConfig(v)]));
    }
    if (cls.def?.className === 'InputLayer') return this.makeInputLayerObject(cls.def, positional, keywords, node);
    if (!cls.def) {
      const name = typeof keywords.name === 'string' ? keywords.name : undefined;
      const layer = this.g.createLayer(undefined, cls.name, keywords as LayerConfig, node, name);
      if (cls.name !== 'Layer') {
        this.g.diagnose(
          'information',
          'unknown-layer',
          `LayerGraph does not know the layer ${cls.factory ? `tf.layers.${cls.name}` : `class "${cls.name}"`} yet; its output shape is treated as unknown.`,
          node.callee,
        );
      }
      return { kind: 'layer', layer };
    }
    const resolved = resolveConfig(cls.def, positional, keywords, dialect);
    const name = typeof resolved.config.name === 'string' ? resolved.config.name : undefined;
    const layer = this.g.createLayer(cls.def, cls.def.className, resolved.config, node, name);
    if (cls.def.className === 'Lambda') this.lambdaFns.set(layer.id, args.positional[0] ?? args.keywords.get('function') ?? UNKNOWN_VALUE);
    if (resolved.unexpected.length > 0 && dialect === 'keras') {
      this.g.diagnose('warning', 'invalid-config', `Unrecognized keyword arguments passed to ${cls.def.className}: {${resolved.unexpected.map((k) => `'${k}': …`).join(', ')}}`, node);
    }
    return { kind: 'layer', layer };
  }

  /** `InputLayer(shape=…)`, `tf.layers.inputLayer({inputShape})`: a layer object whose output is the input tensor. */
  private makeInputLayerObject(def: LayerDef, positional: ConfigValue[], keywords: Record<string, ConfigValue>, node: A.Call): Value {
    const resolved = resolveConfig(def, positional, keywords, this.g.dialect);
    const shape = batchShape(resolved.config.shape ?? null, resolved.config.batch_shape ?? null, resolved.config.batch_size ?? null);
    const name = typeof resolved.config.name === 'string' ? resolved.config.name : undefined;
    const t = this.g.createInput(shape, node, name, resolved.config, def);
    const layer = this.g.objs[this.g.calls[this.g.tensors[t].producer!.call].layer];
    return { kind: 'layer', layer };
  }

  /** `Input(shape=(5,))`, `keras.Input((28, 28, 1), name='img')`, `tf.input({shape: [5]})`. */
  private makeInput(args: ArgValues, node: A.Call): Value {
    const def = layerByKerasName('InputLayer');
    let shapeV: ConfigValue;
    let batchShapeV: ConfigValue;
    let batchSize: ConfigValue;
    let name: ConfigValue;
    let dtype: ConfigValue;
    if (this.g.dialect === 'tfjs') {
      const cfg = args.positional[0];
      const get = (k: string): ConfigValue => (cfg?.kind === 'dict' ? toConfig(cfg.entries.get(`s:${k}`)?.value ?? NONE) : UNKNOWN);
      shapeV = get('shape');
      batchShapeV = get('batchShape');
      batchSize = null;
      name = get('name');
      dtype = get('dtype');
    } else {
      const get = (i: number, k: string): ConfigValue => toConfig(args.positional[i] ?? args.keywords.get(k) ?? NONE);
      shapeV = get(0, 'shape');
      batchSize = get(1, 'batch_size');
      dtype = get(2, 'dtype');
      batchShapeV = get(4, 'batch_shape');
      name = get(5, 'name');
      if (typeof shapeV === 'number') {
        this.g.diagnose('error', 'invalid-config', `Cannot convert '${shapeV}' to a shape.`, node, []);
        shapeV = UNKNOWN;
      }
    }
    const shape = batchShape(shapeV, batchShapeV, batchSize);
    const config: LayerConfig = { batch_shape: shape ?? UNKNOWN, dtype: dtype ?? 'float32', sparse: false, name: name ?? null };
    const t = this.g.createInput(shape, node, typeof name === 'string' ? name : undefined, config, def);
    return { kind: 'tensor', id: t };
  }

  /** Calls a layer on a tensor or a list of tensors; returns a tensor or a list of tensors. */
  private callLayerValue(layer: LayerObj, input: Value, args: ArgValues, node: { start: number; end: number }): Value {
    const isList = input.kind === 'list' || input.kind === 'tuple';
    const items = isList ? (input as { items: Value[] }).items : [input];
    const tensors = items.map((v) => (v.kind === 'tensor' ? v.id : undefined));
    if (layer.def && !layer.def.multiInput && isList && layer.className !== 'Lambda') {
      // A single-input layer given a list (Keras would flatten or fail): shapes unknown, never a false error.
      const r = this.g.callLayer({ ...layer, def: undefined } as LayerObj, [], node, tensors.filter((t): t is number => t !== undefined));
      return { kind: 'tensor', id: r.outputs[0] };
    }
    // Tensors passed as initial_state / mask are graph inputs without affecting shapes.
    const extra: number[] = [];
    for (const key of ['initial_state', 'initialState', 'constants', 'mask']) {
      const v = args.keywords.get(key) ?? (this.g.dialect === 'tfjs' && args.positional[1]?.kind === 'dict' ? args.positional[1].entries.get(`s:${key}`)?.value : undefined);
      if (!v) continue;
      for (const x of iterate(v) ?? [v]) if (x.kind === 'tensor') extra.push(x.id);
    }
    const lambda = layer.className === 'Lambda' ? this.lambdaShape(layer, input, node) : undefined;
    const r = this.g.callLayer(layer, tensors, node, extra, lambda === undefined ? undefined : lambda && [lambda]);
    if (r.returnsList) return list(r.outputs.map((id) => ({ kind: 'tensor', id })));
    return { kind: 'tensor', id: r.outputs[0] };
  }

  /**
   * A Lambda's output shape: the stated `output_shape`, else the function evaluated on the input (Keras 3 traces
   * it the same way); everything the trial evaluation records is undone. Unknown when the body is not followable.
   */
  private lambdaShape(layer: LayerObj, input: Value, node: { start: number; end: number }): Shape | null {
    const stated = layer.config.output_shape;
    if (Array.isArray(stated)) {
      const first = input.kind === 'tensor' ? this.g.tensors[input.id].shape : null;
      return [first?.[0] ?? null, ...stated.map((d) => (typeof d === 'number' || typeof d === 'string' ? d : null))];
    }
    const fn = this.lambdaFns.get(layer.id);
    if (!fn || fn.kind !== 'func' || !this.callFunction) return null;
    const undo = this.g.mark();
    try {
      const out = this.callFunction(fn, [input], node);
      return out.kind === 'tensor' ? this.g.tensors[out.id].shape : null;
    } finally {
      undo();
    }
  }

  /**
   * A model called on tensors is one node of the outer graph (Keras: a nested model is a layer), its weights
   * counted once; its output shapes come from replaying its graph on the new inputs.
   */
  private callModel(model: ModelObj, input: Value, node: { start: number; end: number }): Value {
    let layer = this.modelLayers.get(model.id);
    if (!layer) {
      layer = this.g.createLayer(undefined, model.subclass ?? (model.kind === 'sequential' ? 'Sequential' : 'Functional'), {}, model.node, model.name);
      this.g.layers[layer.id].model = model.id;
      this.g.layers[layer.id].known = true;
      this.modelLayers.set(model.id, layer);
      this.layerModels.set(layer.id, model);
    }
    const items = input.kind === 'list' || input.kind === 'tuple' ? input.items : input.kind === 'dict' ? [...input.entries.values()].map((e) => e.value) : [input];
    const tensors = items.map((v) => (v.kind === 'tensor' ? v.id : undefined));
    const known = tensors.every((t) => t !== undefined) && tensors.length === model.inputs.length;
    let shapes: Shape[] | null = null;
    if (known) {
      const replay = replayModel(this.g, model, tensors.map((t) => this.g.tensors[t!].shape), this.layerModels);
      if (replay.error) {
        const inner = replay.error.call;
        this.g.diagnose('error', 'shape-mismatch', `${replay.error.message} (inside model "${model.name}", called here)`, node, [
          { range: inner.range, message: `the layer inside "${model.name}" that rejects the new input` },
        ]);
      } else if (replay.outputs.every((s) => s !== null)) shapes = replay.outputs as Shape[];
    }
    const r = this.g.callLayer(layer, tensors, node, [], shapes);
    if (model.outputs.length > 1) return list(r.outputs.map((id) => ({ kind: 'tensor', id })));
    return { kind: 'tensor', id: r.outputs[0] };
  }

  // ---- models ------------------------------------------------------------------------------------------------------

  private makeModel(args: ArgValues, node: A.Call): Value {
    let inputs: Value;
    let outputs: Value;
    let name: Value | undefined;
    if (this.g.dialect === 'tfjs') {
      const cfg = args.positional[0];
      const get = (k: string) => (cfg?.kind === 'dict' ? cfg.entries.get(`s:${k}`)?.value : undefined);
      inputs = get('inputs') ?? UNKNOWN_VALUE;
      outputs = get('outputs') ?? UNKNOWN_VALUE;
      name = get('name');
    } else {
      inputs = args.positional[0] ?? args.keywords.get('inputs') ?? UNKNOWN_VALUE;
      outputs = args.positional[1] ?? args.keywords.get('outputs') ?? UNKNOWN_VALUE;
      name = args.keywords.get('name');
    }
    const model: ModelObj = {
      id: this.models.length,
      name: name?.kind === 'str' ? name.value : this.g.modelName('functional'),
      kind: 'functional',
      node: this.g.range(node),
      inputs: tensorsOf(inputs, this.dialectLang === 'python'),
      outputs: tensorsOf(outputs, this.dialectLang === 'python'),
      variable: null,
      opaque: !allTensors(inputs) || !allTensors(outputs) || undefined,
    };
    this.models.push(model);
    return { kind: 'model', model };
  }

  private makeSequential(args: ArgValues, node: A.Call): Value {
    let layers: Value | undefined;
    let name: Value | undefined;
    if (this.g.dialect === 'tfjs') {
      const cfg = args.positional[0];
      layers = cfg?.kind === 'dict' ? cfg.entries.get('s:layers')?.value : undefined;
      name = cfg?.kind === 'dict' ? cfg.entries.get('s:name')?.value : undefined;
    } else {
      layers = args.positional[0] ?? args.keywords.get('layers');
      name = args.keywords.get('name') ?? args.positional[1];
    }
    const model: ModelObj = {
      id: this.models.length,
      name: name?.kind === 'str' ? name.value : this.g.modelName('sequential'),
      kind: 'sequential',
      node: this.g.range(node),
      inputs: [],
      outputs: [],
      seqLayers: [],
      variable: null,
    };
    this.models.push(model);
    for (const item of (layers && iterate(layers)) ?? []) this.sequentialAdd(model, item, node);
    return { kind: 'model', model };
  }

  /** `model.add(layer)` and the list form: calls each layer on the running output, as Keras 3 rebuilds it. */
  private sequentialAdd(model: ModelObj, item: Value, node: { start: number; end: number }): void {
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
      const out = this.callModel(item.model, model.seqOutput === undefined ? UNKNOWN_VALUE : { kind: 'tensor', id: model.seqOutput }, node);
      const inner = this.modelLayers.get(item.model.id);
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
      const out = this.g.calls[layer.calls[0]]?.outputs[0];
      if (out !== undefined && model.inputs.length === 0) {
        model.inputs = [out];
        model.seqOutput = out;
        // TF.js lists an explicitly added InputLayer among model.layers; Keras 3's Sequential.layers skips it
        if (this.g.dialect === 'tfjs') layers.push(layer);
      }
      return;
    }
    if (model.seqOutput === undefined && layers.length === 0) {
      // TF.js: an Embedding's inputLength gives the first layer its input shape (Embedding's constructor does so)
      const embeddingLength = this.g.dialect === 'tfjs' && layer.className === 'Embedding' && typeof layer.config.input_length === 'number' ? [layer.config.input_length] : null;
      const shape = batchShape(layer.config.input_shape ?? embeddingLength, layer.config.batch_input_shape ?? null, layer.config.batch_size ?? null);
      if (shape) {
        // Keras 3 adds `InputLayer(shape=…)` (auto-named); TF.js names it `<layer>_input`.
        const t = this.g.createInput(shape, node, this.g.dialect === 'tfjs' ? `${layer.name}_input` : undefined, { batch_shape: shape }, layerByKerasName('InputLayer'));
        model.inputs = [t];
        model.seqOutput = t;
      }
    }
    layers.push(layer);
    const callNode = this.g.layers[layer.id].range;
    const input = model.seqOutput;
    const r = this.g.callLayer(layer, input === undefined ? [] : [input], layers.length === 1 && node === model.node ? callNode : node);
    model.seqOutput = r.outputs[0];
    model.outputs = [r.outputs[0]];
  }

  modelAttr(model: ModelObj, name: string): Value | undefined {
    const method = (fn: (a: ArgValues) => Value): BuiltinV => ({ kind: 'builtin', name: `Model.${name}`, fn });
    switch (name) {
      case 'apply':
      case 'call':
      case '__call__':
        return method((a) => this.callModel(model, a.positional[0] ?? UNKNOWN_VALUE, a.node));
      case 'layers':
        return list((model.kind === 'sequential' ? model.seqLayers ?? [] : []).map((l): Value => ({ kind: 'layer', layer: l })));
      case 'add':
        return method((a) => {
          if (model.kind === 'sequential' && a.positional[0]) this.sequentialAdd(model, a.positional[0], a.node);
          return NONE;
        });
      case 'compile':
      case 'fit':
        return method((a) => {
          const record = name === 'compile' ? recordCompile : recordFit;
          record(model, a, this.g.dialect === 'tfjs', this.g.range(a.node));
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

  private layerAttr(layer: LayerObj, name: string, _node: A.Attr): Value | undefined {
    switch (name) {
      case 'apply':
        return { kind: 'builtin', name: 'Layer.apply', fn: (a) => this.callLayerValue(layer, a.positional[0] ?? UNKNOWN_VALUE, a, a.node) };
      case 'name':
        return str(layer.name);
      case 'output':
      case 'input': {
        const call = this.g.calls[layer.calls[layer.calls.length - 1]];
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

  private tensorAttr(id: number, name: string): Value | undefined {
    const shape = this.g.tensors[id].shape;
    if (name === 'shape') {
      if (!shape) return UNKNOWN_VALUE;
      const dims = shape.map((d): Value => (typeof d === 'number' ? num(d) : d === null ? NONE : { kind: 'sym', expr: d }));
      return this.dialectLang === 'python' ? tuple(dims) : list(dims);
    }
    if (name === 'rank' || name === 'ndim') return shape ? num(shape.length) : UNKNOWN_VALUE;
    // a TF.js LayerVariable's value
    if (name === 'read') return { kind: 'builtin', name: 'read', fn: () => ({ kind: 'tensor', id }) };
    if (name === 'dtype') return str('float32');
    return UNKNOWN_VALUE;
  }

  index(obj: Value): Value | undefined {
    if (obj.kind === 'tensor') return UNKNOWN_VALUE;
    return undefined;
  }

  binop(op: A.BinaryOperator, left: Value, right: Value, node: A.BinOp): Value | undefined {
    if (left.kind !== 'tensor' && right.kind !== 'tensor') return undefined;
    if (this.dialectLang !== 'python') return UNKNOWN_VALUE;
    // Keras 3: arithmetic on KerasTensors creates operations (named like layers, but not layers).
    const opClass: Record<string, string> = { '+': 'Add', '-': 'Subtract', '*': 'Multiply', '/': 'TrueDivide', '@': 'Matmul', '**': 'Power' };
    const cls = opClass[op];
    if (!cls) return UNKNOWN_VALUE;
    // variables (add_weight) take part in the shape but are not graph inputs
    const operands = [left, right].filter((v) => v.kind === 'tensor' && this.g.tensors[v.id].producer !== null).map((v) => (v as { id: number }).id);
    const shapes = [left, right].map((v) => (v.kind === 'tensor' ? this.g.tensors[v.id].shape : v.kind === 'num' ? [] : null));
    return this.opTensor(cls, operands, broadcast(shapes), node);
  }

  /** A Keras 3 operation on symbolic tensors: a named graph node (not a layer) with a computed output shape. */
  opTensor(className: string, inputs: number[], shape: Shape | null, node: { start: number; end: number }): Value {
    const layer = this.g.createLayer(undefined, className, {}, node, undefined, true);
    const r = this.g.callLayer(layer, inputs, node);
    this.g.tensors[r.outputs[0]].shape = shape;
    return { kind: 'tensor', id: r.outputs[0] };
  }

  private get opContext(): OpContext {
    return { op: (c, i, s, n) => this.opTensor(c, i, s, n), shapeOf: (t) => this.g.tensors[t].shape, lang: this.dialectLang };
  }

  /**
   * `something.Dense(…)` where `something` cannot be resolved (a `layers` module passed in as an argument):
   * a known Keras layer class name is taken as that class, and a note says so.
   */
  private assumedLayerClass(name: string, node: A.Attr): Value | undefined {
    if (this.dialectLang !== 'python' || !/^[A-Z]/.test(name)) return undefined;
    const def = layerByKerasName(name);
    if (!def) return undefined;
    if (!this.assumedAt.has(node.start)) {
      this.assumedAt.add(node.start);
      this.g.diagnose('information', 'assumed-layer-class', `"${name}" is taken to be keras.layers.${name}: where it comes from is not known statically.`, { start: node.nameStart, end: node.end });
    }
    return { kind: 'layerclass', name: def.className, def };
  }
  private readonly assumedAt = new Set<number>();

  setAttr(obj: Value, name: string, value: Value): boolean {
    if (name !== 'trainable' || value.kind !== 'bool') return false;
    // Freezing a layer or a model (`discriminator.trainable = False`) makes its weights non-trainable, as Keras's
    // setter does for every layer inside it.
    const freeze = (layer: LayerObj) => {
      layer.config.trainable = value.value;
      this.g.recount(layer);
      const inner = this.layerModels.get(layer.id);
      if (inner) this.modelLayerObjs(inner).forEach(freeze);
    };
    if (obj.kind === 'layer') freeze(obj.layer);
    else if (obj.kind === 'model') this.modelLayerObjs(obj.model).forEach(freeze);
    else if (obj.kind === 'instance' && obj.keras?.model) this.modelLayerObjs(obj.keras.model).forEach(freeze);
    else if (obj.kind === 'instance' && obj.keras?.layer) freeze(obj.keras.layer);
    else return false;
    return true;
  }

  /** The layer objects a model holds: its Sequential list, or every layer its graph calls. */
  private modelLayerObjs(model: ModelObj): LayerObj[] {
    if (model.kind === 'sequential') return model.seqLayers ?? [];
    const seen = new Set<number>();
    const visit = (t: number) => {
      const p = this.g.tensors[t]?.producer;
      if (!p) return;
      const call = this.g.calls[p.call];
      if (seen.has(call.layer)) return;
      seen.add(call.layer);
      if (!model.inputs.includes(t)) call.inputs.forEach(visit);
    };
    model.outputs.forEach(visit);
    return [...seen].map((id) => this.g.objs[id]);
  }

  bound(name: string, value: Value): void {
    if (value.kind === 'instance' && value.keras && value.keras.variable === undefined) {
      value.keras.variable = name;
      if (value.keras.model && value.keras.model.variable === null) value.keras.model.variable = name;
    }
    if (value.kind === 'layer' && !this.layerVarBound.has(value.layer.id)) {
      this.layerVarBound.add(value.layer.id);
      this.g.layers[value.layer.id].variable = name;
    } else if (value.kind === 'model' && value.model.variable === null) {
      value.model.variable = name;
    }
  }
}

/**
 * What a Python call `layer(...)` passes as the layer's input: the first argument, except for layers that take
 * several tensors as separate arguments (MultiHeadAttention(query, value, key), keywords included).
 */
function layerInput(layer: LayerObj, args: ArgValues): Value {
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

/** True when a value is a tensor or a (nested) list/tuple/dict of tensors only. */
function allTensors(v: Value): boolean {
  if (v.kind === 'tensor') return true;
  if (v.kind === 'list' || v.kind === 'tuple') return v.items.every(allTensors);
  if (v.kind === 'dict') return [...v.entries.values()].every((e) => allTensors(e.value));
  return false;
}

/** The tensors in a value (a tensor, a list/tuple of them, or a dict of them). */
function tensorsOf(v: Value, sortDictKeys = false): number[] {
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
function broadcast(shapes: (Shape | null)[]): Shape | null {
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

/** Evaluator values → catalog config values; anything not plain data is UNKNOWN. */
export function toConfig(v: Value): ConfigValue {
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
      return v.items.map(toConfig);
    case 'dict': {
      const out: Record<string, ConfigValue> = {};
      for (const { key, value } of v.entries.values()) if (key.kind === 'str') out[key.value] = toConfig(value);
      return out;
    }
    case 'sym':
      return v.expr;
    case 'layer':
      // A layer passed to another (Bidirectional(LSTM(8)), TimeDistributed(Dense(4))): wrappers read its config.
      return { $layer: v.layer.className, name: v.layer.name, config: v.layer.config };
    default:
      return UNKNOWN;
  }
}
