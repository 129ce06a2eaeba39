// Generated model programs for benchmarks: long residual chains in Python (Keras) and TS (TF.js), written the
// way people write them (helper functions, loops, f-string names), sized by a block count.

export function pythonResNetLike(blocks: number): string {
  return `import keras
from keras import layers

def residual_block(x, filters, name):
    shortcut = x
    x = layers.Conv2D(filters, 3, padding="same", name=f"{name}_conv1")(x)
    x = layers.BatchNormalization(name=f"{name}_bn1")(x)
    x = layers.Activation("relu", name=f"{name}_relu1")(x)
    x = layers.Conv2D(filters, 3, padding="same", name=f"{name}_conv2")(x)
    x = layers.BatchNormalization(name=f"{name}_bn2")(x)
    x = layers.Add(name=f"{name}_add")([shortcut, x])
    return layers.Activation("relu", name=f"{name}_out")(x)

inputs = keras.Input(shape=(32, 32, 16))
x = inputs
for i in range(${blocks}):
    x = residual_block(x, 16, f"block{i}")
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs, name="resnet_like")
`;
}

export function tsResNetLike(blocks: number): string {
  return `import * as tf from '@tensorflow/tfjs';

function residualBlock(x: tf.SymbolicTensor, filters: number, name: string): tf.SymbolicTensor {
  const shortcut = x;
  let y = tf.layers.conv2d({filters, kernelSize: 3, padding: 'same', name: \`\${name}_conv1\`}).apply(x) as tf.SymbolicTensor;
  y = tf.layers.batchNormalization({name: \`\${name}_bn1\`}).apply(y) as tf.SymbolicTensor;
  y = tf.layers.activation({activation: 'relu', name: \`\${name}_relu1\`}).apply(y) as tf.SymbolicTensor;
  y = tf.layers.conv2d({filters, kernelSize: 3, padding: 'same', name: \`\${name}_conv2\`}).apply(y) as tf.SymbolicTensor;
  y = tf.layers.batchNormalization({name: \`\${name}_bn2\`}).apply(y) as tf.SymbolicTensor;
  y = tf.layers.add({name: \`\${name}_add\`}).apply([shortcut, y]) as tf.SymbolicTensor;
  return tf.layers.activation({activation: 'relu', name: \`\${name}_out\`}).apply(y) as tf.SymbolicTensor;
}

const input = tf.input({shape: [32, 32, 16]});
let x = input;
for (let i = 0; i < ${blocks}; i++) {
  x = residualBlock(x, 16, \`block\${i}\`);
}
x = tf.layers.globalAveragePooling2d({}).apply(x) as tf.SymbolicTensor;
const output = tf.layers.dense({units: 10, activation: 'softmax'}).apply(x) as tf.SymbolicTensor;
const model = tf.model({inputs: input, outputs: output, name: 'resnet_like'});
`;
}

/** A flat program of N explicit statements (no loops): measures per-statement cost of parsing vs analysis. */
export function pythonFlat(layers: number): string {
  const lines = ['from keras import layers, Input, Model', 'x = Input(shape=(64,))'];
  for (let i = 0; i < layers; i++) lines.push(`x = layers.Dense(${32 + (i % 5) * 8}, activation="relu", name="dense_${i}")(x)`);
  lines.push('model = Model(x, x)');
  return lines.join('\n') + '\n';
}

export function tsFlat(layers: number): string {
  const lines = ["import * as tf from '@tensorflow/tfjs';", 'const input = tf.input({shape: [64]});', 'let x = input;'];
  for (let i = 0; i < layers; i++) lines.push(`x = tf.layers.dense({units: ${32 + (i % 5) * 8}, activation: 'relu', name: 'dense_${i}'}).apply(x) as tf.SymbolicTensor;`);
  lines.push('const model = tf.model({inputs: input, outputs: x});');
  return lines.join('\n') + '\n';
}
