// TF.js twin of python/autoencoder.py.
module.exports = (tf) => {
  const sizes = [256, 128, 32];
  const pixels = tf.input({ shape: [784], name: 'pixels' });
  let h = pixels;
  sizes.forEach((units, i) => { h = tf.layers.dense({ units, activation: i === sizes.length - 1 ? 'linear' : 'relu', name: `enc_${units}` }).apply(h); });
  const encoder = tf.model({ inputs: pixels, outputs: h, name: 'encoder' });
  const code = tf.input({ shape: [32], name: 'code' });
  h = code;
  for (const units of [128, 256]) h = tf.layers.dense({ units, activation: 'relu', name: `dec_${units}` }).apply(h);
  const decoder = tf.model({ inputs: code, outputs: tf.layers.dense({ units: 784, activation: 'sigmoid', name: 'reconstruction' }).apply(h), name: 'decoder' });
  const x = tf.input({ shape: [784] });
  return { encoder, decoder, autoencoder: tf.model({ inputs: x, outputs: decoder.apply(encoder.apply(x)), name: 'autoencoder' }) };
};
