// Joins a notebook's code cells, in document order (the order "Run All" takes), into one Python program, and maps
// every program position back to (cell, line, column) within that cell. Each cell starts on a fresh line and keeps
// its length after IPython lowering, so a column never changes and a line moves by the cell's first line only.
// Markdown and raw cells contribute nothing. Lowering is cached by cell content: after one cell is edited only that
// cell is lowered again. It does not analyze (analyze.ts does).

import { lowerIPython } from './ipython';
import type { NotebookCell } from './nbformat';

export interface CellSpan {
  /** The cell's index among all the notebook's cells (markdown included), 0-based. */
  cell: number;
  /** Offset of the cell's first character in the program. */
  start: number;
  /** Offset just past the cell's text (before the newline the program adds between cells). */
  end: number;
  /** The program line (1-based) of the cell's first line. */
  firstLine: number;
  lineCount: number;
}

export interface CellPosition {
  cell: number;
  /** 1-based, within the cell. */
  line: number;
  column: number;
}

export interface NotebookProgram {
  text: string;
  spans: CellSpan[];
}

/** Lowered text per cell source. Bounded: a long editing session must not keep every version of every cell. */
export class LoweringCache {
  private readonly lowered = new Map<string, string>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 2000) {}

  lower(source: string): string {
    const cached = this.lowered.get(source);
    if (cached !== undefined) {
      this.hits++;
      return cached;
    }
    this.misses++;
    const text = lowerIPython(source);
    if (this.lowered.size >= this.capacity) this.lowered.clear();
    this.lowered.set(source, text);
    return text;
  }
}

export function assembleProgram(cells: readonly NotebookCell[], cache: LoweringCache = new LoweringCache()): NotebookProgram {
  const parts: string[] = [];
  const spans: CellSpan[] = [];
  let offset = 0;
  let line = 1;
  for (const c of cells) {
    if (c.kind !== 'code') continue;
    const text = cache.lower(c.source);
    const lineCount = countLines(text);
    spans.push({ cell: c.index, start: offset, end: offset + text.length, firstLine: line, lineCount });
    parts.push(text, '\n');
    offset += text.length + 1;
    line += lineCount;
  }
  return { text: parts.join(''), spans };
}

/** Lines the cell occupies once followed by the program's newline: "a\nb" is 2, "a\nb\n" is 3 (its last empty). */
function countLines(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** The span for which `where` says 0 (inside), by binary search over spans in program order (-1: before it). */
function findSpan(program: NotebookProgram, where: (s: CellSpan) => -1 | 0 | 1): CellSpan | undefined {
  const { spans } = program;
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const side = where(spans[mid]);
    if (side === 0) return spans[mid];
    if (side < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  return undefined;
}

/** The cell holding a program line; undefined outside every cell. */
export function spanAtLine(program: NotebookProgram, line: number): CellSpan | undefined {
  return findSpan(program, (s) => (line < s.firstLine ? -1 : line >= s.firstLine + s.lineCount ? 1 : 0));
}

export function toCellPosition(program: NotebookProgram, line: number, column: number): CellPosition | undefined {
  const span = spanAtLine(program, line);
  return span ? { cell: span.cell, line: line - span.firstLine + 1, column } : undefined;
}

/** The cell and the offset within it of a program offset (for editors that address a cell by offset). */
export function toCellOffset(program: NotebookProgram, offset: number): { cell: number; offset: number } | undefined {
  const s = findSpan(program, (x) => (offset < x.start ? -1 : offset > x.end ? 1 : 0));
  return s ? { cell: s.cell, offset: offset - s.start } : undefined;
}

/** A program range as the cell's editor places it (0-based lines and characters, as VS Code counts); a range that
 *  runs past its cell (an unclosed bracket continued in the next cell) ends at its cell's last line. */
export function rangeInCell(program: NotebookProgram, r: { line: number; column: number; endLine: number; endColumn: number }): { cell: number; startLine: number; startCharacter: number; endLine: number; endCharacter: number } | undefined {
  const span = spanAtLine(program, r.line);
  if (!span) return undefined;
  const last = span.firstLine + span.lineCount - 1;
  const endLine = Math.min(Math.max(r.endLine, r.line), last);
  const endColumn = endLine === r.endLine ? r.endColumn : r.column;
  return { cell: span.cell, startLine: r.line - span.firstLine, startCharacter: r.column - 1, endLine: endLine - span.firstLine, endCharacter: Math.max(0, endColumn - 1) };
}
