// A webpack-style ES module: frozen constants, arrow helpers, named and default exports.
import * as tf from '@tensorflow/tfjs';

export const HYPER = Object.freeze({ latent: 16, hidden: [128, 64], pixels: 28 * 28 });

const denseStack = (x, sizes, prefix) => sizes.reduce((h, units, i) => tf.layers.dense({ units, activation: 'relu', name: `${prefix}_${i}` }).apply(h), x);

export default function makeAutoencoder({ latent, hidden, pixels } = HYPER) {
  const input = tf.input({ shape: [pixels] });
  const code = tf.layers.dense({ units: latent, name: 'code' }).apply(denseStack(input, hidden, 'enc'));
  const back = denseStack(code, [...hidden].reverse(), 'dec');
  const output = tf.layers.dense({ units: pixels, activation: 'sigmoid', name: 'pixels' }).apply(back);
  return tf.model({ inputs: input, outputs: output, name: 'dense_autoencoder' });
}

export const model = makeAutoencoder();
