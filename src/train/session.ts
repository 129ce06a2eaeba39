// One training run on the current TF.js backend: plan and build the model, make the data, compile and fit as the
// code says, and read the weights back in Keras's order. Runs in whatever process calls it (the trainer child, tests).

import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { AnalysisResult, ModelIR } from '../graph/ir';
import { buildModel } from './buildModel';
import { DataError, makeDataSet, type ModelShapes, type NdArray } from './data';
import type { BackendName, TrainRequest, TrainResult, WeightArray, WeightHeader } from './protocol';
import { lossPerOutput, optimizerSpec, targetKind, tfjsMetrics, type OptimizerSpec } from './setup';
import { pickModel, planModel, UnsupportedError } from './translate';
import { shortestFloat32, withValues } from './weights';

export { shortestFloat32 };

/** One weight array as the trainer holds it: the header and the flat float32 values. */
export interface RawWeight {
  header: WeightHeader;
  data: Float32Array;
}

/** A result whose weights are still flat (the trainer sends them in chunks; `train` nests them). */
export type RawTrainResult = Omit<TrainResult, 'weights'> & { weights: RawWeight[] };

export interface SessionHooks {
  onEpoch?(epoch: number, epochs: number, logs: Record<string, number>): void;
  /** Checked after every batch; true stops training (the result is then not delivered). */
  cancelled?(): boolean;
}

export class CancelledError extends Error {
  constructor() {
    super('training was cancelled');
    this.name = 'CancelledError';
  }
}

