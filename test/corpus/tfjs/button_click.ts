// A page with a "Train" button: its onclick handler reads the form's defaults and builds the model.
import * as tf from '@tensorflow/tfjs';

const form = { hiddenUnits: 32, learningRate: 0.01, features: 8 };
let model: tf.LayersModel | undefined;

function buildModel(features: number, hidden: number): tf.LayersModel {
  const input = tf.input({ shape: [features], name: 'features' });
  const h1 = tf.layers.dense({ units: hidden, activation: 'relu', name: 'hidden1' }).apply(input) as tf.SymbolicTensor;
  const h2 = tf.layers.dense({ units: hidden / 2, activation: 'relu', name: 'hidden2' }).apply(h1) as tf.SymbolicTensor;
  const price = tf.layers.dense({ units: 1, name: 'price' }).apply(h2) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: price, name: 'house_prices' });
}

const button = document.getElementById('train-button') as HTMLButtonElement;
button.onclick = async () => {
  button.disabled = true;
  model = buildModel(form.features, form.hiddenUnits);
  model.compile({ optimizer: tf.train.sgd(form.learningRate), loss: 'meanSquaredError' });
  button.disabled = false;
};
