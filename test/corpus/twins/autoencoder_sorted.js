// TF.js twin of python/autoencoder_sorted.py (encoder 256-128-64, decoder 128-256).
module.exports = (tf) => {
  const stack = (x, widths, prefix) => {
    widths.forEach((units, i) => { x = tf.layers.dense({ units, activation: 'relu', name: `${prefix}_${i}` }).apply(x); });
    return x;
  };
  const inp = tf.input({ shape: [784], name: 'pixels' });
  const code = stack(inp, [256, 128, 64], 'enc');
  const x = stack(code, [128, 256], 'dec');
  const recon = tf.layers.dense({ units: 784, activation: 'sigmoid', name: 'recon' }).apply(x);
  return { model: tf.model({ inputs: inp, outputs: recon, name: 'mirror_ae' }) };
};
