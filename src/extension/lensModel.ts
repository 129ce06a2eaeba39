// CodeLens and inline-shape items as plain records: "shared by 2 calls · 30 params" over shared layers,
// "9 layers · 205 params" + "Open Graph" over models, and one output-shape label per layer call. No VS Code API.

import type { AnalysisResult, CallIR } from '../graph/ir';
import { callOutputText, formatCount, inAnalyzedFile, toSpan, type Span, type Translate } from './text';

export type LensAction =
  | { kind: 'showCalls'; layerId: number }
  | { kind: 'showSummary'; modelId: number }
  | { kind: 'openGraph'; modelId: number };

export interface LensItem {
  span: Span;
  title: string;
  action: LensAction;
}

function paramsText(n: number | null, t: Translate): string {
  return n === null ? t('? params') : t('{0} params', formatCount(n));
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
    items.push({ span, title: `${count} · ${paramsText(model.totalParams, t)}`, action: { kind: 'showSummary', modelId: model.id } });
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
