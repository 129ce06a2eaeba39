// A rough memory estimate for training a model, from the IR alone (no TF.js), so the editor can ask before starting
// a large run. An order-of-magnitude guide for float32 training, not a measurement.

import type { AnalysisResult, ModelIR } from '../graph/ir';

export interface MemoryEstimate {
  /** Weights, their gradients and the optimizer's slots (Adam keeps two per weight). */
  parameterBytes: number;
  /** Every layer output of one batch, kept for the backward pass, and its gradient. */
  activationBytes: number;
  /** The training arrays (x and y), held whole by the trainer. */
  dataBytes: number;
  totalBytes: number;
}

const FLOAT = 4;

function known(shape: readonly (number | string | null)[] | null | undefined, batch: number): number {
  if (!shape) return 0;
  return shape.reduce<number>((n, d, i) => n * (i === 0 ? batch : typeof d === 'number' ? d : 1), 1);
}

export function estimateTrainingMemory(analysis: AnalysisResult, model: ModelIR, options: { batchSize?: number; samples?: number; optimizer?: string | null } = {}): MemoryEstimate {
  const batch = options.batchSize ?? model.training?.batchSize ?? 32;
  const samples = options.samples ?? 32;
  const optimizer = (options.optimizer ?? model.training?.optimizer ?? 'adam').toLowerCase();
  const slots = optimizer === 'sgd' ? 0 : optimizer === 'adam' || optimizer === 'adamax' || optimizer === 'adadelta' ? 2 : 1;
  const parameterBytes = (model.totalParams ?? 0) * FLOAT * (2 + slots);
  const tensors = new Map(analysis.tensors.map((t) => [t.id, t]));
  const calls = new Map(analysis.calls.map((c) => [c.id, c]));
  let activations = 0;
  for (const id of model.calls) for (const t of calls.get(id)?.outputs ?? []) activations += known(tensors.get(t)?.shape, batch);
  const activationBytes = activations * FLOAT * 2;
  let data = 0;
  for (const t of [...model.inputs, ...model.outputs]) data += known(tensors.get(t)?.shape, samples);
  const dataBytes = data * FLOAT;
  return { parameterBytes, activationBytes, dataBytes, totalBytes: parameterBytes + activationBytes + dataBytes };
}
