// Owns analysis in the extension host: one AnalysisResult per open document version, produced on open at once and on
// change after the debounce, announced to every feature through one event. It renders nothing itself.

import * as vscode from 'vscode';
import { analyzeText, languageOf } from '../analysis/analyze';
import type { AnalysisResult, Language } from '../graph/ir';
import { config } from './config';
import { AnalysisScheduler, VersionedCache } from './scheduler';
import { looksLikeModelCode } from './text';

export const SUPPORTED_LANGUAGES = ['python', 'typescript', 'javascript', 'typescriptreact', 'javascriptreact'];

export interface Analyzed {
  document: vscode.TextDocument;
  result: AnalysisResult;
}

function languageFor(doc: vscode.TextDocument): Language | undefined {
  if (doc.languageId === 'python') return 'python';
  if (doc.languageId === 'typescript' || doc.languageId === 'typescriptreact') return 'typescript';
  if (doc.languageId === 'javascript' || doc.languageId === 'javascriptreact') return 'javascript';
  return languageOf(doc.fileName);
}

export class AnalysisService implements vscode.Disposable {
  private readonly cache = new VersionedCache<AnalysisResult | null>();
  private readonly emitter = new vscode.EventEmitter<Analyzed>();
  private readonly scheduler: AnalysisScheduler;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fired after each analysis that came from opening or editing a document (not from on-demand reads). */
  readonly onDidAnalyze = this.emitter.event;

  constructor() {
    this.scheduler = new AnalysisScheduler((key) => this.runScheduled(key), () => config.debounceMs());
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.open(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || !this.isSupported(e.document)) return;
        this.scheduler.change({ key: e.document.uri.toString(), version: e.document.version });
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.scheduler.close(d.uri.toString());
        this.cache.delete(d.uri.toString());
      }),
    );
  }

  /** Analyzes the documents already open; called once every feature listens, so none misses the first results. */
  start(): void {
    for (const d of vscode.workspace.textDocuments) this.open(d);
  }

  isSupported(doc: vscode.TextDocument): boolean {
    return doc.uri.scheme !== 'layergraph-summary' && SUPPORTED_LANGUAGES.includes(doc.languageId);
  }

  /** The analysis of the document's current version (computed now if needed); null when it is not model code. */
  get(doc: vscode.TextDocument): AnalysisResult | null {
    if (!this.isSupported(doc)) return null;
    return this.cache.get(doc.uri.toString(), doc.version, () => {
      const text = doc.getText();
      if (!looksLikeModelCode(text)) return null;
      return analyzeText(text, doc.fileName, { version: doc.version, language: languageFor(doc) });
    });
  }

  /** The latest analysis already made for this document, even if older than its current version. */
  latest(doc: vscode.TextDocument): AnalysisResult | null {
    return this.cache.peek(doc.uri.toString())?.value ?? null;
  }

  isPending(doc: vscode.TextDocument): boolean {
    return this.scheduler.isPending(doc.uri.toString());
  }

  open(doc: vscode.TextDocument): void {
    if (!this.isSupported(doc)) return;
    this.scheduler.open({ key: doc.uri.toString(), version: doc.version });
  }

  private runScheduled(key: string): void {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!document) return;
    const result = this.get(document);
    if (result) this.emitter.fire({ document, result });
    else this.emitter.fire({ document, result: emptyResult(document) });
  }

  dispose(): void {
    this.scheduler.dispose();
    this.emitter.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** What a file that is not model code "builds": nothing (so stale diagnostics are cleared). */
function emptyResult(doc: vscode.TextDocument): AnalysisResult {
  return { file: doc.fileName, language: languageFor(doc) ?? 'python', version: doc.version, models: [], layers: [], calls: [], tensors: [], diagnostics: [], files: [doc.fileName], importedFiles: [], stats: { parseMs: 0, evalMs: 0, fuelUsed: 0 } };
}
