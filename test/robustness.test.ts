// Half-typed code is the normal case: every prefix of every example (cut at each line and at random characters)
// is analyzed without an exception and within the fuel budget; hostile programs end with a clear note.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { fuelFor } from '../src/analysis/eval/interpreter';
import { rng } from './support/tfjsOracle';
import { ROOT } from './support/analysis';

function examples(): string[] {
  const out: string[] = [];
  for (const dir of ['python', 'tfjs']) for (const f of readdirSync(join(ROOT, 'examples', dir))) out.push(join(ROOT, 'examples', dir, f));
  return out;
}

function check(text: string, file: string): void {
  const r = analyzeText(text, file);
  assert.ok(r.stats.fuelUsed <= fuelFor(text), `${file}: fuel ${r.stats.fuelUsed}`);
  assert.ok(!r.diagnostics.some((d) => d.code === 'internal-error'), `${file} @${text.length}: ${JSON.stringify(r.diagnostics.find((d) => d.code === 'internal-error'))}`);
  for (const d of r.diagnostics) assert.ok(d.range.start >= 0 && d.range.end <= text.length, `${file}: range out of text`);
  JSON.stringify(r); // the IR must stay serializable
}

describe('every prefix of every example analyzes cleanly', () => {
  for (const file of examples()) {
    it(file.slice(ROOT.length + 1), () => {
      const text = readFileSync(file, 'utf8');
      const r = rng(text.length);
      const cuts = new Set<number>();
      for (let i = 0; i <= text.length; i++) if (text[i] === '\n') cuts.add(i);
      for (let i = 0; i < 80; i++) cuts.add(r.int(0, text.length));
      for (const cut of cuts) check(text.slice(0, cut), file);
      // and with a random character removed or doubled (typos in the middle)
      for (let i = 0; i < 40; i++) {
        const k = r.int(0, text.length - 1);
        check(text.slice(0, k) + text.slice(k + 1), file);
        check(text.slice(0, k) + text[k] + text.slice(k), file);
      }
    });
  }
});

describe('hostile programs end within the budget with a note', () => {
  const cases: [string, string][] = [
    ['endless.py', 'while True:\n    x = 1\n'],
    ['recursion.py', 'def f(n):\n    return f(n + 1)\nf(0)\n'],
    ['big_loop.py', 'from keras import layers\nfor i in range(10**5):\n    layers.Dense(i)\n'],
    ['nested.py', 'x = ' + '['.repeat(5000) + ']'.repeat(5000) + '\n'],
    ['endless.ts', 'for (;;) { let x = 1; }\n'],
    ['recursion.js', 'function f(n) { return f(n + 1); }\nf(0);\n'],
    ['nested.ts', 'const x = ' + '('.repeat(5000) + '1' + ')'.repeat(5000) + ';\n'],
  ];
  for (const [file, text] of cases) {
    it(file, () => {
      const r = analyzeText(text, file);
      assert.ok(r.stats.fuelUsed <= fuelFor(text));
      assert.ok(!r.diagnostics.some((d) => d.code === 'internal-error'), JSON.stringify(r.diagnostics));
      if (!file.startsWith('nested')) assert.ok(r.diagnostics.some((d) => d.code === 'analysis-limit'), `${file}: a note says where analysis stopped`);
    });
  }
  it('a loop that creates layers forever stops with an analysis-limit note where it stopped', () => {
    const text = 'from keras import layers, Input\nx = Input(shape=(4,))\nwhile True:\n    x = layers.Dense(4)(x)\n';
    const r = analyzeText(text, 'grow.py', { fuel: 20_000 });
    const note = r.diagnostics.find((d) => d.code === 'analysis-limit');
    assert.ok(note, 'a note says the analysis stopped');
    assert.equal(note.severity, 'information');
    assert.ok(note.range.line >= 3);
    assert.ok(r.layers.length > 10, 'what was built up to then is kept');
  });
});
