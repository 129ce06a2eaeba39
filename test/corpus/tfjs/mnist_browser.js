// A browser MNIST demo: the data loader's promise resolves, then the model is built and a click starts training.
import * as tf from '@tensorflow/tfjs';

const IMAGE_H = 28;
const IMAGE_W = 28;
let model;

class MnistData {
  async load() {
    this.trainSize = 100;
    return this;
  }
}

function createDenseModel() {
  const m = tf.sequential();
  m.add(tf.layers.flatten({ inputShape: [IMAGE_H, IMAGE_W, 1] }));
  m.add(tf.layers.dense({ units: 42, activation: 'relu' }));
  m.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  return m;
}

const data = new MnistData();
data.load().then(() => {
  model = createDenseModel();
  document.getElementById('train').addEventListener('click', async () => {
    model.compile({ optimizer: 'rmsprop', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  });
});
