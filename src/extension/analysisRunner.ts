// Runs analyses in a worker thread with a wall-clock budget and a heap cap, one at a time, newest request per document
// only. A worker that overruns its budget is terminated and replaced; one that dies (heap cap, crash) is replaced on
// the next request. It knows nothing of VS Code or of what a result means (analysisStore.ts decides what to keep).

import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { AnalysisResult } from '../graph/ir';
import type { WorkerRequest, WorkerResponse } from './analysisWorker';

/** Wall-clock budget of one analysis. Normal files take milliseconds; the budget is for files built to blow up. */
export const ANALYSIS_BUDGET_MS = 8000;
/** Heap cap of the worker: a file can use this much, and no more, of the editor's memory. */
export const ANALYSIS_HEAP_MB = 512;
/** A running analysis superseded by a newer version is stopped (and the worker replaced) once it has run this long;
 *  below that, finishing is cheaper than starting a new worker. */
export const SUPERSEDE_AFTER_MS = 1000;

export type RunOutcome =
  | { kind: 'result'; result: AnalysisResult }
  /** The analyzer threw (it should not): reported once, cached like a result. */
  | { kind: 'failed'; message: string }
  /** The file exceeded a budget: `time` (wall clock), `memory` (heap cap) or `crash` (the worker died otherwise). */
  | { kind: 'limit'; reason: 'time' | 'memory' | 'crash'; elapsedMs: number }
  /** A newer request for the same document replaced this one before it finished. */
  | { kind: 'superseded' };

export type AnalysisJob = Omit<WorkerRequest, 'id'>;

export interface RunnerOptions {
  /** Starts a worker (default: `new Worker(workerPath, { resourceLimits })`); tests pass their own. */
  spawn?: () => Worker;
  workerPath?: string;
  budgetMs?: number;
  resourceLimits?: ResourceLimits;
}

interface Queued {
  key: string;
  job: AnalysisJob;
  resolve: (o: RunOutcome) => void;
}

interface Running extends Queued {
  id: number;
  startedAt: number;
  timer: ReturnType<typeof setTimeout>;
}

export class AnalysisRunner {
  private worker: Worker | undefined;
  /** What killed the current worker, seen in its `error` event before `exit`. */
  private workerError: unknown;
  private running: Running | undefined;
  private readonly queue: Queued[] = [];
  private nextId = 1;
  private disposed = false;
  /** Workers started so far (the first one included): a measure of how often a file cost a restart. */
  spawned = 0;

  constructor(private readonly options: RunnerOptions) {}

  /** Analyzes `job` for document `key`. A queued request of the same document is replaced (it resolves
   *  `superseded`); a running one is stopped if it has already run SUPERSEDE_AFTER_MS, else it finishes. */
  run(key: string, job: AnalysisJob): Promise<RunOutcome> {
    if (this.disposed) return Promise.resolve({ kind: 'superseded' });
    return new Promise((resolve) => {
      const older = this.queue.findIndex((q) => q.key === key);
      if (older >= 0) this.queue.splice(older, 1)[0].resolve({ kind: 'superseded' });
      this.queue.push({ key, job, resolve });
      const r = this.running;
      if (r && r.key === key && Date.now() - r.startedAt >= SUPERSEDE_AFTER_MS) this.stop({ kind: 'superseded' });
      this.pump();
    });
  }

  /** Whether a request for this document is queued or running. */
  isBusy(key: string): boolean {
    return this.running?.key === key || this.queue.some((q) => q.key === key);
  }

  dispose(): void {
    this.disposed = true;
    for (const q of this.queue.splice(0)) q.resolve({ kind: 'superseded' });
    if (this.running) this.stop({ kind: 'superseded' });
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const next = this.queue.shift();
    if (!next) return;
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const budget = this.options.budgetMs ?? ANALYSIS_BUDGET_MS;
    const timer = setTimeout(() => this.stop({ kind: 'limit', reason: 'time', elapsedMs: budget }), budget);
    this.running = { ...next, id, startedAt: Date.now(), timer };
    worker.postMessage({ ...next.job, id } satisfies WorkerRequest);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker =
      this.options.spawn?.() ??
      new Worker(this.options.workerPath ?? '', { resourceLimits: this.options.resourceLimits ?? { maxOldGenerationSizeMb: ANALYSIS_HEAP_MB } });
    this.spawned++;
    this.workerError = undefined;
    worker.on('message', (m: WorkerResponse) => {
      const r = this.running;
      if (worker !== this.worker || !r || m.id !== r.id) return; // an answer to a request already given up
      this.finish(m.ok ? { kind: 'result', result: m.result } : { kind: 'failed', message: m.error });
    });
    worker.on('error', (e) => {
      if (worker === this.worker) this.workerError = e;
    });
    worker.on('exit', () => {
      if (worker !== this.worker) return; // replaced on purpose
      this.worker = undefined;
      const r = this.running;
      if (r) {
        const oom = (this.workerError as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
        this.finish({ kind: 'limit', reason: oom ? 'memory' : 'crash', elapsedMs: Date.now() - r.startedAt });
      }
    });
    this.worker = worker;
    return worker;
  }

  private finish(outcome: RunOutcome): void {
    const r = this.running;
    if (!r) return;
    clearTimeout(r.timer);
    this.running = undefined;
    r.resolve(outcome);
    this.pump();
  }

  /** Gives up on the running analysis: its worker is terminated (a thread cannot be interrupted otherwise) and the
   *  next request starts a fresh one. */
  private stop(outcome: RunOutcome): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.finish(outcome);
  }
}
