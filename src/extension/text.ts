// Editor-neutral helpers shared by the extension's feature modules: 0-based positions from IR ranges, shape text, the
// l10n function type and the gate that says whether a file is worth analyzing. No VS Code API, no analysis.

import type { AnalysisResult, SourceRange, TensorIR } from '../graph/ir';
import { formatShapeJs, formatShapePython } from '../graph/shape';

/** VS Code's `l10n.t` signature; tests pass `formatMessage`, the host passes `vscode.l10n.t`. */
export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

/** English formatting with VS Code's `{0}` placeholders (what `l10n.t` does when no translation exists). */
export const formatMessage: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));

/** A 0-based line/character range, as VS Code's `Range` takes it. */
export interface Span {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

export function toSpan(r: SourceRange): Span {
  return { startLine: r.line - 1, startCharacter: r.column - 1, endLine: r.endLine - 1, endCharacter: r.endColumn - 1 };
}

/** Whether an IR range lies in the analyzed file itself (not in a module it imports): only those can be placed in
 *  the document as inline shapes, lenses or cursor matches. */
export function inAnalyzedFile(r: SourceRange, result: AnalysisResult): boolean {
  return !r.file || result.files[r.file] === result.file;
}

/** 0-based position as VS Code reports the cursor. */
export interface Pos {
  line: number;
  character: number;
}

/** Whether a 0-based position lies in an IR range (ends inclusive, so a cursor right after `)` still counts). */
export function rangeContains(r: SourceRange, p: Pos): boolean {
  const line = p.line + 1;
  const col = p.character + 1;
  if (line < r.line || line > r.endLine) return false;
  if (line === r.line && col < r.column) return false;
  if (line === r.endLine && col > r.endColumn) return false;
  return true;
}

/** Ordering of IR ranges by size (for "the innermost range at the cursor"). */
export function rangeSize(r: SourceRange): number {
  return r.end - r.start;
}

/** Shape text in the file's own dialect: `(None, 10)` for Python, `[null,10]` for TS/JS, `?` when unknown. */
export function shapeText(result: AnalysisResult, tensor: TensorIR | undefined): string {
  if (!tensor || tensor.shape === null) return '?';
  return result.language === 'python' ? formatShapePython(tensor.shape) : formatShapeJs(tensor.shape);
}

/** The outputs of a call as one text (`(None, 5)`, or `(None, 5), (None, 3)` for several outputs). */
export function callOutputText(result: AnalysisResult, callId: number): string {
  const call = result.calls[callId];
  if (!call) return '?';
  if (call.outputs.length === 0) return '?';
  return call.outputs.map((t) => shapeText(result, result.tensors[t])).join(', ');
}

/** Files without a Keras/TF.js mention are not analyzed at all: most Python and TS files in a workspace are not
 *  model code, and analyzing them on every keystroke would cost for nothing. */
export function looksLikeModelCode(text: string): boolean {
  return /keras|tensorflow|@tensorflow\/tfjs|\btf\.(layers|input|model|sequential)\b/.test(text);
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
