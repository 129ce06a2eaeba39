// The LayerGraph IR: plain, JSON-serializable data describing what a file builds — layers, their calls, tensors
// with shapes, models, diagnostics. Every consumer (CLI, summary, webview, editor features, trainer) reads this and
// never re-analyzes. No behaviour lives here (beyond `fileOf`, which reads a range's file name).

import type { DiagnosticCode, DiagnosticDetail, Severity } from './diagnostics';
import type { Shape } from './shape';

export type { DiagnosticCode, DiagnosticDetail, Severity };

export type Language = 'python' | 'typescript' | 'javascript';

/**
 * 1-based lines and columns (UTF-16 code units), plus 0-based offsets into the text of one file.
 * Every range names its file: `file` is an index into `AnalysisResult.files`, whose entry 0 is the analyzed file
 * (so `range.file === 0`, falsy, means "in this document"; 1, 2, … are imported project files). An index, not a
 * path, keeps ranges small and the result free of repeated paths; `fileOf(result, range)` gives the path.
 */
export interface SourceRange {
  file: number;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface WeightIR {
  name: string;
  shape: Shape;
  trainable: boolean;
}

export interface LayerIR {
  id: number;
  /** Runtime name: Keras `dense_1`, TF.js `dense_Dense2`. */
  name: string;
  /** Keras class name (also for TF.js files): `Dense`. */
  className: string;
  /** Whether the catalog knows the class (false: opaque node, unknown shapes, no errors). */
  known: boolean;
  /** Config keyed by Keras argument names, defaults filled in; values not statically known are `{"$unknown":true}`. */
  config: Record<string, unknown>;
  /** Where the layer object was created (the constructor call). */
  range: SourceRange;
  /** Variable the layer object was first bound to, if any. */
  variable: string | null;
  /** Parameter counts once built (null while unknown, e.g. never called or unknown input size). */
  params: number | null;
  trainableParams: number | null;
  nonTrainableParams: number | null;
  /** When `params` is unknown only because of symbolic dimensions: the count as an expression (`vocab_size*64`). */
  paramsExpr?: string;
  weights: WeightIR[];
  /** Call ids in call order. A layer with more than one call is shared (one set of weights). */
  calls: number[];
  /** For a model used as a layer (nested model): the ModelIR id it stands for. */
  model?: number;
  /** A Keras 3 operation from tensor arithmetic (`x + y`): a graph node, but not in `model.layers`. */
  op?: boolean;
  /** The global `mixed_precision.set_global_policy(...)` in force when the layer was created (`mixed_float16`;
   *  `?` when the code sets one the analyzer cannot read). Absent: none set. The layer's own `dtype=` wins. */
  dtypePolicy?: string;
}

export interface CallIR {
  id: number;
  layer: number;
  /** 0-based index among this layer's calls (Keras's node index). */
  index: number;
  /** The call expression (`layer(x)` / `layer.apply(x)`), or the creation site for Input. */
  range: SourceRange;
  inputs: number[];
  outputs: number[];
  /** Helper-function call chain this call was made inside (outermost first), for grouping in the graph. */
  scope: ScopeFrame[];
  /** Some inputs were values the analyzer could not follow (not known tensors): edges may be missing. */
  opaqueInputs?: boolean;
  /** Set when the call raised an error: the diagnostic's index in AnalysisResult.diagnostics. */
  error?: number;
}

export interface ScopeFrame {
  /** Function name. */
  name: string;
  /** Where that function was called (a unique group per call site and iteration). */
  callRange: SourceRange;
  /** A number unique per invocation, so two calls of one helper are two groups. */
  invocation: number;
}

export interface TensorIR {
  id: number;
  shape: Shape | null;
  /** The call that produced it and which of its outputs it is (Input tensors: the InputLayer's call). */
  producer: { call: number; index: number } | null;
  /** Keras-style reference `layer_name[node][tensor]` used in summaries' Connected-to column. */
  ref: string;
}

export interface ModelIR {
  id: number;
  name: string;
  kind: 'functional' | 'sequential';
  /** Variable the model was bound to. */
  variable: string | null;
  /** The Model(...) / Sequential(...) / tf.model(...) expression. */
  range: SourceRange;
  inputs: number[];
  outputs: number[];
  /** Layer ids in Keras's `model.layers` order (topological; InputLayers first for functional models). */
  layers: number[];
  /** Keras 3's `model._operations`: `layers` plus operations from tensor arithmetic, in the same order (summary rows). */
  operations: number[];
  /** Call ids that belong to this model, topologically ordered. */
  calls: number[];
  totalParams: number | null;
  trainableParams: number | null;
  nonTrainableParams: number | null;
  /** When `totalParams` is unknown only because of symbolic dimensions: the total as an expression. */
  totalParamsExpr?: string;
  /** True when Keras prints the "Connected to" column: branching, merging or shared layers. */
  sequentialLike: boolean;
  /** A model made by a model-building function analyzed on its own (not called in the file): the function, and
   *  which parameters (without defaults) became symbolic dimensions named after them. */
  builder?: { function: string; symbolic: string[] };
  /** What `compile()` / `fit()` on this model say, when the code calls them. */
  training?: TrainingIR;
}

/** Training setup read from the code (`model.compile(...)`, `model.fit(...)`); null where not statically known. */
export interface TrainingIR {
  /** One loss for all outputs, one per output (list), or per output name (dict). Keras/TF.js names as written. */
  loss: string | string[] | Record<string, string> | null;
  /** `'adam'`, `'sgd'`, …, or the lower-cased class/factory name for `Adam(learning_rate=…)` / `tf.train.adam(…)`. */
  optimizer: string | null;
  learningRate: number | null;
  metrics: string[];
  epochs: number | null;
  batchSize: number | null;
  /** Training data, one spec per model input / output in order; null when fit() is absent or not followable. */
  x: DataSpec[] | null;
  y: DataSpec[] | null;
  compileRange: SourceRange | null;
  fitRange: SourceRange | null;
}

/** Data the code describes without running: generated arrays, files next to the source, or literals. */
export type DataSpec =
  | { kind: 'random-uniform'; shape: number[]; low: number; high: number }
  | { kind: 'random-normal'; shape: number[]; mean: number; std: number }
  | { kind: 'random-int'; shape: number[]; low: number; high: number }
  | { kind: 'zeros' | 'ones'; shape: number[] }
  /** `np.load('x.npy')`; path as written, resolved against the source file's folder */
  | { kind: 'npy'; path: string }
  /** `np.loadtxt` / `np.genfromtxt` on a text/CSV file */
  | { kind: 'csv'; path: string; delimiter: string | null; skiprows: number }
  | { kind: 'literal'; values: unknown; shape: number[] | null }
  | { kind: 'unknown'; reason: string };

// Diagnostic codes and severities are defined, with their documentation, in ./diagnostics.ts (one table).

export interface RelatedInfo {
  range: SourceRange;
  message: string;
}

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  range: SourceRange;
  related: RelatedInfo[];
  /** Structured facts of the error (kind, axis, expected, received) beside the runtime's words, when known. */
  detail?: DiagnosticDetail;
}

export interface AnalysisResult {
  file: string;
  language: Language;
  /** The document version analyzed (editor) — consumers drop stale results. */
  version?: number;
  models: ModelIR[];
  layers: LayerIR[];
  calls: CallIR[];
  tensors: TensorIR[];
  diagnostics: Diagnostic[];
  /** The files ranges point into, by `SourceRange.file`: the analyzed file first, then imported project files. */
  files: string[];
  /** Project files whose imports were followed (absolute paths); a change in one of them changes this result. */
  importedFiles: string[];
  stats: { parseMs: number; evalMs: number; fuelUsed: number };
}

/** The path of the file a range is in (the analyzed file for index 0 or an index out of the table). */
export function fileOf(result: Pick<AnalysisResult, 'file' | 'files'>, range: Pick<SourceRange, 'file'>): string {
  return result.files?.[range.file] ?? result.file;
}
