// Every mutable fact one analysis accumulates, in one place: the graph records (layers, calls, tensors,
// diagnostics, automatic-name counters), the models, the layer↔model maps of nested models, Lambda bodies,
// subclassed models, imported modules. A speculative evaluation (a Lambda body tried on its input, a model-building
// function run on its own) takes a snapshot and restores it, and everything is undone together.
// It holds data only: recording is GraphBuilder's, meaning is the host's.

import type { CallIR, Diagnostic, LayerIR, TensorIR } from '../../graph/ir';
import type { ArgValues, InstanceV, LayerObj, ModelObj, ModuleV, Value } from './values';

/** What `restore` needs to undo everything recorded after `snapshot`. */
export interface Snapshot {
  readonly lengths: { layers: number; calls: number; tensors: number; diagnostics: number; models: number; subclassed: number };
  readonly uids: Map<string, number>;
  readonly pendingCompile: Map<InstanceV, ArgValues>;
  readonly assumedAt: Set<number>;
  readonly workspaceModules: Map<string, ModuleV>;
}

export class AnalysisState {
  // ---- graph records (the IR in the making) ----
  readonly layers: LayerIR[] = [];
  /** The evaluator's side of each layer (definition, config, build), same ids as `layers`. */
  readonly objs: LayerObj[] = [];
  readonly calls: CallIR[] = [];
  readonly tensors: TensorIR[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** Automatic-name counters per prefix (Keras `dense_1`, TF.js `dense_Dense2`). */
  readonly uids = new Map<string, number>();
  /** How many of a call's inputs feed its shapes (the rest are extras like an RNN's initial_state), by call id. */
  readonly primaryInputs = new Map<number, number>();

  // ---- models ----
  readonly models: ModelObj[] = [];
  /** The layer object standing for each model that is called as a layer, by model id … */
  readonly modelLayers = new Map<number, LayerObj>();
  /** … and back, by layer id. */
  readonly layerModels = new Map<number, ModelObj>();
  /** Subclassed models created so far (built at the end with unknown inputs if the code never builds them). */
  readonly subclassedModels: InstanceV[] = [];
  /** compile() calls made before a subclassed model had a graph. */
  readonly pendingCompile = new Map<InstanceV, ArgValues>();

  // ---- evaluator-side facts ----
  /** Functions wrapped by Lambda layers, by layer id. */
  readonly lambdaFns = new Map<number, Value>();
  /** Layers already named after a variable (the first binding wins). */
  readonly layerVarBound = new Set<number>();
  /** Offsets where an assumed layer class was already noted. */
  readonly assumedAt = new Set<number>();
  /** The result's file table: ranges name their file by index here (0: the analyzed file). Never undone. */
  readonly fileNames: string[];
  /** Project files imported so far, by file name (a module body runs once). */
  readonly workspaceModules = new Map<string, ModuleV>();
  /** `mixed_precision.set_global_policy(...)` as last called ('?' when not a string), given to layers created after. */
  dtypePolicy: string | null = null;

  constructor(mainFile: string) {
    this.fileNames = [mainFile];
  }

  snapshot(): Snapshot {
    return {
      lengths: {
        layers: this.layers.length,
        calls: this.calls.length,
        tensors: this.tensors.length,
        diagnostics: this.diagnostics.length,
        models: this.models.length,
        subclassed: this.subclassedModels.length,
      },
      uids: new Map(this.uids),
      pendingCompile: new Map(this.pendingCompile),
      assumedAt: new Set(this.assumedAt),
      workspaceModules: new Map(this.workspaceModules),
    };
  }

  /** Undoes everything recorded since `s`: new records go, and maps pointing at them are cleaned. */
  restore(s: Snapshot): void {
    const n = s.lengths;
    this.layers.length = n.layers;
    this.objs.length = n.layers;
    this.calls.length = n.calls;
    this.tensors.length = n.tensors;
    this.diagnostics.length = n.diagnostics;
    this.models.length = n.models;
    this.subclassedModels.length = n.subclassed;
    replaceMap(this.uids, s.uids);
    replaceMap(this.pendingCompile, s.pendingCompile);
    replaceMap(this.workspaceModules, s.workspaceModules);
    this.assumedAt.clear();
    for (const k of s.assumedAt) this.assumedAt.add(k);
    for (const k of [...this.primaryInputs.keys()]) if (k >= n.calls) this.primaryInputs.delete(k);
    for (const [k, layer] of [...this.modelLayers]) if (k >= n.models || layer.id >= n.layers) this.modelLayers.delete(k);
    for (const [k, model] of [...this.layerModels]) if (k >= n.layers || model.id >= n.models) this.layerModels.delete(k);
    for (const k of [...this.lambdaFns.keys()]) if (k >= n.layers) this.lambdaFns.delete(k);
    for (const k of [...this.layerVarBound]) if (k >= n.layers) this.layerVarBound.delete(k);
    // Layers made before the snapshot lose the calls made after it. They stay built if a trial built them: a
    // subclassed layer counts its sublayers' weights from the trial run of its `call`.
    for (const o of this.objs) while (o.calls.length && o.calls[o.calls.length - 1] >= n.calls) o.calls.pop();
  }
}

function replaceMap<K, V>(target: Map<K, V>, from: Map<K, V>): void {
  target.clear();
  for (const [k, v] of from) target.set(k, v);
}
