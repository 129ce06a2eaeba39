// Parent side of training: checks that TF.js can build the model, forks the trainer process, relays its progress and
// delivers the weights (reassembled from float32 chunks); cancel() and the timeout kill the process. No TF.js is loaded
// here, so the editor's process stays light.

import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { BackendName, FromTrainer, TrainRequest, TrainResult } from './protocol';
import { isFromTrainer } from './protocol';
import { pickModel, planModel, UnsupportedError } from './translate';
import { withValues } from './weights';

export { UnsupportedError };

/** The trainer reported an error (unsupported layer, bad data, internal failure), or died. */
export class TrainError extends Error {
  constructor(
    message: string,
    readonly kind: 'unsupported' | 'data' | 'internal' | 'cancelled' | 'timeout',
    readonly layer?: string,
    readonly line?: number,
    /** What the trainer printed before dying: for a log, never for a notification (it is a stack trace). */
    readonly details?: string,
  ) {
    super(message);
    this.name = 'TrainError';
  }
}

export interface TrainListeners {
  onBackend?(name: BackendName, notes: string[]): void;
  onEpoch?(epoch: number, epochs: number, loss: number, logs: Record<string, number>, cpuSeconds?: number): void;
}

export interface TrainHandle {
  /** Resolves with the weights; rejects with TrainError (kind 'cancelled' after cancel()). */
  result: Promise<TrainResult>;
  /** Kills the trainer; `result` rejects and no weights are delivered. */
  cancel(): void;
  /** Resolves when the trainer process has exited (with its exit code or signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The child process, when one was started (null when the model was refused before forking). */
  child: ChildProcess | null;
}

export interface ClientOptions {
  /** Path of the compiled trainer (default: trainer.js next to this file). */
  trainerPath?: string;
  /** Node executable (VS Code passes its own). */
  execPath?: string;
  /** Wall-clock limit of one run, start-up included; the trainer is killed past it (default 2 hours). */
  timeoutMs?: number;
}

export const DEFAULT_TRAIN_TIMEOUT_MS = 2 * 60 * 60 * 1000;

/** Starts training in a fresh process. Checks what it can first (layers TF.js lacks) so those fail without a fork. */
export function startTraining(request: TrainRequest, listeners: TrainListeners = {}, options: ClientOptions = {}): TrainHandle {
  try {
    planModel(request.analysis, pickModel(request.analysis, request.model));
  } catch (e) {
    const err = e instanceof UnsupportedError ? new TrainError(e.message, 'unsupported', e.layer, e.line) : new TrainError(String(e), 'internal');
    const result = Promise.reject(err);
    result.catch(() => undefined);
    return { result, cancel: () => undefined, exited: Promise.resolve({ code: null, signal: null }), child: null };
  }

  const child = fork(options.trainerPath ?? path.join(__dirname, 'trainer.js'), [], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    execPath: options.execPath,
    // NaN and Infinity losses, and weights as Float32Array, survive V8's serializer; JSON would turn them to null
    // and a 50M-parameter array into a string longer than V8 allows.
    serialization: 'advanced',
    // TF.js's own console chatter goes nowhere; its errors arrive as messages.
    env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' },
  });
  let settled = false;
  let cancelled = false;
  let timedOut = false;
  const values: Float32Array[] = [];
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const result = new Promise<TrainResult>((resolve, reject) => {
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    child.on('message', (m: unknown) => {
      if (cancelled || !isFromTrainer(m)) return;
      const msg = m as FromTrainer;
      if (msg.type === 'backend') listeners.onBackend?.(msg.name, msg.notes);
      else if (msg.type === 'epochs') {
        for (const e of msg.items) {
          if (cancelled) break;
          listeners.onEpoch?.(e.epoch, msg.epochs, e.logs.loss, e.logs, e.cpuSeconds);
        }
      } else if (msg.type === 'weightChunk') {
        const into = (values[msg.index] ??= new Float32Array(msg.length));
        into.set(msg.data, msg.offset);
      } else if (msg.type === 'done') {
        const { type: _type, weights, ...r } = msg;
        try {
          const full = weights.map((h, i) => withValues(h, values[i] ?? new Float32Array(0)));
          values.length = 0;
          finish(() => resolve({ ...r, weights: full }));
        } catch (e) {
          finish(() => reject(new TrainError(`the trainer's weights could not be read back: ${e instanceof Error ? e.message : String(e)}`, 'internal')));
        }
      } else if (msg.type === 'error') finish(() => reject(new TrainError(msg.message, msg.kind, msg.layer, msg.line)));
    });
    child.once('error', (e) => finish(() => reject(new TrainError(`the trainer process failed to start: ${e.message}`, 'internal'))));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) finish(() => reject(new TrainError(`training took longer than ${formatDuration(timeoutMs)} and was stopped`, 'timeout')));
      else if (cancelled) finish(() => reject(new TrainError('training was cancelled', 'cancelled')));
      else finish(() => reject(new TrainError(`the trainer process exited (${signal ?? `code ${code}`}) without a result`, 'internal', undefined, undefined, stderr.trim() || undefined)));
    });
  });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TRAIN_TIMEOUT_MS;
  const timer = setTimeout(() => {
    if (settled) return;
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  timer.unref?.();
  child.send({ type: 'start', request });
  return {
    result,
    exited,
    child,
    cancel() {
      if (settled || cancelled) return;
      cancelled = true;
      // SIGKILL: a TF.js kernel can hold the event loop for seconds; the process must stop now, not after it.
      child.kill('SIGKILL');
    },
  };
}

function formatDuration(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** Convenience: train and wait. */
export function trainInChild(request: TrainRequest, listeners?: TrainListeners, options?: ClientOptions): Promise<TrainResult> {
  return startTraining(request, listeners, options).result;
}
