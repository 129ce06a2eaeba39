// Renders a model of the IR as the text `model.summary()` prints: Keras 3's rich box table for Python files,
// TF.js's underscore table for TS/JS files, with optional cost columns (src/graph/cost.ts). It reads the IR only;
// it does not analyze, and it does not colour.

import { costOfCall, costOfModel } from './cost';
import type { AnalysisResult, LayerIR, ModelIR, TensorIR } from './ir';
import { dimAdd, type Dim, type Shape } from './shape';

// ---------------------------------------------------------------------------------------------------------------
// Keras 3 (keras/src/utils/summary_utils.py `print_summary`, rendered by rich's Table with show_lines=True)
// ---------------------------------------------------------------------------------------------------------------

/** Keras asks `shutil.get_terminal_size()`, which answers 80 columns when output is not a terminal (notebooks,
 *  pipes, CI, keras.io) — so 76-wide tables are what people see pasted everywhere. */
export const KERAS_FALLBACK_TERMINAL_COLUMNS = 80;

export interface SummaryOptions {
  /** Total table width; overrides the Keras default (88 / 108, capped at terminalColumns - 4). */
  lineLength?: number;
  /** The terminal width Keras would see; defaults to 80 (not a terminal). */
  terminalColumns?: number;
  /** Keras's `expand_nested=True`: a nested model's layers follow its row, named `└ layer`. */
  expandNested?: boolean;
  /** `--cost`: MACs, FLOPs and activation memory columns, and cost totals under the table (docs/cost.md). */
  cost?: boolean;
}

interface ColumnSpec {
  header: string;
  justify: 'left' | 'right';
}

const KERAS_SEQUENTIAL = { lineLength: 88, positions: [0.45, 0.8, 1.0] };
const KERAS_FUNCTIONAL = { lineLength: 108, positions: [0.3, 0.56, 0.74, 1.0] };
// Not Keras's: the cost columns need room, so these tables are wider and not capped by the terminal.
const COST_SEQUENTIAL = { lineLength: 120, positions: [0.3, 0.52, 0.64, 0.76, 0.88, 1.0] };
const COST_FUNCTIONAL = { lineLength: 150, positions: [0.22, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0] };

/** The line length Keras picks: `min(default_line_length, terminal columns - 4)`. */
export function kerasLineLength(sequentialLike: boolean, terminalColumns = KERAS_FALLBACK_TERMINAL_COLUMNS): number {
  const layout = sequentialLike ? KERAS_SEQUENTIAL : KERAS_FUNCTIONAL;
  return Math.min(layout.lineLength, terminalColumns - 4);
}

