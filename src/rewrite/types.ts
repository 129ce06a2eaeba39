// The plain data every rewrite of model code is made of: text edits by offset into one file's text, grouped into a
// titled rewrite (a quick fix for a diagnostic, or a refactoring at a range), or a refusal that says why. Producers
// (convert.ts, fixes.ts) compute them from the source text and its AnalysisResult; consumers (the editor's code
// actions, `layergraph convert|fix`) apply them. Nothing here reads files, analyzes or talks to VS Code.

import type { AnalysisResult, Diagnostic } from '../graph/ir';

/** Replace `text.slice(start, end)` of the file `file` (an index into `AnalysisResult.files`) by `newText`. */
export interface TextEdit {
  file: number;
  start: number;
  end: number;
  newText: string;
}

export type RewriteKind = 'quickfix' | 'refactor.rewrite' | 'refactor.extract' | 'refactor.inline';

export interface Rewrite {
  title: string;
  kind: RewriteKind;
  /** The fix that is almost always right for its diagnostic: the editor marks it preferred, `layergraph fix` applies it. */
  isPreferred?: boolean;
  /** The diagnostics this rewrite fixes (quick fixes only). */
  fixes?: Diagnostic[];
  /** Non-overlapping edits; applied together they are one undoable step. */
  edits: TextEdit[];
  /** A value only the user knows, needed before the edits can be applied (see RewriteAsk). */
  ask?: RewriteAsk;
}

/**
 * A value the rewrite needs and the code does not say (a Sequential model's input shape): the editor asks for it with
 * an input box, the CLI refuses with `reason`. Every `placeholder` in the edits' `newText` stands for the answer,
 * formatted in the file's language (`fillAnswer` in index.ts).
 */
export interface RewriteAsk {
  /** What is asked: an input shape without the batch axis (`28, 28, 1`). */
  kind: 'shape';
  prompt: string;
  placeholder: string;
  reason: string;
}

/** A rewrite that was asked for (e.g. `layergraph convert`) but cannot be made safely. */
export interface Refusal {
  title: string;
  reason: string;
}

/** What every producer reads: the analyzed text of the main file (files[0]) and its analysis. */
export interface RewriteInput {
  text: string;
  fileName: string;
  result: AnalysisResult;
  /** Texts of the other files of `result.files`, when an edit must touch them; missing ones are not edited. */
  otherTexts?: ReadonlyMap<number, string>;
}

/** Apply edits of one file to its text (edits must not overlap); used by the CLI and by tests. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new Error(`overlapping edits at ${e.start}..${e.end}`);
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    limit = e.start;
  }
  return out;
}
