// Parent side of training: checks that TF.js can build the model, forks the trainer process, relays its progress and
// delivers the weights; cancel() kills the process. No TF.js is loaded here, so the editor's process stays light.

import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { BackendName, FromTrainer, TrainRequest, TrainResult } from './protocol';
import { isFromTrainer } from './protocol';
import { pickModel, planModel, UnsupportedError } from './translate';

export { UnsupportedError };

/** The trainer reported an error (unsupported layer, bad data, internal failure), or died. */
export class TrainError extends Error {
  constructor(
    message: string,
    readonly kind: 'unsupported' | 'data' | 'internal' | 'cancelled',
    readonly layer?: string,
    readonly line?: number,
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
}

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
    // TF.js's own console chatter goes nowhere; its errors arrive as messages.
    env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' },
  });
  let settled = false;
  let cancelled = false;
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
      else if (msg.type === 'epoch') listeners.onEpoch?.(msg.epoch, msg.epochs, msg.loss, msg.logs, msg.cpuSeconds);
      else if (msg.type === 'done') {
        const { type: _type, ...r } = msg;
        finish(() => resolve(r));
      } else if (msg.type === 'error') finish(() => reject(new TrainError(msg.message, msg.kind, msg.layer, msg.line)));
    });
    child.once('error', (e) => finish(() => reject(new TrainError(`the trainer process failed to start: ${e.message}`, 'internal'))));
    child.once('exit', (code, signal) => {
      if (cancelled) finish(() => reject(new TrainError('training was cancelled', 'cancelled')));
      else finish(() => reject(new TrainError(`the trainer process exited (${signal ?? `code ${code}`}) without a result${stderr ? `:\n${stderr.trim()}` : ''}`, 'internal')));
    });
  });
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

/** Convenience: train and wait. */
export function trainInChild(request: TrainRequest, listeners?: TrainListeners, options?: ClientOptions): Promise<TrainResult> {
  return startTraining(request, listeners, options).result;
}
