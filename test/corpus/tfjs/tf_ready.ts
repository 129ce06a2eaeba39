// Waits for the backend before building: tf.ready().then(...), then a nested .then for the compiled model.
import * as tf from '@tensorflow/tfjs';

const VOCAB = ['<pad>', '<unk>', ...'the quick brown fox jumps over the lazy dog'.split(' ')];
const MAX_LEN = 12;
let model: tf.Sequential;

function textModel(vocabSize: number) {
  const m = tf.sequential();
  m.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: 8, inputLength: MAX_LEN }));
  m.add(tf.layers.globalAveragePooling1d({}));
  m.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  return m;
}

tf.ready()
  .then(() => {
    model = textModel(VOCAB.length);
    return model;
  })
  .then((m) => m.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' }));
