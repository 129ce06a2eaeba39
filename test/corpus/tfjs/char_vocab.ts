// A character-level model sized from its training text: the vocabulary is computed with string and Set methods.
import * as tf from '@tensorflow/tfjs';

const TEXT = 'To be, or not to be: that is the question. Whether tis nobler in the mind to suffer';
const chars = Array.from(new Set(TEXT.toLowerCase().split(''))).sort();
const charToIndex = Object.fromEntries(chars.map((c, i) => [c, i]));
const SEQ_LEN = TEXT.slice(0, 40).length;
const firstCode = 'a'.charCodeAt(0);
const label = `chars${String(chars.length).padStart(3, '0')}`;

function buildCharModel(vocabSize: number, seqLen: number): tf.Sequential {
  const m = tf.sequential({ name: label });
  m.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: firstCode % 16 + 7, inputLength: seqLen }));
  m.add(tf.layers.gru({ units: 64, returnSequences: false }));
  m.add(tf.layers.dense({ units: vocabSize, activation: 'softmax' }));
  return m;
}

const model = buildCharModel(chars.length, SEQ_LEN);
console.log(charToIndex['a']);
