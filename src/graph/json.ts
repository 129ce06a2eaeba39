// The `layergraph summary --json` document: the IR flattened into the stable, documented shape
// (names instead of ids, 1-based lines). It adds fields but never renames or drops the documented ones.

import { fileOf, type AnalysisResult, type CallIR, type Diagnostic, type DiagnosticDetail, type LayerIR, type ModelIR, type Severity } from './ir';
import type { Shape } from './shape';

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
  };
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
    ...(call.range.file ? { file: fileOf(result, call.range) } : {}),
  };
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
