// A model configured by a class with fields, a static default and getters, built by a method.
import * as tf from '@tensorflow/tfjs';

class NetworkConfig {
  static readonly BASE = 8;
  depth = 3;
  growth = 2;
  constructor(public readonly imageSize: number, public readonly classes: number) {}

  get widths(): number[] {
    return Array.from({ length: this.depth }, (_, i) => NetworkConfig.BASE * this.growth ** i);
  }

  get inputShape(): number[] {
    return [this.imageSize, this.imageSize, 1];
  }
}

class Network {
  constructor(private readonly cfg: NetworkConfig) {}

  build(): tf.Sequential {
    const m = tf.sequential({ name: 'getter_net' });
    this.cfg.widths.forEach((filters, i) => {
      m.add(tf.layers.conv2d({ filters, kernelSize: 3, activation: 'relu', ...(i === 0 ? { inputShape: this.cfg.inputShape } : {}) }));
      m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    });
    m.add(tf.layers.flatten());
    m.add(tf.layers.dense({ units: this.cfg.classes, activation: 'softmax' }));
    return m;
  }
}

const model = new Network(new NetworkConfig(64, 5)).build();
