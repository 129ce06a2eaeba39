// A Node training script: a config object with command-line overrides, a Trainer class that builds its model in
// the constructor, and an async entry point started with run().catch(...).
import * as tf from '@tensorflow/tfjs';

interface TrainConfig { inputDim: number; hidden: number; layers: number; classes: number; dropout?: number; lr?: number }

const DEFAULTS: TrainConfig = { inputDim: 20, hidden: 64, layers: 2, classes: 4 };

function parseArgs(argv: string[]): TrainConfig {
  const cfg = { ...DEFAULTS };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (key === 'hidden') cfg.hidden = parseInt(argv[i + 1], 10);
  }
  return cfg;
}

class Trainer {
  readonly model: tf.Sequential;
  private readonly config: TrainConfig;

  constructor(config: TrainConfig) {
    this.config = config;
    this.model = this.buildModel();
  }

  private buildModel(): tf.Sequential {
    const { inputDim, hidden, layers, classes, dropout = 0.2 } = this.config;
    const m = tf.sequential();
    for (let i = 0; i < layers; i++) {
      m.add(tf.layers.dense({ units: hidden / (i + 1), activation: 'relu', inputShape: i === 0 ? [inputDim] : undefined }));
      m.add(tf.layers.dropout({ rate: dropout }));
    }
    m.add(tf.layers.dense({ units: classes, activation: 'softmax' }));
    m.compile({ optimizer: tf.train.adam(this.config.lr ?? 1e-3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    return m;
  }

  async train(epochs: number): Promise<void> {
    const xs = tf.zeros([8, this.config.inputDim]);
    const ys = tf.zeros([8, this.config.classes]);
    await this.model.fit(xs, ys, { epochs, batchSize: 4, verbose: 0 });
  }
}

const config = parseArgs(process.argv);
const trainer = new Trainer(config);
const model = trainer.model;

async function run(): Promise<void> {
  await trainer.train(1);
  console.log('done');
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
