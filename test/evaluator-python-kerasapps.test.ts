// Keras's own application files opened alone (written here in Keras 3's keras.src layout and in keras_applications
// 1.x's injected-modules layout, each builder called as Keras calls it): the analyzer must give Keras's published
// parameter counts (/work/shared/docs/keras-facts.md: include_top, 1000 classes, default input size).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';

const DIR = join(__dirname, '..', '..', 'test', 'fixtures', 'keras-apps');

const APPS: [string, string, number, number][] = [
  // file, model name, total, non-trainable (BatchNormalization moving statistics)
  ['keras3/vgg16.py', 'vgg16', 138_357_544, 0],
  ['keras3/resnet.py', 'resnet50', 25_636_712, 53_120],
  ['keras3/densenet.py', 'densenet121', 8_062_504, 83_648],
  ['keras_applications/mobilenet_v2.py', 'mobilenetv2_1.00_224', 3_538_984, 34_112],
];

describe('Keras applications opened as files', () => {
  for (const [file, name, total, nonTrainable] of APPS) {
    it(`${file} gives ${name} with ${total.toLocaleString('en')} parameters`, () => {
      const path = join(DIR, file);
      const r = analyzeText(readFileSync(path, 'utf8'), path);
      assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
      assert.deepEqual(r.models.map((m) => m.name), [name], 'one model, not a second copy from the builder run alone');
      const m = r.models[0];
      assert.deepEqual([m.totalParams, m.nonTrainableParams], [total, nonTrainable]);
    });
  }

  it('an application builder left uncalled is still analyzed with Keras defaults', () => {
    const path = join(DIR, 'keras3/vgg16.py');
    const text = readFileSync(path, 'utf8').replace(/\nmodel = VGG16\(weights=None\)\n/, '\n');
    const r = analyzeText(text, path);
    assert.deepEqual(r.models.map((m) => [m.name, m.totalParams]), [['vgg16', 138_357_544]]);
  });
});
