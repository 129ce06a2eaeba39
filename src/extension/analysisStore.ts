// What the editor knows about each document's analysis: one answer per (document, version), shared by every feature
// that asks; answers for versions older than the newest asked are dropped; a file over its budget (or that makes the
// analyzer fail) keeps the last complete graph with one diagnostic saying why, and that answer is cached like any
// other. It neither runs analyses (analysisRunner.ts does) nor knows VS Code.

import type { AnalysisResult, Diagnostic } from '../graph/ir';
import { ANALYSIS_HEAP_MB, type RunOutcome } from './analysisRunner';

interface Entry {
  version: number;
  promise: Promise<AnalysisResult | null>;
  value?: AnalysisResult | null;
}

export interface StoreEvents {
  /** An answer for the newest version asked of that document (never for an older one). */
  onResult(key: string, version: number, result: AnalysisResult | null): void;
}

/** `start` is called once per (key, version) that is not cached; `null` from it means "not model code". */
export type Start = () => Promise<RunOutcome> | null;

export class AnalysisStore {
  private readonly entries = new Map<string, Entry>();
  private readonly complete = new Map<string, AnalysisResult>();
  /** Documents whose newest answer was a budget overrun or failure: asking again for rewrites would overrun again. */
  private readonly limited = new Set<string>();
  /** Answers dropped because a newer version had been asked meanwhile (for tests and the bench). */
  staleDropped = 0;

  constructor(private readonly events: StoreEvents) {}

  /** The answer for this version of the document, computed once; later callers share it. */
  get(key: string, version: number, fileName: string, start: Start): Promise<AnalysisResult | null> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.promise;
    const outcome = start();
    if (outcome === null) {
      const entry: Entry = { version, promise: Promise.resolve(null), value: null };
      this.entries.set(key, entry);
      this.complete.delete(key);
      this.events.onResult(key, version, null);
      return entry.promise;
    }
    const entry: Entry = { version, promise: undefined as never };
    entry.promise = outcome.then(
      (o) => this.settle(key, entry, fileName, o),
      (e: unknown) => this.settle(key, entry, fileName, { kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    this.entries.set(key, entry);
    return entry.promise;
  }

  /** The answer for exactly this version if it has arrived (undefined while pending or for another version). */
  current(key: string, version: number): AnalysisResult | null | undefined {
    const hit = this.entries.get(key);
    return hit && hit.version === version ? hit.value : undefined;
  }

  /** The newest answer that has arrived for the document, whatever its version. */
  latest(key: string): AnalysisResult | null {
    const hit = this.entries.get(key);
    if (hit && hit.value !== undefined) return hit.value;
    return this.complete.get(key) ?? null;
  }

  /** Forget the cached answer (an imported file changed: the same version must be analyzed again). */
  invalidate(key: string): void {
    this.entries.delete(key);
  }

  close(key: string): void {
    this.entries.delete(key);
    this.complete.delete(key);
    this.limited.delete(key);
  }

  /** Whether the newest answer that arrived for the document was not a complete analysis (over budget, failed). */
  isLimited(key: string): boolean {
    return this.limited.has(key);
  }

  private settle(key: string, entry: Entry, fileName: string, outcome: RunOutcome): Promise<AnalysisResult | null> | AnalysisResult | null {
    const newest = this.entries.get(key);
    if (outcome.kind === 'superseded' || newest !== entry) {
      // A newer version was asked for: whoever awaited this one gets the newest answer instead.
      if (newest && newest !== entry) {
        this.staleDropped++;
        return newest.promise;
      }
      if (outcome.kind === 'superseded') return this.complete.get(key) ?? null;
    }
    let result: AnalysisResult;
    // Rewrite answers never come through here (AnalysisService asks for them itself); one that did is a failure.
    if (outcome.kind === 'rewrites') outcome = { kind: 'failed', message: 'unexpected rewrite answer' };
    if (outcome.kind === 'result') {
      result = outcome.result;
      this.complete.set(key, result);
      this.limited.delete(key);
    } else {
      result = limitedResult(this.complete.get(key), fileName, entry.version, outcome);
      this.limited.add(key);
    }
    entry.value = result;
    this.events.onResult(key, entry.version, result);
    return result;
  }
}

/** The last complete graph (or an empty one) for a version that could not be analyzed, with one diagnostic. */
export function limitedResult(last: AnalysisResult | undefined, fileName: string, version: number, outcome: Exclude<RunOutcome, { kind: 'result' | 'superseded' | 'rewrites' }>): AnalysisResult {
  const diagnostic: Diagnostic = {
    severity: 'information',
    code: outcome.kind === 'failed' ? 'internal-error' : 'analysis-limit',
    message: limitMessage(outcome, last !== undefined),
    range: { file: 0, start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 },
    related: [],
  };
  const base = last ?? { file: fileName, files: [fileName], language: 'python', models: [], layers: [], calls: [], tensors: [], importedFiles: [], stats: { parseMs: 0, evalMs: 0, fuelUsed: 0 } };
  return { ...base, file: fileName, version, diagnostics: [diagnostic] } as AnalysisResult;
}

function limitMessage(outcome: Exclude<RunOutcome, { kind: 'result' | 'superseded' | 'rewrites' }>, hasLast: boolean): string {
  const keep = hasLast ? ' The graph shows the last complete analysis.' : '';
  if (outcome.kind === 'failed') return `LayerGraph hit an internal error while analyzing this file: ${outcome.message}.${keep}`;
  if (outcome.reason === 'time') return `LayerGraph stopped analyzing this file: it took longer than ${(outcome.elapsedMs / 1000).toFixed(1)} s.${keep}`;
  if (outcome.reason === 'memory') return `LayerGraph stopped analyzing this file: it needed more than ${ANALYSIS_HEAP_MB} MB.${keep}`;
  return `LayerGraph stopped analyzing this file: the analysis stopped unexpectedly after ${Math.round(outcome.elapsedMs)} ms.${keep}`;
}
