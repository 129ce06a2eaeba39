// The share/unshare refactorings: "Use a new layer for this call" replaces a shared layer's variable at one call by a
// copy of its constructor (a fresh `name` if it had one), so that call gets weights of its own — the fix for a shared
// layer called on an input it was not built for. "Share this layer" replaces a layer's constructor by the variable of
// an earlier, identically configured layer whose input has the same shape. Text edits only.

import type { CallIR, Diagnostic, LayerIR } from '../graph/ir';
import { callAt, isPython } from './fixesText';
import type { Rewrite, RewriteInput } from './types';

/** The constructor's text, with a `name` argument (if any) changed to one no layer of the result has. */
function freshCopy(input: RewriteInput, layer: LayerIR): string {
  const ctor = input.text.slice(layer.range.start, layer.range.end);
  const taken = new Set(input.result.layers.map((l) => l.name));
  return ctor.replace(/(\bname\s*[=:]\s*)(['"])([^'"\\]*)\2/, (_all, key: string, q: string, name: string) => {
    let k = 2;
    while (taken.has(`${name}_${k}`)) k++;
    return `${key}${q}${name}_${k}${q}`;
  });
}

/** "Use a new layer for this call" at a later call of a shared layer, when the call names the layer's variable. */
export function unshareCall(input: RewriteInput, call: CallIR, fixes?: Diagnostic): Rewrite | null {
  const layer = input.result.layers[call.layer];
  if (!layer || layer.calls.length < 2 || call.index === 0 || !layer.variable || layer.model !== undefined) return null;
  if (layer.range.file !== 0 || call.range.file !== 0 || layer.range.end > call.range.start) return null;
  const callee = input.text.slice(call.range.start, call.range.start + layer.variable.length);
  const after = input.text.slice(call.range.start + layer.variable.length).trimStart();
  const calls = isPython(input) ? after.startsWith('(') : after.startsWith('.apply(');
  if (callee !== layer.variable || !calls) return null;
  const edit = { file: 0, start: call.range.start, end: call.range.start + layer.variable.length, newText: freshCopy(input, layer) };
  return {
    title: `Use a new layer for this call (${layer.variable} no longer shares its weights here)`,
    kind: fixes ? 'quickfix' : 'refactor.extract',
    isPreferred: fixes ? true : undefined,
    fixes: fixes ? [fixes] : undefined,
    edits: [edit],
  };
}

export function unshareFix(input: RewriteInput, d: Diagnostic): Rewrite[] {
  const call = callAt(input, d.range);
  const r = call && unshareCall(input, call, d);
  return r ? [r] : [];
}

/** Config without the per-object fields, so two layers made alike compare equal. */
function configKey(layer: LayerIR): string {
  const { name: _name, ...rest } = layer.config;
  return `${layer.className}:${JSON.stringify(rest)}`;
}

function inputShapeKey(input: RewriteInput, layer: LayerIR): string | null {
  const call = input.result.calls[layer.calls[0]];
  if (!call || call.inputs.length === 0) return null;
  const shapes = call.inputs.map((t) => input.result.tensors[t]?.shape ?? null);
  return shapes.some((s) => s === null) ? null : JSON.stringify(shapes);
}

/** "Share this layer" on a layer made in `start..end` that matches an earlier layer bound to a variable. */
export function shareLayers(input: RewriteInput, start: number, end: number): Rewrite[] {
  const { layers } = input.result;
  const out: Rewrite[] = [];
  // Keys are computed once per layer: a file with thousands of layers stays linear per request.
  const keys = new Map<number, string | null>();
  const keyOf = (l: LayerIR): string | null => {
    if (!keys.has(l.id)) {
      const shape = inputShapeKey(input, l);
      keys.set(l.id, shape === null ? null : `${configKey(l)}|${shape}`);
    }
    return keys.get(l.id)!;
  };
  for (const later of layers) {
    if (later.range.file !== 0 || later.range.end < start || later.range.start > end) continue;
    if (!later.known || later.className === 'InputLayer' || later.model !== undefined || later.op || later.weights.length === 0) continue;
    if (later.calls.length !== 1 || /\bname\s*[=:]/.test(input.text.slice(later.range.start, later.range.end))) continue;
    const key = keyOf(later);
    if (key === null) continue;
    const earlier = layers.find(
      (l) => l.id !== later.id && l.variable !== null && l.range.file === 0 && l.range.end <= later.range.start && keyOf(l) === key,
    );
    if (!earlier || !earlier.variable) continue;
    out.push({
      title: `Share this layer with ${earlier.variable} (one set of weights for both calls)`,
      kind: 'refactor.rewrite',
      edits: [{ file: 0, start: later.range.start, end: later.range.end, newText: earlier.variable }],
    });
  }
  return out;
}

/** "Use a new layer for this call" on every later call of a shared layer in `start..end`. */
export function unshareAt(input: RewriteInput, start: number, end: number): Rewrite[] {
  const out: Rewrite[] = [];
  for (const call of input.result.calls) {
    if (call.range.file !== 0 || call.range.end < start || call.range.start > end || call.error !== undefined) continue;
    const r = unshareCall(input, call);
    if (r) out.push(r);
  }
  return out;
}
