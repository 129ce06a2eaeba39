// A read-only `layergraph-summary:` document per source file: model.summary() for each model, in Keras 3's table for
// Python and TF.js's for TS/JS, highlighted by the layergraph-summary grammar. It refreshes on analysis; no editing.

import * as vscode from 'vscode';
import type { AnalysisResult } from '../graph/ir';
import { renderSummary, renderSummaryTfjs } from '../graph/summary';
import type { AnalysisService } from './analysisService';
import { SUMMARY_SCHEME } from './commandIds';
import { Disposable } from './dispose';

/** `layergraph-summary:/path/model.py.summary?<source uri>`: the path gives the tab a readable title. */
export function summaryUri(source: vscode.Uri): vscode.Uri {
  const base = source.path.split('/').pop() ?? 'model';
  return vscode.Uri.from({ scheme: SUMMARY_SCHEME, path: `/${base} — summary`, query: source.toString() });
}

export function summaryText(result: AnalysisResult | null, t: typeof vscode.l10n.t): string {
  if (!result || result.models.length === 0) return t('No Keras or TensorFlow.js model found in this file.') + '\n';
  const parts = result.models.map((m) => (result.language === 'python' ? renderSummary(result, m) : renderSummaryTfjs(result, m)));
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    parts.push(errors.map((d) => `${t('Error')} (${t('line {0}', d.range.line)}): ${d.message}`).join('\n'));
  }
  return parts.join('\n\n') + '\n';
}

export class SummaryDocuments extends Disposable {
  constructor(analysis: AnalysisService, report: (where: string, e: unknown) => void) {
    super();
    const changed = this._register(new vscode.EventEmitter<vscode.Uri>());
    const open = new Set<string>();
    this._register(
      vscode.workspace.registerTextDocumentContentProvider(SUMMARY_SCHEME, {
        onDidChange: changed.event,
        async provideTextDocumentContent(uri) {
          try {
            const source = vscode.Uri.parse(uri.query);
            const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.toString());
            open.add(uri.toString());
            return summaryText(doc ? await analysis.get(doc) : null, vscode.l10n.t);
          } catch (e) {
            report('summary', e);
            return vscode.l10n.t('No Keras or TensorFlow.js model found in this file.') + '\n';
          }
        },
      }),
    );
    this._register(
      analysis.onDidAnalyze(({ document }) => {
        const uri = summaryUri(document.uri);
        if (open.has(uri.toString())) changed.fire(uri);
      }),
    );
    this._register(vscode.workspace.onDidCloseTextDocument((d) => open.delete(d.uri.toString())));
  }
}

export async function showSummary(source: vscode.Uri): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(summaryUri(source));
  await vscode.languages.setTextDocumentLanguage(doc, 'layergraph-summary');
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: false });
}
