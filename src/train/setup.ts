// Keras/TF.js names in compile() → what TF.js's compile() takes: one loss per output (string, list or dict as Keras
// reads them), optimizers with Keras's default learning rates, metrics. Pure mapping; builds no optimizer itself.

import type { TargetKind } from './data';
import { UnsupportedError } from './translate';

// Keras function names, aliases and class names → TF.js's loss names (tfjs-layers losses.ts lossesMap).
const LOSSES: Record<string, string> = {
  mean_squared_error: 'meanSquaredError', mse: 'meanSquaredError', MeanSquaredError: 'meanSquaredError', MSE: 'meanSquaredError',
  mean_absolute_error: 'meanAbsoluteError', mae: 'meanAbsoluteError', MeanAbsoluteError: 'meanAbsoluteError', MAE: 'meanAbsoluteError',
  mean_absolute_percentage_error: 'meanAbsolutePercentageError', mape: 'meanAbsolutePercentageError', MeanAbsolutePercentageError: 'meanAbsolutePercentageError', MAPE: 'meanAbsolutePercentageError',
  mean_squared_logarithmic_error: 'meanSquaredLogarithmicError', msle: 'meanSquaredLogarithmicError', MeanSquaredLogarithmicError: 'meanSquaredLogarithmicError', MSLE: 'meanSquaredLogarithmicError',
  categorical_crossentropy: 'categoricalCrossentropy', CategoricalCrossentropy: 'categoricalCrossentropy',
  sparse_categorical_crossentropy: 'sparseCategoricalCrossentropy', SparseCategoricalCrossentropy: 'sparseCategoricalCrossentropy',
  binary_crossentropy: 'binaryCrossentropy', BinaryCrossentropy: 'binaryCrossentropy',
  hinge: 'hinge', Hinge: 'hinge', squared_hinge: 'squaredHinge', SquaredHinge: 'squaredHinge',
  categorical_hinge: 'categoricalHinge', CategoricalHinge: 'categoricalHinge',
  log_cosh: 'logcosh', logcosh: 'logcosh', LogCosh: 'logcosh',
  kl_divergence: 'kullbackLeiblerDivergence', kullback_leibler_divergence: 'kullbackLeiblerDivergence', kld: 'kullbackLeiblerDivergence', KLDivergence: 'kullbackLeiblerDivergence',
  poisson: 'poisson', Poisson: 'poisson',
  // Keras's cosine_similarity loss is −cos, as TF.js's cosineProximity.
  cosine_similarity: 'cosineProximity', CosineSimilarity: 'cosineProximity',
};
const TFJS_LOSSES = new Set(Object.values(LOSSES));

export function tfjsLoss(name: string): string {
  const v = LOSSES[name] ?? (TFJS_LOSSES.has(name) ? name : undefined);
  if (!v) throw new UnsupportedError(`TF.js has no loss '${name}' (it has ${[...TFJS_LOSSES].join(', ')})`);
  return v;
}

/** What targets the loss expects, so synthetic targets are valid for it. */
export function targetKind(tfLoss: string): TargetKind {
  if (tfLoss === 'categoricalCrossentropy' || tfLoss === 'categoricalHinge' || tfLoss === 'kullbackLeiblerDivergence') return 'one-hot';
  if (tfLoss === 'sparseCategoricalCrossentropy') return 'sparse';
  if (tfLoss === 'binaryCrossentropy' || tfLoss === 'hinge' || tfLoss === 'squaredHinge') return 'binary';
  return 'regression';
}

/** Keras's rules for `loss=`: one name for every output, a list with one per output, or a dict by output name. */
export function lossPerOutput(loss: string | string[] | Record<string, string> | null, outputNames: string[], notes: string[]): string[] {
  if (loss === null) {
    notes.push('no statically known loss in compile(): using mean squared error');
    return outputNames.map(() => 'meanSquaredError');
  }
  if (typeof loss === 'string') return outputNames.map(() => tfjsLoss(loss));
  if (Array.isArray(loss)) {
    if (loss.length !== outputNames.length) {
      throw new UnsupportedError(`compile() gives ${loss.length} losses for a model with ${outputNames.length} outputs`);
    }
    return loss.map(tfjsLoss);
  }
  const unknown = Object.keys(loss).filter((k) => !outputNames.includes(k));
  if (unknown.length > 0) {
    throw new UnsupportedError(`compile()'s loss dict names ${unknown.map((k) => `'${k}'`).join(', ')}, which ${unknown.length === 1 ? 'is not an output' : 'are not outputs'} of the model (outputs: ${outputNames.join(', ')})`);
  }
  return outputNames.map((n) => {
    // Keras 3 requires a loss for every output in a dict; an output without one is not trained.
    if (!(n in loss)) throw new UnsupportedError(`compile()'s loss dict has no entry for output '${n}'`);
    return tfjsLoss(loss[n]);
  });
}

export interface OptimizerSpec {
  name: 'sgd' | 'adam' | 'rmsprop' | 'adagrad' | 'adadelta' | 'adamax';
  learningRate: number;
}

// Keras 3 default learning rates (keras/src/optimizers/*.py): SGD 0.01, the others 0.001. Passing them explicitly
// matters: TF.js's adamax defaults to 0.002 and its sgd has no default.
const KERAS_LR: Record<OptimizerSpec['name'], number> = { sgd: 0.01, adam: 0.001, rmsprop: 0.001, adagrad: 0.001, adadelta: 0.001, adamax: 0.001 };

export function optimizerSpec(name: string | null, learningRate: number | null, notes: string[]): OptimizerSpec {
  let key = (name ?? 'adam').toLowerCase();
  if (name === null) notes.push('no statically known optimizer in compile(): using Adam');
  if (key === 'rms_prop') key = 'rmsprop';
  if (!(key in KERAS_LR)) throw new UnsupportedError(`optimizer '${name}' is not one LayerGraph can build in TF.js (sgd, adam, rmsprop, adagrad, adadelta, adamax)`);
  const k = key as OptimizerSpec['name'];
  return { name: k, learningRate: learningRate ?? KERAS_LR[k] };
}

const METRICS: Record<string, string> = {
  accuracy: 'accuracy', acc: 'accuracy', mse: 'mse', mean_squared_error: 'mse', mae: 'mae', mean_absolute_error: 'mae',
  mape: 'mape', mean_absolute_percentage_error: 'mape', binary_accuracy: 'binaryAccuracy', categorical_accuracy: 'categoricalAccuracy',
  precision: 'precision', cosine_similarity: 'cosine', categorical_crossentropy: 'categoricalCrossentropy',
  sparse_categorical_crossentropy: 'sparseCategoricalCrossentropy',
};
const TFJS_METRICS = new Set([...Object.values(METRICS), 'MSE', 'MAE', 'MAPE', 'acc']);

/** Metrics TF.js knows; others are dropped with a note (they do not change what is trained). */
export function tfjsMetrics(metrics: string[], notes: string[]): string[] {
  const out: string[] = [];
  for (const m of metrics) {
    const v = METRICS[m] ?? (TFJS_METRICS.has(m) ? m : undefined);
    if (v) out.push(v);
    else notes.push(`metric '${m}' has no TF.js equivalent and is not reported`);
  }
  return out;
}
