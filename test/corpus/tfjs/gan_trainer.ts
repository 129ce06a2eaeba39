// A GAN trainer class: generator and discriminator built in the constructor, a combined model that stacks them.
import * as tf from '@tensorflow/tfjs';

class GanTrainer {
  readonly generator: tf.Sequential;
  readonly discriminator: tf.Sequential;
  readonly combined: tf.LayersModel;

  constructor(readonly latentDim = 10, readonly dataDim = 2) {
    this.generator = tf.sequential({ name: 'generator' });
    this.generator.add(tf.layers.dense({ units: 16, inputShape: [latentDim] }));
    this.generator.add(tf.layers.leakyReLU({ alpha: 0.2 }));
    this.generator.add(tf.layers.dense({ units: dataDim, activation: 'tanh' }));

    this.discriminator = tf.sequential({ name: 'discriminator' });
    this.discriminator.add(tf.layers.dense({ units: 16, inputShape: [dataDim] }));
    this.discriminator.add(tf.layers.leakyReLU({ alpha: 0.2 }));
    this.discriminator.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

    const z = tf.input({ shape: [latentDim], name: 'z' });
    const fake = this.generator.apply(z) as tf.SymbolicTensor;
    const validity = this.discriminator.apply(fake) as tf.SymbolicTensor;
    this.combined = tf.model({ inputs: z, outputs: validity, name: 'combined' });
  }
}

const trainer = new GanTrainer(12);
const generator = trainer.generator;
const discriminator = trainer.discriminator;
const combined = trainer.combined;
