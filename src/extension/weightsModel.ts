// "Train & Show Weights" as plain records: which model the cursor means, the request the trainer gets, progress text,
// the end-of-line texts and hover markdown for trained weights, histograms for the graph. No VS Code API, no training.

import * as path from 'node:path';
import type { AnalysisResult, ModelIR } from '../graph/ir';
import { TrainError } from '../train/client';
import type { MemoryEstimate } from '../train/estimate';
import { formatWeights } from '../train/format';
import type { NestedNumbers, TrainRequest, TrainResult, WeightArray } from '../train/protocol';
import { pickModel } from '../train/translate';
import type { WeightsLayer } from '../webview-protocol';
import { escapeMarkdown, markdownInlineCode } from './escape';
import type { Pos, Translate } from './text';

/** Above this estimate the editor asks before training (a laptop stays usable while the trainer holds this much). */
export const LARGE_TRAINING_BYTES = 512 * 1024 * 1024;
/** Bins of the per-array histograms drawn on graph nodes: enough to see a shape, few enough for a 140px node. */
export const HISTOGRAM_BINS = 16;
/** Hover tables show every value up to this many rows/columns, else the first and last few (numpy's edgeitems). */
export const HOVER_FULL_MAX = 8;
export const HOVER_EDGE_ITEMS = 3;
/** Heat-map cells of the hover for large arrays (rows × columns after down-sampling). */
export const HEATMAP_MAX_ROWS = 16;
export const HEATMAP_MAX_COLS = 32;

// ---- which model, and what to ask the trainer ----

function containsPos(model: ModelIR, r: AnalysisResult, pos: Pos): boolean {
  // Whole lines count: the cursor is as often on `model = ` or `x = ` as inside the call itself.
  const line = pos.line + 1;
  const onLine = (range: { line: number; endLine: number; file: number }) => !range.file && range.line <= line && line <= range.endLine;
  if (onLine(model.range)) return true;
  const t = model.training;
  if (t && ((t.compileRange && onLine(t.compileRange)) || (t.fitRange && onLine(t.fitRange)))) return true;
  // A layer's creation or one of its calls on the cursor's line means the model that uses it.
  return model.layers.some((id) => onLine(r.layers[id].range)) || model.calls.some((id) => onLine(r.calls[id].range));
}

/** The model the cursor is in: its Model(...) expression, its compile()/fit(), or a line creating or calling one of
 *  its layers (the smallest model wins, so a sub-model's line means the sub-model). Undefined when none fits. */
export function modelAtCursor(result: AnalysisResult, pos: Pos): ModelIR | undefined {
  const hits = result.models.filter((m) => containsPos(m, result, pos));
  return hits.sort((a, b) => a.calls.length - b.calls.length)[0];
}

/** How the request names the model: the key pickModel resolves back to this very model (names can repeat). */
export function modelKey(result: AnalysisResult, model: ModelIR): string {
  for (const key of [model.name, model.variable]) {
    if (key === null) continue;
    try {
      if (pickModel(result, key).id === model.id) return key;
    } catch {
      // not resolvable by this key; try the next
    }
  }
  return model.name;
}

/** The trainer's request, as `layergraph train FILE --model NAME` builds it: data files resolve next to the source. */
export function buildTrainRequest(result: AnalysisResult, model: ModelIR, options: { epochs?: number; root?: string } = {}): TrainRequest {
  const baseDir = path.dirname(path.resolve(result.file));
  return { analysis: result, model: modelKey(result, model), epochs: options.epochs, baseDir, root: options.root ?? baseDir };
}

