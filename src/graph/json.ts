// The `layergraph summary --json` document: the IR flattened into the stable, documented shape
// (names instead of ids, 1-based lines). It adds fields but never renames or drops the documented ones.

import { fileOf, type AnalysisResult, type CallIR, type Diagnostic, type DiagnosticDetail, type LayerIR, type ModelIR, type Severity } from './ir';
import { costOfCall, costOfModel, type TrainingMemory } from './cost';
import type { Dim, Shape } from './shape';

export interface CliJson {
  file: string;
  language: AnalysisResult['language'];
  models: CliModelJson[];
  diagnostics: CliDiagnosticJson[];
}

export interface CliModelJson {
  name: string;
  variable: string | null;
  line: number;
  /** Names of the InputLayers (or first layers) producing the model's inputs. */
  inputs: string[];
  /** Names of the layers producing the model's outputs. */
  outputs: string[];
  layers: CliLayerJson[];
  totalParams: number | null;
  trainableParams: number | null;
  nonTrainableParams: number | null;
  // Extra fields.
  kind: ModelIR['kind'];
  sequentialLike: boolean;
  // Cost (docs/cost.md): per sample, null where unknown; `*Expr` carries a symbolic figure (`seq_len*4096`).
  macs: number | null;
  flops: number | null;
  macsExpr?: string;
  flopsExpr?: string;
  /** Every call's outputs for one sample, in bytes. */
  activationBytes: number | null;
  /** Weights by dtype (float32 unless a layer sets `dtype=`). */
  weightBytes: number | null;
  /** `fit(batch_size=…)` when the code says it, and the cost of one such batch. */
  batchSize: number | null;
  batchMacs: number | null;
  batchFlops: number | null;
  /** Weights + gradients + optimizer slots + activations of one batch; null without batch size or optimizer. */
  peakTrainingBytes: number | null;
  trainingMemory: TrainingMemory | null;
}

export interface CliLayerJson {
  /** Set when it is in another project file than the one analyzed (followed through an import). */
  file?: string;
  name: string;
  className: string;
  line: number;
  params: number | null;
  trainableParams: number | null;
  calls: CliCallJson[];
  // Extra fields.
  nonTrainableParams: number | null;
  variable: string | null;
  /** True when the layer object is called more than once in the file (one set of weights). */
  shared: boolean;
  known: boolean;
  config: Record<string, unknown>;
}

export interface CliCallJson {
  /** Set when it is in another project file than the one analyzed (followed through an import). */
  file?: string;
  line: number;
  /** Shapes of the call's input tensors; `null` where a tensor's shape is unknown. */
  inputShapes: (Shape | null)[];
  outputShapes: (Shape | null)[];
  // Extra fields.
  column: number;
  /** `layer[node][tensor]` references of the inputs, as Keras's summary prints them. */
  inputs: string[];
  // Cost of this call per sample (docs/cost.md); null where unknown, `*Expr` when symbolic.
  macs: number | null;
  flops: number | null;
  macsExpr?: string;
  flopsExpr?: string;
  /** The call's outputs for one sample, in bytes. */
  activationBytes: number | null;
}

export interface CliDiagnosticJson {
  /** Set when it is in another project file than the one analyzed (followed through an import). */
  file?: string;
  severity: Severity;
  code: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Structured facts of the error (kind, axis, expected, received), when known. */
  detail?: DiagnosticDetail;
  related: { file?: string; line: number; column: number; message: string; endLine: number; endColumn: number }[];
}

export function toCliJson(result: AnalysisResult): CliJson {
  return {
    file: result.file,
    language: result.language,
    models: result.models.map((m) => modelJson(result, m)),
    diagnostics: result.diagnostics.map((d) => diagnosticJson(result, d)),
  };
}

function modelJson(result: AnalysisResult, model: ModelIR): CliModelJson {
  const modelCalls = new Set(model.calls);
  return {
    name: model.name,
    variable: model.variable,
    line: model.range.line,
    inputs: model.inputs.map((t) => producerName(result, t)),
    outputs: model.outputs.map((t) => producerName(result, t)),
    layers: model.layers
      .map((id) => result.layers[id])
      .filter((l): l is LayerIR => l !== undefined)
      .map((l) => layerJson(result, l, modelCalls)),
    totalParams: model.totalParams,
    trainableParams: model.trainableParams,
    nonTrainableParams: model.nonTrainableParams,
    kind: model.kind,
    sequentialLike: model.sequentialLike,
    ...modelCostJson(result, model),
  };
}

