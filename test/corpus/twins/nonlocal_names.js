// TF.js twin of python/nonlocal_names.py (residual adds where the widths match).
module.exports = (tf) => {
  const inp = tf.input({ shape: [32, 32, 3] });
  let x = tf.layers.conv2d({ filters: 32, kernelSize: 3, padding: 'same', name: 'stem' }).apply(inp);
  let n = 0;
  for (const [filters, repeats] of [[32, 2], [64, 2], [96, 1]]) {
    for (let r = 0; r < repeats; r++) {
      const y = tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu', name: `block${++n}` }).apply(x);
      x = y.shape[3] === x.shape[3] ? tf.layers.add().apply([x, y]) : y;
    }
  }
  x = tf.layers.globalAveragePooling2d({}).apply(x);
  return { model: tf.model({ inputs: inp, outputs: tf.layers.dense({ units: 10 }).apply(x), name: 'named_blocks' }) };
};