export function renderSummary(result: AnalysisResult, model: ModelIR, options: SummaryOptions = {}): string {
  const sequentialLike = model.sequentialLike;
  const withCost = options.cost === true;
  const layout = withCost ? (sequentialLike ? COST_SEQUENTIAL : COST_FUNCTIONAL) : sequentialLike ? KERAS_SEQUENTIAL : KERAS_FUNCTIONAL;
  const lineLength = options.lineLength ?? (withCost ? layout.lineLength : kerasLineLength(sequentialLike, options.terminalColumns));
  const columns: ColumnSpec[] = [
    { header: 'Layer (type)', justify: 'left' },
    { header: 'Output Shape', justify: 'left' },
    { header: 'Param #', justify: 'right' },
  ];
  if (withCost) columns.push(...COST_HEADERS.map((header): ColumnSpec => ({ header, justify: 'right' })));
  if (!sequentialLike) columns.push({ header: 'Connected to', justify: 'left' });

  const modelCalls = new Set(model.calls);
  // A Sequential with no Input (nor input_shape) is never built until it sees data.
  const unbuilt = model.kind === 'sequential' && model.inputs.length === 0;
  const operations = kerasOperations(result, model);
  const rows: string[][] = [];
  const addRows = (layers: LayerIR[], calls: Set<number>, level: number, seen: Set<number>): void => {
    for (const layer of layers) {
      // keras print_layer: nested rows are prefixed `└ `, three spaces more per level below the first
      const prefix = level === 0 ? '' : `${'   '.repeat(level - 1)}└ `;
      const row = [`${prefix}${layer.name} (${layer.className})`, kerasLayerShape(result, layer), kerasParams(layer, unbuilt)];
      if (withCost) row.push(...costCells(result, layer, calls));
      if (!sequentialLike) row.push(connectionRefs(result, layer, calls).join(', ') || '-');
      rows.push(row);
      const inner = layer.model !== undefined ? result.models[layer.model] : undefined;
      if (options.expandNested && inner && !seen.has(inner.id)) {
        addRows(kerasOperations(result, inner), new Set(inner.calls), level + 1, new Set([...seen, inner.id]));
      }
    }
  };
  addRows(operations, modelCalls, 0, new Set([model.id]));

  const lines = [`Model: "${model.name}"`, ...renderRichTable(columns, rows, lineLength, layout.positions)];
  const footer = (count: number | null, pick: (l: LayerIR) => number | null) => count ?? builtSum(operations, pick, unbuilt);
  const total = footer(model.totalParams, (l) => l.params);
  lines.push(total === null && model.totalParamsExpr ? ` Total params: ${model.totalParamsExpr}` : footerLine('Total', total));
  lines.push(footerLine('Trainable', footer(model.trainableParams, (l) => l.trainableParams)));
  lines.push(footerLine('Non-trainable', footer(model.nonTrainableParams, (l) => l.nonTrainableParams)));
  if (withCost) lines.push(...costFooter(result, model, ' '));
  return lines.map((l) => l + '\n').join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Cost columns and totals (`--cost`), for both tables
// ---------------------------------------------------------------------------------------------------------------

const COST_HEADERS = ['MACs', 'FLOPs', 'Act. mem'];

/** A layer's cost in this model: the sum over its calls here (a shared layer runs once per call). */
function costCells(result: AnalysisResult, layer: LayerIR, modelCalls: Set<number>): string[] {
  let macs: Dim = 0;
  let flops: Dim = 0;
  let bytes: Dim = 0;
  const ids = modelCalls.size > 0 ? layer.calls.filter((c) => modelCalls.has(c)) : layer.calls;
  if (ids.length === 0) return ['?', '?', '?'];
  for (const id of ids) {
    const call = result.calls[id];
    const c = call ? costOfCall(result, call) : { macs: null, flops: null, activationBytes: null };
    macs = dimAdd(macs, c.macs);
    flops = dimAdd(flops, c.flops);
    bytes = dimAdd(bytes, c.activationBytes);
  }
  return [formatMetric(macs), formatMetric(flops), formatBytes(bytes)];
}

/** `15.47 G`: two decimals with an SI prefix above a thousand; symbolic figures print as their expression. */
export function formatMetric(d: Dim): string {
  if (d === null) return '?';
  if (typeof d === 'string') return d;
  const units = ['', ' K', ' M', ' G', ' T', ' P'];
  let unit = 0;
  let value = d;
  while (unit < units.length - 1 && Math.abs(value) >= 1000) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? String(d) : `${value.toFixed(2)}${units[unit]}`;
}

function formatBytes(d: Dim): string {
  if (d === null) return '?';
  if (typeof d === 'string') return `${d} B`;
  return readableMemorySize(d);
}

/** The model's cost totals under its summary: per sample, per batch when fit() gives the batch size, memory. */
export function costFooter(result: AnalysisResult, model: ModelIR, indent: string): string[] {
  const c = costOfModel(result, model);
  const lines = [
    `${indent}MACs: ${formatMetric(c.macs)} per sample (FLOPs: ${formatMetric(c.flops)})`,
    `${indent}Activations: ${formatBytes(c.activationBytes)} per sample`,
    `${indent}Weights memory: ${c.weightBytes === null ? '?' : readableMemorySize(c.weightBytes)}`,
  ];
  if (c.batchSize !== null) {
    lines.push(`${indent}Per batch of ${c.batchSize}: ${formatMetric(c.batchMacs)} MACs (FLOPs: ${formatMetric(c.batchFlops)})`);
    const t = c.training;
    const optimizer = model.training?.optimizer ?? '?';
    lines.push(
      t === null
        ? `${indent}Peak training memory (batch ${c.batchSize}, ${optimizer}): ?`
        : `${indent}Peak training memory (batch ${c.batchSize}, ${optimizer}): ${readableMemorySize(t.total)} (weights ${readableMemorySize(t.weights)}, gradients ${readableMemorySize(t.gradients)}, optimizer ${readableMemorySize(t.optimizerSlots)}, activations ${readableMemorySize(t.activations)})`,
    );
  }
  return lines;
}

/** Keras 3 prints `model._operations`: the layers plus the operations tensor arithmetic created (`add (Add)`,
 *  `not_equal (NotEqual)`), which `model.layers` leaves out. */
function kerasOperations(result: AnalysisResult, model: ModelIR): LayerIR[] {
  return model.operations.map((id) => result.layers[id]).filter((l): l is LayerIR => l !== undefined);
}

/** The Param # cell. A layer never called is never built: Keras prints `0 (unbuilt)` when it would have weights
 *  (unknown count here), `0` when it has none. An operation (`x + y`) is no Layer and has no `built`: `0`. */
function kerasParams(layer: LayerIR, modelUnbuilt: boolean): string {
  if (layer.params !== null) return formatCount(layer.params);
  if (layer.paramsExpr !== undefined) return layer.paramsExpr;
  if (isOperation(layer)) return '0';
  return isUnbuilt(layer, modelUnbuilt) ? '0 (unbuilt)' : '?';
}

function isUnbuilt(layer: LayerIR, modelUnbuilt: boolean): boolean {
  return modelUnbuilt || layer.calls.length === 0;
}

/** Keras counts the weights that exist: unbuilt layers add nothing. Unknown only when a built layer's is. */
function builtSum(layers: LayerIR[], pick: (l: LayerIR) => number | null, modelUnbuilt: boolean): number | null {
  let sum = 0;
  for (const l of layers) {
    const v = pick(l);
    if (v !== null) sum += v;
    else if (!isUnbuilt(l, modelUnbuilt) && !isOperation(l)) return null;
  }
  return sum;
}

function isOperation(layer: LayerIR): boolean {
  return layer.op === true;
}

function footerLine(label: string, count: number | null): string {
  if (count === null) return ` ${label} params: ?`;
  // Keras sizes weights by dtype; the analyzer assumes float32, 4 bytes a parameter.
  return ` ${label} params: ${formatCount(count)} (${readableMemorySize(count * 4)})`;
}

/** `f"{n:,}"`; unknown counts print `?`. */
export function formatCount(n: number | null): string {
  if (n === null) return '?';
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** keras `readable_memory_size`: divide by 1024 while the value is at least 1024, print with two decimals.
 *  Python's `{:.2f}` rounds the exact binary value half-to-even (`1.125` → `1.12`), which `toFixed` does not, so
 *  the rounding is done on exact integers. */
export function readableMemorySize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let unit = 0;
  let divisor = 1n;
  let value = bytes;
  while (unit < units.length - 1 && value / 1024 >= 1) {
    value /= 1024;
    divisor *= 1024n;
    unit++;
  }
  return `${formatHundredthsHalfEven(BigInt(Math.round(bytes)), divisor)} ${units[unit]}`;
}

function formatHundredthsHalfEven(numerator: bigint, divisor: bigint): string {
  const scaled = numerator * 100n;
  let q = scaled / divisor;
  const r = scaled % divisor;
  if (r * 2n > divisor || (r * 2n === divisor && q % 2n === 1n)) q += 1n;
  const whole = q / 100n;
  const frac = (q % 100n).toString().padStart(2, '0');
  return `${whole}.${frac}`;
}

/** Keras's `format_shape`: `(None, 10)`; note a 1-D shape prints `(None)`, not Python's `(None,)`. */
export function formatShapeKeras(shape: Shape | null): string {
  if (shape === null) return '?';
  return `(${shape.map(formatDimKeras).join(', ')})`;
}

function formatDimKeras(d: Dim): string {
  return d === null ? 'None' : String(d);
}

/** `format_layer_shape`: the loop over `_inbound_nodes` keeps the *last* call's outputs, so a shared layer shows
 *  its last call; several outputs print as the str() of a list, `[(None, 5), (None, 5)]`. */
function kerasLayerShape(result: AnalysisResult, layer: LayerIR): string {
  const lastCall = result.calls[layer.calls[layer.calls.length - 1]];
  if (!lastCall) return '?';
  const shapes = lastCall.outputs.map((t) => formatShapeKeras(tensorShape(result, t)));
  if (shapes.length === 1) return shapes[0];
  return `[${shapes.join(', ')}]`;
}

/** `get_connections` (Keras) and the `Receives inputs` loop (TF.js) alike: every input of every call that belongs to
 *  this model. An Input's own call has no inputs, so its list is empty. */
function connectionRefs(result: AnalysisResult, layer: LayerIR, modelCalls: Set<number>): string[] {
  const refs: string[] = [];
  for (const callId of layer.calls) {
    if (modelCalls.size > 0 && !modelCalls.has(callId)) continue;
    const call = result.calls[callId];
    if (!call) continue;
    for (const t of call.inputs) refs.push(tensorRef(result, t));
  }
  return refs;
}

function tensorShape(result: AnalysisResult, id: number): Shape | null {
  return result.tensors[id]?.shape ?? null;
}

function tensorRef(result: AnalysisResult, id: number): string {
  const t: TensorIR | undefined = result.tensors[id];
  return t ? t.ref : '?';
}

// ---------------------------------------------------------------------------------------------------------------
// A faithful subset of rich's Table: fixed-width columns, cell padding (0, 1), HEAVY_HEAD box, show_lines,
// word wrapping with `overflow="ellipsis"` (rich/table.py, rich/text.py, rich/_wrap.py, rich/_ratio.py).
// ---------------------------------------------------------------------------------------------------------------

function renderRichTable(columns: ColumnSpec[], rows: string[][], lineLength: number, positions: number[]): string[] {
  const widths = richColumnWidths(lineLength, positions);
  const contentWidths = widths.map((w) => Math.max(0, w - 2));
  const rule = (left: string, fill: string, mid: string, right: string) =>
    left + widths.map((w) => fill.repeat(w)).join(mid) + right;
  const renderRow = (cells: string[], vertical: string): string[] => {
    const wrapped = cells.map((c, i) => wrapCell(c, contentWidths[i], columns[i].justify));
    const height = Math.max(1, ...wrapped.map((w) => w.length));
    const out: string[] = [];
    for (let line = 0; line < height; line++) {
      const parts = wrapped.map((w, i) => ` ${w[line] ?? ' '.repeat(contentWidths[i])} `);
      out.push(vertical + parts.join(vertical) + vertical);
    }
    return out;
  };

  const lines = [rule('┏', '━', '┳', '┓')];
  lines.push(...renderRow(columns.map((c) => c.header), '┃'));
  lines.push(rule('┡', '━', '╇', '┩'));
  rows.forEach((row, i) => {
    if (i > 0) lines.push(rule('├', '─', '┼', '┤'));
    lines.push(...renderRow(row, '│'));
  });
  lines.push(rule('└', '─', '┴', '┘'));
  return lines;
}

/** Keras asks for `int(pos * line_length) - previous` characters a column; rich adds 2 of padding to each, finds the
 *  sum too wide for `width=line_length` minus the borders, and takes the excess back evenly with `ratio_reduce`. */
export function richColumnWidths(lineLength: number, positions: number[]): number[] {
  const requested: number[] = [];
  let current = 0;
  for (const p of positions) {
    const w = Math.floor(p * lineLength) - current;
    requested.push(w + 2);
    current += w;
  }
  const maxWidth = lineLength - (positions.length + 1);
  const total = requested.reduce((a, b) => a + b, 0);
  if (total <= maxWidth) return requested;
  return ratioReduce(total - maxWidth, requested.map(() => 1), requested, requested);
}

function ratioReduce(total: number, ratios: number[], maximums: number[], values: number[]): number[] {
  const effective = ratios.map((r, i) => (maximums[i] ? r : 0));
  let totalRatio = effective.reduce((a, b) => a + b, 0);
  if (!totalRatio) return values.slice();
  let remaining = total;
  return values.map((value, i) => {
    const ratio = effective[i];
    if (!ratio || totalRatio <= 0) return value;
    const distributed = Math.min(maximums[i], pythonRound((ratio * remaining) / totalRatio));
    remaining -= distributed;
    totalRatio -= ratio;
    return value - distributed;
  });
}

/** Python 3's round(): halves go to the even neighbour (3.5 → 4, 2.5 → 2). */
function pythonRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** One cell's text laid out in `width` columns, each returned line exactly `width` cells wide. */
export function wrapCell(text: string, width: number, justify: 'left' | 'right'): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    const breaks = divideLine(paragraph, width);
    const pieces: string[] = [];
    let start = 0;
    for (const b of breaks) {
      pieces.push(paragraph.slice(start, b));
      start = b;
    }
    pieces.push(paragraph.slice(start));
    for (let piece of pieces) {
      piece = rstripEnd(piece, width);
      if (justify === 'right') {
        piece = truncateEllipsis(piece.trimEnd(), width);
        out.push(' '.repeat(Math.max(0, width - cellLen(piece))) + piece);
      } else {
        piece = truncateEllipsis(piece, width);
        out.push(piece + ' '.repeat(Math.max(0, width - cellLen(piece))));
      }
    }
  }
  return out;
}