function modelCostJson(result: AnalysisResult, model: ModelIR) {
  const c = costOfModel(result, model);
  return {
    ...figures(c.macs, c.flops),
    activationBytes: numeric(c.activationBytes),
    weightBytes: c.weightBytes,
    batchSize: c.batchSize,
    batchMacs: numeric(c.batchMacs),
    batchFlops: numeric(c.batchFlops),
    peakTrainingBytes: c.training?.total ?? null,
    trainingMemory: c.training,
  };
}

/** Numbers stay numbers; a symbolic figure is null beside its expression, so `macs` is always numeric or null. */
function figures(macs: Dim, flops: Dim): { macs: number | null; flops: number | null; macsExpr?: string; flopsExpr?: string } {
  return {
    macs: numeric(macs),
    flops: numeric(flops),
    ...(typeof macs === 'string' ? { macsExpr: macs } : {}),
    ...(typeof flops === 'string' ? { flopsExpr: flops } : {}),
  };
}

function numeric(d: Dim): number | null {
  return typeof d === 'number' && Number.isFinite(d) ? d : null;
}

function layerJson(result: AnalysisResult, layer: LayerIR, modelCalls: Set<number>): CliLayerJson {
  // A layer shared by several models lists only this model's calls; a model whose calls were not recorded falls
  // back to all of the layer's calls rather than showing none.
  const callIds = modelCalls.size > 0 ? layer.calls.filter((c) => modelCalls.has(c)) : layer.calls;
  return {
    name: layer.name,
    className: layer.className,
    line: layer.range.line,
    params: layer.params,
    trainableParams: layer.trainableParams,
    calls: callIds
      .map((id) => result.calls[id])
      .filter((c): c is CallIR => c !== undefined)
      .map((c) => callJson(result, c)),
    nonTrainableParams: layer.nonTrainableParams,
    variable: layer.variable,
    shared: layer.calls.length > 1,
    known: layer.known,
    config: layer.config,
    ...(layer.range.file ? { file: fileOf(result, layer.range) } : {}),
  };
}

function callJson(result: AnalysisResult, call: CallIR): CliCallJson {
  return {
    line: call.range.line,
    inputShapes: call.inputs.map((t) => result.tensors[t]?.shape ?? null),
    outputShapes: call.outputs.map((t) => result.tensors[t]?.shape ?? null),
    column: call.range.column,
    inputs: call.inputs.map((t) => result.tensors[t]?.ref ?? '?'),
    ...callCostJson(result, call),
    ...(call.range.file ? { file: fileOf(result, call.range) } : {}),
  };
}

function callCostJson(result: AnalysisResult, call: CallIR) {
  const c = costOfCall(result, call);
  return { ...figures(c.macs, c.flops), activationBytes: numeric(c.activationBytes) };
}

/** The name of the layer whose call produced a tensor (an Input tensor's producer is its InputLayer). */
function producerName(result: AnalysisResult, tensorId: number): string {
  const producer = result.tensors[tensorId]?.producer;
  const call = producer ? result.calls[producer.call] : undefined;
  const layer = call ? result.layers[call.layer] : undefined;
  return layer ? layer.name : '?';
}

function diagnosticJson(result: AnalysisResult, d: Diagnostic): CliDiagnosticJson {
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    line: d.range.line,
    column: d.range.column,
    endLine: d.range.endLine,
    endColumn: d.range.endColumn,
    ...(d.range.file ? { file: fileOf(result, d.range) } : {}),
    ...(d.detail ? { detail: d.detail } : {}),
    related: d.related.map((r) => ({
      ...(r.range.file ? { file: fileOf(result, r.range) } : {}),
      line: r.range.line,
      column: r.range.column,
      message: r.message,
      endLine: r.range.endLine,
      endColumn: r.range.endColumn,
    })),
  };
}
