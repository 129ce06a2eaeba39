// Inline shapes at scale: one readable label per place in the code however many calls reach it, and each layer of a
// list-form Sequential labelled at its own element.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { shapeHints, shapeHintsByLine } from '../src/extension/lensModel';

const at = (text: string, needle: string) => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  const before = text.slice(0, i + needle.length).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
};

describe('one hint per place', () => {
  it('a helper called 16 times with growing widths: first and last shape with the count', () => {
    const src = 'import keras\nfrom keras import layers\ndef block(x, n):\n    return layers.Dense(n)(x)\nx = keras.Input((3,))\nh = x\nfor i in range(16):\n    h = block(h, 4 + i)\nm = keras.Model(x, h)\n';
    const hints = shapeHints(analyzeText(src, 'a.py'));
    const inHelper = hints.filter((h) => h.line === 3);
    assert.deepEqual(inHelper.map((h) => h.label), ['→ ×16 (None, 4) … (None, 19)']);
    assert.deepEqual(shapeHintsByLine(analyzeText(src, 'a.py')).get(3), '→ ×16 (None, 4) … (None, 19)');
  });

  it('calls that agree are counted', () => {
    const src = "import * as tf from '@tensorflow/tfjs';\nconst input = tf.input({shape: [8]});\nfunction block(x) { return tf.layers.dense({units: 8}).apply(x); }\nlet h = input;\nfor (let i = 0; i < 4; i++) h = block(h);\nconst model = tf.model({inputs: input, outputs: h});\n";
    const hints = shapeHints(analyzeText(src, 'a.ts')).filter((h) => h.line === 2);
    assert.deepEqual(hints.map((h) => h.label), ['→ [null,8] ×4']);
  });

  it('an error among the calls marks the one label', () => {
    const src = 'import keras\nfrom keras import layers\nd = layers.Dense(3)\ndef f(x):\n    return d(x)\na = f(keras.Input((4,)))\nb = f(keras.Input((5,)))\n';
    const hints = shapeHints(analyzeText(src, 'a.py')).filter((h) => h.line === 4);
    assert.equal(hints.length, 1);
    assert.ok(hints[0].error);
    assert.match(hints[0].label, /^→ ✗ ×2 /);
  });
});

describe('list-form Sequential: each layer at its own element', () => {
  it('Python Sequential([...])', () => {
    const src = 'import keras\nfrom keras import layers\nmodel = keras.Sequential([\n    layers.Dense(16, input_shape=(8,)),\n    layers.Dropout(0.5),\n    layers.Dense(2),\n])\n';
    const hints = shapeHints(analyzeText(src, 'a.py'));
    assert.deepEqual(
      hints.map((h) => [h.line, h.character, h.label]),
      [
        [3, at(src, 'layers.Dense(16, input_shape=(8,))').character, '→ (None, 16)'],
        [4, at(src, 'layers.Dropout(0.5)').character, '→ (None, 16)'],
        [5, at(src, 'layers.Dense(2)').character, '→ (None, 2)'],
      ],
    );
  });

  it('tf.sequential({layers: [...]})', () => {
    const src = "import * as tf from '@tensorflow/tfjs';\nconst model = tf.sequential({\n  layers: [\n    tf.layers.dense({units: 16, inputShape: [8]}),\n    tf.layers.dense({units: 2}),\n  ],\n});\n";
    const labels = shapeHints(analyzeText(src, 'a.ts')).map((h) => [h.line, h.label]);
    assert.ok(labels.some(([l, t]) => l === 3 && t === '→ [null,16]'), JSON.stringify(labels));
    assert.ok(labels.some(([l, t]) => l === 4 && t === '→ [null,2]'), JSON.stringify(labels));
  });

  it('a shape error in the list is reported at the element that fails', () => {
    const src = 'import keras\nfrom keras import layers\nmodel = keras.Sequential([\n    keras.Input((8,)),\n    layers.Dense(4),\n    layers.Conv2D(3, 3),\n])\n';
    const r = analyzeText(src, 'a.py');
    const err = r.diagnostics.find((d) => d.severity === 'error');
    assert.ok(err, JSON.stringify(r.diagnostics));
    assert.equal(err.range.line, 6); // 1-based: the Conv2D line
  });
});
