// Scenario 7 (TF.js has no Lambda layer): a custom layer class is an opaque node with unknown shape, never an error.
import * as tf from '@tensorflow/tfjs';

class Doubler extends tf.layers.Layer {
  static className = 'Doubler';
  call(inputs: tf.Tensor | tf.Tensor[]) {
    return tf.mul(inputs as tf.Tensor, 2);
  }
}

const input = tf.input({shape: [5]});
const doubled = new Doubler().apply(input) as tf.SymbolicTensor;
const output = tf.layers.dense({units: 3}).apply(doubled) as tf.SymbolicTensor;
const model = tf.model({inputs: input, outputs: output});
