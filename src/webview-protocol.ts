// The messages exchanged between the extension host and the graph preview webview, and runtime validators for both
// directions. It holds no behaviour beyond validation: no rendering, no VS Code API, no Node API (the webview bundles it).

import type { AnalysisResult, SourceRange } from './graph/ir';

export type LayoutDirection = 'TB' | 'LR';
export type GraphView = 'calls' | 'layers';

/** Host → webview. */
export type HostMessage =
  | {
      type: 'update';
      uri: string;
      /** Document version; the webview drops updates older than the one shown and skips an unchanged one. */
      version: number;
      result: AnalysisResult;
      /** ModelIR.id to show; the webview keeps its own choice (or the first model) when absent. */
      selectedModel?: number;
      /** The document no longer analyzes (a half-typed line): `result` is the last good one, shown with a badge. */
      stale?: boolean;
      /** Per CallIR id: its MACs and output bytes per sample (null: unknown or symbolic), for colouring by cost. */
      callCosts?: CallCostFigures[];
    }
  /** Marks the nodes of these CallIR ids (e.g. the call under the editor cursor); an empty list clears. */
  | { type: 'highlight'; callIds: number[] }
  | { type: 'setOptions'; direction?: LayoutDirection; view?: GraphView }
  /** Localized UI strings keyed like webview/strings.ts; missing keys keep the English default. */
  | { type: 'setStrings'; strings: Record<string, string> }
  /** Asks the webview to answer with an `exportSvg` message (the "Export Graph as SVG/PNG" commands). */
  | { type: 'requestSvg' }
  /** Train & Show Weights, live: `epoch` epochs of `epochs` done (0 when starting), `history` the losses of epochs
   *  `from`, `from`+1, … (only the new ones; the whole curve when `from` is 0 or absent); `status` says whether more
   *  will come. The webview draws the loss curve for the document it shows. */
  | TrainProgressMessage
  /** Trained weights per layer for one document version; the webview drops them once it shows a newer version.
   *  An empty `layers` list removes the weights shown. */
  | WeightsMessage;

export interface CallCostFigures {
  macs: number | null;
  activationBytes: number | null;
}

function isCallCosts(v: unknown): boolean {
  const figure = (x: unknown) => x === null || (typeof x === 'number' && Number.isFinite(x));
  return Array.isArray(v) && v.every((c) => typeof c === 'object' && c !== null && figure((c as CallCostFigures).macs) && figure((c as CallCostFigures).activationBytes));
}

export type TrainStatus = 'running' | 'done' | 'cancelled' | 'failed';

/** A loss as it crosses postMessage, which carries JSON: a diverged run's NaN and ±Infinity as words, not null. */
export type LossValue = number | 'NaN' | 'Infinity' | '-Infinity';

export function encodeLoss(x: number): LossValue {
  if (Number.isFinite(x)) return x;
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

export function decodeLoss(x: LossValue): number {
  return typeof x === 'number' ? x : Number(x);
}

function isLossValue(x: unknown): boolean {
  return typeof x === 'number' || x === 'NaN' || x === 'Infinity' || x === '-Infinity';
}

export interface TrainProgressMessage {
  type: 'trainProgress';
  uri: string;
  model: string;
  epoch: number;
  epochs: number;
  /** The last epoch's loss (null before the first epoch ends). */
  loss: LossValue | null;
  /** Index of history[0] in the run's curve; absent means 0 (the whole curve). */
  from?: number;
  history: LossValue[];
  status: TrainStatus;
}

/** One weight array as the graph draws it: summary numbers and a histogram, not the values. */
export interface WeightsArray {
  /** The weight's name inside its layer (`kernel`, `bias`). */
  name: string;
  shape: number[];
  stats: { mean: number; std: number; min: number; max: number };
  /** Counts per equal-width bin from stats.min to stats.max. */
  histogram: number[];
}

export interface WeightsLayer {
  /** LayerIR.id in the analysis of `version`. */
  layerId: number;
  arrays: WeightsArray[];
}

export interface WeightsMessage {
  type: 'weights';
  uri: string;
  version: number;
  layers: WeightsLayer[];
}

/** Webview → host. Every message names the document the webview is showing (`source`: the `uri` of the last
 *  `update`, null before the first), so the host can drop one that is about a document it no longer shows. */
export type WebviewMessage = { source: string | null } & (
  | { type: 'ready' }
  /** The user clicked a node: select this range in the document of the last update. */
  | { type: 'reveal'; range: SourceRange }
  /** Pointer over a node of this LayerIR.id (null when it leaves), so the host can highlight its definition. */
  | { type: 'hoverLayer'; layerId: number | null }
  | { type: 'selectModel'; modelId: number }
  /** A self-contained SVG document (styles inlined, no theme variables). */
  | { type: 'exportSvg'; svg: string }
);

/** A webview message before the webview stamps its `source` on it. */
export type WebviewMessageBody = WebviewMessage extends infer M ? (M extends unknown ? Omit<M, 'source'> : never) : never;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}
function isIntArray(v: unknown): v is number[] {
  return Array.isArray(v) && v.every(isInt);
}
function isArrayOf(v: unknown, item: (x: unknown) => boolean): boolean {
  return Array.isArray(v) && v.every(item);
}

export function isSourceRange(v: unknown): v is SourceRange {
  return (
    isObj(v) &&
    isInt(v.start) &&
    isInt(v.end) &&
    isInt(v.line) &&
    isInt(v.column) &&
    isInt(v.endLine) &&
    isInt(v.endColumn)
  );
}

