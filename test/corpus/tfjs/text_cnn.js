// A text CNN in TF.js: embedding, conv1d branches per kernel size (map + template-literal names), global max
// pooling, concatenation.
const tf = require('@tensorflow/tfjs');

const config = {vocabSize: 8000, seqLen: 100, embedDim: 64, kernelSizes: [2, 3, 5], filters: 32};

function textCnn({vocabSize, seqLen, embedDim, kernelSizes, filters}) {
  const tokens = tf.input({shape: [seqLen], dtype: 'int32', name: 'tokens'});
  const embedded = tf.layers.embedding({inputDim: vocabSize, outputDim: embedDim}).apply(tokens);
  const branches = kernelSizes.map((k) => {
    const conv = tf.layers.conv1d({filters, kernelSize: k, activation: 'relu', name: `conv_k${k}`}).apply(embedded);
    return tf.layers.globalMaxPooling1d({name: `max_k${k}`}).apply(conv);
  });
  let x = tf.layers.concatenate().apply(branches);
  x = tf.layers.dropout({rate: 0.5}).apply(x);
  const out = tf.layers.dense({units: 1, activation: 'sigmoid'}).apply(x);
  return tf.model({inputs: tokens, outputs: out, name: 'textCnn'});
}

const model = textCnn(config);
