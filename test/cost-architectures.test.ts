// The cost of classic architectures, written as Keras code in test/fixtures/cost/, against the figures their
// papers and the usual counters publish, and their parameter counts against keras.applications'.
//
// Conventions (docs/cost.md): "mult-adds" in the papers are our MACs. Our MACs count every Conv/Dense multiply-add,
// including the final classifier; BatchNormalization, activations, pooling and merges add no MACs (they are FLOPs
// only). The papers count the same way, so the tolerance covers rounding in the published figure only.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { costOfModel } from '../src/graph/cost';
import type { AnalysisResult, ModelIR } from '../src/graph/ir';

const FIXTURES = path.resolve(__dirname, '../../test/fixtures/cost');

function analyze(file: string): AnalysisResult {
  return analyzeText(fs.readFileSync(path.join(FIXTURES, file), 'utf8'), file);
}

function model(result: AnalysisResult, name: string): ModelIR {
  const m = result.models.find((x) => x.name === name);
  assert.ok(m, `model ${name} in ${result.file}`);
  assert.deepEqual(result.diagnostics.map((d) => d.message), []);
  return m;
}

/** |actual − published| ≤ tolerance × published. */
function near(actual: unknown, published: number, tolerance: number, what: string): void {
  assert.equal(typeof actual, 'number', `${what}: ${String(actual)}`);
  const a = actual as number;
  assert.ok(Math.abs(a - published) <= tolerance * published, `${what}: ${a} vs published ${published} (±${tolerance * 100}%)`);
}

describe('cost of classic architectures', () => {
  it('VGG16: 15.5 G MACs (conv 15.35 G + fc 0.12 G), 138,357,544 params', () => {
    const r = analyze('vgg16.py');
    const m = model(r, 'vgg16');
    assert.equal(m.totalParams, 138_357_544);
    const c = costOfModel(r, m);
    // The figure usually quoted (e.g. the ptflops/fvcore tables) is 15.47-15.5 G, counting the three Dense layers.
    near(c.macs, 15.5e9, 0.005, 'VGG16 MACs');
    assert.equal(c.macs, 15_470_264_320);
  });

  it('ResNet-50 (Keras layout, v1): the paper\'s 3.8 G mult-adds; v1.5 (stride on the 3x3): the common 4.1 G', () => {
    const r = analyze('resnet50.py');
    const v1 = model(r, 'resnet50');
    const v15 = model(r, 'resnet50_v1_5');
    // keras.applications.ResNet50 has 25,636,712 parameters; moving a stride changes no weight.
    assert.equal(v1.totalParams, 25_636_712);
    assert.equal(v15.totalParams, 25_636_712);
    // He et al. 2015, Table 1: "3.8 × 10^9" FLOPs, which the paper defines as multiply-adds. Keras's ResNet50
    // strides the first 1x1 convolution of a stage, as the paper does.
    near(costOfModel(r, v1).macs, 3.8e9, 0.03, 'ResNet-50 v1 MACs');
    // torchvision/fvcore's 4.1 G (4.09 "GFLOPS", one per multiply-add) is for the v1.5 layout: the stride on the
    // 3x3 convolution makes the 1x1 before it run at full resolution.
    near(costOfModel(r, v15).macs, 4.09e9, 0.01, 'ResNet-50 v1.5 MACs');
  });

  it('MobileNet v1 (1.0, 224): the paper\'s 569 M mult-adds, 4,253,864 params', () => {
    const r = analyze('mobilenet_v1.py');
    const m = model(r, 'mobilenet_1.00_224');
    assert.equal(m.totalParams, 4_253_864);
    // Howard et al. 2017, Table 8: 569 million Mult-Adds, including the classifier (here a 1x1 conv: 1.02 M).
    near(costOfModel(r, m).macs, 569e6, 0.005, 'MobileNet v1 MACs');
  });

  it('MobileNetV2 (1.0, 224): the paper\'s 300 M multiply-adds, 3,538,984 params', () => {
    const r = analyze('mobilenet_v2.py');
    const m = model(r, 'mobilenetv2_1.00_224');
    assert.equal(m.totalParams, 3_538_984);
    // Sandler et al. 2018, Table 4 / Table 6: 300 M MAdds; the expansion, depthwise and projection convolutions and
    // the classifier. The residual adds are not multiply-adds.
    near(costOfModel(r, m).macs, 300e6, 0.01, 'MobileNetV2 MACs');
  });

  it('Inception v3 (299): about 5.7 G multiply-adds, 23,851,784 params', () => {
    const r = analyze('inception_v3.py');
    const m = model(r, 'inception_v3');
    assert.equal(m.totalParams, 23_851_784);
    // torchvision lists 5.71 GFLOPS (multiply-adds) for inception_v3 at 299x299; Szegedy et al. 2016 round it to
    // "5 billion multiply-adds", which is too coarse to test against.
    near(costOfModel(r, m).macs, 5.71e9, 0.01, 'Inception v3 MACs');
  });

  it('FLOPs are twice the MACs plus the elementwise work, and memory follows the shapes', () => {
    const r = analyze('vgg16.py');
    const m = model(r, 'vgg16');
    const c = costOfModel(r, m);
    assert.ok(typeof c.flops === 'number' && typeof c.macs === 'number');
    // biases and ReLUs of 13 convs + 2 Dense, softmax and bias of the last, max-pool comparisons: ~15 M + 13.6 M
    const elementwise = (c.flops as number) - 2 * (c.macs as number);
    assert.ok(elementwise > 20e6 && elementwise < 40e6, String(elementwise));
    assert.equal(c.weightBytes, 138_357_544 * 4);
    // No fit(): no batch, no training estimate.
    assert.equal(c.batchSize, null);
    assert.equal(c.training, null);
  });
});
