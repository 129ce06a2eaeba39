// Settings merged from defaults and a partial user object, read with optional chaining and ?? defaults.
import * as tf from '@tensorflow/tfjs';

type Settings = { model?: { units?: number; layers?: number; activation?: string }; data?: { features?: number } };

const defaults = { units: 40, layers: 3, activation: 'elu' };
const user: Settings = { model: { units: 24 } };
const merged = Object.assign({}, defaults, user.model);
const features = user.data?.features ?? 10;
const dropout = user.model?.layers ? 0.1 : undefined;

const model = tf.sequential();
for (let i = 0; i < merged.layers; i++) {
  model.add(tf.layers.dense({ units: merged.units, activation: merged.activation as 'elu', ...(i === 0 ? { inputShape: [features] } : {}) }));
  if (dropout !== undefined) model.add(tf.layers.dropout({ rate: dropout }));
}
model.add(tf.layers.dense({ units: Object.keys(defaults).length, activation: 'softmax' }));
