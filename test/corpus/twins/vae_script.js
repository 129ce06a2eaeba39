// TF.js twin of python/vae_script.py (latent 2, hidden 512, 784 pixels).
module.exports = (tf) => {
  const xIn = tf.input({ shape: [784], name: 'x' });
  let h = tf.layers.dense({ units: 512, activation: 'relu' }).apply(xIn);
  const encoder = tf.model({ inputs: xIn, outputs: [tf.layers.dense({ units: 2, name: 'z_mean' }).apply(h), tf.layers.dense({ units: 2, name: 'z_log_var' }).apply(h)], name: 'encoder' });
  const zIn = tf.input({ shape: [2], name: 'z' });
  h = tf.layers.dense({ units: 512, activation: 'relu' }).apply(zIn);
  const decoder = tf.model({ inputs: zIn, outputs: tf.layers.dense({ units: 784, activation: 'sigmoid' }).apply(h), name: 'decoder' });
  const inputs = tf.input({ shape: [784], name: 'vae_in' });
  const [zMean] = encoder.apply(inputs);
  return { encoder, decoder, vae: tf.model({ inputs, outputs: decoder.apply(zMean), name: 'vae' }) };
};