/** rich `divide_line` without folding: a word breaks to the next line when it does not fit; a word longer than the
 *  whole width gets a line of its own and is cut with an ellipsis later. */
function divideLine(text: string, width: number): number[] {
  const breaks: number[] = [];
  let offset = 0;
  const wordPattern = /\s*\S+\s*/y;
  let position = 0;
  for (;;) {
    wordPattern.lastIndex = position;
    const m = wordPattern.exec(text);
    if (!m) break;
    const start = m.index;
    const word = m[0];
    position = start + word.length;
    const wordLength = cellLen(word.trimEnd());
    if (width - offset >= wordLength) {
      offset += cellLen(word);
    } else if (wordLength > width) {
      if (start) breaks.push(start);
      offset = cellLen(word);
    } else if (offset && start) {
      breaks.push(start);
      offset = cellLen(word);
    }
  }
  return breaks;
}

/** rich `Text.rstrip_end`: drop trailing whitespace only as far as it sticks out past the width. */
function rstripEnd(text: string, width: number): string {
  const length = [...text].length;
  if (length <= width) return text;
  const trailing = /\s+$/.exec(text);
  if (!trailing) return text;
  const crop = Math.min(trailing[0].length, length - width);
  return text.slice(0, text.length - crop);
}

function truncateEllipsis(text: string, width: number): string {
  if (cellLen(text) <= width) return text;
  return setCellSize(text, width - 1) + '…';
}

