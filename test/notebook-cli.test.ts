// `layergraph` on .ipynb files, with the real analyzer: `check` prints `path:cell N:line:col` (N from 1 among all
// cells), `summary --json` ranges carry the 0-based `cell` with line/column within it, a directory includes its
// notebooks, malformed JSON is a usage error with the reason, an R/Julia notebook is one note and no diagnostics,
// and a trainer error's line names its cell.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { run, runAsync, type CliIo } from '../src/cli/main';
import { TrainError } from '../src/train/client';
import type { TrainRequest } from '../src/train/protocol';

const FIXTURES = path.relative(process.cwd(), path.resolve(__dirname, '../../test/fixtures/notebooks'));

function io(extra: Partial<CliIo> = {}) {
  const out = { stdout: '', stderr: '' };
  const value: CliIo = { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) }, ...extra };
  return { io: value, out };
}

describe('layergraph check notebook.ipynb', () => {
  it('prints the shared-layer error at the cell, line and column of the second call', () => {
    const { io: cli, out } = io();
    const file = path.join(FIXTURES, 'tutorial.ipynb');
    assert.equal(run(['check', file], cli), 1);
    const lines = out.stdout.trim().split('\n');
    assert.match(lines[0], new RegExp(`^${file.replace(/[.\\/]/g, '\\$&')}:cell 15:1:6: error: Input 0 of layer "dense_3" is incompatible .* \\[shared-layer-input\\]$`));
    assert.match(lines[1], /:cell 14:3:6: note: dense_3 was first called here/);
  });

  it('is clean on notebooks without errors', () => {
    for (const name of ['transfer.ipynb', 'gan.ipynb', 'magics.ipynb']) {
      const { io: cli, out } = io();
      assert.equal(run(['check', path.join(FIXTURES, name)], cli), 0, name);
      assert.equal(out.stdout.match(/error:/g), null, name);
    }
  });

  it('reads the notebooks of a directory beside its .py files', () => {
    const { io: cli, out } = io();
    run(['check', FIXTURES], cli);
    assert.match(out.stdout, /tutorial\.ipynb:cell 15:1:6: error/);
    assert.match(out.stderr, /julia\.ipynb: note: the notebook's kernel language is julia/);
  });

  it('says why a truncated notebook cannot be read, and exits 2', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'gan.ipynb'), 'utf8');
    const { io: cli, out } = io({ readFile: () => text.slice(0, text.length - 40) });
    assert.equal(run(['check', 'broken.ipynb'], cli), 2);
    assert.match(out.stderr, /^layergraph: broken\.ipynb: not a valid notebook: malformed JSON \(/);
    assert.equal(out.stdout, '');
  });

  it('says once that a Julia notebook is not analyzed, with no diagnostics', () => {
    const { io: cli, out } = io();
    assert.equal(run(['check', path.join(FIXTURES, 'julia.ipynb')], cli), 0);
    assert.equal(out.stdout, '');
    assert.equal(out.stderr.trim().split('\n').length, 1);
  });
});

describe('layergraph summary --json notebook.ipynb', () => {
  it('gives every range of the notebook its cell, with line and column within that cell', () => {
    const { io: cli, out } = io();
    assert.equal(run(['summary', '--json', path.join(FIXTURES, 'tutorial.ipynb')], cli), 0);
    const doc = JSON.parse(out.stdout);
    const [d] = doc.diagnostics;
    assert.deepEqual([d.cell, d.line, d.column, d.endLine], [14, 1, 6, 1]);
    assert.deepEqual(d.related.map((r: { cell: number; line: number; column: number }) => [r.cell, r.line, r.column]), [[13, 3, 6], [13, 3, 6]]);
    const chain = doc.models.find((m: { variable: string }) => m.variable === 'chain');
    assert.deepEqual([chain.cell, chain.line], [4, 2]);
    const dense = chain.layers.find((l: { className: string }) => l.className === 'Dense');
    assert.deepEqual([dense.cell, dense.line, dense.calls[0].cell, dense.calls[0].line, dense.calls[0].column], [3, 2, 3, 2, 5]);
  });
});

describe('layergraph train notebook.ipynb', () => {
  it('names the cell of the line a trainer error points at', async () => {
    const { io: cli, out } = io({
      train: async (request: TrainRequest) => {
        assert.ok(request.analysis.models.some((m) => m.variable === 'chain'));
        throw new TrainError('cannot feed it', 'data', 'dense', 3);
      },
    });
    assert.equal(await runAsync(['train', path.join(FIXTURES, 'tutorial.ipynb')], cli), 1);
    // Program line 3 is the third line of the first code cell, cell 1 (0-based), printed 1-based as cell 2.
    assert.match(out.stderr, /tutorial\.ipynb:cell 2:3: cannot train: cannot feed it/);
  });
});
