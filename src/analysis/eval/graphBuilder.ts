// Accumulates the IR while the evaluator runs: layer objects, their calls, tensors, diagnostics, and the runtime's
// automatic names. It runs catalog rules for each call; it knows nothing of syntax or modules.

import { inputSpecCode, LAYER_ERROR_CODES, messages, type DiagnosticDetail, type Message } from '../../graph/diagnostics';
import type { CallIR, Diagnostic, DiagnosticCode, LayerIR, RelatedInfo, ScopeFrame as ScopeFrameIR, Severity, SourceRange, TensorIR } from '../../graph/ir';
import { dimAdd, dimProduct, formatShapeJs, formatShapePython, type Dim, type Shape } from '../../graph/shape';
import { callLayer, countParams } from '../../layers/apply';
import type { Dialect, LayerConfig, LayerDef } from '../../layers/types';
import type { LineIndex } from '../lineIndex';
import type { ScopeFrame } from './interpreter';
import type { AnalysisState } from './state';
import type { LayerObj } from './values';

/** Keras 3 `to_snake_case` (keras/src/utils/naming.py). */
export function kerasSnakeCase(name: string): string {
  return name
    .replace(/\W+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** TF.js `toSnakeCase` (tfjs-layers/src/utils/generic_utils.ts). */
export function tfjsSnakeCase(name: string): string {
  const s = name.replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  return s[0] !== '_' ? s : `private${s}`;
}

/** Σ Π dims as an expression, when every dim is a number or a symbolic name (none unknown). */
export function symbolicCount(shapes: Shape[]): string | undefined {
  let total: Dim = 0;
  for (const shape of shapes) {
    if (shape.some((d) => d === null)) return undefined;
    total = dimAdd(total, dimProduct(shape));
  }
  return total === null ? undefined : String(total);
}

/** Where the evaluator is: the helper-function frames in progress and the file whose code runs. */
export interface EvalPosition {
  readonly frames: ScopeFrame[];
  /** the imported file whose code is running (undefined: the analyzed file) */
  readonly currentFile: string | undefined;
}

export class GraphBuilder {
  readonly layers: LayerIR[];
  readonly objs: LayerObj[];
  readonly calls: CallIR[];
  readonly tensors: TensorIR[];
  readonly diagnostics: Diagnostic[];
  private readonly uids: Map<string, number>;
  /** How many of a call's inputs feed its shapes (the rest are extras like an RNN's initial_state). */
  readonly primaryInputs: Map<number, number>;

  constructor(
    /** Where every record goes (shared with the host, undone together). */
    readonly state: AnalysisState,
    readonly dialect: Dialect,
    private readonly lines: (file: string | undefined) => LineIndex,
    private readonly position: EvalPosition,
  ) {
    this.layers = state.layers;
    this.objs = state.objs;
    this.calls = state.calls;
    this.tensors = state.tensors;
    this.diagnostics = state.diagnostics;
    this.uids = state.uids;
    this.primaryInputs = state.primaryInputs;
  }

  private frames(): ScopeFrame[] {
    return this.position.frames;
  }

  currentFile(): string | undefined {
    return this.position.currentFile;
  }

  /** A node's range; its offsets refer to the file whose code is running now. */
  range(node: { start: number; end: number } | SourceRange): SourceRange {
    if ('line' in node) return node; // already a range: it keeps its file
    return this.rangeIn(node, this.currentFile());
  }

  /** A node's range in a given file (undefined: the analyzed file). */
  rangeIn(node: { start: number; end: number }, file: string | undefined): SourceRange {
    return this.lines(file).range(node.start, node.end, this.fileIndex(file));
  }

  /** The file's index in the result's file table (0: the analyzed file), added on first use. */
  fileIndex(file: string | undefined): number {
    if (file === undefined) return 0;
    let i = this.state.fileNames.indexOf(file);
    if (i < 0) i = this.state.fileNames.push(file) - 1;
    return i;
  }

  formatShape(shape: Shape): string {
    return this.dialect === 'keras' ? formatShapePython(shape) : formatShapeJs(shape);
  }

  /** Records one diagnostic built by a message builder (src/graph/diagnostics.ts); returns its index. */
  report(m: Message, node: { start: number; end: number } | SourceRange, related: RelatedInfo[] = []): number {
    return this.diagnose(m.severity, m.code, m.message, node, related, m.detail);
  }

  diagnose(severity: Severity, code: DiagnosticCode, message: string, node: { start: number; end: number } | SourceRange, related: RelatedInfo[] = [], detail?: DiagnosticDetail): number {
    let range = this.range(node);
    if (range.file !== 0 && severity !== 'information') {
      // Raised inside code imported from another file: report it at the call in the analyzed file that led there.
      const entry = [...this.frames()].reverse().find((f) => f.file === undefined);
      if (entry) {
        related = [{ range, message: `raised here, inside ${entry.name}()` }, ...related];
        range = this.rangeIn(entry.node, undefined);
      }
    }
    this.diagnostics.push({ severity, code, message, range, related, ...(detail ? { detail } : {}) });
    return this.diagnostics.length - 1;
  }

  // ---- names -------------------------------------------------------------------------------------------------------

  /** Keras 3 `uniquify`: `dense`, `dense_1`, … per prefix. TF.js `getUid`: `dense_Dense1`, … per class. */
  autoName(className: string): string {
    if (this.dialect === 'keras') return this.kerasUnique(kerasSnakeCase(className));
    return `${tfjsSnakeCase(className)}_${this.tfjsUid(className)}`;
  }

  kerasUnique(prefix: string): string {
    const n = this.uids.get(prefix) ?? 0;
    this.uids.set(prefix, n + 1);
    return n === 0 ? prefix : `${prefix}_${n}`;
  }

  tfjsUid(prefix: string): string {
    const n = (this.uids.get(prefix) ?? 0) + 1;
    this.uids.set(prefix, n);
    return `${prefix}${n}`;
  }

  inputName(): string {
    return this.dialect === 'keras' ? this.kerasUnique('input_layer') : this.tfjsUid('input');
  }

  modelName(kind: 'functional' | 'sequential'): string {
    if (this.dialect === 'keras') return this.kerasUnique(kind);
    // TF.js: `getUid('model')` → model1, but Sequential names itself `getUid('sequential_')` → sequential_1
    return this.tfjsUid(kind === 'functional' ? 'model' : 'sequential_');
  }

  // ---- layers, calls, tensors ----------------------------------------------------------------------------------------

  createLayer(def: LayerDef | undefined, className: string, config: LayerConfig, node: { start: number; end: number }, name?: string, op = false): LayerObj {
    const id = this.layers.length;
    const obj: LayerObj = { id, def, className, config, name: name ?? this.autoName(className), calls: [], isOp: op || undefined };
    this.objs.push(obj);
    this.layers.push({
      id,
      name: obj.name,
      className,
      known: def !== undefined,
      config: config as Record<string, unknown>,
      range: this.range(node),
      variable: null,
      // A layer with weights has unknown counts until its first call builds it.
      params: def && !def.build ? 0 : null,
      trainableParams: def && !def.build ? 0 : null,
      nonTrainableParams: def && !def.build ? 0 : null,
      weights: [],
      calls: obj.calls,
      ...(op ? { op: true } : {}),
      ...(this.state.dtypePolicy !== null && !op ? { dtypePolicy: this.state.dtypePolicy } : {}),
    });
    return obj;
  }

  newTensor(shape: Shape | null, producer: { call: number; index: number } | null): number {
    const id = this.tensors.length;
    let ref = '?';
    if (producer) {
      const call = this.calls[producer.call];
      ref = `${this.layers[call.layer].name}[${call.index}][${producer.index}]`;
    }
    this.tensors.push({ id, shape, producer, ref });
    return id;
  }

  private lastScope: { key: number; frames: ScopeFrameIR[] } = { key: 0, frames: [] };

  /** The helper-function frames of the current call; shared by every call made in the same invocation. */
  private scopeFrames(): ScopeFrameIR[] {
    const frames = this.frames();
    const key = frames.length ? frames[frames.length - 1].invocation : 0;
    if (key !== this.lastScope.key) {
      this.lastScope = { key, frames: frames.map((f) => ({ name: f.name, callRange: this.rangeIn(f.node, f.file), invocation: f.invocation })) };
    }
    return this.lastScope.frames;
  }

  private newCall(layer: LayerObj, inputs: number[], node: { start: number; end: number }): CallIR {
    const call: CallIR = {
      id: this.calls.length,
      layer: layer.id,
      index: layer.calls.length,
      range: this.range(node),
      inputs,
      outputs: [],
      scope: this.scopeFrames(),
    };
    this.calls.push(call);
    layer.calls.push(call.id);
    return call;
  }

  /** An input layer and its single call, producing the input tensor. */
  createInput(shape: Shape | null, node: { start: number; end: number }, name: string | undefined, config: LayerConfig, def: LayerDef | undefined): number {
    const layer = this.createLayer(def, 'InputLayer', config, node, name ?? this.inputName());
    const call = this.newCall(layer, [], node);
    const t = this.newTensor(shape, { call: call.id, index: 0 });
    call.outputs.push(t);
    return t;
  }

  /**
   * One call of a layer on tensors. Runs the catalog (input checks, build on first call, output shapes); a
   * failure becomes a diagnostic at the call and the outputs become unknown, so analysis goes on.
   * `extraInputs` are tensors the call consumes without affecting shapes (e.g. an RNN's initial_state).
   */
  callLayer(
    layer: LayerObj,
    inputs: (number | undefined)[],
    node: { start: number; end: number },
    extraInputs: number[] = [],
    /** Output shapes when the evaluator knows them better than the catalog (Lambda bodies, nested models);
     *  null = unknown. More than one shape makes the call return a list. */
    shapeOverride?: Shape[] | null,
  ): { outputs: number[]; returnsList: boolean } {
    const known = inputs.filter((t): t is number => t !== undefined);
    const call = this.newCall(layer, [...known, ...extraInputs], node);
    if (known.length < inputs.length || inputs.length === 0) call.opaqueInputs = true;
    const shapes = inputs.map((t) => (t === undefined ? null : this.tensors[t].shape));
    const unknownOutput = (): { outputs: number[]; returnsList: boolean } => {
      const t = this.newTensor(null, { call: call.id, index: 0 });
      call.outputs.push(t);
      return { outputs: [t], returnsList: false };
    };
    this.primaryInputs.set(call.id, inputs.length);
    if (shapeOverride !== undefined) {
      if (shapeOverride === null || shapeOverride.length === 0) return unknownOutput();
      call.outputs = shapeOverride.map((s, i) => this.newTensor(s, { call: call.id, index: i }));
      return { outputs: call.outputs, returnsList: shapeOverride.length > 1 };
    }
    if (!layer.def || shapes.some((s) => s === null) || inputs.length === 0) return unknownOutput();
    const ctx = { dialect: this.dialect, layerName: layer.name };
    const outcome = callLayer(layer.def, layer.config, shapes as Shape[], ctx, layer.built);
    if (outcome.error) {
      const e = outcome.error;
      const code = e.code === 'input-spec' ? inputSpecCode(e.detail, call.index) : LAYER_ERROR_CODES[e.code];
      call.error = this.diagnose('error', code, e.message, node, this.relatedForCall(layer, call, known), e.detail);
      return unknownOutput();
    }
    if (outcome.internalError) {
      this.report(messages.internalError(`could not compute the output of ${layer.name} (${layer.className})`, outcome.internalError), node);
      return unknownOutput();
    }
    if (outcome.build) {
      layer.built = outcome.build;
      layer.builtFor = shapes as Shape[];
      const ir = this.layers[layer.id];
      ir.weights = outcome.build.weights.map((w) => ({ name: w.name, shape: w.shape, trainable: w.trainable && layer.config.trainable !== false }));
      const counts = countParams(outcome.build.weights, layer.config.trainable !== false);
      ir.params = counts.total;
      ir.trainableParams = counts.trainable;
      ir.nonTrainableParams = counts.nonTrainable;
      if (counts.total === null) {
        const expr = symbolicCount(outcome.build.weights.map((w) => w.shape));
        if (expr !== undefined) ir.paramsExpr = expr;
      }
    }
    call.outputs = outcome.outputs.map((s, i) => this.newTensor(s, { call: call.id, index: i }));
    return { outputs: call.outputs, returnsList: outcome.returnsList };
  }

  /** Re-derives a built layer's counts after its `trainable` flag changed. */
  recount(layer: LayerObj): void {
    const ir = this.layers[layer.id];
    const trainable = layer.config.trainable !== false;
    if (layer.built) {
      const counts = countParams(layer.built.weights, trainable);
      ir.params = counts.total;
      ir.trainableParams = counts.trainable;
      ir.nonTrainableParams = counts.nonTrainable;
      ir.weights = layer.built.weights.map((w) => ({ name: w.name, shape: w.shape, trainable: w.trainable && trainable }));
    } else if (ir.params !== null && !trainable) {
      // a layer without its own weights list (nested model, subclassed layer): all its weights are frozen
      ir.nonTrainableParams = ir.params;
      ir.trainableParams = 0;
    }
    ir.config.trainable = trainable;
  }

  /** Related information for an error at a call: the first call of a shared layer, and where each input came from. */
  private relatedForCall(layer: LayerObj, call: CallIR, inputs: number[]): { range: SourceRange; message: string }[] {
    const related: { range: SourceRange; message: string }[] = [];
    if (call.index > 0 && layer.builtFor) {
      const first = this.calls[layer.calls[0]];
      related.push({
        range: first.range,
        message: `${layer.name} was first called here and built for input shape ${layer.builtFor.map((s) => this.formatShape(s)).join(', ')}; every call of a shared layer uses the same weights`,
      });
    }
    for (const t of inputs) {
      const tensor = this.tensors[t];
      if (!tensor.producer || tensor.shape === null) continue;
      const producer = this.calls[tensor.producer.call];
      related.push({ range: producer.range, message: `input of shape ${this.formatShape(tensor.shape)} comes from ${this.layers[producer.layer].name} here` });
    }
    return related;
  }
}