function optimizer(o: OptimizerSpec): tf.Optimizer {
  switch (o.name) {
    case 'sgd':
      return tf.train.sgd(o.learningRate);
    case 'adam':
      return tf.train.adam(o.learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(o.learningRate);
    case 'adagrad':
      return tf.train.adagrad(o.learningRate);
    case 'adadelta':
      return tf.train.adadelta(o.learningRate);
    case 'adamax':
      return tf.train.adamax(o.learningRate);
  }
}

/** Names of a model's outputs as Keras uses them in loss dicts and history keys: the producing layer's name. */
export function outputNames(analysis: AnalysisResult, model: ModelIR): string[] {
  const tensors = new Map(analysis.tensors.map((t) => [t.id, t]));
  const calls = new Map(analysis.calls.map((c) => [c.id, c]));
  const layers = new Map(analysis.layers.map((l) => [l.id, l]));
  return model.outputs.map((id) => {
    const producer = tensors.get(id)?.producer;
    return producer ? layers.get(calls.get(producer.call)!.layer)!.name : `output_${id}`;
  });
}

function toTensor(a: NdArray): tf.Tensor {
  return tf.tensor(a.data, a.shape, a.dtype);
}

export function stats(values: ArrayLike<number>): WeightArray['stats'] {
  const n = values.length;
  if (n === 0) return { mean: NaN, std: NaN, min: NaN, max: NaN };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    sum += values[i];
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (values[i] - mean) ** 2;
  // numpy's std: population (ddof=0).
  return { mean, std: Math.sqrt(sq / n), min, max };
}

const RNN_CELLS: Record<string, string> = { LSTM: 'lstm_cell/', GRU: 'gru_cell/', SimpleRNN: 'simple_rnn_cell/' };

/**
 * Weights in Keras 3's `model.weights` order: layers in `model.layers` order, each layer's trainable then
 * non-trainable variables (TF.js's `layer.weights` has the same order). Names are Keras 3's `variable.path`,
 * `<layer name>/<weight name>`, with the weight names the catalog gives (kernel, bias, gamma, moving_mean…).
 */
export function readWeights(analysis: AnalysisResult, model: ModelIR, built: Map<number, tfl.layers.Layer>): RawWeight[] {
  const out: RawWeight[] = [];
  // Keras 3's recurrent layers keep their weights in a cell sublayer, so the path has the cell's name in it.
  const cell = (className: string): string => (analysis.language === 'python' ? RNN_CELLS[className] ?? '' : '');
  const byId = new Map(analysis.layers.map((l) => [l.id, l]));
  for (const id of model.layers) {
    const ir = byId.get(id);
    const layer = built.get(id);
    if (!ir || !layer) continue;
    const vars = layer.weights;
    const irNames = ir.weights.length === vars.length ? ir.weights.map((w) => w.name) : null;
    vars.forEach((v, i) => {
      const raw = v.read().dataSync() as Float32Array;
      const short = irNames?.[i] ?? v.originalName.split('/').slice(1).join('/');
      const header: WeightHeader = {
        layer: ir.name,
        name: `${ir.name}/${cell(ir.className)}${short}`,
        shape: [...v.shape] as number[],
        dtype: 'float32',
        trainable: v.trainable,
        stats: stats(raw),
        line: ir.range.line,
      };
      out.push({ header, data: raw });
    });
  }
  return out;
}

function isKernelMissing(e: unknown): boolean {
  return e instanceof Error && /not registered for backend|is not implemented for|No backend found/i.test(e.message);
}

/** Trains on the backend already set (see backend.ts). Throws UnsupportedError / DataError / CancelledError. */
export async function trainOnCurrentBackend(request: TrainRequest, hooks: SessionHooks = {}): Promise<RawTrainResult> {
  const t0 = performance.now();
  const { analysis } = request;
  const model = pickModel(analysis, request.model);
  const notes: string[] = [];
  const plan = planModel(analysis, model);
  notes.push(...plan.notes);
  const training = model.training;
  if (!training) notes.push('the code does not call compile()/fit() on this model: using defaults');

  const names = outputNames(analysis, model);
  const losses = lossPerOutput(training?.loss ?? null, names, notes);
  const opt = optimizerSpec(training?.optimizer ?? null, training?.learningRate ?? null, notes);
  const metrics = tfjsMetrics(training?.metrics ?? [], notes);
  const epochs = request.epochs ?? training?.epochs ?? 5;
  const batchSize = request.batchSize ?? training?.batchSize ?? 32;
  const seed = request.seed ?? 1;

  const tensors = new Map(analysis.tensors.map((t) => [t.id, t]));
  const layerName = (tensorId: number): string => {
    const p = tensors.get(tensorId)?.producer;
    const call = p ? analysis.calls.find((c) => c.id === p.call) : undefined;
    return call ? analysis.layers.find((l) => l.id === call.layer)!.name : `tensor ${tensorId}`;
  };
  const shapes: ModelShapes = {
    inputs: model.inputs.map((id) => ({ name: layerName(id), shape: tensors.get(id)?.shape ?? [null] })),
    outputs: model.outputs.map((id, i) => ({ name: names[i], shape: tensors.get(id)?.shape ?? [null], target: targetKind(losses[i]) })),
  };
  const baseDir = request.baseDir ?? path.dirname(path.resolve(analysis.file));
  const data = makeDataSet(shapes, training?.x ?? null, training?.y ?? null, { baseDir, root: request.root ?? baseDir, seed, samples: request.samples });
  notes.push(...data.notes);

  const built = buildModel(analysis, model, plan);
  const xs = data.x.map(toTensor);
  const ys = data.y.map(toTensor);
  try {
    built.model.compile({ loss: losses, optimizer: optimizer(opt), metrics: metrics.length > 0 ? metrics : undefined });
    const history = await built.model.fit(xs.length === 1 ? xs[0] : xs, ys.length === 1 ? ys[0] : ys, {
      epochs,
      batchSize,
      verbose: 0,
      callbacks: {
        onBatchEnd: async () => {
          if (hooks.cancelled?.()) built.model.stopTraining = true;
        },
        onEpochEnd: async (epoch, logs) => {
          hooks.onEpoch?.(epoch, epochs, { ...(logs as Record<string, number>) });
        },
      },
    });
    if (hooks.cancelled?.()) throw new CancelledError();
    const hist: Record<string, number[]> = {};
    // TF.js logs the 'accuracy' metric as 'acc'; Keras's History uses the name the code wrote.
    const accName = (training?.metrics ?? []).find((m) => m === 'accuracy' || m === 'acc') ?? 'acc';
    for (const [k, v] of Object.entries(history.history)) {
      hist[k.replace(/(^|_)acc$/, `$1${accName}`)] = (v as (number | tf.Tensor)[]).map((x) => (typeof x === 'number' ? x : (x.dataSync()[0] as number)));
    }
    const weights = readWeights(analysis, model, built.layers);
    return {
      backend: tf.getBackend() as BackendName,
      model: model.name,
      epochs,
      history: hist,
      weights,
      synthetic: data.synthetic,
      notes,
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    xs.forEach((t) => t.dispose());
    ys.forEach((t) => t.dispose());
    built.model.dispose();
  }
}

/** Trains, and if the backend lacks a kernel the model needs (the WebAssembly backend has fewer), retrains from scratch
 *  on the CPU backend and says so — the result is then exactly what a CPU run gives. Weights stay flat. */
export async function trainRaw(request: TrainRequest, hooks: SessionHooks = {}): Promise<RawTrainResult> {
  try {
    return await trainOnCurrentBackend(request, hooks);
  } catch (e) {
    if (!isKernelMissing(e) || tf.getBackend() === 'cpu') throw e;
    const from = tf.getBackend();
    await tf.setBackend('cpu');
    const result = await trainOnCurrentBackend(request, hooks);
    result.notes.push(`the ${from} backend lacks an operation this model needs (${(e as Error).message.split('\n')[0]}); trained on the CPU backend instead`);
    return result;
  }
}

/** trainRaw with the weights nested, as results carry them (tests and in-process callers). */
export async function train(request: TrainRequest, hooks: SessionHooks = {}): Promise<TrainResult> {
  const r = await trainRaw(request, hooks);
  return { ...r, weights: r.weights.map((w): WeightArray => withValues(w.header, w.data)) };
}

export { DataError, UnsupportedError };
