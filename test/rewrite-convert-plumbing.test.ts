// The plumbing every rewrite goes through: the analysis process answers a rewrite request from the analysis of the
// same text (reused, not redone) and names back the diagnostics the editor sent by code and offsets; an answer to a
// rewrite's question becomes the file's shape spelling; `layergraph convert` validates its command line.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { run, type CliIo } from '../src/cli/main';
import { answer, answerRewrites, matchDiagnostics, respond } from '../src/extension/analysisWorker';
import { fillAnswer } from '../src/rewrite';
import type { Rewrite } from '../src/rewrite/types';

const SHARED = `import keras
from keras import layers
inputs = keras.Input(shape=(5,))
d = layers.Dense(10)
x = d(inputs)
y = d(x)
model = keras.Model(inputs, y)
`;

describe('rewrite requests in the analysis process', () => {
  it('answers with rewrites and refusals, not an analysis, when the request names a range', () => {
    const r = respond({ id: 7, text: SHARED, fileName: '/tmp/a.py', version: 1, rewrite: { start: 0, end: 0, diagnostics: [] } });
    assert.equal(r.id, 7);
    assert.ok(r.ok && 'rewrites' in r, JSON.stringify(r));
    assert.ok(Array.isArray(r.rewrites.rewrites) && Array.isArray(r.rewrites.refusals));
    assert.ok(!('result' in r));
  });

  it('reuses the analysis it just made for the same text and version', () => {
    const request = { id: 1, text: SHARED, fileName: '/tmp/b.py', version: 3 };
    const first = answer(request);
    const again = answer({ ...request, id: 2 });
    assert.ok(first.ok && again.ok);
    assert.equal(again.result, first.result, 'the same object: not analyzed twice');
    const edited = answer({ ...request, id: 3, text: SHARED + '\n' });
    assert.ok(edited.ok);
    assert.notEqual(edited.result, first.result);
  });

  it('names back the analysis diagnostics the editor sent (code and offsets), and only those', () => {
    const analysis = answer({ id: 1, text: SHARED, fileName: '/tmp/c.py', version: 1 });
    assert.ok(analysis.ok);
    const error = analysis.result.diagnostics.find((d) => d.code === 'shared-layer-input');
    assert.ok(error, 'the seed error is there');
    const named = matchDiagnostics(analysis.result, [
      { code: error.code, start: error.range.start, end: error.range.end },
      { code: error.code, start: error.range.start + 1, end: error.range.end },
      { code: 'unused-input', start: error.range.start, end: error.range.end },
    ]);
    assert.deepEqual(named, [error]);
    const r = answerRewrites({ id: 2, text: SHARED, fileName: '/tmp/c.py', version: 1, rewrite: { start: error.range.start, end: error.range.end, diagnostics: [] } });
    assert.ok(r.ok);
  });

  it('answers a request for a file that is not even code without throwing', () => {
    const r = respond({ id: 1, text: '\u0000)))(((', fileName: '/tmp/d.py', version: 1, rewrite: { start: 3, end: 1, diagnostics: [{ code: 'x', start: -1, end: 1e9 }] } });
    assert.equal(r.ok, true);
  });
});

describe('fillAnswer: the user’s input shape in the file’s spelling', () => {
  const rewrite: Rewrite = {
    title: 'Convert to functional API',
    kind: 'refactor.rewrite',
    edits: [{ file: 0, start: 0, end: 3, newText: 'inputs = keras.Input(shape=@@SHAPE@@)' }],
    ask: { kind: 'shape', prompt: 'Input shape', placeholder: '@@SHAPE@@', reason: 'the input shape is unknown' },
  };
  it('writes a Python tuple (one dimension with its trailing comma) and a JS array', () => {
    const one = fillAnswer(rewrite, '784', 'python');
    assert.ok(!('error' in one));
    assert.equal(one.edits[0].newText, 'inputs = keras.Input(shape=(784,))');
    assert.equal(one.ask, undefined);
    const three = fillAnswer(rewrite, '(28, 28, 1)', 'python');
    assert.ok(!('error' in three));
    assert.equal(three.edits[0].newText, 'inputs = keras.Input(shape=(28, 28, 1))');
    const js = fillAnswer(rewrite, '[None, 8,]', 'typescript');
    assert.ok(!('error' in js));
    assert.equal(js.edits[0].newText, 'inputs = keras.Input(shape=[null, 8])');
  });
  it('says why an answer is not a shape', () => {
    for (const bad of ['', '0', '28, x', '-1', '1.5', '28;28', '()']) {
      const r = fillAnswer(rewrite, bad, 'python');
      assert.ok('error' in r, `'${bad}' must be refused`);
    }
  });
});

describe('layergraph convert: the command line', () => {
  function cli(argv: string[], files: Record<string, string> = {}) {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      readFile: (f) => {
        if (!(f in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
        return files[f];
      },
    };
    return { code: run(argv, io), stdout, stderr };
  }
  it('needs --to and exactly one file', () => {
    assert.equal(cli(['convert', 'a.py']).code, 2);
    assert.match(cli(['convert', 'a.py']).stderr, /--to must be 'functional' or 'sequential'/);
    assert.match(cli(['convert', 'a.py', '--to', 'graph']).stderr, /not 'graph'/);
    assert.equal(cli(['convert', '--to', 'functional']).code, 2);
    assert.equal(cli(['convert', 'a.py', 'b.py', '--to', 'functional']).code, 2);
    assert.equal(cli(['convert', 'missing.py', '--to', 'functional']).code, 2);
  });
  it('refuses --to and --input-shape on other commands', () => {
    const r = cli(['check', 'a.py', '--to', 'functional'], { 'a.py': SHARED });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--to is only valid with 'convert'/);
  });
  it('exits 1 with the reason when nothing can be converted', () => {
    const r = cli(['convert', 'a.py', '--to', 'sequential'], { 'a.py': 'x = 1\n' });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /a\.py: cannot convert to Sequential: /);
  });
});
