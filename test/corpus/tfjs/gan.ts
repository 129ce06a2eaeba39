// A GAN in TF.js: sequential generator and discriminator; the combined model applies both to a latent input, with
// the discriminator frozen.
import * as tf from '@tensorflow/tfjs';

const latentDim = 32;

function buildGenerator(): tf.Sequential {
  const g = tf.sequential({name: 'generator'});
  g.add(tf.layers.dense({units: 7 * 7 * 32, inputShape: [latentDim]}));
  g.add(tf.layers.leakyReLU({alpha: 0.2}));
  g.add(tf.layers.reshape({targetShape: [7, 7, 32]}));
  for (const filters of [32, 16]) {
    g.add(tf.layers.conv2dTranspose({filters, kernelSize: 4, strides: 2, padding: 'same'}));
    g.add(tf.layers.batchNormalization());
    g.add(tf.layers.leakyReLU({alpha: 0.2}));
  }
  g.add(tf.layers.conv2d({filters: 1, kernelSize: 5, padding: 'same', activation: 'tanh'}));
  return g;
}

function buildDiscriminator(): tf.Sequential {
  return tf.sequential({
    name: 'discriminator',
    layers: [
      tf.layers.conv2d({filters: 16, kernelSize: 3, strides: 2, padding: 'same', inputShape: [28, 28, 1]}),
      tf.layers.leakyReLU({alpha: 0.2}),
      tf.layers.dropout({rate: 0.3}),
      tf.layers.conv2d({filters: 32, kernelSize: 3, strides: 2, padding: 'same'}),
      tf.layers.leakyReLU({alpha: 0.2}),
      tf.layers.flatten(),
      tf.layers.dense({units: 1, activation: 'sigmoid'}),
    ],
  });
}

const generator = buildGenerator();
const discriminator = buildDiscriminator();
discriminator.compile({optimizer: tf.train.adam(2e-4), loss: 'binaryCrossentropy'});
discriminator.trainable = false;

const latent = tf.input({shape: [latentDim]});
const fake = generator.apply(latent) as tf.SymbolicTensor;
const validity = discriminator.apply(fake) as tf.SymbolicTensor;
const combined = tf.model({inputs: latent, outputs: validity, name: 'combined'});
combined.compile({optimizer: tf.train.adam(2e-4), loss: 'binaryCrossentropy'});
