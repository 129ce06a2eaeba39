// compile()/fit() in the other language: losses, optimizer and learning rate, metrics, epochs and batch size, and the
// data fit() is given (generated arrays, files, literals) as the other side writes them. The Keras → TF.js names come
// from the trainer's own mapping (src/train/setup.ts), so translation and training agree. Returns source lines.

import type { DataSpec, TrainingIR } from '../graph/ir';
import { lossPerOutput, optimizerSpec, tfjsLoss, tfjsMetrics } from '../train/setup';
import { pyLiteral, pyString, tsLiteral, tsString } from './values';

function asLoss(loss: TrainingIR['loss'], outputNames: string[], notes: string[]): string | string[] | Record<string, string> {
  if (loss === null) return 'meanSquaredError';
  if (typeof loss === 'string') return tfjsLoss(loss);
  // Checks the list length / dict keys against the outputs, as Keras does.
  const per = lossPerOutput(loss, outputNames, notes);
  return Array.isArray(loss) ? per : Object.fromEntries(outputNames.map((n, i) => [n, per[i]]));
}

function tsData(d: DataSpec): string | { error: string } {
  switch (d.kind) {
    case 'random-uniform':
      return `tf.randomUniform(${tsLiteral(d.shape)}, ${d.low}, ${d.high})`;
    case 'random-normal':
      return `tf.randomNormal(${tsLiteral(d.shape)}, ${d.mean}, ${d.std})`;
    case 'random-int':
      return `tf.randomUniformInt(${tsLiteral(d.shape)}, ${d.low}, ${d.high})`;
    case 'zeros':
    case 'ones':
      return `tf.${d.kind}(${tsLiteral(d.shape)})`;
    case 'literal':
      return `tf.tensor(${tsLiteral(d.values)})`;
    case 'npy':
      return { error: `it reads ${tsString(d.path)} with np.load, which TF.js has no reader for` };
    case 'csv':
      return { error: `it reads ${tsString(d.path)} with np.loadtxt; load it with tf.data.csv and pass the tensors` };
    case 'unknown':
      return { error: `its data is not statically known (${d.reason})` };
  }
}

function pyData(d: DataSpec): string | { error: string } {
  switch (d.kind) {
    case 'random-uniform':
      return `np.random.uniform(${d.low}, ${d.high}, size=${pyLiteral(d.shape)})`;
    case 'random-normal':
      return `np.random.normal(${d.mean}, ${d.std}, size=${pyLiteral(d.shape)})`;
    case 'random-int':
      return `np.random.randint(${d.low}, ${d.high}, size=${pyLiteral(d.shape)})`;
    case 'zeros':
    case 'ones':
      return `np.${d.kind}(${pyLiteral(d.shape)})`;
    case 'literal':
      return `np.array(${pyLiteral(d.values, true)})`;
    case 'npy':
      return `np.load(${pyString(d.path)})`;
    case 'csv':
      return `np.loadtxt(${pyString(d.path)}${d.delimiter !== null ? `, delimiter=${pyString(d.delimiter)}` : ''}${d.skiprows ? `, skiprows=${d.skiprows}` : ''})`;
    case 'unknown':
      return { error: `its data is not statically known (${d.reason})` };
  }
}

export interface TrainingCode {
  /** Lines after the model (compile). */
  compile: string[];
  /** Lines of fit with its data; empty when there is no fit(). */
  fit: string[];
  /** Why fit() was not translated, when it was not. */
  skipped?: string;
}

function data(specs: DataSpec[] | null, print: (d: DataSpec) => string | { error: string }, list: (xs: string[]) => string): string | { error: string } {
  if (specs === null) return { error: 'its data is not statically known' };
  const parts = specs.map(print);
  const bad = parts.find((p): p is { error: string } => typeof p !== 'string');
  if (bad) return bad;
  return parts.length === 1 ? (parts[0] as string) : list(parts as string[]);
}

/** TF.js lines for a Keras model's compile()/fit(), `model` being the output's variable. */
export function tfjsTraining(t: TrainingIR, model: string, outputNames: string[], notes: string[]): TrainingCode {
  const out: TrainingCode = { compile: [], fit: [] };
  if (t.compileRange === null) return out;
  const opt = optimizerSpec(t.optimizer ?? 'rmsprop', t.learningRate, notes);
  const metrics = tfjsMetrics(t.metrics, notes);
  const parts = [`optimizer: tf.train.${opt.name}(${opt.learningRate})`, `loss: ${tsLiteral(asLoss(t.loss, outputNames, notes))}`];
  if (metrics.length) parts.push(`metrics: ${tsLiteral(metrics)}`);
  out.compile.push(`${model}.compile({${parts.join(', ')}});`);
  if (t.fitRange === null) return out;
  const x = data(t.x, tsData, (xs) => `[${xs.join(', ')}]`);
  const y = data(t.y, tsData, (xs) => `[${xs.join(', ')}]`);
  const bad = [x, y].find((p): p is { error: string } => typeof p !== 'string');
  if (bad) {
    out.skipped = `fit() is not translated: ${bad.error}`;
    return out;
  }
  const opts = [`epochs: ${t.epochs ?? 1}`];
  if (t.batchSize !== null) opts.push(`batchSize: ${t.batchSize}`);
  out.fit.push(`const xs = ${x};`, `const ys = ${y};`, `return ${model}.fit(xs, ys, {${opts.join(', ')}});`);
  return out;
}