export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(0)} MB`;
  return `${(n / (1024 * 1024 * 1024)).toFixed(1)} GB`;
}

/** The confirmation to show before a large run, or null when the model is small enough to just train. */
export function largeModelWarning(estimate: MemoryEstimate, modelName: string, t: Translate, limit = LARGE_TRAINING_BYTES): string | null {
  if (estimate.totalBytes < limit) return null;
  return t('Training "{0}" needs about {1} of memory (weights and optimizer {2}, activations {3}, data {4}, returned weights {5}). Train anyway?', modelName, formatBytes(estimate.totalBytes), formatBytes(estimate.parameterBytes), formatBytes(estimate.activationBytes), formatBytes(estimate.dataBytes), formatBytes(estimate.resultBytes));
}

/** `epoch` is 0-based as the trainer reports it (Keras's callbacks); people read it 1-based, as Keras prints it. */
export function progressText(epoch: number, epochs: number, loss: number, t: Translate): string {
  return t('Epoch {0}/{1} · loss {2}', epoch + 1, epochs, formatLoss(loss));
}

/** NaN and ±Infinity (a diverging run) print as such; anything that is not a number at all prints as NaN. */
export function formatLoss(loss: number | null | undefined): string {
  if (typeof loss !== 'number') return 'NaN';
  return Number.isFinite(loss) ? loss.toFixed(4) : String(loss);
}

/** What the editor says when training ends without weights: cancelled (quietly), or why, with the line to go to. */
export function trainFailure(e: unknown, modelName: string, t: Translate): { cancelled: boolean; message: string; line?: number } {
  if (e instanceof TrainError && e.kind === 'cancelled') return { cancelled: true, message: t('Training cancelled; no weights are shown.') };
  // The trainer's messages already name the layer and its line ('TF.js cannot build layer "subtract" (Subtract, line 4)…').
  const detail = e instanceof Error ? e.message : String(e);
  return { cancelled: false, message: t('Cannot train "{0}": {1}', modelName, detail), line: e instanceof TrainError ? e.line : undefined };
}

// ---- weights per source line ----

/** Weights of one layer object, at the line that creates it. */
export interface LayerWeights {
  layer: string;
  layerId: number;
  /** 0-based line of the layer's constructor call. */
  line: number;
  arrays: WeightArray[];
}

/** Everything shown on one source line (several layers can be created on one line: `Dense(2)(Dense(3)(x))`). */
export interface WeightsLine {
  line: number;
  layers: LayerWeights[];
  /** The end-of-line text: `dense: kernel 5×5 μ=0.01 σ=0.40 · bias 5`. */
  text: string;
}

/** The weight's own name inside its layer: `dense/kernel` → `kernel`, `lstm/lstm_cell/kernel` → `lstm_cell/kernel`. */
export function shortWeightName(w: Pick<WeightArray, 'layer' | 'name'>): string {
  return w.name.startsWith(`${w.layer}/`) ? w.name.slice(w.layer.length + 1) : w.name;
}

export function shapeText(shape: readonly number[]): string {
  return shape.length === 0 ? 'scalar' : shape.join('×');
}

function stat(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const s = Math.abs(x) >= 1000 || (x !== 0 && Math.abs(x) < 0.005) ? x.toExponential(1) : x.toFixed(2);
  // -0.00 reads as a sign error; it is zero at this precision.
  return s === '-0.00' ? '0.00' : s;
}

/** One array on the end-of-line text: matrices and larger carry μ and σ (what tells a trained kernel from a fresh
 *  one); vectors only their length, to keep the line short (the hover has their values). */
function arraySummary(w: WeightArray): string {
  const head = `${shortWeightName(w)} ${shapeText(w.shape)}`;
  return w.shape.length >= 2 ? `${head} μ=${stat(w.stats.mean)} σ=${stat(w.stats.std)}` : head;
}

export function layerSummary(l: LayerWeights): string {
  return `${l.layer}: ${l.arrays.map(arraySummary).join(' · ')}`;
}

/** Groups a training result's weights by the line creating each layer object. Layers created in another file (an
 *  imported helper) are left out: their lines are not in this document. Layers without weights get no text. */
export function weightsByLine(result: AnalysisResult, trained: Pick<TrainResult, 'weights'>): WeightsLine[] {
  const byName = new Map<string, LayerWeights>();
  for (const w of trained.weights) {
    let entry = byName.get(w.layer);
    if (!entry) {
      const ir = result.layers.find((l) => l.name === w.layer && !l.op);
      if (!ir || ir.range.file) continue;
      entry = { layer: w.layer, layerId: ir.id, line: ir.range.line - 1, arrays: [] };
      byName.set(w.layer, entry);
    }
    entry.arrays.push(w);
  }
  const lines = new Map<number, LayerWeights[]>();
  for (const l of byName.values()) lines.set(l.line, [...(lines.get(l.line) ?? []), l]);
  return [...lines]
    .sort(([a], [b]) => a - b)
    .map(([line, layers]) => ({ line, layers, text: layers.map(layerSummary).join('  ') }));
}

// ---- hover ----

function flatten(v: NestedNumbers): number[] {
  return typeof v === 'number' ? [v] : v.flatMap(flatten);
}

/** Any array as rows × columns: the last axis is the columns, all others are stacked as rows (as numpy prints). */
export function asMatrix(w: Pick<WeightArray, 'shape' | 'values'>): number[][] {
  const flat = flatten(w.values);
  const cols = w.shape.length === 0 ? 1 : w.shape[w.shape.length - 1];
  if (cols === 0) return [];
  const rows: number[][] = [];
  for (let i = 0; i < flat.length; i += cols) rows.push(flat.slice(i, i + cols));
  return rows;
}

function cell(x: number): string {
  return Number.isFinite(x) ? (Math.abs(x) >= 1000 || (x !== 0 && Math.abs(x) < 0.0005) ? x.toExponential(2) : x.toFixed(3)) : String(x);
}

/** Indices shown along one axis: all of them when few, else the first and last `edge` with a gap (null) between. */
function shownIndices(n: number, full: number, edge: number): (number | null)[] {
  if (n <= full) return [...Array(n).keys()];
  return [...[...Array(edge).keys()], null, ...[...Array(edge).keys()].map((i) => n - edge + i)];
}

/** A markdown table of the values; large arrays show their corners with ⋯ in between, like numpy's summary. */
export function valuesTable(w: Pick<WeightArray, 'shape' | 'values'>): string {
  const m = asMatrix(w);
  if (m.length === 0) return '';
  const rows = shownIndices(m.length, HOVER_FULL_MAX, HOVER_EDGE_ITEMS);
  const cols = shownIndices(m[0].length, HOVER_FULL_MAX, HOVER_EDGE_ITEMS);
  const header = `| |${cols.map((c) => (c === null ? '⋯' : String(c))).join('|')}|`;
  const rule = `|--|${cols.map(() => '--:').join('|')}|`;
  const body = rows.map((r) =>
    r === null ? `|⋮|${cols.map(() => '⋮').join('|')}|` : `|**${r}**|${cols.map((c) => (c === null ? '⋯' : cell(m[r][c]))).join('|')}|`,
  );
  return [header, rule, ...body].join('\n');
}

const SHADES = [' ', '░', '▒', '▓', '█'];

/** A text heat map of |value| (down-sampled by averaging into at most HEATMAP_MAX_ROWS × HEATMAP_MAX_COLS cells), for
 *  arrays too large for a table: where the large weights are is what one looks for, not the digits. */
export function heatMap(w: Pick<WeightArray, 'shape' | 'values'>): string {
  const m = asMatrix(w);
  if (m.length === 0) return '';
  const rowsOut = Math.min(m.length, HEATMAP_MAX_ROWS);
  const colsOut = Math.min(m[0].length, HEATMAP_MAX_COLS);
  const cells: number[][] = [];
  let max = 0;
  for (let i = 0; i < rowsOut; i++) {
    const r0 = Math.floor((i * m.length) / rowsOut);
    const r1 = Math.max(r0 + 1, Math.floor(((i + 1) * m.length) / rowsOut));
    const row: number[] = [];
    for (let j = 0; j < colsOut; j++) {
      const c0 = Math.floor((j * m[0].length) / colsOut);
      const c1 = Math.max(c0 + 1, Math.floor(((j + 1) * m[0].length) / colsOut));
      let sum = 0;
      for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) sum += Math.abs(m[r][c]);
      const v = sum / ((r1 - r0) * (c1 - c0));
      max = Math.max(max, v);
      row.push(v);
    }
    cells.push(row);
  }
  // Two characters per cell, so the map is roughly square in a monospace font.
  return cells.map((row) => row.map((v) => SHADES[max === 0 ? 0 : Math.min(4, Math.round((v / max) * 4))].repeat(2)).join('')).join('\n');
}

/** Values up to this count get a table; larger arrays get the corner table and a heat map. */
const TABLE_ONLY_MAX = HOVER_FULL_MAX * HOVER_FULL_MAX;

export interface TrainedInfo {
  model: string;
  epochs: number;
  backend: string;
  finalLoss: number | null;
  synthetic: boolean;
}

export function trainedInfo(r: TrainResult): TrainedInfo {
  const loss = r.history.loss;
  return { model: r.model, epochs: r.epochs, backend: r.backend, finalLoss: loss && loss.length > 0 ? loss[loss.length - 1] : null, synthetic: r.synthetic };
}

/** Markdown for the hover on a line with trained weights: per array its shape, statistics and values. */
export function weightsHoverMarkdown(line: WeightsLine, info: TrainedInfo, t: Translate): string {
  const parts: string[] = [];
  const loss = info.finalLoss === null ? '' : ` · ${t('loss {0}', formatLoss(info.finalLoss))}`;
  const data = info.synthetic ? ` · ${t('synthetic data')}` : '';
  // Model and weight names come from the code: escaped, since this hover also carries a trusted command link.
  parts.push(`*${t('Trained weights of model "{0}" after {1} epochs ({2} backend)', escapeMarkdown(info.model), info.epochs, info.backend)}${loss}${data}*`);
  for (const l of line.layers) {
    for (const w of l.arrays) {
      const size = w.shape.reduce((a, b) => a * b, 1);
      parts.push(
        `**${escapeMarkdown(w.name)}** ${markdownInlineCode(shapeText(w.shape))} ${escapeMarkdown(w.dtype)}${w.trainable ? '' : ` (${t('non-trainable')})`} — ` +
          `mean ${cell(w.stats.mean)} · std ${cell(w.stats.std)} · min ${cell(w.stats.min)} · max ${cell(w.stats.max)}`,
      );
      parts.push(valuesTable(w));
      if (size > TABLE_ONLY_MAX) parts.push(`${t('|value| heat map (rows × columns, averaged):')}\n\n\`\`\`text\n${heatMap(w)}\n\`\`\``);
    }
  }
  return parts.join('\n\n');
}

