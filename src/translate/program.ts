// The program to print, whatever the target language: which models are translated (and why the others are refused),
// the statements in an order that defines everything before its use (calls in the order the analysis saw them, a
// model after its last call), and one identifier per tensor, shared layer and model. Names come from the source
// where a call is assigned to a variable there (`x = Dense(3)(y)`), else from the runtime's layer name. It prints
// nothing: src/translate/tfjs.ts and keras.ts print this plan.

import * as path from 'node:path';
import { fileOf, type AnalysisResult, type CallIR, type LayerIR, type ModelIR } from '../graph/ir';
import { layerByKerasName } from '../layers/registry';
import { UnsupportedError } from '../train/translate';
import type { LayerArgs } from './args';

export type Statement =
  /** A layer object bound to a variable: shared (called more than once) or named in the source. */
  | { kind: 'layer'; layer: LayerIR; name: string; args: LayerArgs; from: string }
  | { kind: 'input'; layer: LayerIR; name: string; shape: (number | null)[]; from: string }
  /** One call; `layerName` null means the layer is created inline (called once, unnamed in the source). */
  | { kind: 'call'; call: CallIR; layer: LayerIR; layerName: string | null; args: LayerArgs | null; inputs: string[]; initialState?: string[]; list: boolean; outputs: string[]; from: string }
  | { kind: 'model'; model: ModelIR; name: string; inputs: string[]; outputs: string[]; from: string }
  /** A Sequential model: its layers inline (or by variable), the input shape on the first. */
  | { kind: 'sequential'; model: ModelIR; name: string; shape: (number | null)[]; items: ({ args: LayerArgs } | { ref: string })[]; from: string };

export interface Refusal {
  model: string;
  reason: string;
}

export interface Program {
  statements: Statement[];
  /** Translated models: [variable in the output, ModelIR]. */
  models: { name: string; model: ModelIR }[];
  refused: Refusal[];
  notes: string[];
}

/** Target-specific: a layer's arguments in the other language, or UnsupportedError. */
export type ArgMapper = (layer: LayerIR, notes: string[]) => LayerArgs;

const PY_RESERVED = new Set('False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield keras layers np tf'.split(' '));
const TS_RESERVED = new Set('break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with let static yield await implements interface package private protected public tf'.split(' '));