const KERAS_LOSSES: Record<string, string> = {
  meanSquaredError: 'mean_squared_error', meanAbsoluteError: 'mean_absolute_error', meanAbsolutePercentageError: 'mean_absolute_percentage_error',
  meanSquaredLogarithmicError: 'mean_squared_logarithmic_error', categoricalCrossentropy: 'categorical_crossentropy',
  sparseCategoricalCrossentropy: 'sparse_categorical_crossentropy', binaryCrossentropy: 'binary_crossentropy', hinge: 'hinge',
  squaredHinge: 'squared_hinge', categoricalHinge: 'categorical_hinge', logcosh: 'log_cosh', kullbackLeiblerDivergence: 'kl_divergence',
  poisson: 'poisson', cosineProximity: 'cosine_similarity',
};
const KERAS_METRICS: Record<string, string> = {
  accuracy: 'accuracy', acc: 'accuracy', mse: 'mse', MSE: 'mse', mae: 'mae', MAE: 'mae', mape: 'mape', MAPE: 'mape',
  binaryAccuracy: 'binary_accuracy', categoricalAccuracy: 'categorical_accuracy', precision: 'precision', recall: 'recall',
  cosine: 'cosine_similarity', categoricalCrossentropy: 'categorical_crossentropy', sparseCategoricalCrossentropy: 'sparse_categorical_crossentropy',
  binaryCrossentropy: 'binary_crossentropy',
};
const KERAS_OPTIMIZERS: Record<string, string> = { sgd: 'SGD', adam: 'Adam', rmsprop: 'RMSprop', adagrad: 'Adagrad', adadelta: 'Adadelta', adamax: 'Adamax' };

function kerasLoss(name: string): string {
  const v = KERAS_LOSSES[tfjsLoss(name)];
  return v;
}

/** Keras lines for a TF.js model's compile()/fit(). */
export function kerasTraining(t: TrainingIR, model: string, notes: string[]): TrainingCode {
  const out: TrainingCode = { compile: [], fit: [] };
  if (t.compileRange === null) return out;
  const key = (t.optimizer ?? 'rmsprop').toLowerCase();
  const cls = KERAS_OPTIMIZERS[key];
  if (!cls) throw new Error(`optimizer '${t.optimizer}' is not one LayerGraph translates (${Object.keys(KERAS_OPTIMIZERS).join(', ')})`);
  // TF.js's optimizer factories take the learning rate first, with no default for sgd: say it explicitly.
  const lr = t.learningRate ?? optimizerSpec(key, null, notes).learningRate;
  const loss = t.loss === null ? 'mean_squared_error' : typeof t.loss === 'string' ? kerasLoss(t.loss) : Array.isArray(t.loss) ? t.loss.map(kerasLoss) : Object.fromEntries(Object.entries(t.loss).map(([k, v]) => [k, kerasLoss(v)]));
  const metrics = t.metrics.map((m) => {
    const v = KERAS_METRICS[m];
    if (!v) notes.push(`metric '${m}' has no Keras spelling LayerGraph knows; left out`);
    return v;
  }).filter((m): m is string => m !== undefined);
  const parts = [`optimizer=keras.optimizers.${cls}(learning_rate=${lr})`, `loss=${pyLiteral(loss, true)}`];
  if (metrics.length) parts.push(`metrics=${pyLiteral(metrics, true)}`);
  out.compile.push(`${model}.compile(${parts.join(', ')})`);
  if (t.fitRange === null) return out;
  const x = data(t.x, pyData, (xs) => `[${xs.join(', ')}]`);
  const y = data(t.y, pyData, (xs) => `[${xs.join(', ')}]`);
  const bad = [x, y].find((p): p is { error: string } => typeof p !== 'string');
  if (bad) {
    out.skipped = `fit() is not translated: ${bad.error}`;
    return out;
  }
  const opts = [`epochs=${t.epochs ?? 1}`];
  if (t.batchSize !== null) opts.push(`batch_size=${t.batchSize}`);
  out.fit.push(`x_${model} = ${x}`, `y_${model} = ${y}`, `${model}.fit(x_${model}, y_${model}, ${opts.join(', ')})`);
  return out;
}