// ---- the graph ----

/** Counts of values in `bins` equal-width bins over [min, max]. All-equal values (a fresh zero bias) fill the middle
 *  bin, so the picture says "one value" rather than "skewed". Non-finite values are not counted. */
export function histogram(values: readonly number[], bins = HISTOGRAM_BINS): number[] {
  const counts = new Array<number>(bins).fill(0);
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return counts;
  let min = Infinity;
  let max = -Infinity;
  for (const v of finite) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) {
    counts[Math.floor(bins / 2)] = finite.length;
    return counts;
  }
  for (const v of finite) counts[Math.min(bins - 1, Math.floor(((v - min) / (max - min)) * bins))]++;
  return counts;
}

/** The `weights` message's layers: per LayerIR id, each array's name, shape, statistics and histogram. */
export function weightsForGraph(result: AnalysisResult, trained: Pick<TrainResult, 'weights'>): WeightsLayer[] {
  const out = new Map<number, WeightsLayer>();
  for (const w of trained.weights) {
    const ir = result.layers.find((l) => l.name === w.layer && !l.op);
    if (!ir) continue;
    const entry = out.get(ir.id) ?? { layerId: ir.id, arrays: [] };
    // postMessage carries JSON, where NaN/Infinity become null and fail validation: only an empty array has them.
    const finite = (x: number) => (Number.isFinite(x) ? x : 0);
    const stats = { mean: finite(w.stats.mean), std: finite(w.stats.std), min: finite(w.stats.min), max: finite(w.stats.max) };
    entry.arrays.push({ name: shortWeightName(w), shape: w.shape, stats, histogram: histogram(flatten(w.values)) });
    out.set(ir.id, entry);
  }
  return [...out.values()];
}

/** The "Show Weights as Text" document: a short header, then `model.weights` as Keras prints them. */
export function weightsDocument(sourceName: string, r: TrainResult): string {
  const info = trainedInfo(r);
  const header = [
    `# ${sourceName}: model "${r.model}", ${r.epochs} epochs on the TF.js ${r.backend} backend${info.finalLoss === null ? '' : `, final loss ${formatLoss(info.finalLoss)}`}`,
    ...r.notes.map((n) => `# note: ${n}`),
  ];
  return `${header.join('\n')}\n\n${formatWeights(r.weights)}`;
}
