// Rewrites a JSON document built from a notebook's analysis (`summary --json`, `train --json`) so that every range
// in the notebook itself names its cell: `cell` (0-based among all cells, markdown included) beside `line` and
// `endLine` counted within that cell, 1-based like every other range. Columns need no change (program.ts keeps them).
// Ranges in imported project files carry `file` and are left as they are.

import { spanAtLine, type NotebookProgram } from './program';

export function cellJson<T>(doc: T, program: NotebookProgram): T {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const o = value as Record<string, unknown>;
    if (typeof o.line === 'number' && !('file' in o)) {
      const span = spanAtLine(program, o.line);
      if (span) {
        o.cell = span.cell;
        o.line = o.line - span.firstLine + 1;
        if (typeof o.endLine === 'number') o.endLine = Math.max(1, o.endLine - span.firstLine + 1);
      }
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'config' && typeof v === 'object') visit(v);
  };
  visit(doc);
  return doc;
}
