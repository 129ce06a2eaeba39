// A character-level language model in TF.js: a named sequential stack of embedding, two LSTMs and a time-distributed
// softmax over the vocabulary.
import * as tf from '@tensorflow/tfjs';

const VOCAB = 65;
const SEQ_LEN = 40;
const RNN_UNITS = [96, 96];

const model = tf.sequential({name: 'char_rnn'});
model.add(tf.layers.embedding({inputDim: VOCAB, outputDim: 24, inputShape: [SEQ_LEN]}));
for (const units of RNN_UNITS) {
  model.add(tf.layers.lstm({units, returnSequences: true}));
  model.add(tf.layers.dropout({rate: 0.1}));
}
model.add(tf.layers.timeDistributed({layer: tf.layers.dense({units: VOCAB, activation: 'softmax'})}));
model.compile({optimizer: tf.train.adam(1e-3), loss: 'sparseCategoricalCrossentropy'});
