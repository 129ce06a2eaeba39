// TF.js twin of python/notebook_export.py (4 features).
module.exports = (tf) => ({
  model: tf.sequential({
    name: 'price_regressor',
    layers: [
      tf.layers.dense({ units: 64, activation: 'relu', inputShape: [4] }),
      tf.layers.dense({ units: 64, activation: 'relu' }),
      tf.layers.dense({ units: 1 }),
    ],
  }),
});
