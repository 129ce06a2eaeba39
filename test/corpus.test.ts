// The real-world corpus: each program in test/corpus/{python,tfjs} is analyzed and its models compared
// with test/corpus/expected/<name>.json; the expectation itself is checked against TF.js building the program for
// real (TS/JS: the program's own text; Python: its TF.js twin, by position/class, Keras names derived from TF.js's).
// Programs the analyzer does not get right yet may wait in test/corpus/pending/ (same layout); they are not run.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { diskWorkspace } from '../src/analysis/workspace';
import { analyzerRows, buildInChild, builtRows, CORPUS, corpusEntries, diagnosticLines, expectedForTwin, kerasClass } from './support/corpus';

const entries = corpusEntries();
// Start every TF.js build at once (child processes, a few at a time); each test awaits its own.
const builds = new Map(entries.map(({ name, expected: e }) => {
  const p = e.twin
    ? buildInChild('twin', join(CORPUS, e.twin), e.models.map((m) => m.variable))
    : buildInChild('program', join(CORPUS, e.program), e.models.map((m) => m.variable));
  p.catch(() => undefined); // reported by the test that awaits it
  return [name, p] as const;
}));

describe('corpus', () => {
  it('has at least 20 programs per language', () => {
    const all = entries.map((e) => e.expected.program);
    assert.ok(all.filter((p) => p.startsWith('python/')).length >= 20);
    assert.ok(all.filter((p) => p.startsWith('tfjs/')).length >= 20);
  });

  for (const { name, expected } of entries) {
    it(`${expected.program}`, async () => {
      const file = join(CORPUS, expected.program);
      // multi-file programs import their helpers as the CLI reads them
      const r = analyzeText(readFileSync(file, 'utf8'), file, { workspace: diskWorkspace(CORPUS) });
      assert.deepEqual(diagnosticLines(r), expected.diagnostics, 'diagnostics');
      for (const e of expected.models) {
        const m = r.models.find((x) => x.name === e.name);
        assert.ok(m, `analyzer found no model named ${e.name}; has ${r.models.map((x) => x.name).join(', ')}`);
        assert.deepEqual(analyzerRows(r, m), e.layers, `${e.name}: layers`);
        assert.deepEqual([m.totalParams, m.trainableParams, m.nonTrainableParams], [e.total, e.trainable, e.nonTrainable], `${e.name}: totals`);
      }

      const built = await builds.get(name)!;
      for (const e of expected.models) {
        const b = built.find((x) => x.binding === e.variable)!;
        if (expected.twin) {
          const want = expectedForTwin(e);
          assert.deepEqual(builtRows(b, true, e.twinSkip), want.rows, `${e.name}: TF.js twin layers`);
          assert.deepEqual([b.total, b.trainable, b.nonTrainable], [want.total, want.trainable, want.nonTrainable], `${e.name}: TF.js twin totals`);
          assert.equal(e.twinClassName ?? e.className, kerasClass(b.className));
        } else {
          assert.equal(b.name, e.name);
          assert.equal(kerasClass(b.className), e.className);
          assert.deepEqual(builtRows(b, false), e.layers, `${e.name}: TF.js layers`);
          assert.deepEqual([b.total, b.trainable, b.nonTrainable], [e.total, e.trainable, e.nonTrainable], `${e.name}: TF.js totals`);
        }
      }
    });
  }
});