/** Crop to `size` cells; a wide character cut in half becomes a space, as rich does. */
function setCellSize(text: string, size: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > size) break;
    out += ch;
    used += w;
  }
  return out + ' '.repeat(size - used);
}

export function cellLen(text: string): number {
  let n = 0;
  for (const ch of text) n += charWidth(ch);
  return n;
}

/** Terminal cell width: East Asian wide/fullwidth characters take two cells (layer names may be Japanese). */
function charWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x1100) return 1;
  if (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) ||
    (c >= 0x20000 && c <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

// ---------------------------------------------------------------------------------------------------------------
// TF.js (tfjs-layers/src/utils/layer_utils.ts `printSummary`)
// ---------------------------------------------------------------------------------------------------------------

export interface TfjsSummaryOptions {
  lineLength?: number;
  /** `--cost`: MACs, FLOPs and activation memory columns and totals (not TF.js's; docs/cost.md). */
  cost?: boolean;
  /** Column end positions, relative (≤ 1) or absolute, as TF.js accepts them. */
  positions?: number[];
}

export function renderSummaryTfjs(result: AnalysisResult, model: ModelIR, options: TfjsSummaryOptions = {}): string {
  const sequentialLike = model.sequentialLike;
  const withCost = options.cost === true;
  const header = ['Layer (type)', 'Input Shape', 'Output shape', 'Param #'];
  if (withCost) header.push(...COST_HEADERS);
  const lineLength = options.lineLength || (withCost ? (sequentialLike ? 130 : 155) : sequentialLike ? 90 : 115);
  const defaultPositions = withCost
    ? sequentialLike
      ? [0.25, 0.45, 0.62, 0.7, 0.8, 0.9, 1]
      : [0.18, 0.34, 0.5, 0.57, 0.65, 0.73, 0.8, 1]
    : sequentialLike
      ? [0.32, 0.61, 0.89, 1]
      : [0.24, 0.48, 0.7, 0.8, 1];
  let positions = options.positions ?? defaultPositions;
  if (positions[positions.length - 1] <= 1) positions = positions.map((p) => Math.floor(lineLength * p));
  if (!sequentialLike) header.push('Receives inputs');

  const lines: string[] = [];
  lines.push('_'.repeat(lineLength));
  lines.push(tfjsRow(header, positions));
  lines.push('='.repeat(lineLength));
  const modelCalls = new Set(model.calls);
  const layers = model.layers.map((id) => result.layers[id]).filter((l): l is LayerIR => l !== undefined);
  layers.forEach((layer, i) => {
    const fields = [`${layer.name} (${layer.className})`, tfjsInputShapes(result, layer), tfjsOutputShape(result, layer)];
    fields.push(layer.params === null ? '?' : String(layer.params));
    if (withCost) fields.push(...costCells(result, layer, modelCalls));
    if (sequentialLike) {
      lines.push(tfjsRow(fields, positions));
    } else {
      const connections = connectionRefs(result, layer, modelCalls);
      lines.push(tfjsRow([...fields, connections[0] ?? ''], positions));
      for (const extra of connections.slice(1)) lines.push(tfjsRow([...fields.map(() => ''), extra], positions));
    }
    lines.push((i === layers.length - 1 ? '=' : '_').repeat(lineLength));
  });
  const trainable = model.trainableParams;
  const nonTrainable = model.nonTrainableParams;
  const total = trainable !== null && nonTrainable !== null ? trainable + nonTrainable : model.totalParams;
  lines.push(`Total params: ${total ?? '?'}`);
  lines.push(`Trainable params: ${trainable ?? '?'}`);
  lines.push(`Non-trainable params: ${nonTrainable ?? '?'}`);
  if (withCost) lines.push(...costFooter(result, model, ''));
  lines.push('_'.repeat(lineLength));
  return lines.map((l) => l + '\n').join('');
}

/** TF.js `printRow`: each field starts where the previous column ended minus one (that character becomes a space),
 *  and is cut at its column's end. */
function tfjsRow(fields: string[], positions: number[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line = line.slice(0, line.length - 1) + ' ';
    line += fields[i];
    line = line.slice(0, positions[i]);
    line += ' '.repeat(Math.max(0, positions[i] - line.length));
  }
  return line;
}

/** `JSON.stringify(node.inputShapes)` per call, joined by commas. The InputLayer's node lists its own shape. */
function tfjsInputShapes(result: AnalysisResult, layer: LayerIR): string {
  return layer.calls
    .map((callId) => {
      const call = result.calls[callId];
      if (!call) return '?';
      const tensors = layer.className === 'InputLayer' || call.inputs.length === 0 ? call.outputs : call.inputs;
      return `[${tensors.map((t) => formatShapeTfjs(tensorShape(result, t))).join(',')}]`;
    })
    .join(',');
}

/** The `outputShape` getter: one shape when every call agrees (unwrapped when there is one output), otherwise it
 *  throws and the summary prints `multiple` — also for a layer never called. */
function tfjsOutputShape(result: AnalysisResult, layer: LayerIR): string {
  const distinct = new Set<string>();
  let first: string[] | undefined;
  for (const callId of layer.calls) {
    const call = result.calls[callId];
    if (!call) continue;
    const shapes = call.outputs.map((t) => formatShapeTfjs(tensorShape(result, t)));
    first ??= shapes;
    distinct.add(shapes.join(','));
  }
  if (!first || distinct.size !== 1) return 'multiple';
  return first.length === 1 ? first[0] : `[${first.join(',')}]`;
}

/** JSON.stringify of a TF.js shape: `[null,5]`. Symbolic dimensions (which TF.js never has) print bare. */
export function formatShapeTfjs(shape: Shape | null): string {
  if (shape === null) return '?';
  return `[${shape.map((d) => (d === null ? 'null' : String(d))).join(',')}]`;
}
