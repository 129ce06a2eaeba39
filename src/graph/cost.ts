// What a model of the IR costs: each call's MACs/FLOPs (the catalog's rules in src/layers/cost.ts applied to the
// call's shapes and weights), its output activation memory, and per model the totals, weight memory by dtype and a
// peak training memory estimate for a batch. It reads the IR only; it renders nothing and trains nothing.

import { callCost, type CallCost } from '../layers/cost';
import type { LayerConfig } from '../layers/types';
import type { CallCostFigures } from '../webview-protocol';
import type { AnalysisResult, CallIR, LayerIR, ModelIR } from './ir';
import { dimAdd, dimMul, dimProduct, type Dim, type Shape } from './shape';

/** Bytes of one element of a dtype; Keras's default float32. A mixed policy (`mixed_float16`) computes in 16 bits
 *  but keeps float32 variables: `variable` picks which. Unknown names give null. */
export function dtypeBytes(dtype: unknown, use: 'compute' | 'variable' = 'compute'): number | null {
  if (dtype === null || dtype === undefined) return 4;
  if (typeof dtype !== 'string') return null;
  if (dtype === 'mixed_float16' || dtype === 'mixed_bfloat16') return use === 'variable' ? 4 : 2;
  const bytes: Record<string, number> = {
    float16: 2, bfloat16: 2, float32: 4, float64: 8, half: 2, float: 4, double: 8,
    int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8, bool: 1,
  };
  return bytes[dtype] ?? null;
}

/** The dtype a layer computes and keeps variables in: its own `dtype=`, else the global mixed-precision policy in
 *  force when it was created, else null (float32). */
export function layerDtype(layer: LayerIR): unknown {
  const own = layer.config.dtype;
  return own === null || own === undefined ? layer.dtypePolicy ?? null : own;
}

export interface CallCostIR extends CallCost {
  /** Bytes of the call's outputs for one sample (elements × the layer's dtype). */
  activationBytes: Dim;
}

const UNKNOWN: CallCostIR = { macs: null, flops: null, activationBytes: null };

/** Totals of nested models by result (results are never changed once made). */
const modelTotals = new WeakMap<AnalysisResult, Map<number, CallCostIR>>();

/** One call's cost per sample. A nested model's call costs what its own calls cost. */
export function costOfCall(result: AnalysisResult, call: CallIR, seen: Set<number> = new Set()): CallCostIR {
  const layer: LayerIR | undefined = result.layers[call.layer];
  if (!layer) return UNKNOWN;
  const outputs = call.outputs.map((t) => result.tensors[t]?.shape ?? null);
  const activationBytes = outputBytes(outputs, dtypeBytes(layerDtype(layer)));
  if (layer.model !== undefined) {
    const inner = result.models[layer.model];
    if (!inner || seen.has(inner.id)) return { ...UNKNOWN, activationBytes };
    // Once per model and result: a model called as a layer a thousand times is summed once, not a thousand times.
    const memo = modelTotals.get(result) ?? new Map<number, CallCostIR>();
    modelTotals.set(result, memo);
    const total = memo.get(inner.id) ?? sumCalls(result, inner, new Set([...seen, inner.id]));
    memo.set(inner.id, total);
    return { macs: total.macs, flops: total.flops, activationBytes };
  }
  if (!layer.known) return { ...UNKNOWN, activationBytes };
  const figures = callCost(layer.className, {
    config: layer.config as LayerConfig,
    inputs: call.inputs.map((t) => result.tensors[t]?.shape ?? null),
    outputs,
    weights: layer.weights,
  });
  return { ...figures, activationBytes };
}

function outputBytes(outputs: (Shape | null)[], bytes: number | null): Dim {
  if (outputs.length === 0 || bytes === null) return null;
  let sum: Dim = 0;
  for (const s of outputs) sum = dimAdd(sum, s && s.length > 0 ? dimProduct(s.slice(1)) : null);
  return dimMul(sum, bytes);
}

function sumCalls(result: AnalysisResult, model: ModelIR, seen: Set<number>): CallCostIR {
  let macs: Dim = 0;
  let flops: Dim = 0;
  let activationBytes: Dim = 0;
  for (const id of model.calls) {
    const call = result.calls[id];
    if (!call) continue;
    const c = costOfCall(result, call, seen);
    macs = dimAdd(macs, c.macs);
    flops = dimAdd(flops, c.flops);
    activationBytes = dimAdd(activationBytes, c.activationBytes);
  }
  return { macs, flops, activationBytes };
}

/** What the graph colours nodes by: per call id, its MACs and output bytes per sample (null: unknown or symbolic). */
export function callCostFigures(result: AnalysisResult): CallCostFigures[] {
  return result.calls.map((call) => {
    const c = costOfCall(result, call);
    return { macs: typeof c.macs === 'number' ? c.macs : null, activationBytes: typeof c.activationBytes === 'number' ? c.activationBytes : null };
  });
}

