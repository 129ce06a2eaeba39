// Debounce and version bookkeeping for analysis-as-you-type: the first analysis of a document runs at once, later
// changes wait for a pause, an unchanged version is never analyzed twice. It does not analyze (the caller's `run` does).

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const nodeTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface DocumentRef {
  key: string;
  version: number;
}

/** Calls `run(key)` per document: immediately for a first sight, after `delayMs()` of quiet for changes. */
export class AnalysisScheduler {
  private readonly pending = new Map<string, unknown>();
  private readonly done = new Map<string, number>();

  constructor(
    private readonly run: (key: string) => void,
    private readonly delayMs: () => number,
    private readonly timers: Timers = nodeTimers,
  ) {}

  /** A document was opened or became visible: analyze now unless this version is already done. */
  open(doc: DocumentRef): void {
    if (this.done.get(doc.key) === doc.version) return;
    this.cancel(doc.key);
    this.runNow(doc);
  }

  /** The document changed: (re)start the quiet-period timer. */
  change(doc: DocumentRef): void {
    if (!this.done.has(doc.key)) return this.open(doc);
    if (this.done.get(doc.key) === doc.version) return;
    this.cancel(doc.key);
    const delay = Math.max(0, this.delayMs());
    if (delay === 0) return this.runNow(doc);
    this.pending.set(
      doc.key,
      this.timers.setTimeout(() => {
        this.pending.delete(doc.key);
        this.runNow(doc);
      }, delay),
    );
  }

  isPending(key: string): boolean {
    return this.pending.has(key);
  }

  close(key: string): void {
    this.cancel(key);
    this.done.delete(key);
  }

  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
    this.done.clear();
  }

  private runNow(doc: DocumentRef): void {
    this.done.set(doc.key, doc.version);
    this.run(doc.key);
  }

  private cancel(key: string): void {
    const h = this.pending.get(key);
    if (h !== undefined) this.timers.clearTimeout(h);
    this.pending.delete(key);
  }
}
