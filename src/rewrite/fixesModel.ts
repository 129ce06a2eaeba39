// Quick fixes for a model's inputs: add the Input its outputs depend on but `inputs` lacks (graph-disconnected), and
// remove an Input none of its outputs depends on (unused-input). Which Inputs those are comes from walking the IR's
// tensors back from the outputs; the Input's name in the code is the variable it was assigned to.

import type { Diagnostic, ModelIR } from '../graph/ir';
import { assignedVariable, modelInputsValue, splitItems } from './fixesText';
import type { Rewrite, RewriteInput } from './types';

/** Input tensors the model's outputs depend on. */
function reachedInputs(input: RewriteInput, model: ModelIR): Set<number> {
  const { tensors, calls, layers } = input.result;
  const seen = new Set<number>();
  const found = new Set<number>();
  const stack = [...model.outputs];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (seen.has(t)) continue;
    seen.add(t);
    const producer = tensors[t]?.producer;
    const call = producer ? calls[producer.call] : undefined;
    if (!call) continue;
    if (layers[call.layer]?.className === 'InputLayer') found.add(t);
    stack.push(...call.inputs);
  }
  return found;
}

/** The model a diagnostic is about: the one whose expression is its range or a related range (an unused Input's
 *  diagnostic is at the Input and points to the model), else the one containing it. */
function modelFor(input: RewriteInput, d: Diagnostic): ModelIR | undefined {
  const inFile = input.result.models.filter((m) => m.range.file === 0);
  const places = [d.range, ...d.related.map((r) => r.range)].filter((r) => r.file === 0);
  return (
    inFile.find((m) => places.some((p) => m.range.start === p.start && m.range.end === p.end)) ??
    inFile.find((m) => d.range.file === 0 && m.range.start <= d.range.start && d.range.end <= m.range.end)
  );
}

/** Whether the Input tensor `tensor` was made by the expression at `range`. */
function madeAt(input: RewriteInput, tensor: number, range: Diagnostic['range']): boolean {
  const producer = input.result.tensors[tensor]?.producer;
  const call = producer ? input.result.calls[producer.call] : undefined;
  return !!call && call.range.file === range.file && call.range.start === range.start && call.range.end === range.end;
}

function inputVariable(input: RewriteInput, tensor: number): string | null {
  const producer = input.result.tensors[tensor]?.producer;
  const call = producer ? input.result.calls[producer.call] : undefined;
  return call && call.range.file === 0 ? assignedVariable(input.text, call.range.start) : null;
}

export function addMissingInputs(input: RewriteInput, d: Diagnostic): Rewrite[] {
  const model = modelFor(input, d);
  if (!model || model.kind !== 'functional') return [];
  const missing = [...reachedInputs(input, model)].filter((t) => !model.inputs.includes(t)).sort((a, b) => a - b);
  const names = missing.map((t) => inputVariable(input, t));
  const value = modelInputsValue(input, model);
  if (missing.length === 0 || !value || names.some((n) => n === null)) return [];
  const text = input.text;
  const current = text.slice(value.start, value.end);
  let edit;
  if (current.startsWith('[') && current.endsWith(']')) {
    const inner = text.slice(value.start + 1, value.end - 1);
    const trailing = /,\s*$/.test(inner);
    const empty = inner.trim() === '';
    const at = value.end - 1 - (trailing ? inner.length - inner.trimEnd().length : 0);
    const added = names.join(', ');
    edit = { file: 0, start: at, end: at, newText: empty ? added : trailing ? ` ${added},` : `, ${added}` };
  } else {
    edit = { file: 0, start: value.start, end: value.end, newText: `[${current}, ${names.join(', ')}]` };
  }
  return [{
    title: `Add ${names.join(', ')} to the model's inputs`,
    kind: 'quickfix',
    isPreferred: true,
    fixes: [d],
    edits: [edit],
  }];
}

export function removeUnusedInputs(input: RewriteInput, d: Diagnostic): Rewrite[] {
  const model = modelFor(input, d);
  if (!model) return [];
  const reached = reachedInputs(input, model);
  const value = modelInputsValue(input, model);
  const text = input.text;
  if (!value || text[value.start] !== '[') return [];
  const items = splitItems(text, { start: value.start + 1, end: value.end - 1 });
  const all = model.inputs.map((t, i) => (reached.has(t) ? -1 : i)).filter((i) => i >= 0);
  // Each unused Input has its own diagnostic: the fix removes that one (all of them when none is made there).
  const here = all.filter((i) => madeAt(input, model.inputs[i], d.range));
  const unused = here.length > 0 ? here : all;
  if (items.length !== model.inputs.length || unused.length === 0 || unused.length === items.length) return [];
  // Remove each unused item with the separator after it (or, for the last one, the one before it).
  const edits = unused.map((i) => {
    const item = items[i];
    if (i < items.length - 1) return { file: 0, start: item.start, end: items[i + 1].start, newText: '' };
    return { file: 0, start: items[i - 1].end, end: item.end, newText: '' };
  });
  const names = unused.map((i) => text.slice(items[i].start, items[i].end));
  return [{
    title: `Remove ${names.join(', ')} from the model's inputs`,
    kind: 'quickfix',
    isPreferred: true,
    fixes: [d],
    edits: mergeAdjacent(edits),
  }];
}

/** Adjacent removals (two unused inputs in a row) touch: join them so no two edits overlap. */
function mergeAdjacent(edits: { file: number; start: number; end: number; newText: string }[]) {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const out: typeof edits = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.start <= last.end) last.end = Math.max(last.end, e.end);
    else out.push({ ...e });
  }
  return out;
}
