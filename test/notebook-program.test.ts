// Notebooks below the analysis: nbformat parsing (sources as strings or line lists, outputs skipped, malformed and
// legacy files, kernel languages), IPython lowering (same length, magics/shell/help lines gone, cell magics), and
// the program the code cells make: every program position maps back to the same character of its cell, and the
// lowering cache lowers only an edited cell again.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { lowerIPython } from '../src/notebook/ipython';
import { isForeignKernel, NotebookFormatError, parseNotebook, type NotebookCell } from '../src/notebook/nbformat';
import { assembleProgram, LoweringCache, rangeInCell, toCellOffset, toCellPosition } from '../src/notebook/program';

function notebook(cells: { cell_type: string; source: unknown; outputs?: unknown[] }[], language = 'python'): string {
  return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { language, name: 'k', display_name: 'k' } }, cells });
}

describe('parseNotebook', () => {
  it('reads sources given as one string or as a list of lines, and indexes every cell', () => {
    const nb = parseNotebook(
      notebook([
        { cell_type: 'markdown', source: ['# Title\n', 'text'] },
        { cell_type: 'code', source: ['import keras\n', 'x = 1'] },
        { cell_type: 'raw', source: 'raw' },
        { cell_type: 'code', source: 'y = 2\n' },
      ]),
    );
    assert.deepEqual(
      nb.cells.map((c) => [c.index, c.kind, c.source]),
      [
        [0, 'markdown', '# Title\ntext'],
        [1, 'code', 'import keras\nx = 1'],
        [2, 'raw', 'raw'],
        [3, 'code', 'y = 2\n'],
      ],
    );
    assert.equal(nb.language, 'python');
  });

  it('skips outputs of megabytes without reading them into any cell', () => {
    const huge = 'A'.repeat(5_000_000);
    const nb = parseNotebook(notebook([{ cell_type: 'code', source: 'x = 1', outputs: [{ output_type: 'display_data', data: { 'image/png': huge } }] }]));
    assert.equal(nb.cells[0].source, 'x = 1');
  });

  it('says why a truncated, non-object or legacy file is not a notebook', () => {
    const full = notebook([{ cell_type: 'code', source: 'x = 1' }]);
    assert.throws(() => parseNotebook(full.slice(0, full.length / 2)), (e: Error) => e instanceof NotebookFormatError && /malformed JSON/.test(e.message));
    assert.throws(() => parseNotebook('[1, 2]'), /not an object/);
    assert.throws(() => parseNotebook('{"nbformat": 3, "worksheets": []}'), /only nbformat 4/);
    assert.throws(() => parseNotebook('{"nbformat": 4}'), /no "cells" list/);
  });

  it('tells Python kernels from R and Julia ones', () => {
    assert.equal(parseNotebook(notebook([], 'R')).language, 'r');
    assert.equal(isForeignKernel('r'), true);
    assert.equal(isForeignKernel('julia'), true);
    assert.equal(isForeignKernel('python'), false);
    assert.equal(isForeignKernel('python3'), false);
    assert.equal(isForeignKernel(undefined), false);
  });
});

describe('lowerIPython', () => {
  const cases: [string, string][] = [
    ['%matplotlib inline\nx = 1', '                  \nx = 1'],
    ['!pip install -q keras\r\ny = 2', '                     \r\ny = 2'],
    ['if True:\n    !ls\n    x = 1', 'if True:\n       \n    x = 1'],
    ['files = !ls data', 'files = None    '],
    ['t = !ls', 't = 0  '],
    ['keras.layers.Dense?\n??keras.Model\nobj??', '                   \n             \n     '],
    ['%%time\nx = 1', '      \nx = 1'],
    ['%%bash\npip install keras\necho done', '      \n                 \n         '],
    ['%%writefile m.py\ndef (((', '                \n       '],
    ['x = 5 % 3\ny = "!"', 'x = 5 % 3\ny = "!"'],
    ['model.summary();', 'model.summary();'],
  ];
  for (const [source, expected] of cases) {
    it(`lowers ${JSON.stringify(source)}`, () => {
      const lowered = lowerIPython(source);
      assert.equal(lowered, expected);
      assert.equal(lowered.length, source.length);
    });
  }
});

describe('assembleProgram', () => {
  const cells: NotebookCell[] = [
    { index: 0, kind: 'markdown', source: '# not code\n' },
    { index: 1, kind: 'code', source: 'import keras\n%matplotlib inline' },
    { index: 2, kind: 'code', source: 'a = 1\n\nb = 2\n' },
    { index: 3, kind: 'raw', source: 'raw' },
    { index: 4, kind: 'code', source: '' },
    { index: 5, kind: 'code', source: 'c = a +\\\r\n  b' },
  ];
  const program = assembleProgram(cells);

  it('joins only the code cells, each on its own lines', () => {
    assert.equal(program.text, 'import keras\n' + ' '.repeat('%matplotlib inline'.length) + '\na = 1\n\nb = 2\n\n\nc = a +\\\r\n  b\n');
    assert.deepEqual(program.spans.map((s) => s.cell), [1, 2, 4, 5]);
  });

  it('maps every character of every code cell back to its cell, line and column', () => {
    for (const span of program.spans) {
      const source = cells[span.cell].source;
      const lowered = lowerIPython(source);
      let line = 1;
      let column = 1;
      for (let i = 0; i < source.length; i++) {
        // Find the program position of cell offset i by its program offset, then check both mappings agree.
        const programOffset = span.start + i;
        assert.equal(program.text[programOffset], lowered[i]);
        assert.deepEqual(toCellOffset(program, programOffset), { cell: span.cell, offset: i });
        const programLine = span.firstLine + line - 1;
        assert.deepEqual(toCellPosition(program, programLine, column), { cell: span.cell, line, column });
        if (source[i] === '\n' || (source[i] === '\r' && source[i + 1] !== '\n')) {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
    }
    assert.equal(toCellPosition(program, 999, 1), undefined);
  });

  it('lowers again only the cell whose content changed', () => {
    const many: NotebookCell[] = Array.from({ length: 60 }, (_, i) => ({ index: i, kind: 'code', source: `x${i} = ${i}\n%time f()` }));
    const cache = new LoweringCache();
    assembleProgram(many, cache);
    assert.equal(cache.misses, 60);
    const edited = many.map((c) => (c.index === 30 ? { ...c, source: 'x30 = 31' } : c));
    const again = assembleProgram(edited, cache);
    assert.equal(cache.misses, 61);
    assert.equal(cache.hits, 59);
    assert.match(again.text, /x30 = 31\n/);
  });
});

describe('rangeInCell', () => {
  const cells: NotebookCell[] = [
    { index: 0, kind: 'code', source: 'a = 1\nb = (' },
    { index: 1, kind: 'markdown', source: 'text' },
    { index: 2, kind: 'code', source: '  2)\nc = b' },
  ];
  const program = assembleProgram(cells);
  it('places a range in its cell with 0-based lines and characters', () => {
    assert.deepEqual(rangeInCell(program, { line: 4, column: 1, endLine: 4, endColumn: 6 }), { cell: 2, startLine: 1, startCharacter: 0, endLine: 1, endCharacter: 5 });
  });
  it('ends a range that runs into the next cell at its own cell', () => {
    assert.deepEqual(rangeInCell(program, { line: 2, column: 5, endLine: 3, endColumn: 5 }), { cell: 0, startLine: 1, startCharacter: 4, endLine: 1, endCharacter: 4 });
  });
});
