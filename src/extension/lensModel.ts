// CodeLens and inline-shape items as plain records: "shared by 2 calls · 30 params" over shared layers,
// "177 layers · 25.6 M params · 3.86 GMACs · 7.75 GFLOPs" + "Open Graph" over models, and one output-shape label per
// layer call. No VS Code API.

import { costOfModel } from '../graph/cost';
import type { AnalysisResult, CallIR } from '../graph/ir';
import type { Dim } from '../graph/shape';
import { callOutputText, formatCount, inAnalyzedFile, toSpan, type Span, type Translate } from './text';

export type LensAction =
  | { kind: 'showCalls'; layerId: number }
  | { kind: 'showSummary'; modelId: number }
  | { kind: 'openGraph'; modelId: number };

export interface LensItem {
  span: Span;
  title: string;
  /** Shown when the pointer rests on the lens: what the figures mean. */
  tooltip?: string;
  action: LensAction;
}

/** Exact below ten thousand (`205 params`, as Keras prints them), else three significant digits (`25.6 M`). */
export function compactCount(n: number): string {
  if (Math.abs(n) < 10_000) return formatCount(n);
  const units = ['', ' K', ' M', ' G', ' T', ' P', ' E'];
  let unit = 0;
  let value = n;
  while (unit < units.length - 1 && Math.abs(value) >= 1000) {
    value /= 1000;
    unit++;
  }
  // 999.96 M rounds to "1000 M": step up instead.
  if (Number(value.toPrecision(3)) >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${Number(value.toPrecision(3))}${units[unit]}`;
}

function paramsText(n: number | null, t: Translate): string {
  return n === null ? t('? params') : t('{0} params', compactCount(n));
}

/** `3.86 G` + unit → `3.86 GMACs`; an expression stays whole (`units*16 MACs`), unknown is `?`. */
function metricText(d: Dim, unit: string): string {
  if (d === null) return `? ${unit}`;
  if (typeof d === 'string') return `${d.length > 40 ? `${d.slice(0, 39)}…` : d} ${unit}`;
  const text = compactCount(d);
  return text.includes(' ') ? `${text}${unit}` : `${text} ${unit}`;
}

export function lensItems(result: AnalysisResult, t: Translate): LensItem[] {
  const items: LensItem[] = [];
  for (const layer of result.layers) {
    if (layer.op || layer.calls.length < 2 || !inAnalyzedFile(layer.range, result)) continue;
    items.push({
      span: toSpan(layer.range),
      title: `${t('shared by {0} calls', layer.calls.length)} · ${paramsText(layer.params, t)}`,
      action: { kind: 'showCalls', layerId: layer.id },
    });
  }
  for (const model of result.models) {
    if (!inAnalyzedFile(model.range, result)) continue;
    const span = toSpan(model.range);
    // model.layers is Keras's `model.layers` (InputLayers included for functional models): the count Keras prints.
    const count = model.layers.length === 1 ? t('1 layer') : t('{0} layers', model.layers.length);
    const cost = costOfModel(result, model);
    items.push({
      span,
      title: `${count} · ${paramsText(model.totalParams, t)} · ${metricText(cost.macs, 'MACs')} · ${metricText(cost.flops, 'FLOPs')}`,
      tooltip: t('Per sample. MACs: multiply-adds of matmuls and convolutions; FLOPs = 2 × MACs + elementwise operations.'),
      action: { kind: 'showSummary', modelId: model.id },
    });
    items.push({ span, title: t('Open Graph'), action: { kind: 'openGraph', modelId: model.id } });
  }
  return items;
}

export interface ShapeHint {
  /** 0-based position right after the call expression. */
  line: number;
  character: number;
  label: string;
  callId: number;
  error: boolean;
}

/**
 * One label per place in the code that calls a layer (Input creations included: their shape is what the user wrote,
 * but seeing it helps). A place reached by several calls — a line in a helper function called 16 times — gets one
 * label, not sixteen: `→ (None, 4) ×16` when they agree, `→ ×16 (None, 56, 56, 64) … (None, 7, 7, 512)` (first and
 * last call) when they do not. Language-neutral on purpose: a shape and a count need no translation.
 */
export function shapeHints(result: AnalysisResult): ShapeHint[] {
  const byPlace = new Map<string, CallIR[]>();
  for (const call of result.calls) {
    if (!inAnalyzedFile(call.range, result)) continue;
    const key = `${call.range.start}:${call.range.end}`;
    const list = byPlace.get(key);
    if (list) list.push(call);
    else byPlace.set(key, [call]);
  }
  return [...byPlace.values()].map((all) => {
    // The InputLayer a Sequential makes from its first layer's `input_shape` sits at that layer: its own label wins.
    const layered = all.filter((c) => result.layers[c.layer]?.className !== 'InputLayer');
    const calls = layered.length > 0 ? layered : all;
    const end = toSpan(calls[0].range);
    const error = calls.some((c) => c.error !== undefined);
    const texts = calls.map((c) => callOutputText(result, c.id));
    const mark = error ? '→ ✗ ' : '→ ';
    const body = texts.length === 1 ? texts[0] : texts.every((x) => x === texts[0]) ? `${texts[0]} ×${texts.length}` : `×${texts.length} ${texts[0]} … ${texts[texts.length - 1]}`;
    return { line: end.endLine, character: end.endCharacter, label: mark + body, callId: calls[0].id, error };
  });
}

/** End-of-line texts for the "decorations" mode: the hints of one line joined, keyed by 0-based line. */
export function shapeHintsByLine(result: AnalysisResult): Map<number, string> {
  const byLine = new Map<number, string[]>();
  for (const h of shapeHints(result)) {
    const list = byLine.get(h.line) ?? [];
    list.push(h.label);
    byLine.set(h.line, list);
  }
  return new Map([...byLine].map(([line, labels]) => [line, labels.join('  ')]));
}
