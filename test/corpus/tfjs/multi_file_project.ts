// A multi-file TF.js project: the entry file imports its blocks and settings from sibling modules.
import * as tf from '@tensorflow/tfjs';
import { convBlock, DEFAULT_WIDTH, head } from './lib/blocks';
import { config } from './lib/config';

export function buildClassifier(): tf.LayersModel {
  const input = tf.input({ shape: [config.imageSize, config.imageSize, config.channels], name: 'image' });
  let x = input;
  for (let s = 0; s < config.stages; s++) {
    x = convBlock(x, DEFAULT_WIDTH * 2 ** s, `stage${s + 1}`);
    x = tf.layers.maxPooling2d({ poolSize: 2, name: `stage${s + 1}_pool` }).apply(x) as tf.SymbolicTensor;
  }
  return tf.model({ inputs: input, outputs: head(x, config.classes), name: 'emotion_net' });
}

export const model = buildClassifier();
