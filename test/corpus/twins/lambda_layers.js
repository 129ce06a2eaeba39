// TF.js twin of python/lambda_layers.py. TF.js has no Lambda layer: stand-in layers (class name Lambda, no weights)
// state the output shape each Lambda body gives in Keras (elementwise: same shape; mean keepdims: last axis 1;
// the stated output_shape; expand_dims(-1): a trailing 1).
module.exports = (tf) => {
  class Lambda extends tf.layers.Layer {
    static className = 'Lambda';
    constructor(cfg) { super({ name: cfg.name }); this.shapeFn = cfg.shape; }
    computeOutputShape(s) { return this.shapeFn(s); }
  }
  const readings = tf.input({ shape: [48], name: 'readings' });
  const scaled = new Lambda({ name: 'scale', shape: (s) => s }).apply(readings);
  const mean = new Lambda({ name: 'mean', shape: (s) => [...s.slice(0, -1), 1] }).apply(scaled);
  const centered = new Lambda({ name: 'center', shape: (s) => [s[0][0], 48] }).apply([scaled, mean]);
  const seq = new Lambda({ name: 'to_sequence', shape: (s) => [...s, 1] }).apply(centered);
  let x = tf.layers.conv1d({ filters: 8, kernelSize: 5, activation: 'relu' }).apply(seq);
  x = tf.layers.globalAveragePooling1d({}).apply(x);
  x = tf.layers.concatenate().apply([x, mean]);
  const out = tf.layers.dense({ units: 1 }).apply(x);
  return { model: tf.model({ inputs: readings, outputs: out }) };
};
