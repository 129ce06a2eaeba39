// The editor's "Copy/Open as TF.js", "Copy/Open as Keras" and "Export model…" commands. The translation runs in a
// short-lived analysis process (dist/analysisWorker.js with a `translate` request), never on the extension host; the
// result opens as an untitled document of the other language or goes to the clipboard, refusals are shown escaped.
// Export writes the Keras form (model_from_json document and a training script) next to the source; the TF.js
// model.json export needs TF.js and is the CLI's (`layergraph export --format tfjs`).

import { fork } from 'node:child_process';
import * as vscode from 'vscode';
import type { Translation } from '../translate';
import type { AnalysisResponse, WorkerRequest } from './analysisWorker';
import { escapeNotification } from './escape';
import { analyzerLanguage } from './languages';

/** Wall-clock budget of one translation process (analysis and printing). */
const TRANSLATE_BUDGET_MS = 15000;

/** Analyzes and translates the document in its own process; rejects on a budget overrun or a crash. */
export function translateInChild(workerPath: string, document: vscode.TextDocument, to: 'tfjs' | 'keras', model?: string): Promise<Translation> {
  return new Promise((resolve, reject) => {
    const child = fork(workerPath, [], { execArgv: ['--max-old-space-size=512', '--stack-size=4000'], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(vscode.l10n.t('the translation took longer than {0} seconds', TRANSLATE_BUDGET_MS / 1000)));
    }, TRANSLATE_BUDGET_MS);
    const done = () => {
      clearTimeout(timer);
      child.kill();
    };
    child.on('message', (m: AnalysisResponse) => {
      done();
      if (!m.ok) reject(new Error(m.error));
      else if (!m.translation) reject(new Error('the analysis process did not translate'));
      else resolve(m.translation);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(vscode.l10n.t('the analysis process stopped (exit code {0})', String(code))));
    });
    const request: WorkerRequest = {
      id: 1,
      text: document.getText(),
      fileName: document.uri.scheme === 'file' ? document.uri.fsPath : document.fileName,
      version: document.version,
      language: analyzerLanguage(document.languageId),
      root: vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath,
      translate: { to, model },
    };
    child.send(request);
  });
}

function sourceDocument(uri: unknown): Thenable<vscode.TextDocument> | undefined {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  const editor = vscode.window.activeTextEditor;
  return editor ? Promise.resolve(editor.document) : undefined;
}

/** Runs one translate command: `to` the other runtime, then open or copy. Returns the opened document (tests). */
export async function runTranslate(workerPath: string, to: 'tfjs' | 'keras', open: boolean, uri?: unknown, model?: unknown): Promise<vscode.TextDocument | undefined> {
  const pending = sourceDocument(uri);
  if (!pending) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a Keras (Python) or TensorFlow.js file first.'));
  const document = await pending;
  const t = await translateInChild(workerPath, document, to, typeof model === 'string' ? model : undefined);
  if (t.refused.length > 0) {
    const reasons = t.refused.map((r) => (r.model === '*' ? r.reason : `${r.model}: ${r.reason}`)).join(' · ');
    void vscode.window.showWarningMessage(escapeNotification(vscode.l10n.t('LayerGraph: not translated: {0}', reasons)));
  }
  if (!t.code) return undefined;
  if (!open) {
    await vscode.env.clipboard.writeText(t.code);
    void vscode.window.showInformationMessage(vscode.l10n.t('LayerGraph: copied {0} as {1}.', escapeNotification(t.translated.join(', ')), to === 'tfjs' ? 'TF.js' : 'Keras'));
    return undefined;
  }
  const opened = await vscode.workspace.openTextDocument({ language: t.language, content: t.code });
  await vscode.window.showTextDocument(opened, { preview: false });
  return opened;
}
