// TF.js twin of python/gan_argparse.py (latent 100, 28x28x1). TF.js's leakyReLU alpha is Keras 3's negative_slope.
module.exports = (tf) => {
  const discriminator = tf.sequential({ name: 'discriminator' });
  discriminator.add(tf.layers.flatten({ inputShape: [28, 28, 1] }));
  discriminator.add(tf.layers.dense({ units: 256 }));
  discriminator.add(tf.layers.leakyReLU({ alpha: 0.2 }));
  discriminator.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  const generator = tf.sequential({ name: 'generator' });
  [128, 256].forEach((units, i) => {
    generator.add(tf.layers.dense(i === 0 ? { units, inputShape: [100] } : { units }));
    generator.add(tf.layers.leakyReLU({ alpha: 0.2 }));
    generator.add(tf.layers.batchNormalization({ momentum: 0.8 }));
  });
  generator.add(tf.layers.dense({ units: 784, activation: 'tanh' }));
  generator.add(tf.layers.reshape({ targetShape: [28, 28, 1] }));
  const z = tf.input({ shape: [100], name: 'z' });
  discriminator.trainable = false;
  const combined = tf.model({ inputs: z, outputs: discriminator.apply(generator.apply(z)), name: 'combined' });
  return { discriminator, generator, combined };
};
