// The trainer's memory check: how much memory training a model in TF.js takes, from the IR alone (no TF.js), so the
// editor can ask before starting a large run. The model's part (weights, gradients, optimizer slots, one batch's
// activations) is `trainingMemory` of src/graph/cost.ts — the same estimate `summary --cost` prints; this adds what
// only a run has: the code's own data (np.random.rand(100000, 2500) is 1 GB of float32, held once as an array and
// once as a tensor) and the trained weights' way back to the editor. The trainer computes in float32 whatever the
// code's dtype says, so every value is 4 bytes here. A guide to the order of magnitude, not a measurement
// (docs/cost.md compares it with measured peaks).

import { trainingMemory, type TrainingMemory } from '../graph/cost';
import type { AnalysisResult, DataSpec, ModelIR } from '../graph/ir';

export interface MemoryEstimate {
  /** The model's part, as `summary --cost` computes it (float32). */
  training: TrainingMemory;
  /** Weights, their gradients and the optimizer's slots (Adam keeps two per weight), with TF.js's workspace. */
  parameterBytes: number;
  /** Every layer output of one batch, kept for the backward pass, with TF.js's workspace. */
  activationBytes: number;
  /** The training arrays (x and y): the code's when their shapes are known, else the synthetic ones. */
  dataBytes: number;
  /** The trained weights on their way back: float32 chunks in the trainer, reassembled and nested in the editor. */
  resultBytes: number;
  totalBytes: number;
}

const FLOAT = 4;
/** What TF.js holds beyond the model's state, as a multiple of it, measured (test/train-memory.test.ts, docs/cost.md):
 *  the optimizer's update runs in one tidy over all weights (its temporaries live until the end), each layer's
 *  backward pass keeps intermediates of its output's size (BatchNormalization about five), and the WASM heap never
 *  gives memory back. Peak RSS growth measured 5.1–7.3× the model state on weights- and activations-heavy models
 *  (the estimate then 1.3–1.7× short); data is held as counted. */
const TFJS_WORKSPACE = 4;
/** Each data array exists twice while training: the loaded array and the tensor made from it. */
const DATA_COPIES = 2;
/** Per weight value returned: the float32 copy sent (4), the float32 it is reassembled into (4), a nested double (8). */
const RESULT_BYTES_PER_VALUE = 16;

function known(shape: readonly (number | string | null)[] | null | undefined, batch: number): number {
  if (!shape) return 0;
  return shape.reduce<number>((n, d, i) => n * (i === 0 ? batch : typeof d === 'number' ? d : 1), 1);
}

/** Values of one data spec when its size is known without reading a file (files are capped by the trainer). */
function specValues(spec: DataSpec): number | null {
  switch (spec.kind) {
    case 'random-uniform':
    case 'random-normal':
    case 'random-int':
    case 'zeros':
    case 'ones':
      return spec.shape.reduce((a, b) => a * b, 1);
    case 'literal':
      return spec.shape ? spec.shape.reduce((a, b) => a * b, 1) : null;
    default:
      return null;
  }
}

export function estimateTrainingMemory(analysis: AnalysisResult, model: ModelIR, options: { batchSize?: number; samples?: number; optimizer?: string | null } = {}): MemoryEstimate {
  const batch = options.batchSize ?? model.training?.batchSize ?? 32;
  const params = model.totalParams ?? 0;
  const tensors = new Map(analysis.tensors.map((t) => [t.id, t]));
  const calls = new Map(analysis.calls.map((c) => [c.id, c]));
  // Unknown dims count as 1 here (the summary says `?` instead): the check must give a number to compare.
  let activations = 0;
  for (const id of model.calls) for (const t of calls.get(id)?.outputs ?? []) activations += known(tensors.get(t)?.shape, 1);
  const input = {
    weightBytes: params * FLOAT,
    trainableWeightBytes: (model.trainableParams ?? params) * FLOAT,
    activationBytesPerSample: activations * FLOAT,
    batchSize: batch,
  };
  // The trainer builds Adam when the code names no optimizer it can build.
  const training = trainingMemory({ ...input, optimizer: options.optimizer ?? model.training?.optimizer ?? 'adam' }) ?? trainingMemory({ ...input, optimizer: 'adam' })!;
  const parameterBytes = (training.weights + training.gradients + training.optimizerSlots) * TFJS_WORKSPACE;
  const activationBytes = training.activations * TFJS_WORKSPACE;

  // The code's data decides the sample count; an array not statically known is synthesized with `samples` rows of
  // the model's shape (x specs go with the inputs in order, y specs with the outputs).
  const xs = model.training?.x ?? null;
  const ys = model.training?.y ?? null;
  const firstShape = [...(xs ?? []), ...(ys ?? [])].find((s): s is Extract<DataSpec, { shape: number[] }> => 'shape' in s && Array.isArray(s.shape));
  const samples = options.samples ?? firstShape?.shape[0] ?? 32;
  let data = 0;
  const count = (ids: number[], specs: DataSpec[] | null) =>
    ids.forEach((t, i) => (data += (specs?.[i] ? specValues(specs[i]) : null) ?? known(tensors.get(t)?.shape, samples)));
  count(model.inputs, xs);
  count(model.outputs, ys);
  const dataBytes = data * FLOAT * DATA_COPIES;
  const resultBytes = params * RESULT_BYTES_PER_VALUE;
  return { training, parameterBytes, activationBytes, dataBytes, resultBytes, totalBytes: parameterBytes + activationBytes + dataBytes + resultBytes };
}
