// Publishes the analyzer's diagnostics into a DiagnosticCollection, with related information at the other call site.
// It does not decide when to analyze (AnalysisService debounces) nor what a diagnostic says (the analyzer does).

import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { DIAGNOSTIC_SOURCE, toEditorDiagnostics } from './diagnosticsModel';
import type { Span } from './text';

function range(s: Span): vscode.Range {
  return new vscode.Range(s.startLine, s.startCharacter, s.endLine, s.endCharacter);
}

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
} as const;

export function registerDiagnostics(analysis: AnalysisService): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('layergraph');
  const publish = (uri: vscode.Uri, result: Parameters<typeof toEditorDiagnostics>[0]) => {
    collection.set(
      uri,
      toEditorDiagnostics(result).map((d) => {
        const diagnostic = new vscode.Diagnostic(range(d.span), d.message, SEVERITY[d.severity]);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = d.code;
        diagnostic.relatedInformation = d.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, range(r.span)), r.message));
        return diagnostic;
      }),
    );
  };
  return vscode.Disposable.from(
    collection,
    analysis.onDidAnalyze(({ document, result }) => publish(document.uri, result)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
  );
}
