// Runs the layout pass off the UI thread: one Web Worker made from the bundled worker source (a blob: URL, so the
// CSP needs `worker-src blob:`), one job at a time; a newer job cancels the one in flight by ending the worker,
// since a layout cannot be interrupted from outside. Where no worker can be made (a stricter CSP, an old host) it
// lays out on the UI thread, as before. It does not measure or draw.

import { layoutGraph, type LayoutInput, type LayoutResult } from './layout';

/** The worker bundle's text, put here by scripts/build-webview.mjs. */
declare const LAYOUT_WORKER_SOURCE: string;

/** What a cancelled layout rejects with. */
export class LayoutCancelled extends Error {}

interface Job {
  id: number;
  input: LayoutInput;
  resolve(r: LayoutResult): void;
  reject(e: Error): void;
}

export class LayoutClient {
  private worker: Worker | null = null;
  private url: string | null = null;
  private job: Job | null = null;
  private nextId = 1;
  /** False once a worker could not be made or failed to start; from then on layouts run on the UI thread. */
  usesWorker = typeof Worker !== 'undefined' && typeof LAYOUT_WORKER_SOURCE === 'string';

  layout(input: LayoutInput): Promise<LayoutResult> {
    this.cancel();
    if (!this.usesWorker) return Promise.resolve().then(() => layoutGraph(input));
    return new Promise<LayoutResult>((resolve, reject) => {
      const job: Job = { id: this.nextId++, input, resolve, reject };
      this.job = job;
      const worker = this.ensureWorker();
      if (!worker) return this.runHere(job);
      worker.postMessage({ id: job.id, input });
    });
  }

  /** Ends the layout in flight (its promise rejects with LayoutCancelled); the next job starts a fresh worker. */
  cancel(): void {
    const job = this.job;
    if (!job) return;
    this.job = null;
    this.worker?.terminate();
    this.worker = null;
    job.reject(new LayoutCancelled('a newer layout started'));
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    try {
      this.url ??= URL.createObjectURL(new Blob([LAYOUT_WORKER_SOURCE], { type: 'text/javascript' }));
      const worker = new Worker(this.url);
      worker.onmessage = (e: MessageEvent<{ id: number; result?: LayoutResult; error?: string }>) => {
        const job = this.job;
        if (!job || job.id !== e.data.id) return;
        this.job = null;
        if (e.data.result) job.resolve(e.data.result);
        else job.reject(new Error(e.data.error ?? 'layout failed'));
      };
      // A worker the page may not run (CSP) reports an error instead of answering: lay out here from then on.
      worker.onerror = (e) => {
        e.preventDefault();
        this.worker?.terminate();
        this.worker = null;
        this.usesWorker = false;
        const job = this.job;
        if (job) this.runHere(job);
      };
      this.worker = worker;
      return worker;
    } catch {
      this.usesWorker = false;
      return null;
    }
  }

  private runHere(job: Job): void {
    this.job = null;
    try {
      job.resolve(layoutGraph(job.input));
    } catch (err) {
      job.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }
}
