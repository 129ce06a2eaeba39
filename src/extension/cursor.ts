// What the code under the cursor means in the graph: the layer calls at a position, the layer object created or named
// there, and the tensor a variable holds at that point. Text heuristics over the IR's ranges; no VS Code API.

import type { AnalysisResult, CallIR, LayerIR } from '../graph/ir';
import { inAnalyzedFile, rangeContains, rangeSize, type Pos } from './text';

/** Ids of the calls whose expression contains the position, innermost first (the webview highlights them all). */
export function callsAt(result: AnalysisResult, pos: Pos): number[] {
  return result.calls
    .filter((c) => inAnalyzedFile(c.range, result) && rangeContains(c.range, pos))
    .sort((a, b) => rangeSize(a.range) - rangeSize(b.range))
    .map((c) => c.id);
}

/** Calls on the cursor's line when none contains the cursor itself (cursor at the start of `x = shared(x)`). */
export function callsUnderCursor(result: AnalysisResult, pos: Pos): number[] {
  const inside = callsAt(result, pos);
  if (inside.length > 0) return inside;
  return result.calls.filter((c) => inAnalyzedFile(c.range, result) && c.range.line - 1 <= pos.line && pos.line <= c.range.endLine - 1).map((c) => c.id);
}

/** Identifier characters of Python and JS (no `$` in Python, harmless to accept). */
const IDENT = /[A-Za-z_$][\w$]*/y;

/** The identifier touching a 0-based character of a line, with its start column. */
export function identifierAt(lineText: string, character: number): { name: string; start: number } | null {
  let start = Math.min(character, lineText.length);
  while (start > 0 && /[\w$]/.test(lineText[start - 1])) start--;
  IDENT.lastIndex = start;
  const m = IDENT.exec(lineText);
  if (!m || start + m[0].length < character) return null;
  if (/^\d/.test(m[0])) return null;
  return { name: m[0], start };
}

/** The layer whose constructor call contains the position (innermost), e.g. the cursor on `Dense` in `Dense(5)(x)`. */
export function layerCreatedAt(result: AnalysisResult, pos: Pos): LayerIR | undefined {
  return result.layers
    .filter((l) => !l.op && inAnalyzedFile(l.range, result) && rangeContains(l.range, pos))
    .sort((a, b) => rangeSize(a.range) - rangeSize(b.range))[0];
}

/** The layer object a variable names at a position: the latest layer bound to that name created before it. */
export function layerNamed(result: AnalysisResult, name: string, pos: Pos): LayerIR | undefined {
  const candidates = result.layers.filter((l) => l.variable === name);
  if (candidates.length <= 1) return candidates[0];
  const before = candidates.filter((l) => l.range.line - 1 <= pos.line);
  return (before.length ? before : candidates).reduce((a, b) => (b.range.start > a.range.start ? b : a));
}

/** An assignment `name = …` (Python) or `let/const/var name = …` / `name = …` (JS) found in the text. */
interface Assignment {
  line: number; // 0-based
  /** 0-based column just after the `=`. */
  rhsColumn: number;
  /** 0-based column where the name starts. */
  nameColumn: number;
}

function assignmentsOf(lines: readonly string[], name: string): Assignment[] {
  const escaped = name.replace(/\$/g, '\\$');
  // Optional declaration keyword, optional TS type annotation; `==`, `=>` and `+=`-style updates are not bindings.
  const re = new RegExp(`^(\\s*(?:(?:let|const|var)\\s+)?)(${escaped})\\s*(?::[^=]+)?=(?![=>])`);
  const out: Assignment[] = [];
  lines.forEach((text, line) => {
    const m = re.exec(text);
    if (m) out.push({ line, nameColumn: m[1].length, rhsColumn: m[0].length });
  });
  return out;
}

/** The call an assignment's right-hand side is: the outermost call starting on that line after the `=`. */
function callAssignedAt(result: AnalysisResult, a: Assignment): CallIR | undefined {
  const line1 = a.line + 1;
  const col1 = a.rhsColumn + 1;
  const onLine = result.calls.filter((c) => c.range.line === line1 && c.range.column >= col1);
  if (onLine.length === 0) return undefined;
  return onLine.reduce((best, c) =>
    c.range.column < best.range.column || (c.range.column === best.range.column && rangeSize(c.range) > rangeSize(best.range)) ? c : best,
  );
}

/** The tensor a variable holds where it is used: the latest assignment of that name before this line, or this line's
 *  assignment when the cursor is on its left-hand side. Undefined when the assignment is not a layer call. */
export function tensorForVariable(
  result: AnalysisResult,
  lines: readonly string[],
  name: string,
  pos: Pos,
): { tensorId: number; call: CallIR } | undefined {
  const assignments = assignmentsOf(lines, name);
  let reaching: Assignment | undefined;
  for (const a of assignments) {
    const onLeftSide = a.line === pos.line && pos.character <= a.nameColumn + name.length;
    if (a.line < pos.line || onLeftSide) reaching = a;
  }
  if (!reaching) return undefined;
  const call = callAssignedAt(result, reaching);
  if (!call || call.outputs.length === 0) return undefined;
  return { tensorId: call.outputs[0], call };
}
