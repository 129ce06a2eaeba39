// Incremental parsing of an edited Python file gives exactly what a full parse gives: the lowering of the reused tree
// is compared with a fresh parse's after each of a few hundred seeded random edits (insertions, deletions and
// replacements, half-typed code included), and the analysis of the edited file agrees with a fresh analysis.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { changedSpan, forgetParses } from '../src/analysis/python/incremental';
import { lowerPython } from '../src/analysis/python/lower';

function program(blocks: number): string {
  const out = ['import keras', 'from keras import layers', '', 'def block(x, n, name):', '    y = layers.Conv2D(n, 3, padding="same", name=f"{name}_c")(x)', '    y = layers.BatchNormalization()(y)', '    return layers.Add()([x, y])', '', 'x = keras.Input((32, 32, 8))', 'h = x'];
  for (let i = 0; i < blocks; i++) out.push(`h = block(h, 8, "b${i}")  # block ${i}`);
  out.push('h = layers.GlobalAveragePooling2D()(h)', 'out = layers.Dense(10)(h)', 'model = keras.Model(x, out)', '');
  return out.join('\n');
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const SNIPPETS = ['(', ')', '[', 'x', ' ', '\n', '"', 'layers.Dense(4)(h)\n', 'def f(', '    ', ':', '#', '=', ',', 'h = block(h, 8, "z")\n'];

describe('incremental Python parsing', () => {
  it('changedSpan finds the one differing span', () => {
    assert.deepEqual(changedSpan('abcdef', 'abXdef'), { fromA: 2, toA: 3, fromB: 2, toB: 3 });
    assert.deepEqual(changedSpan('abc', 'abcabc'), { fromA: 3, toA: 3, fromB: 3, toB: 6 });
    assert.deepEqual(changedSpan('aaaa', 'aa'), { fromA: 2, toA: 4, fromB: 2, toB: 2 });
    assert.deepEqual(changedSpan('same', 'same'), { fromA: 4, toA: 4, fromB: 4, toB: 4 });
  });

  it('after 300 random edits, every lowering equals a full parse', () => {
    forgetParses();
    const random = rng(7);
    let text = program(200);
    lowerPython(text, 'edited.py');
    for (let i = 0; i < 300; i++) {
      const at = Math.floor(random() * text.length);
      const kind = random();
      if (kind < 0.45) text = text.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + text.slice(at);
      else if (kind < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 20));
      else text = text.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + text.slice(at + 1 + Math.floor(random() * 5));
      const incremental = JSON.stringify(lowerPython(text, 'edited.py'));
      const full = JSON.stringify(lowerPython(text));
      assert.ok(incremental === full, `edit ${i} at ${at}: the reused tree lowers differently`);
    }
  });

  it('an edited file analyzes as a fresh one does', () => {
    forgetParses();
    const a = program(60);
    const r0 = analyzeText(a, 'model.py');
    assert.equal(r0.models.length, 1);
    const b = a.replace('"b30"', '"renamed"').replace('layers.Dense(10)', 'layers.Dense(12)');
    const again = analyzeText(b, 'model.py');
    forgetParses();
    const fresh = analyzeText(b, 'model.py');
    assert.deepEqual(again.models.map((m) => [m.totalParams, m.layers.length]), fresh.models.map((m) => [m.totalParams, m.layers.length]));
    assert.deepEqual(again.diagnostics, fresh.diagnostics);
    assert.deepEqual(again.layers.map((l) => l.name), fresh.layers.map((l) => l.name));
  });
});
