// Files whose values blow up (bench/hostile.ts: repetition, doubling, copying, formatting, runaway loops and
// recursion, in Python and TS): each finishes without throwing, within the fuel, with the model written before the
// bomb still found and, where the analyzer models the value, one analysis-limit note saying where it stopped. Time and
// heap are printed, not asserted (`npm run bench -- worst` measures them). Then the size caps' edges: values just
// under a cap are still exact, strings are indexed and sliced by code point without being copied.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HOSTILE_CASES } from '../bench/hostile';
import { analyzeText } from '../src/analysis/analyze';
import { MAX_CHARS, MAX_ITEMS } from '../src/analysis/eval/builtins';
import { fuelFor } from '../src/analysis/eval/interpreter';
import type { AnalysisResult } from '../src/graph/ir';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// a collection before each measurement makes the heap delta mean something (node --test passes no --expose-gc)
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function measured(code: string, file: string): { r: AnalysisResult; ms: number; heapMB: number } {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t = performance.now();
  const r = analyzeText(code, file);
  const ms = performance.now() - t;
  return { r, ms, heapMB: (process.memoryUsage().heapUsed - heap0) / 2 ** 20 };
}

const notes = (r: AnalysisResult) => r.diagnostics.filter((d) => d.code === 'analysis-limit');

describe('hostile inputs finish, keep the model before the bomb, and say where they stopped', () => {
  for (const c of HOSTILE_CASES) {
    it(c.name, (t) => {
      const { r, ms, heapMB } = measured(c.code, c.file);
      t.diagnostic(`${ms.toFixed(1)} ms, heap ${heapMB >= 0 ? '+' : ''}${heapMB.toFixed(1)} MB, fuel ${r.stats.fuelUsed.toLocaleString('en-US')}`);
      assert.ok(r.stats.fuelUsed <= fuelFor(c.code), `fuel ${r.stats.fuelUsed}`);
      assert.deepEqual(r.diagnostics.filter((d) => d.code === 'internal-error'), []);
      assert.equal(r.models.length, 1, 'the model written before the bomb is found');
      assert.equal(r.models[0].layers.length, 2, 'with its input and its Dense layer');
      if (c.noted) {
        const bombLine = c.code.split('\n').findIndex((l) => /^(t = |v = |b = |c = |xs|s = |for|big|d = |def|while|let|const s|const xs|const a)/.test(l));
        assert.ok(notes(r).length >= 1, 'an analysis-limit note says where analysis stopped');
        for (const n of notes(r)) {
          assert.equal(n.severity, 'information');
          assert.ok(n.range.line > bombLine, `the note is at the bomb (line ${n.range.line}, bomb from ${bombLine + 1})`);
        }
      }
      JSON.stringify(r);
    });
  }
});

describe('size caps apply to results, and what fits is exact', () => {
  const denseUnits = (r: AnalysisResult) => r.layers.filter((l) => l.className === 'Dense').map((l) => l.config.units);
  const py = (body: string) => analyzeText(`from keras import layers\n${body}\n`, 'caps.py');

  it('a list just under the cap is built and counted; one element over is unknown with a note', () => {
    const under = py(`xs = [0] * ${MAX_ITEMS}\nlayers.Dense(len(xs))`);
    assert.deepEqual(denseUnits(under), [MAX_ITEMS]);
    assert.deepEqual(notes(under), []);
    const over = py(`xs = [0] * ${MAX_ITEMS} + [1]\nlayers.Dense(len(xs))`);
    assert.equal(notes(over).length, 1);
    assert.equal(notes(over)[0].range.line, 2);
    assert.match(notes(over)[0].message, /100,001 items \(the limit is 100,000\)/);
  });

  it('operands under the cap whose result is over it: the result is unknown, the operands stay known', () => {
    const r = py(`s = 'ab' * ${MAX_CHARS / 2}\nt = s * 2\nlayers.Dense(len(s) // 1000, name='d' + t[0])\nlayers.Dense(len(s) // 1000, name='e' + s[0])`);
    assert.equal(notes(r).length, 1);
    assert.equal(notes(r)[0].range.line, 3);
    assert.match(notes(r)[0].message, /2,000,000 characters/);
    assert.deepEqual(
      r.layers.filter((l) => l.className === 'Dense').map((l) => [l.config.units, l.name]),
      [
        [1000, 'dense'],
        [1000, 'ea'],
      ],
    );
  });

  it('copying work costs fuel: one step no longer hides a 100,000-element copy', () => {
    const small = py('b = [0] * 10');
    const big = py('b = [0] * 100000');
    assert.ok(big.stats.fuelUsed - small.stats.fuelUsed >= 99_990, `fuel ${small.stats.fuelUsed} vs ${big.stats.fuelUsed}`);
  });

  it('strings are indexed and sliced by code point, in place', () => {
    const names = (body: string) => py(body).layers.map((l) => l.name);
    assert.deepEqual(names(`t = 'abc' * 3\nlayers.Dense(1, name=t[4] + t[-1] + t[1:7:2] + t[::-3])`), ['bcbacccc']);
    // a surrogate pair is one character to Python
    assert.deepEqual(names(`t = '\u{1F600}ab'\nlayers.Dense(1, name=t[1] + t[-1] + t[1:])`), ['abab']);
    assert.deepEqual(names(`t = 'abc'\nlayers.Dense(1, name=t[5:1] + t[-10:2] + 'x')`), ['abx']);
  });

  it('a list nested in itself renders only until the character cap', () => {
    const r = py(`xs = [0]\nfor i in range(60):\n    xs = [xs, xs]\ns = str(xs)\nlayers.Dense(3)`);
    assert.deepEqual(denseUnits(r), [3]);
    assert.equal(notes(r).length, 1);
    assert.equal(notes(r)[0].range.line, 5);
  });

  it('TS: repeat, padStart and concat are modeled within the caps', () => {
    const r = analyzeText(
      `import * as tf from '@tensorflow/tfjs';\nconst s = 'ab'.repeat(3).padStart(8, '-');\nconst xs = [1, 2].concat([3], [4, 5]);\ntf.layers.dense({ units: xs.length, name: s });\nconst t = 'x'.repeat(${MAX_CHARS + 1});\n`,
      'caps.ts',
    );
    assert.deepEqual(
      r.layers.map((l) => [l.name, l.config.units]),
      [['--ababab', 5]],
    );
    assert.equal(notes(r).length, 1);
    assert.equal(notes(r)[0].range.line, 5);
  });
});
