// Every rewrite offered at a range of a file: conversions between the Sequential and functional APIs (convert.ts) and
// the fixes for the diagnostics there plus the share/unshare refactorings (fixes.ts). The editor's code actions and
// the CLI read this one list. Also the answer to a rewrite's question (`fillAnswer`), so the editor and tests fill
// it the same way.

import type { Diagnostic, Language } from '../graph/ir';
import { conversionRefusalsAt, conversionsAt } from './convert';
import { fixesAt } from './fixes';
import type { Refusal, Rewrite, RewriteInput } from './types';

/** Rewrites for the offsets `start..end` of the main file; `diagnostics` are the ones the editor says touch it. */
export function rewritesAt(input: RewriteInput, start: number, end: number, diagnostics: readonly Diagnostic[]): Rewrite[] {
  return [...fixesAt(input, start, end, diagnostics), ...conversionsAt(input, start, end)];
}

/** Rewrites the cursor is on but that cannot be made safely, with the reason (the editor shows them disabled). */
export function refusalsAt(input: RewriteInput, start: number, end: number): Refusal[] {
  return conversionRefusalsAt(input, start, end);
}

/** What the analysis process answers for a range: the rewrites there and the refused ones. */
export interface RewriteAnswer {
  rewrites: Rewrite[];
  refusals: Refusal[];
}

export function rewriteAnswer(input: RewriteInput, start: number, end: number, diagnostics: readonly Diagnostic[]): RewriteAnswer {
  return { rewrites: rewritesAt(input, start, end, diagnostics), refusals: refusalsAt(input, start, end) };
}

/**
 * The rewrite with the user's answer to its `ask` put in place of the placeholder, or the reason the answer is not
 * usable. A shape is typed as dimensions (`28, 28, 1`, with or without brackets; `None`/`null` for a free one) and
 * written back as the file's language spells a shape: `(28, 28, 1)` / `(784,)` in Python, `[28, 28, 1]` in TS/JS.
 */
export function fillAnswer(rewrite: Rewrite, answer: string, language: Language): Rewrite | { error: string } {
  const ask = rewrite.ask;
  if (!ask) return rewrite;
  const dims = parseDims(answer);
  if (typeof dims === 'string') return { error: dims };
  const python = language === 'python';
  const text = dims.map((d) => (d === null ? (python ? 'None' : 'null') : String(d)));
  const shape = python ? `(${text.join(', ')}${text.length === 1 ? ',' : ''})` : `[${text.join(', ')}]`;
  const { ask: _asked, ...rest } = rewrite;
  return { ...rest, edits: rewrite.edits.map((e) => ({ ...e, newText: e.newText.split(ask.placeholder).join(shape) })) };
}

function parseDims(answer: string): (number | null)[] | string {
  const inner = answer.trim().replace(/^[([]\s*/, '').replace(/\s*[)\]]$/, '');
  if (inner === '') return 'Give at least one dimension, e.g. 784 or 28, 28, 1.';
  const parts = inner.split(',').map((p) => p.trim());
  if (parts[parts.length - 1] === '') parts.pop();
  const dims: (number | null)[] = [];
  for (const p of parts) {
    if (/^(None|null)$/.test(p)) dims.push(null);
    else if (/^[1-9]\d{0,8}$/.test(p)) dims.push(Number(p));
    else return `'${p.slice(0, 40)}' is not a dimension: use positive whole numbers (or None), separated by commas.`;
  }
  return dims;
}
