// The messages between the editor/CLI (parent) and the trainer child process, and the result types both sides share.
// Types and tiny guards only; the parent side is client.ts, the child side trainer.ts.

import type { AnalysisResult } from '../graph/ir';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

/** What to train. The parent analyzes; the child gets the IR, so it never needs the analyzer. */
export interface TrainRequest {
  analysis: AnalysisResult;
  /** Model name or the variable it is bound to; the file's first model when absent. */
  model?: string;
  /** Overrides fit()'s epochs (default: fit()'s, else 5). */
  epochs?: number;
  batchSize?: number;
  /** Folder the source lives in: data files are resolved against it (default: the analysis file's folder). */
  baseDir?: string;
  /** The only folder data files may come from (the workspace folder, the CLI's --root); checked after resolving
   *  symlinks. Default: baseDir. */
  root?: string;
  /** Seed for data, initializers and shuffling (default 1). */
  seed?: number;
  /** Samples of synthetic data when the code's data is not known (default 32). */
  samples?: number;
  /** Force a backend (benchmarks); otherwise tensorflow → wasm → cpu, the first that loads. */
  backend?: BackendName;
}

export interface WeightStats {
  mean: number;
  std: number;
  min: number;
  max: number;
}

/** One weight array, in Keras's `model.weights` order; `name` is Keras 3's `variable.path` (`dense/kernel`). */
export interface WeightArray {
  /** The owning layer's runtime name (`dense`, `dense_Dense1`). */
  layer: string;
  name: string;
  shape: number[];
  dtype: 'float32';
  trainable: boolean;
  /** Nested like the array (a number for a scalar). */
  values: NestedNumbers;
  stats: WeightStats;
  /** Line of the layer's constructor call, for showing the weights in the editor. */
  line: number;
}

export type NestedNumbers = number | NestedNumbers[];

export interface TrainResult {
  backend: BackendName;
  model: string;
  epochs: number;
  /** Keras History.history: `loss`, per-output `<output>_loss`, metrics. */
  history: Record<string, number[]>;
  weights: WeightArray[];
  /** True when the data was synthesized because the code's data is not statically known. */
  synthetic: boolean;
  /** Things the user should know (synthetic data, defaults taken, options dropped, backend fallbacks). */
  notes: string[];
  /** Wall time inside the trainer: backend start, build, data and training. */
  seconds: number;
}

/** Parent → child. */
export type ToTrainer = { type: 'start'; request: TrainRequest };

/** One epoch's logs. `epoch` is 0-based as in Keras's callbacks (Keras prints it 1-based); `cpuSeconds` is the CPU
 *  time the trainer process has used so far (user + system), which benchmarks read on a busy machine. */
export interface EpochLog {
  epoch: number;
  logs: Record<string, number>;
  cpuSeconds: number;
}

/** A weight array as the `done` message carries it: its values come before, in `weightChunk` messages. */
export type WeightHeader = Omit<WeightArray, 'values'>;

/** Child → parent, over IPC with Node's 'advanced' serialization (NaN, Infinity and typed arrays arrive as sent).
 *  `epochs` carries only the epochs finished since the last one (a few per message at most 20 times a second), so
 *  traffic grows with the epochs, not their square. Weight values travel as float32 chunks of bounded size, so a
 *  model of any size comes back; `done` then has the headers in the same order. */
export type FromTrainer =
  | { type: 'backend'; name: BackendName; notes: string[] }
  | { type: 'epochs'; epochs: number; items: EpochLog[] }
  | { type: 'weightChunk'; index: number; offset: number; length: number; data: Float32Array }
  | ({ type: 'done'; weights: WeightHeader[] } & Omit<TrainResult, 'weights'>)
  | { type: 'error'; message: string; kind: 'unsupported' | 'data' | 'internal'; layer?: string; line?: number };

export function isFromTrainer(m: unknown): m is FromTrainer {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string' && ['backend', 'epochs', 'weightChunk', 'done', 'error'].includes((m as { type: string }).type);
}
