// Test support: builds AnalysisResults by hand, tersely — inputs, layers, calls, models and diagnostics — so
// renderers and the CLI can be tested without the analyzer. It checks nothing; what you build is what you get.

import type {
  AnalysisResult,
  CallIR,
  Diagnostic,
  DiagnosticCode,
  Language,
  LayerIR,
  ModelIR,
  Severity,
  SourceRange,
} from '../../src/graph/ir';
import type { Shape } from '../../src/graph/shape';

export function range(line: number, column = 1, endLine = line, endColumn = column + 1): SourceRange {
  return { file: 0, start: 0, end: 0, line, column, endLine, endColumn };
}

export interface LayerOptions {
  trainable?: number | null;
  nonTrainable?: number | null;
  line?: number;
  variable?: string | null;
  config?: Record<string, unknown>;
  /** A Keras 3 operation from tensor arithmetic (`x != 0`), not a Layer: left out of model.layers by default. */
  op?: boolean;
}

export interface ModelOptions {
  sequentialLike?: boolean;
  kind?: ModelIR['kind'];
  variable?: string | null;
  line?: number;
  /** Layer ids in model.layers order; default: every layer (not operation) called, in creation order. */
  layers?: number[];
  /** Keras 3's `_operations` order; default: `layers` with each operation placed by call order. */
  operations?: number[];
  /** Override the totals (default: sums over the model's layers). */
  totals?: { total: number | null; trainable: number | null; nonTrainable: number | null };
}

export class IrBuilder {
  private readonly r: AnalysisResult;

  constructor(file = 'model.py', language: Language = file.endsWith('.py') ? 'python' : 'typescript') {
    this.r = {
      file,
      language,
      models: [],
      layers: [],
      calls: [],
      tensors: [],
      diagnostics: [],
      files: [file],
      importedFiles: [],
      stats: { parseMs: 0, evalMs: 0, fuelUsed: 0 },
    };
  }

  /** A layer object; `params` is its total count (trainable unless told otherwise). Returns the layer id. */
  layer(name: string, className: string, params: number | null = 0, opts: LayerOptions = {}): number {
    const id = this.r.layers.length;
    const nonTrainable = opts.nonTrainable !== undefined ? opts.nonTrainable : params === null ? null : 0;
    const trainable =
      opts.trainable !== undefined ? opts.trainable : params === null || nonTrainable === null ? null : params - nonTrainable;
    const layer: LayerIR = {
      id,
      name,
      className,
      known: true,
      config: opts.config ?? {},
      range: range(opts.line ?? id + 1),
      variable: opts.variable ?? null,
      params,
      trainableParams: trainable,
      nonTrainableParams: nonTrainable,
      weights: [],
      calls: [],
      ...(opts.op ? { op: true } : {}),
    };
    this.r.layers.push(layer);
    return id;
  }

  /** Calls a layer on tensors; returns the ids of new output tensors with the given shapes. */
  call(layerId: number, inputs: number[], outputShapes: (Shape | null)[], line?: number, column = 5): number[] {
    const layer = this.r.layers[layerId];
    const id = this.r.calls.length;
    const outputs = outputShapes.map((shape, i) => {
      const t = this.r.tensors.length;
      this.r.tensors.push({ id: t, shape, producer: { call: id, index: i }, ref: `${layer.name}[${layer.calls.length}][${i}]` });
      return t;
    });
    const call: CallIR = {
      id,
      layer: layerId,
      index: layer.calls.length,
      range: range(line ?? layer.range.line, column),
      inputs,
      outputs,
      scope: [],
    };
    this.r.calls.push(call);
    layer.calls.push(id);
    return outputs;
  }

  /** An Input: an InputLayer whose one call produces the input tensor. Returns the tensor id. */
  input(name: string, shape: Shape, line?: number): number {
    const layer = this.layer(name, 'InputLayer', 0, { line });
    return this.call(layer, [], [shape])[0];
  }

  /** A layer created and called once on the spot; returns its single output tensor. */
  apply(name: string, className: string, params: number | null, inputs: number[], outputShape: Shape | null, opts: LayerOptions = {}): number {
    return this.call(this.layer(name, className, params, opts), inputs, [outputShape])[0];
  }

  model(name: string, inputs: number[], outputs: number[], opts: ModelOptions = {}): ModelIR {
    const calls = this.r.calls.map((c) => c.id);
    const layers = opts.layers ?? this.r.layers.filter((l) => l.calls.length > 0 && !l.op).map((l) => l.id);
    const sum = (pick: (l: LayerIR) => number | null) =>
      layers.reduce<number | null>((acc, id) => {
        const v = pick(this.r.layers[id]);
        return acc === null || v === null ? null : acc + v;
      }, 0);
    const totals = opts.totals ?? {
      total: sum((l) => l.params),
      trainable: sum((l) => l.trainableParams),
      nonTrainable: sum((l) => l.nonTrainableParams),
    };
    const model: ModelIR = {
      id: this.r.models.length,
      name,
      kind: opts.kind ?? 'functional',
      variable: opts.variable === undefined ? 'model' : opts.variable,
      range: range(opts.line ?? this.r.layers.length + 1),
      inputs,
      outputs,
      layers,
      operations: opts.operations ?? withOperations(this.r, layers, calls),
      calls,
      totalParams: totals.total,
      trainableParams: totals.trainable,
      nonTrainableParams: totals.nonTrainable,
      sequentialLike: opts.sequentialLike ?? true,
    };
    this.r.models.push(model);
    return model;
  }

  diagnostic(
    severity: Severity,
    code: DiagnosticCode,
    message: string,
    at: SourceRange,
    related: { at: SourceRange; message: string }[] = [],
  ): Diagnostic {
    const d: Diagnostic = { severity, code, message, range: at, related: related.map((r) => ({ range: r.at, message: r.message })) };
    this.r.diagnostics.push(d);
    return d;
  }

  build(): AnalysisResult {
    return this.r;
  }
}

/** Hand-built models: each operation goes before the first layer row called after it (Keras sorts by depth). */
function withOperations(r: AnalysisResult, layers: number[], calls: number[]): number[] {
  const rows = [...layers];
  const position = new Map(calls.map((c, i) => [c, i]));
  const firstCall = (id: number) => Math.min(...r.layers[id].calls.map((c) => position.get(c) ?? Infinity));
  const listed = new Set(layers);
  for (const callId of calls) {
    const layer = r.layers[r.calls[callId]?.layer ?? -1];
    if (!layer || !layer.op || listed.has(layer.id)) continue;
    listed.add(layer.id);
    const at = rows.findIndex((row) => firstCall(row) > position.get(callId)!);
    rows.splice(at === -1 ? rows.length : at, 0, layer.id);
  }
  return rows;
}
