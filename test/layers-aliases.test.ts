import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { layerByTfjsFactory } from '../src/layers/registry';

// Every `tf.layers` factory on the convolution / pooling / padding / recurrent side of the catalog, aliases
// included, must resolve to the catalog entry of the class TF.js itself constructs (tf.layers.avgPool2d makes an
// AveragePooling2D). The minimal configs only need to get past each constructor.
const cell = () => tf.layers.lstmCell({ units: 2 });
const minimal: Record<string, () => Record<string, unknown>> = {
  conv1d: () => ({ filters: 1, kernelSize: 1 }),
  conv2d: () => ({ filters: 1, kernelSize: 1 }),
  conv3d: () => ({ filters: 1, kernelSize: 1 }),
  conv2dTranspose: () => ({ filters: 1, kernelSize: 1 }),
  conv3dTranspose: () => ({ filters: 1, kernelSize: 1 }),
  separableConv2d: () => ({ filters: 1, kernelSize: 1 }),
  depthwiseConv2d: () => ({ kernelSize: 1 }),
  maxPooling1d: () => ({}),
  maxPool1d: () => ({}),
  maxPooling2d: () => ({}),
  maxPool2d: () => ({}),
  maxPooling3d: () => ({}),
  averagePooling1d: () => ({}),
  avgPool1d: () => ({}),
  avgPooling1d: () => ({}),
  averagePooling2d: () => ({}),
  avgPool2d: () => ({}),
  avgPooling2d: () => ({}),
  averagePooling3d: () => ({}),
  avgPool3d: () => ({}),
  avgPooling3d: () => ({}),
  globalMaxPooling1d: () => ({}),
  globalMaxPool1d: () => ({}),
  globalMaxPooling2d: () => ({}),
  globalMaxPool2d: () => ({}),
  globalAveragePooling1d: () => ({}),
  globalAveragePooling2d: () => ({}),
  zeroPadding2d: () => ({}),
  upSampling2d: () => ({}),
  cropping2D: () => ({ cropping: 1 }),
  simpleRNN: () => ({ units: 2 }),
  lstm: () => ({ units: 2 }),
  gru: () => ({ units: 2 }),
  convLstm2d: () => ({ filters: 1, kernelSize: 1 }),
  simpleRNNCell: () => ({ units: 2 }),
  lstmCell: () => ({ units: 2 }),
  gruCell: () => ({ units: 2 }),
  convLstm2dCell: () => ({ filters: 1, kernelSize: 1 }),
  stackedRNNCells: () => ({ cells: [cell()] }),
  rnn: () => ({ cell: cell() }),
};

describe('TF.js factory names and aliases (conv / pooling / padding / recurrent)', () => {
  it('lists every such factory tf.layers 4.22 exports', () => {
    const exported = Object.keys(tf.layers).filter((k) => /^(conv|separable|depthwise|(max|avg|average|globalMax|globalAverage)Pool|zeroPadding|upSampling|cropping|simpleRNN|lstm|gru|convLstm|stackedRNN|rnn$)/.test(k));
    assert.deepEqual(exported.filter((k) => !(k in minimal)), [], 'a tf.layers factory this test does not know');
  });

  for (const [factory, config] of Object.entries(minimal)) {
    it(`tf.layers.${factory} resolves to the class TF.js constructs`, () => {
      const make = (tf.layers as unknown as Record<string, (c: unknown) => tf.layers.Layer>)[factory];
      assert.ok(make, `tf.layers.${factory} exists`);
      const className = make(config()).getClassName();
      const def = layerByTfjsFactory(factory);
      assert.ok(def, `catalog has tf.layers.${factory}`);
      assert.equal(def.className, className);
    });
  }
});
