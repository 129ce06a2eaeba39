// Notebooks in the editor: a Jupyter notebook's Python cells are analyzed as one program in the analysis process
// (src/notebook joins them), and each diagnostic — with its related information — is published on the cell document
// it lies in. On open at once, on every cell edit after the debounce; an answer for an older notebook version is
// dropped. Cells are never analyzed alone (AnalysisService skips cell documents). It does not render the graph.

import * as vscode from 'vscode';
import type { AnalysisResult, SourceRange } from '../graph/ir';
import type { NotebookCell } from '../notebook/nbformat';
import { assembleProgram, LoweringCache, rangeInCell, type NotebookProgram } from '../notebook/program';
import type { AnalysisService } from './analysisService';
import type { Config } from './config';
import { SEVERITY } from './diagnostics';
import { DIAGNOSTIC_SOURCE, toEditorDiagnostics } from './diagnosticsModel';
import { Disposable } from './dispose';

/** The notebook types whose code cells are Python programs run top to bottom. */
export const NOTEBOOK_TYPES = ['jupyter-notebook', 'interactive'];

export interface AnalyzedNotebook {
  notebook: vscode.NotebookDocument;
  result: AnalysisResult;
  program: NotebookProgram;
}

/** A notebook's cells as the analyzer reads them: Python code cells are code, everything else is skipped. */
export function cellsOf(notebook: vscode.NotebookDocument): NotebookCell[] {
  return notebook.getCells().map((c) => ({
    index: c.index,
    kind: c.kind === vscode.NotebookCellKind.Code && c.document.languageId === 'python' ? 'code' : 'markdown',
    source: c.document.getText(),
  }));
}

export class NotebookFeature extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('layergraph-notebook'));
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly cache = new LoweringCache();
  private readonly latest = new Map<string, AnalyzedNotebook>();
  private readonly published = new Map<string, vscode.Uri[]>();
  private readonly emitter = this._register(new vscode.EventEmitter<AnalyzedNotebook>());
  /** Each answer for a notebook's current version. */
  readonly onDidAnalyze = this.emitter.event;

  constructor(private readonly analysis: AnalysisService, private readonly config: Config) {
    super();
    this._register(vscode.workspace.onDidOpenNotebookDocument((n) => this.analyze(n)));
    this._register(
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        if (!this.isOurs(e.notebook)) return;
        const key = e.notebook.uri.toString();
        clearTimeout(this.timers.get(key));
        this.timers.set(key, setTimeout(() => this.analyze(e.notebook), config.debounceMs()));
      }),
    );
    this._register(vscode.workspace.onDidCloseNotebookDocument((n) => this.close(n)));
    this._register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
    for (const n of vscode.workspace.notebookDocuments) this.analyze(n);
  }

  /** The newest analysis of the notebook a cell document belongs to, with the cell's index. */
  forCell(cell: vscode.TextDocument): (AnalyzedNotebook & { cell: number }) | undefined {
    for (const a of this.latest.values()) {
      const c = a.notebook.getCells().find((x) => x.document.uri.toString() === cell.uri.toString());
      if (c) return { ...a, cell: c.index };
    }
    return undefined;
  }

  forNotebook(notebook: vscode.NotebookDocument): AnalyzedNotebook | undefined {
    return this.latest.get(notebook.uri.toString());
  }

  private isOurs(n: vscode.NotebookDocument): boolean {
    return NOTEBOOK_TYPES.includes(n.notebookType);
  }

  private analyze(notebook: vscode.NotebookDocument): void {
    if (!this.isOurs(notebook) || notebook.isClosed) return;
    const key = notebook.uri.toString();
    const version = notebook.version;
    const cells = cellsOf(notebook);
    const program = assembleProgram(cells, this.cache);
    void this.analysis.analyzeNotebook(key, { fileName: notebook.uri.fsPath || notebook.uri.path, version, language: 'python', notebookCells: cells }).then((outcome) => {
      // Edited (or closed) since: a newer request is on its way, this answer describes cells that are gone.
      if (outcome.kind !== 'result' || notebook.isClosed || notebook.version !== version) return;
      const analyzed = { notebook, result: outcome.result, program };
      this.latest.set(key, analyzed);
      this.publish(analyzed);
      this.emitter.fire(analyzed);
    });
  }

  private publish({ notebook, result, program }: AnalyzedNotebook): void {
    const cells = notebook.getCells();
    const uriOfCell = (index: number) => cells[index]?.document.uri;
    const place = (r: SourceRange): { uri: vscode.Uri; range: vscode.Range } | undefined => {
      if (r.file) return undefined;
      const at = rangeInCell(program, r);
      const uri = at && uriOfCell(at.cell);
      return at && uri ? { uri, range: new vscode.Range(at.startLine, at.startCharacter, at.endLine, at.endCharacter) } : undefined;
    };
    const byCell = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    const overrides = this.config.diagnosticsSeverity();
    for (const d of toEditorDiagnostics(result)) {
      const severity = overrides[d.code] ?? d.severity;
      const at = place(d.range);
      if (severity === 'off' || !at) continue;
      const diagnostic = new vscode.Diagnostic(at.range, d.message, SEVERITY[severity]);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = d.code;
      diagnostic.relatedInformation = d.related.flatMap((r) => {
        const where = place(r.range);
        return where ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(where.uri, where.range), r.message)] : [];
      });
      const entry = byCell.get(at.uri.toString()) ?? { uri: at.uri, list: [] };
      entry.list.push(diagnostic);
      byCell.set(at.uri.toString(), entry);
    }
    const key = notebook.uri.toString();
    for (const uri of this.published.get(key) ?? []) if (!byCell.has(uri.toString())) this.collection.delete(uri);
    for (const { uri, list } of byCell.values()) this.collection.set(uri, list);
    this.published.set(key, [...byCell.values()].map((e) => e.uri));
  }

  private close(notebook: vscode.NotebookDocument): void {
    const key = notebook.uri.toString();
    clearTimeout(this.timers.get(key));
    for (const uri of this.published.get(key) ?? []) this.collection.delete(uri);
    this.published.delete(key);
    this.latest.delete(key);
  }
}
