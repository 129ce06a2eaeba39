// The Keras / TF.js meaning of values, as the interpreter's Host: it dispatches each hook (import, attribute,
// call, operator, assignment) to the module of its concern — modules.ts (which imports are Keras, module
// attributes), constructors.ts (layers, Input, Model, Sequential), layerCalls.ts (calling layers and models,
// Lambda trials, nested models), tensors.ts (tensor attributes, arithmetic), subclass.ts (user subclasses),
// training.ts (compile/fit data). It holds no state of its own: every fact goes to the AnalysisState.

import type * as A from '../core/ast';
import type { Language } from '../../graph/ir';
import { messages } from '../../graph/diagnostics';
import { layerByKerasName } from '../../layers/registry';
import type { OpContext } from './backendOps';
import { createLayer, makeInput, makeModel, makeSequential } from './constructors';
import type { GraphBuilder } from './graphBuilder';
import type { Host, Interpreter } from './interpreter';
import { callLayerValue, callModel, layerAttr, layerInput, modelAttr, modelLayerObjs } from './layerCalls';
import { importModule, moduleAttr } from './modules';
import type { AnalysisState } from './state';
import { callSubclassed, newSubclassInstance, subclassAttr } from './subclass';
import { opTensor, tensorAttr, tensorBinop } from './tensors';
import { dataAttr } from './training';
import { UNKNOWN_VALUE, type ArgValues, type InstanceV, type LayerObj, type Value } from './values';
import type { ImportedFiles } from '../workspace';

/** What the host is made from (by the pipeline's one factory, see analyze.ts). */
export interface HostDeps {
  state: AnalysisState;
  g: GraphBuilder;
  /** The interpreter the host serves: runs imported modules, user functions, reads methods. */
  runtime: Interpreter;
  /** Project files imports may follow (undefined: imports of project files stay unknown). */
  files: ImportedFiles | undefined;
  language: Language;
}

export class KerasHost implements Host {
  readonly state: AnalysisState;
  readonly g: GraphBuilder;
  readonly runtime: Interpreter;
  readonly files: ImportedFiles | undefined;
  readonly language: Language;
  /** Python follows Keras; TypeScript and JavaScript follow TF.js. */
  readonly python: boolean;
  readonly opContext: OpContext;

  constructor(deps: HostDeps) {
    this.state = deps.state;
    this.g = deps.g;
    this.runtime = deps.runtime;
    this.files = deps.files;
    this.language = deps.language;
    this.python = deps.language === 'python';
    this.opContext = { op: (c, i, s, n) => opTensor(this, c, i, s, n), shapeOf: (t) => this.g.tensors[t].shape, language: this.language };
  }

  globals(): Map<string, Value> {
    return new Map();
  }

  importModule(module: string): Value {
    return importModule(this, module);
  }

  getAttr(obj: Value, name: string, node: A.Attr): Value | undefined {
    switch (obj.kind) {
      case 'module':
        return obj.scope ? obj.scope.lookup(name) ?? UNKNOWN_VALUE : moduleAttr(this, obj.path, name);
      case 'layer':
        return layerAttr(this, obj.layer, name);
      case 'tensor':
        return tensorAttr(this, obj.id, name);
      case 'model':
        return modelAttr(this, obj.model, name);
      case 'data':
        return dataAttr(obj, name, this.language);
      case 'instance':
        return obj.keras ? subclassAttr(this, obj, name) : undefined;
      case 'unknown':
      case 'sym':
        return this.assumedLayerClass(name, node);
      default:
        return undefined;
    }
  }

  call(callee: Value, args: ArgValues, node: A.Call): Value | undefined {
    switch (callee.kind) {
      case 'builtin':
        switch (callee.name) {
          case 'keras.Input':
          case 'keras.input':
            return makeInput(this, args, node);
          case 'keras.Model':
          case 'keras.model':
            return makeModel(this, args, node);
          case 'keras.Sequential':
          case 'keras.sequential':
            return makeSequential(this, args, node);
          default:
            return undefined;
        }
      case 'layerclass':
        return createLayer(this, callee, args, node);
      case 'layer':
        return callLayerValue(this, callee.layer, layerInput(callee.layer, args), args, node);
      case 'model':
        return callModel(this, callee.model, args.positional[0] ?? args.keywords.get('inputs') ?? UNKNOWN_VALUE, node);
      case 'instance':
        return callee.keras ? callSubclassed(this, callee, args.positional[0] ?? args.keywords.get('inputs') ?? UNKNOWN_VALUE, node) : undefined;
      default:
        return undefined;
    }
  }

  newInstance(inst: InstanceV, args: ArgValues): void {
    newSubclassInstance(this, inst, args);
  }

  index(obj: Value): Value | undefined {
    if (obj.kind === 'tensor') return UNKNOWN_VALUE;
    return undefined;
  }

  binop(op: A.BinaryOperator, left: Value, right: Value, node: A.BinOp): Value | undefined {
    return tensorBinop(this, op, left, right, node);
  }

  /**
   * `something.Dense(…)` where `something` cannot be resolved (a `layers` module passed in as an argument):
   * a known Keras layer class name is taken as that class, and a note says so.
   */
  private assumedLayerClass(name: string, node: A.Attr): Value | undefined {
    if (!this.python || !/^[A-Z]/.test(name)) return undefined;
    const def = layerByKerasName(name);
    if (!def) return undefined;
    if (!this.state.assumedAt.has(node.start)) {
      this.state.assumedAt.add(node.start);
      this.g.report(messages.assumedLayerClass(name), { start: node.nameStart, end: node.end });
    }
    return { kind: 'layerclass', name: def.className, def };
  }

  setAttr(obj: Value, name: string, value: Value): boolean {
    if (name !== 'trainable' || value.kind !== 'bool') return false;
    // Freezing a layer or a model (`discriminator.trainable = False`) makes its weights non-trainable, as Keras's
    // setter does for every layer inside it.
    const freeze = (layer: LayerObj) => {
      layer.config.trainable = value.value;
      this.g.recount(layer);
      const inner = this.state.layerModels.get(layer.id);
      if (inner) modelLayerObjs(this, inner).forEach(freeze);
    };
    if (obj.kind === 'layer') freeze(obj.layer);
    else if (obj.kind === 'model') modelLayerObjs(this, obj.model).forEach(freeze);
    else if (obj.kind === 'instance' && obj.keras?.model) modelLayerObjs(this, obj.keras.model).forEach(freeze);
    else if (obj.kind === 'instance' && obj.keras?.layer) freeze(obj.keras.layer);
    else return false;
    return true;
  }

  bound(name: string, value: Value): void {
    if (value.kind === 'instance' && value.keras && value.keras.variable === undefined) {
      value.keras.variable = name;
      if (value.keras.model && value.keras.model.variable === null) value.keras.model.variable = name;
    }
    if (value.kind === 'layer' && !this.state.layerVarBound.has(value.layer.id)) {
      this.state.layerVarBound.add(value.layer.id);
      this.g.layers[value.layer.id].variable = name;
    } else if (value.kind === 'model' && value.model.variable === null) {
      value.model.variable = name;
    }
  }
}
