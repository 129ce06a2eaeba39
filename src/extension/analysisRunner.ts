// Runs analyses in a separate analysis process with a wall-clock budget and a heap cap, one at a time, newest request
// per document only. A process that overruns its budget is killed and replaced; one that dies (heap cap, crash) is
// replaced on the next request. It knows nothing of VS Code or of what a result means (analysisStore.ts decides).
//
// A process, not a worker thread: V8 aborts the whole process when one allocation cannot fit under a worker's
// `resourceLimits` (`'a' * 100000 * 5000` did exactly that to the test runner), so only a process boundary keeps a
// hostile file from taking the extension host down.

import { fork, type ChildProcess } from 'node:child_process';
import type { AnalysisResult } from '../graph/ir';
import type { RewriteAnswer } from '../rewrite';
import type { WorkerRequest, WorkerResponse } from './analysisWorker';

/** Wall-clock budget of one analysis. Normal files take milliseconds; the budget is for files built to blow up. */
export const ANALYSIS_BUDGET_MS = 8000;
/** Heap cap of the analysis process: a file can use this much, and no more, of the machine's memory. */
export const ANALYSIS_HEAP_MB = 512;
/** A running analysis superseded by a newer version is stopped (and the worker replaced) once it has run this long;
 *  below that, finishing is cheaper than starting a new worker. */
export const SUPERSEDE_AFTER_MS = 1000;
/** Extra time for the first analysis of a new process, which first loads the analyzer (seconds on a busy machine). */
export const STARTUP_ALLOWANCE_MS = 10000;

export type RunOutcome =
  | { kind: 'result'; result: AnalysisResult }
  /** The answer to a job that asked for the rewrites at a range (`rewrite` set). */
  | { kind: 'rewrites'; answer: RewriteAnswer }
  /** The analyzer threw (it should not): reported once, cached like a result. */
  | { kind: 'failed'; message: string }
  /** The file exceeded a budget: `time` (wall clock), `memory` (heap cap) or `crash` (the worker died otherwise). */
  | { kind: 'limit'; reason: 'time' | 'memory' | 'crash'; elapsedMs: number }
  /** A newer request for the same document replaced this one before it finished. */
  | { kind: 'superseded' };

export type AnalysisJob = Omit<WorkerRequest, 'id'>;

export interface RunnerOptions {
  /** The analysis process's script (dist/analysisWorker.js, or a stand-in in tests). */
  workerPath: string;
  budgetMs?: number;
  /** Added to the budget of a new process's first analysis (default STARTUP_ALLOWANCE_MS). */
  startupAllowanceMs?: number;
  heapMb?: number;
  /** Node to run it with (default: the current one; VS Code's extension host runs as Node for forks). */
  execPath?: string;
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
  private worker: ChildProcess | undefined;
  /** The end of the current process's stderr: V8 says "heap out of memory" there before it aborts. */
  private stderr = '';
  private running: Running | undefined;
  private readonly queue: Queued[] = [];
  private nextId = 1;
  private disposed = false;
  /** Analysis processes started so far (the first one included): a measure of how often a file cost a restart. */
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
    this.worker?.kill('SIGKILL');
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const next = this.queue.shift();
    if (!next) return;
    const fresh = !this.worker;
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const budget = this.options.budgetMs ?? ANALYSIS_BUDGET_MS;
    // Loading the analyzer is not the file's fault: a new process gets its start-up time on top of the budget.
    const allowed = budget + (fresh ? (this.options.startupAllowanceMs ?? STARTUP_ALLOWANCE_MS) : 0);
    const timer = setTimeout(() => this.stop({ kind: 'limit', reason: 'time', elapsedMs: budget }), allowed);
    this.running = { ...next, id, startedAt: Date.now(), timer };
    try {
      worker.send({ ...next.job, id } satisfies WorkerRequest);
    } catch {
      this.stop({ kind: 'limit', reason: 'crash', elapsedMs: 0 });
    }
  }

  private ensureWorker(): ChildProcess {
    if (this.worker) return this.worker;
    const heapMb = this.options.heapMb ?? ANALYSIS_HEAP_MB;
    const worker = fork(this.options.workerPath, [], {
      execPath: this.options.execPath,
      execArgv: [`--max-old-space-size=${heapMb}`, '--stack-size=4000'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.spawned++;
    this.stderr = '';
    worker.stderr?.on('data', (d: Buffer) => {
      if (worker === this.worker) this.stderr = (this.stderr + d.toString()).slice(-2000);
    });
    worker.on('message', (m: WorkerResponse) => {
      const r = this.running;
      if (worker !== this.worker || !r || m.id !== r.id) return; // an answer to a request already given up
      this.finish(!m.ok ? { kind: 'failed', message: m.error } : 'rewrites' in m ? { kind: 'rewrites', answer: m.rewrites } : { kind: 'result', result: m.result });
    });
    worker.on('error', () => {
      // A failed spawn or IPC error: `exit` follows and reports it.
    });
    worker.on('exit', () => {
      if (worker !== this.worker) return; // replaced on purpose
      this.worker = undefined;
      const r = this.running;
      if (r) {
        const oom = /heap out of memory|Allocation failed|invalid (array|string) length/i.test(this.stderr);
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

  /** Gives up on the running analysis: its process is killed (a busy analysis cannot be interrupted otherwise) and
   *  the next request starts a fresh one. */
  private stop(outcome: RunOutcome): void {
    const worker = this.worker;
    this.worker = undefined;
    worker?.kill('SIGKILL');
    this.finish(outcome);
  }
}
