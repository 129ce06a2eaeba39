// A CommonJS module exporting a ready model and its factory (module.exports), written for Node's require.
const tf = require('@tensorflow/tfjs');

function createModel(numFeatures = 13) {
  return tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: numFeatures, units: 50, activation: 'sigmoid', kernelInitializer: 'leCunNormal' }),
      tf.layers.dense({ units: 50, activation: 'sigmoid', kernelInitializer: 'leCunNormal' }),
      tf.layers.dense({ units: 1 }),
    ],
  });
}

const model = createModel();
module.exports = { model, createModel };
module.exports.default = createModel;
