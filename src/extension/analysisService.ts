// Owns analysis in the extension host: asks the worker (analysisRunner.ts) for each open document version — on open at
// once, on change after the debounce — and announces each answer for a document's current version through one event.
// Nothing here analyzes on the host's thread; answers and failures are cached per version (analysisStore.ts).

import * as vscode from 'vscode';
import type { AnalysisResult } from '../graph/ir';
import type { RewriteAnswer } from '../rewrite';
import { AnalysisRunner, type AnalysisJob, type RunOutcome } from './analysisRunner';
import { AnalysisStore } from './analysisStore';
import type { RewriteQuery } from './analysisWorker';
import type { Config } from './config';
import { Disposable } from './dispose';
import { analyzerLanguage, isSupportedLanguage } from './languages';
import { AnalysisScheduler } from './scheduler';
import { looksLikeModelCode } from './text';

export interface Analyzed {
  document: vscode.TextDocument;
  result: AnalysisResult;
}

export class AnalysisService extends Disposable {
  private readonly emitter = this._register(new vscode.EventEmitter<Analyzed>());
  private readonly scheduler: AnalysisScheduler;
  private readonly runner: AnalysisRunner;
  private readonly store = new AnalysisStore({ onResult: (key, version, result) => this.announce(key, version, result) });
  /** Fired with each answer for a document's current version (an older version's answer is dropped). */
  readonly onDidAnalyze = this.emitter.event;

  constructor(extensionUri: vscode.Uri, config: Config) {
    super();
    this.runner = new AnalysisRunner({ workerPath: vscode.Uri.joinPath(extensionUri, 'dist', 'analysisWorker.js').fsPath });
    this._register({ dispose: () => this.runner.dispose() });
    this.scheduler = new AnalysisScheduler((key) => this.runScheduled(key), () => config.debounceMs());
    this._register({ dispose: () => this.scheduler.dispose() });
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.open(d)));
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        if (this.isSupported(e.document)) this.scheduler.change({ key: e.document.uri.toString(), version: e.document.version });
        this.importChanged(e.document);
      }),
    );
    this._register(vscode.workspace.onDidSaveTextDocument((d) => this.importChanged(d)));
    this._register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.scheduler.close(d.uri.toString());
        this.store.close(d.uri.toString());
      }),
    );
  }

  /** Analyzes the documents already open; called once every feature listens, so none misses the first results. */
  start(): void {
    for (const d of vscode.workspace.textDocuments) this.open(d);
  }

  isSupported(doc: vscode.TextDocument): boolean {
    // A notebook cell alone is a fragment of a program: NotebookFeature analyzes the notebook's cells together.
    return doc.uri.scheme !== 'layergraph-summary' && doc.uri.scheme !== 'layergraph-weights' && doc.uri.scheme !== 'vscode-notebook-cell' && isSupportedLanguage(doc.languageId);
  }

  /** The analysis of the document's current version (waits for the worker if needed); null when not model code. */
  get(doc: vscode.TextDocument): Promise<AnalysisResult | null> {
    if (!this.isSupported(doc)) return Promise.resolve(null);
    const key = doc.uri.toString();
    const version = doc.version;
    return this.store.get(key, version, doc.fileName, () => {
      const text = doc.getText();
      if (!looksLikeModelCode(text)) return null;
      return this.runner.run(key, { text, fileName: doc.fileName, version, language: analyzerLanguage(doc.languageId), ...this.imports(doc) });
    });
  }

  /** The rewrites at a range of the document's current version, computed in the analysis process (which reuses the
   *  analysis it just made); null when not model code, when the file is over its budget, or when superseded. */
  async rewrites(doc: vscode.TextDocument, query: RewriteQuery): Promise<RewriteAnswer | null> {
    if (!this.isSupported(doc)) return null;
    const key = doc.uri.toString();
    if (this.store.isLimited(key)) return null;
    const text = doc.getText();
    if (!looksLikeModelCode(text)) return null;
    // Its own queue key: a code-action request must not supersede the document's analysis (nor be superseded by it).
    const outcome = await this.runner.run(`rewrite:${key}`, { text, fileName: doc.fileName, version: doc.version, language: analyzerLanguage(doc.languageId), ...this.imports(doc), rewrite: query });
    return outcome.kind === 'rewrites' ? outcome.answer : null;
  }

  /** A notebook's cells analyzed as one program in the analysis process, under the notebook's own key. */
  analyzeNotebook(key: string, job: Omit<AnalysisJob, 'text'> & { notebookCells: NonNullable<AnalysisJob['notebookCells']> }): Promise<RunOutcome> {
    return this.runner.run(key, { ...job, text: '' });
  }

  /** The current version's analysis if it has arrived, else undefined (for callers that must not wait). */
  current(doc: vscode.TextDocument): AnalysisResult | null | undefined {
    return this.isSupported(doc) ? this.store.current(doc.uri.toString(), doc.version) : null;
  }

  /** The latest analysis already made for this document, even if older than its current version. */
  latest(doc: vscode.TextDocument): AnalysisResult | null {
    return this.store.latest(doc.uri.toString());
  }

  isPending(doc: vscode.TextDocument): boolean {
    return this.scheduler.isPending(doc.uri.toString()) || this.runner.isBusy(doc.uri.toString());
  }

  open(doc: vscode.TextDocument): void {
    if (!this.isSupported(doc)) return;
    this.scheduler.open({ key: doc.uri.toString(), version: doc.version });
  }

  /** Imports are followed inside the document's workspace folder only; unsaved editors there win over the disk. */
  private imports(doc: vscode.TextDocument): { root?: string; overlays?: [string, string][] } {
    if (doc.uri.scheme !== 'file') return {};
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    if (!folder || folder.uri.scheme !== 'file') return {};
    const overlays = vscode.workspace.textDocuments
      .filter((d) => d !== doc && d.isDirty && d.uri.scheme === 'file' && isSupportedLanguage(d.languageId))
      .map((d): [string, string] => [d.fileName, d.getText()]);
    return { root: folder.uri.fsPath, overlays };
  }

  /** A file another open document imports changed: that document's graph is out of date at the same version. */
  private importChanged(changed: vscode.TextDocument): void {
    if (changed.uri.scheme !== 'file') return;
    for (const doc of vscode.workspace.textDocuments) {
      if (doc === changed || !this.isSupported(doc)) continue;
      if (!this.latest(doc)?.importedFiles.includes(changed.fileName)) continue;
      const key = doc.uri.toString();
      this.store.invalidate(key);
      this.scheduler.close(key);
      this.scheduler.change({ key, version: doc.version });
    }
  }

  private runScheduled(key: string): void {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (document) void this.get(document);
  }

  private announce(key: string, version: number, result: AnalysisResult | null): void {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    // A closed document, or one edited since this version was asked for: the answer is stale.
    if (!document || document.version !== version) return;
    this.emitter.fire({ document, result: result ?? emptyResult(document) });
  }
}

/** What a file that is not model code "builds": nothing (so stale diagnostics are cleared). */
function emptyResult(doc: vscode.TextDocument): AnalysisResult {
  return { file: doc.fileName, language: analyzerLanguage(doc.languageId) ?? 'python', version: doc.version, models: [], layers: [], calls: [], tensors: [], diagnostics: [], files: [doc.fileName], importedFiles: [], stats: { parseMs: 0, evalMs: 0, fuelUsed: 0 } };
}
