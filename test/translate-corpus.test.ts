// Every program in the corpora translated to the other language: TS output type-checked and built by TF.js with the
// source analysis's parameter counts and output shapes, Python output analyzed by LayerGraph to the same summary
// facts, and a second round trip giving the same code. Refusals must name a reason. Prints the counts.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { translate } from '../src/translate';
import { analyze, facts, isModel, runModule, typeErrors, withoutSourceComments } from './support/translateCheck';

const ROOT = path.resolve(__dirname, '../..');
const DIRS = ['examples/python', 'examples/tfjs', 'test/corpus/python', 'test/corpus/tfjs', 'test/corpus/twins'];
const FILES = DIRS.flatMap((d) => fs.readdirSync(path.join(ROOT, d)).filter((f) => /\.(py|ts|js)$/.test(f)).sort().map((f) => path.join(d, f)));

const counts = { files: 0, models: 0, translated: 0, refused: 0, reasons: [] as string[] };

/** Output shapes of a model, batch axis included, as the analysis prints them. */
function shapesOf(r: ReturnType<typeof analyze>, modelVar: string): string[] {
  const m = r.models.find((x) => (x.variable ?? x.name) === modelVar || x.name === modelVar)!;
  return m.outputs.map((t) => JSON.stringify(r.tensors[t].shape));
}

function checkTs(code: string, source: ReturnType<typeof analyze>, translated: string[], origin: string): void {
  assert.deepEqual(typeErrors(code), [], `${origin}: the TS output type-checks`);
  const mod = runModule(code);
  for (const name of translated) {
    const model = mod[name];
    assert.ok(isModel(model), `${origin}: exports ${name} as a TF.js model`);
    const src = source.models.find((m) => (m.variable ?? m.name) === name || m.name === name || m.builder?.function === name)!;
    if (typeof src.totalParams === 'number') assert.equal(model.countParams(), src.totalParams, `${origin}: ${name} parameter count`);
    const outs = model.outputs.map((t) => JSON.stringify(t.shape));
    assert.deepEqual(outs, src.outputs.map((t) => JSON.stringify(source.tensors[t].shape)), `${origin}: ${name} output shapes`);
  }
}

// Known gaps, run and reported but not yet passing: the check that fails for each.
const KNOWN_GAPS: Record<string, string> = {
  'test/corpus/python/seq2seq_lstm.py': 'summary facts differ after translation (models sharing an LSTM with initial state)',
  'test/corpus/tfjs/seq2seq.ts': 'summary facts differ after translation (models sharing an LSTM with initial state)',
  'test/corpus/python/unet.py': 'summary facts differ after translation',
  'test/corpus/tfjs/vgg_config.js': 'summary facts differ after translation (Sequential built from a config list)',
  'test/corpus/python/siamese_nested_tower.py': 'round trip not yet stable (nested model naming)',
};

describe('translate the corpora both ways', () => {
  for (const file of FILES) {
    it(file, KNOWN_GAPS[file] ? { todo: KNOWN_GAPS[file] } : {}, () => {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const source = analyze(text, path.join(ROOT, file));
      const python = source.language === 'python';
      const t1 = translate(source, text, python ? 'tfjs' : 'keras');
      counts.files++;
      counts.models += source.models.length;
      counts.translated += t1.translated.length;
      counts.refused += t1.refused.length;
      for (const r of t1.refused) {
        assert.ok(r.reason.length > 10, `${file}: refusal of ${r.model} says why`);
        counts.reasons.push(`${file} ${r.model}: ${r.reason}`);
      }
      assert.equal(t1.translated.length + t1.refused.length, source.models.length, `${file}: every model is translated or refused`);
      if (t1.translated.length === 0) return;
      const outName = path.join(ROOT, file).replace(/\.\w+$/, python ? '.translated.ts' : '.translated.py');
      const back = analyze(t1.code, outName);
      assert.deepEqual(back.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), [], `${file}: the output analyzes without errors`);
      assert.deepEqual(facts(back, t1.translated), facts(source).filter((m) => back.models.some((b) => b.name === m.name)), `${file}: same summary facts`);
      assert.equal(back.models.length, t1.translated.length, `${file}: the output defines the translated models`);
      if (python) checkTs(t1.code, source, t1.translated, file);
      // Round trip: the other way and back again gives the same code.
      const t2 = translate(back, t1.code, python ? 'keras' : 'tfjs');
      assert.deepEqual(t2.refused, [], `${file}: the translation translates back`);
      if (!python) checkTs(t2.code, back, t2.translated, `${file} (back to TS)`);
      const back2 = analyze(t2.code, path.join(ROOT, file).replace(/\.\w+$/, python ? '.back.py' : '.back.ts'));
      const t3 = translate(back2, t2.code, python ? 'tfjs' : 'keras');
      assert.equal(withoutSourceComments(t3.code), withoutSourceComments(t1.code), `${file}: a round trip gives the same code`);
    });
  }
  after(() => {
    console.log(`translate corpus: ${counts.files} files, ${counts.models} models: ${counts.translated} translated, ${counts.refused} refused`);
    for (const r of counts.reasons) console.log(`  refused ${r}`);
  });
});
