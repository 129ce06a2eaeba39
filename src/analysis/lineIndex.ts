// Offsets ↔ 1-based line/column (UTF-16 units, as VS Code and JS strings count them). One index per text.
// Built once per analysis; lookups are binary searches.

import type { SourceRange } from '../graph/ir';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1 };
  }

  /** A range in this text; `file` is the text's index in the analysis's file table (0: the analyzed file). */
  range(start: number, end: number, file = 0): SourceRange {
    const s = this.position(start);
    const e = this.position(Math.max(start, end));
    return { file, start, end: Math.max(start, end), line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  }
}
