// A CommonJS Node script sized from the command line: positional arguments with defaults when missing.
const tf = require('@tensorflow/tfjs');

const args = process.argv.slice(2);
const windowSize = Number(args[0] ?? 30);
const units = parseInt(args[1] || '48', 10);
const horizon = args.length > 2 ? Number(args[2]) : 5;

function buildForecaster(windowSize, units, horizon) {
  const model = tf.sequential({ name: 'forecaster' });
  model.add(tf.layers.lstm({ units, inputShape: [windowSize, 1], returnSequences: true }));
  model.add(tf.layers.lstm({ units: Math.round(units / 2) }));
  model.add(tf.layers.dense({ units: horizon }));
  return model;
}

const model = buildForecaster(windowSize, units, horizon);
model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
module.exports = { model, buildForecaster };
