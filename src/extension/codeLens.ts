// CodeLens over shared layers ("shared by 2 calls · 30 params", opens the call sites) and over models
// ("9 layers · 205 params" opens the summary, "Open Graph" the preview). Texts come from lensModel.ts.

import * as vscode from 'vscode';
import { SUPPORTED_LANGUAGES, type AnalysisService } from './analysisService';
import { COMMANDS } from './commandIds';
import { lensItems } from './lensModel';
import { toSpan } from './text';

export function registerCodeLens(analysis: AnalysisService): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(document) {
      const result = analysis.get(document);
      if (!result) return [];
      return lensItems(result, vscode.l10n.t).map((item) => {
        const range = new vscode.Range(item.span.startLine, item.span.startCharacter, item.span.startLine, item.span.startCharacter);
        const action = item.action;
        let command: vscode.Command;
        if (action.kind === 'showCalls') {
          const locations = result.layers[action.layerId].calls.map((id) => {
            const s = toSpan(result.calls[id].range);
            return new vscode.Location(document.uri, new vscode.Range(s.startLine, s.startCharacter, s.endLine, s.endCharacter));
          });
          command = { title: item.title, command: 'editor.action.showReferences', arguments: [document.uri, range.start, locations] };
        } else if (action.kind === 'showSummary') {
          command = { title: item.title, command: COMMANDS.showSummary, arguments: [document.uri] };
        } else {
          command = { title: item.title, command: COMMANDS.openPreview, arguments: [document.uri, action.modelId] };
        }
        return new vscode.CodeLens(range, command);
      });
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerCodeLensProvider(SUPPORTED_LANGUAGES.map((language) => ({ language })), provider),
    analysis.onDidAnalyze(() => changed.fire()),
  );
}
