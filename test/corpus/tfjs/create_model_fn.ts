// A model factory in TF.js with an options object, defaults, destructuring, spread and arrow helpers; called with
// real arguments.
import * as tf from '@tensorflow/tfjs';

interface Options { vocabSize?: number; seqLen?: number; embedDim?: number; hidden?: number[]; classes?: number }

const denseRelu = (units: number, name: string) => tf.layers.dense({units, activation: 'relu', name});

function createModel({vocabSize = 1000, seqLen = 20, embedDim = 16, hidden = [32], classes = 2}: Options = {}): tf.LayersModel {
  const input = tf.input({shape: [seqLen], name: 'ids'});
  let x = tf.layers.embedding({inputDim: vocabSize, outputDim: embedDim}).apply(input) as tf.SymbolicTensor;
  x = tf.layers.globalAveragePooling1d({}).apply(x) as tf.SymbolicTensor;
  const sizes = [...hidden, Math.max(8, hidden[hidden.length - 1] / 2)];
  sizes.forEach((units, i) => {
    x = denseRelu(units, `hidden_${i}`).apply(x) as tf.SymbolicTensor;
  });
  const out = tf.layers.dense({units: classes, activation: classes > 2 ? 'softmax' : 'sigmoid'}).apply(x) as tf.SymbolicTensor;
  return tf.model({inputs: input, outputs: out, name: `classifier_${classes}`});
}

const model = createModel({vocabSize: 2000, seqLen: 40, hidden: [64, 32], classes: 3});
