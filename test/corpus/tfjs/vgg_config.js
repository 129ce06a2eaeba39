// VGG-style model in TF.js from a configuration table ('M' = max pooling), sequential, small 32x32 input.
const tf = require('@tensorflow/tfjs');

const CFG = {
  vggTiny: [16, 16, 'M', 32, 32, 'M', 64, 64, 64, 'M'],
};

function makeVgg(name, numClasses = 10) {
  const model = tf.sequential({name});
  model.add(tf.layers.inputLayer({inputShape: [32, 32, 3]}));
  for (const v of CFG[name]) {
    if (v === 'M') {
      model.add(tf.layers.maxPooling2d({poolSize: 2, strides: 2}));
    } else {
      model.add(tf.layers.conv2d({filters: v, kernelSize: 3, padding: 'same', activation: 'relu'}));
    }
  }
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({units: 128, activation: 'relu'}));
  model.add(tf.layers.dropout({rate: 0.5}));
  model.add(tf.layers.dense({units: numClasses, activation: 'softmax'}));
  return model;
}

const vgg = makeVgg('vggTiny');
