// A custom TF.js layer with computeOutputShape (scales its input by a learned per-channel vector) used between
// built-in layers; registered for serialization as people do.
import * as tf from '@tensorflow/tfjs';

class ChannelScale extends tf.layers.Layer {
  static className = 'ChannelScale';
  private scale!: tf.LayerVariable;

  build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = inputShape as tf.Shape;
    this.scale = this.addWeight('scale', [shape[shape.length - 1] as number], 'float32', tf.initializers.ones());
    this.built = true;
  }

  computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    return tf.mul(x, this.scale.read());
  }
}
tf.serialization.registerClass(ChannelScale);

const input = tf.input({shape: [16]});
const hidden = tf.layers.dense({units: 24, activation: 'relu'}).apply(input) as tf.SymbolicTensor;
const scaled = new ChannelScale({name: 'channel_scale'}).apply(hidden) as tf.SymbolicTensor;
const output = tf.layers.dense({units: 2, activation: 'softmax'}).apply(scaled) as tf.SymbolicTensor;
const model = tf.model({inputs: input, outputs: output});