export interface ModelCost extends CallCostIR {
  /** Bytes of the model's weights, each layer's by its dtype (float32 unless the layer sets `dtype=`). */
  weightBytes: number | null;
  trainableWeightBytes: number | null;
  /** From `fit(batch_size=…)` / `batchSize`, when the code says it. */
  batchSize: number | null;
  batchMacs: Dim;
  batchFlops: Dim;
  /** The training estimate for that batch; null when the batch size, the optimizer or a size is unknown. */
  training: TrainingMemory | null;
}

/** Totals of a model per sample, per batch when known, weight memory and the training estimate. */
export function costOfModel(result: AnalysisResult, model: ModelIR): ModelCost {
  const totals = sumCalls(result, model, new Set([model.id]));
  const weights = weightBytesOf(result, model);
  const batchSize = model.training?.batchSize ?? null;
  const training =
    batchSize !== null && weights.total !== null && weights.trainable !== null && typeof totals.activationBytes === 'number'
      ? trainingMemory({
          weightBytes: weights.total,
          trainableWeightBytes: weights.trainable,
          optimizer: model.training?.optimizer ?? null,
          activationBytesPerSample: totals.activationBytes,
          batchSize,
        })
      : null;
  return {
    ...totals,
    weightBytes: weights.total,
    trainableWeightBytes: weights.trainable,
    batchSize,
    batchMacs: batchSize === null ? null : dimMul(totals.macs, batchSize),
    batchFlops: batchSize === null ? null : dimMul(totals.flops, batchSize),
    training,
  };
}

/** A layer's cost over some of its calls (all when `callIds` is absent): a shared layer runs once per call. */
export function costOfLayer(result: AnalysisResult, layer: LayerIR, callIds: readonly number[] = layer.calls): CallCostIR & { weightBytes: number | null } {
  let macs: Dim = callIds.length === 0 ? null : 0;
  let flops: Dim = macs;
  let activationBytes: Dim = macs;
  for (const id of callIds) {
    const call = result.calls[id];
    const c = call ? costOfCall(result, call) : UNKNOWN;
    macs = dimAdd(macs, c.macs);
    flops = dimAdd(flops, c.flops);
    activationBytes = dimAdd(activationBytes, c.activationBytes);
  }
  const bytes = dtypeBytes(layerDtype(layer), 'variable');
  return { macs, flops, activationBytes, weightBytes: layer.params === null || bytes === null ? null : layer.params * bytes };
}

/** Bytes of a model's weights, each layer's by its dtype; a layer never called has no weights yet. */
export function weightBytesOf(result: AnalysisResult, model: ModelIR): { total: number | null; trainable: number | null } {
  let total: number | null = 0;
  let trainable: number | null = 0;
  for (const id of model.layers) {
    const layer = result.layers[id];
    if (!layer || layer.calls.length === 0) continue;
    const bytes = dtypeBytes(layerDtype(layer), 'variable');
    if (layer.params === null || layer.trainableParams === null || bytes === null) return { total: null, trainable: null };
    if (total !== null) total += layer.params * bytes;
    if (trainable !== null) trainable += layer.trainableParams * bytes;
  }
  return { total, trainable };
}

// ---------------------------------------------------------------------------------------------------------------
// Peak training memory: the one estimate the summary and the trainer's memory check share
// ---------------------------------------------------------------------------------------------------------------

export interface TrainingMemoryInput {
  /** All weights (trainable and not), in bytes. */
  weightBytes: number;
  trainableWeightBytes: number;
  /** `adam`, `sgd`, … as TrainingIR records it; null or unrecognized: unknown slots. */
  optimizer: string | null;
  /** SGD and RMSprop keep a momentum slot only when momentum is set (the IR does not record it: default false). */
  momentum?: boolean;
  /** Every call's outputs for one sample, kept for the backward pass. */
  activationBytesPerSample: number;
  batchSize: number;
}

export interface TrainingMemory {
  weights: number;
  gradients: number;
  /** Optimizer state: Adam's two moments, momentum's velocity… */
  optimizerSlots: number;
  /** The forward pass's outputs of one batch, held until the backward pass. */
  activations: number;
  total: number;
}

/** Slots per trainable weight an optimizer keeps; undefined for an optimizer we do not know. */
export function optimizerSlots(optimizer: string, momentum = false): number | undefined {
  const name = optimizer.toLowerCase().replace(/[^a-z]/g, '');
  const table: Record<string, number> = {
    adam: 2, adamw: 2, adamax: 2, nadam: 2, adadelta: 2, ftrl: 2, lamb: 2,
    adagrad: 1, lion: 1, adafactor: 2,
    sgd: momentum ? 1 : 0, momentum: 1, rmsprop: momentum ? 2 : 1,
  };
  return table[name];
}

/** Weights + gradients + optimizer slots + activations of a batch. Null when the optimizer is not known. */
export function trainingMemory(input: TrainingMemoryInput): TrainingMemory | null {
  const slots = input.optimizer === null ? undefined : optimizerSlots(input.optimizer, input.momentum);
  if (slots === undefined) return null;
  const weights = input.weightBytes;
  const gradients = input.trainableWeightBytes;
  const optimizer = input.trainableWeightBytes * slots;
  const activations = input.activationBytesPerSample * input.batchSize;
  return { weights, gradients, optimizerSlots: optimizer, activations, total: weights + gradients + optimizer + activations };
}
