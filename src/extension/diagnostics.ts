// Publishes the analyzer's diagnostics into a DiagnosticCollection, with related information wherever it lies (an
// imported file too), at the severity the user chose per code (`layergraph.diagnostics.severity`, "off" hides).
// It does not decide when to analyze (AnalysisService does) nor what a diagnostic says (the analyzer does).

import * as vscode from 'vscode';
import type { AnalysisResult } from '../graph/ir';
import type { AnalysisService } from './analysisService';
import type { Config } from './config';
import { DIAGNOSTIC_SOURCE, toEditorDiagnostics } from './diagnosticsModel';
import { Disposable } from './dispose';
import { toLocation, toRange } from './locations';

export const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
} as const;

export class DiagnosticsFeature extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('layergraph'));
  private readonly shown = new Map<string, { uri: vscode.Uri; result: AnalysisResult }>();

  constructor(analysis: AnalysisService, private readonly config: Config) {
    super();
    this._register(analysis.onDidAnalyze(({ document, result }) => this.publish(document.uri, result)));
    this._register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.collection.delete(d.uri);
        this.shown.delete(d.uri.toString());
      }),
    );
    this._register(
      config.onDidChange((keys) => {
        if (keys.has('diagnostics.severity')) for (const { uri, result } of this.shown.values()) this.publish(uri, result);
      }),
    );
  }

  private publish(uri: vscode.Uri, result: AnalysisResult): void {
    this.shown.set(uri.toString(), { uri, result });
    const overrides = this.config.diagnosticsSeverity();
    const out: vscode.Diagnostic[] = [];
    for (const d of toEditorDiagnostics(result)) {
      const severity = overrides[d.code] ?? d.severity;
      if (severity === 'off') continue;
      const range = toRange(d.range);
      const diagnostic = new vscode.Diagnostic(range, d.message, SEVERITY[severity]);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = d.code;
      diagnostic.relatedInformation = d.related.map((r) => new vscode.DiagnosticRelatedInformation(toLocation(r.range, uri, result.files), r.message));
      out.push(diagnostic);
    }
    this.collection.set(uri, out);
  }
}
