// main() at the bottom passes an options object; the builder destructures it with defaults.
import * as tf from '@tensorflow/tfjs';

interface Opts { vocabSize?: number; maxLen?: number; embed?: number; filters?: number; kernels?: number[]; classes?: number }

function buildTextCnn({ vocabSize = 5000, maxLen = 100, embed = 32, filters = 16, kernels = [3, 4, 5], classes = 2 }: Opts = {}) {
  const tokens = tf.input({ shape: [maxLen], name: 'tokens' });
  const emb = tf.layers.embedding({ inputDim: vocabSize, outputDim: embed, name: 'embed' }).apply(tokens) as tf.SymbolicTensor;
  const branches = kernels.map((k) => {
    const c = tf.layers.conv1d({ filters, kernelSize: k, activation: 'relu', name: `conv_k${k}` }).apply(emb) as tf.SymbolicTensor;
    return tf.layers.globalMaxPooling1d({ name: `pool_k${k}` }).apply(c) as tf.SymbolicTensor;
  });
  const joined = tf.layers.concatenate({ name: 'joined' }).apply(branches) as tf.SymbolicTensor;
  const out = tf.layers.dense({ units: classes, activation: 'softmax', name: 'label' }).apply(joined) as tf.SymbolicTensor;
  return tf.model({ inputs: tokens, outputs: out, name: 'text_cnn_main' });
}

let model: tf.LayersModel;

function main(): void {
  const { maxLen = 64, ...rest } = { vocabSize: 2000, classes: 3 } as Opts;
  model = buildTextCnn({ maxLen, ...rest });
  model.summary();
}

main();