class Names {
  private used = new Set<string>();
  constructor(private reserved: Set<string>) {}
  take(wanted: string): string {
    let base = wanted.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1') || 'x';
    if (this.reserved.has(base)) base = `${base}_`;
    let name = base;
    for (let i = 1; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }
}

/** The variable a call's result is assigned to in the source line, if the text shows one. */
function assignedName(text: string | undefined, start: number): string | undefined {
  if (text === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const m = /^\s*(?:export\s+)?(?:const\s+|let\s+|var\s+)?([A-Za-z_$][\w$]*)(?:\s*:\s*[\w.<>[\]]+)?\s*=\s*(?:await\s+)?$/.exec(before);
  return m ? m[1].replace(/\$/g, '_') : undefined;
}

export function pickModels(analysis: AnalysisResult, name?: string): ModelIR[] {
  if (name === undefined) return analysis.models;
  const m = analysis.models.find((x) => x.variable === name || x.name === name);
  if (!m) throw new UnsupportedError(`no model named "${name}" (models: ${analysis.models.map((x) => x.variable ?? x.name).join(', ') || 'none'})`);
  return [m];
}

export function planProgram(analysis: AnalysisResult, text: string, language: 'python' | 'typescript', mapArgs: ArgMapper, modelName?: string): Program {
  const layers = new Map(analysis.layers.map((l) => [l.id, l]));
  const calls = new Map(analysis.calls.map((c) => [c.id, c]));
  const tensors = new Map(analysis.tensors.map((t) => [t.id, t]));
  const models = new Map(analysis.models.map((m) => [m.id, m]));
  const names = new Names(language === 'python' ? PY_RESERVED : TS_RESERVED);
  const notes: string[] = [];
  const refused: Refusal[] = [];
  const from = (r: { file: number; line: number }) => `${path.basename(fileOf(analysis, r))}:${r.line}`;
  const textOf = (r: { file: number }) => (r.file === 0 ? text : undefined);

  // Models this one needs defined first: the models it calls as layers.
  const deps = (m: ModelIR): ModelIR[] => m.calls.map((id) => layers.get(calls.get(id)?.layer ?? -1)?.model).filter((id): id is number => id !== undefined).map((id) => models.get(id)!).filter(Boolean);
  const argsCache = new Map<number, LayerArgs>();
  const accepted = new Set<number>();
  const check = (m: ModelIR, seen: Set<number>): void => {
    if (accepted.has(m.id)) return;
    if (seen.has(m.id)) throw new UnsupportedError(`model "${m.name}" contains itself`);
    seen.add(m.id);
    for (const d of deps(m)) check(d, seen);
    if (m.builder && m.builder.symbolic.length > 0) throw new UnsupportedError(`it is built by ${m.builder.function}() with ${m.builder.symbolic.join(', ')} not known statically`);
    const errorCall = m.calls.map((id) => calls.get(id)).find((c) => c?.error !== undefined);
    if (errorCall) throw new UnsupportedError(`it has an error at line ${errorCall.range.line}: ${analysis.diagnostics[errorCall.error!]?.message ?? 'see the diagnostics'}`);
    if (m.inputs.length === 0 || m.outputs.length === 0) throw new UnsupportedError('its inputs or outputs are not known');
    for (const id of m.calls) {
      const c = calls.get(id)!;
      if (c.opaqueInputs) throw new UnsupportedError(`the call at line ${c.range.line} takes values LayerGraph cannot follow`);
      const l = layers.get(c.layer)!;
      if (l.className === 'InputLayer') {
        const shape = tensors.get(c.outputs[0])?.shape;
        // None is fine on both sides (a variable-length sequence); a symbolic or unknown dimension is not.
        if (!shape || shape.slice(1).some((d) => typeof d !== 'number' && d !== null)) throw new UnsupportedError(`input "${l.name}" (line ${l.range.line}) has a shape that is not statically known`);
        continue;
      }
      if (l.model !== undefined || argsCache.has(l.id)) continue;
      argsCache.set(l.id, mapArgs(l, notes));
    }
    // A Sequential lists its layers; a layer added but never called (no input shape yet) has no call.
    if (m.kind === 'sequential') {
      for (const id of m.layers) {
        const l = layers.get(id)!;
        if (l.model === undefined && !argsCache.has(id)) argsCache.set(id, mapArgs(l, notes));
      }
    }
    accepted.add(m.id);
  };
  const wanted = pickModels(analysis, modelName);
  for (const m of wanted) {
    try {
      check(m, new Set());
    } catch (e) {
      refused.push({ model: m.variable ?? m.name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  const chosen = analysis.models.filter((m) => accepted.has(m.id));
  const sequentials = new Set(chosen.filter((m) => m.kind === 'sequential').map((m) => m.id));

  // Calls to print: every call of a translated functional model, once, in analysis order.
  const callIds = new Set<number>();
  for (const m of chosen) if (!sequentials.has(m.id)) for (const id of m.calls) callIds.add(id);
  const useCount = new Map<number, number>();
  for (const id of callIds) {
    const l = calls.get(id)!.layer;
    useCount.set(l, (useCount.get(l) ?? 0) + 1);
  }
  for (const m of chosen) if (sequentials.has(m.id)) for (const l of m.layers) useCount.set(l, (useCount.get(l) ?? 0) + 1);

  const modelVar = new Map<number, string>();
  const tensorVar = new Map<number, string>();
  const layerVar = new Map<number, string>();
  const events: { at: number; s: Statement }[] = [];
  const nameModel = (m: ModelIR) => {
    if (!modelVar.has(m.id)) modelVar.set(m.id, names.take(m.variable ?? m.builder?.function ?? m.name));
    return modelVar.get(m.id)!;
  };
  // Model variables first, so they keep their source names against tensors and layers.
  for (const m of chosen) nameModel(m);

  for (const id of [...callIds].sort((a, b) => a - b)) {
    const c = calls.get(id)!;
    const l = layers.get(c.layer)!;
    const src = textOf(c.range);
    if (l.className === 'InputLayer') {
      const shape = tensors.get(c.outputs[0])!.shape!.map((d) => (typeof d === 'number' ? d : null));
      const name = names.take(assignedName(src, c.range.start) ?? l.name);
      tensorVar.set(c.outputs[0], name);
      events.push({ at: id, s: { kind: 'input', layer: l, name, shape, from: from(c.range) } });
      continue;
    }
    let ln: string | null = null;
    if (l.model !== undefined) ln = modelVar.get(l.model) ?? null;
    else if ((useCount.get(l.id) ?? 0) > 1 || l.variable !== null) {
      ln = layerVar.get(l.id) ?? null;
      if (ln === null) {
        ln = names.take(l.variable ?? l.name);
        layerVar.set(l.id, ln);
        events.push({ at: id - 0.25, s: { kind: 'layer', layer: l, name: ln, args: argsCache.get(l.id)!, from: from(l.range) } });
      }
    }
    const inputs = c.inputs.map((t) => tensorVar.get(t));
    if (inputs.some((t) => t === undefined)) throw new UnsupportedError(`the call of "${l.name}" at line ${c.range.line} takes a tensor not built from the model's inputs`);
    const wantName = assignedName(src, c.range.start);
    const outputs = c.outputs.map((t, i) => {
      const n = names.take(c.outputs.length === 1 && wantName ? wantName : `${l.name}${c.outputs.length > 1 ? `_out${i}` : ''}${c.index > 0 ? `_${c.index}` : ''}`);
      tensorVar.set(t, n);
      return n;
    });
    const def = layerByKerasName(l.className);
    // An RNN called with more than one tensor got its initial state: `rnn(x, initial_state=[h, c])`.
    const rnn = /^(LSTM|GRU|SimpleRNN|RNN|Bidirectional|ConvLSTM[123]D)$/.test(l.className);
    if (rnn && inputs.length > 1) {
      events.push({ at: id, s: { kind: 'call', call: c, layer: l, layerName: ln, args: ln === null ? argsCache.get(l.id)! : null, inputs: [inputs[0]!], initialState: inputs.slice(1) as string[], list: false, outputs, from: from(c.range) } });
      continue;
    }
    const list = def?.multiInput === true || inputs.length > 1 || (l.model !== undefined && (models.get(l.model)?.inputs.length ?? 1) > 1);
    events.push({ at: id, s: { kind: 'call', call: c, layer: l, layerName: ln, args: ln === null ? argsCache.get(l.id)! : null, inputs: inputs as string[], list, outputs, from: from(c.range) } });
  }

  for (const m of chosen) {
    const name = modelVar.get(m.id)!;
    const last = Math.max(-1, ...m.calls);
    if (sequentials.has(m.id)) {
      const shape = tensors.get(m.inputs[0])?.shape?.map((d) => (typeof d === 'number' ? d : null)) ?? [];
      const items = m.layers.map((id) => {
        const l = layers.get(id)!;
        if (l.model !== undefined) return { ref: modelVar.get(l.model)! };
        return { args: argsCache.get(l.id)! };
      });
      events.push({ at: last + 0.5, s: { kind: 'sequential', model: m, name, shape, items, from: from(m.range) } });
      continue;
    }
    const pick = (ids: number[]) =>
      ids.map((t) => {
        const v = tensorVar.get(t);
        if (v === undefined) throw new UnsupportedError(`model "${m.name}": a tensor of its inputs or outputs was not built`);
        return v;
      });
    events.push({ at: last + 0.5, s: { kind: 'model', model: m, name, inputs: pick(m.inputs), outputs: pick(m.outputs), from: from(m.range) } });
  }
  events.sort((a, b) => a.at - b.at);
  return { statements: events.map((e) => e.s), models: chosen.map((m) => ({ name: modelVar.get(m.id)!, model: m })), refused, notes };
}
