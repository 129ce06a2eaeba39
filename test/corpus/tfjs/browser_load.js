// A browser demo: the model is built when the page has loaded, with sizes read from constants on the page.
import * as tf from '@tensorflow/tfjs';

const IMAGE_SIZE = 28;
const NUM_CLASSES = 10;
let model;

function createConvModel() {
  const m = tf.sequential();
  m.add(tf.layers.conv2d({ inputShape: [IMAGE_SIZE, IMAGE_SIZE, 1], kernelSize: 3, filters: 16, activation: 'relu' }));
  m.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
  m.add(tf.layers.conv2d({ kernelSize: 3, filters: 32, activation: 'relu' }));
  m.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
  m.add(tf.layers.flatten());
  m.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  m.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  return m;
}

window.addEventListener('load', async () => {
  const status = document.getElementById('status');
  model = createConvModel();
  model.compile({ optimizer: 'rmsprop', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  status.textContent = 'Model ready';
});
