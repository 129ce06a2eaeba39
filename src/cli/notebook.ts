// The CLI's side of notebooks (.ipynb): where a diagnostic is printed and how JSON ranges name their cell. A
// position is printed `notebook.ipynb:cell 3:4:7` — the cell numbered from 1 among ALL cells, as VS Code's notebook
// editor and Jupyter count them on screen ("Cell 3 of 10"), then line and column within that cell; `--json` carries
// the 0-based `cell` index instead, as nbformat's `cells` array counts. It does not analyze (src/notebook does).

import type { Diagnostic, SourceRange } from '../graph/ir';
import { toCellPosition, type NotebookProgram } from '../notebook/program';

/** `cell N:line:col` for a range of the notebook itself; undefined for a range in another file. */
export function cellLocation(program: NotebookProgram, range: Pick<SourceRange, 'file' | 'line' | 'column'>): string | undefined {
  if (range.file) return undefined;
  const p = toCellPosition(program, range.line, range.column);
  return p ? `cell ${p.cell + 1}:${p.line}:${p.column}` : undefined;
}

/** The program line of a trainer error, as `cell N:line`. */
export function cellLine(program: NotebookProgram, line: number): string {
  const p = toCellPosition(program, line, 1);
  return p ? `cell ${p.cell + 1}:${p.line}` : String(line);
}

export type RangeOf = (r: Diagnostic['range']) => string | undefined;