function isDim(v: unknown): boolean {
  return v === null || typeof v === 'number' || typeof v === 'string';
}
function isShape(v: unknown): boolean {
  return isArrayOf(v, isDim);
}

function isLayer(v: unknown): boolean {
  return (
    isObj(v) &&
    isInt(v.id) &&
    typeof v.name === 'string' &&
    typeof v.className === 'string' &&
    isSourceRange(v.range) &&
    isIntArray(v.calls) &&
    (v.params === null || v.params === undefined || typeof v.params === 'number')
  );
}

function isScopeFrame(v: unknown): boolean {
  return isObj(v) && typeof v.name === 'string' && isInt(v.invocation) && isSourceRange(v.callRange);
}

function isCall(v: unknown): boolean {
  return (
    isObj(v) &&
    isInt(v.id) &&
    isInt(v.layer) &&
    isInt(v.index) &&
    isSourceRange(v.range) &&
    isIntArray(v.inputs) &&
    isIntArray(v.outputs) &&
    isArrayOf(v.scope, isScopeFrame) &&
    (v.error === undefined || isInt(v.error))
  );
}

function isTensor(v: unknown): boolean {
  return (
    isObj(v) &&
    isInt(v.id) &&
    (v.shape === null || isShape(v.shape)) &&
    (v.producer === null || (isObj(v.producer) && isInt(v.producer.call) && isInt(v.producer.index)))
  );
}

function isModel(v: unknown): boolean {
  return (
    isObj(v) &&
    isInt(v.id) &&
    typeof v.name === 'string' &&
    isIntArray(v.inputs) &&
    isIntArray(v.outputs) &&
    isIntArray(v.layers) &&
    isIntArray(v.calls)
  );
}

function isDiagnostic(v: unknown): boolean {
  // `detail` (structured fields: kind, axis, expected, received) is optional; the webview reads what it finds there.
  return isObj(v) && typeof v.message === 'string' && typeof v.severity === 'string' && isSourceRange(v.range) && (v.detail === undefined || isObj(v.detail));
}

/** Structural check of the parts of an AnalysisResult the webview reads (not referential integrity: the
 *  webview reports dangling ids itself and keeps its previous graph). */
export function isAnalysisResult(v: unknown): v is AnalysisResult {
  return (
    isObj(v) &&
    typeof v.file === 'string' &&
    (v.language === 'python' || v.language === 'typescript' || v.language === 'javascript') &&
    isArrayOf(v.models, isModel) &&
    isArrayOf(v.layers, isLayer) &&
    isArrayOf(v.calls, isCall) &&
    isArrayOf(v.tensors, isTensor) &&
    isArrayOf(v.diagnostics, isDiagnostic)
  );
}

export function isHostMessage(v: unknown): v is HostMessage {
  if (!isObj(v)) return false;
  switch (v.type) {
    case 'update':
      return (
        typeof v.uri === 'string' &&
        isInt(v.version) &&
        isAnalysisResult(v.result) &&
        (v.selectedModel === undefined || isInt(v.selectedModel)) &&
        (v.stale === undefined || typeof v.stale === 'boolean') &&
        (v.callCosts === undefined || isCallCosts(v.callCosts))
      );
    case 'highlight':
      return isIntArray(v.callIds);
    case 'setOptions':
      return (
        (v.direction === undefined || v.direction === 'TB' || v.direction === 'LR') &&
        (v.view === undefined || v.view === 'calls' || v.view === 'layers')
      );
    case 'setStrings':
      return isObj(v.strings) && Object.values(v.strings).every((s) => typeof s === 'string');
    case 'requestSvg':
      return true;
    case 'trainProgress':
      return (
        typeof v.uri === 'string' &&
        typeof v.model === 'string' &&
        isInt(v.epoch) &&
        isInt(v.epochs) &&
        (v.loss === null || isLossValue(v.loss)) &&
        (v.from === undefined || (isInt(v.from) && (v.from as number) >= 0)) &&
        isArrayOf(v.history, isLossValue) &&
        (v.status === 'running' || v.status === 'done' || v.status === 'cancelled' || v.status === 'failed')
      );
    case 'weights':
      return typeof v.uri === 'string' && isInt(v.version) && isArrayOf(v.layers, isWeightsLayer);
    default:
      return false;
  }
}

function isWeightsArray(v: unknown): boolean {
  return (
    isObj(v) &&
    typeof v.name === 'string' &&
    isIntArray(v.shape) &&
    isObj(v.stats) &&
    ['mean', 'std', 'min', 'max'].every((k) => typeof (v.stats as Obj)[k] === 'number') &&
    isArrayOf(v.histogram, (x) => isInt(x) && (x as number) >= 0)
  );
}

function isWeightsLayer(v: unknown): boolean {
  return isObj(v) && isInt(v.layerId) && isArrayOf(v.arrays, isWeightsArray);
}

export function isWebviewMessage(v: unknown): v is WebviewMessage {
  if (!isObj(v) || (v.source !== null && typeof v.source !== 'string')) return false;
  switch (v.type) {
    case 'ready':
      return true;
    case 'reveal':
      return isSourceRange(v.range);
    case 'hoverLayer':
      return v.layerId === null || isInt(v.layerId);
    case 'selectModel':
      return isInt(v.modelId);
    case 'exportSvg':
      return typeof v.svg === 'string';
    default:
      return false;
  }
}
