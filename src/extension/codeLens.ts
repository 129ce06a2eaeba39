// CodeLens over shared layers ("shared by 2 calls · 30 params", opens the call sites, in whatever file they are) and
// over models ("9 layers · 205 params · 150 MACs · 340 FLOPs" opens the summary, "Open Graph" the preview). Texts come from lensModel.ts.

import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { COMMANDS } from './commandIds';
import { Disposable } from './dispose';
import { visibleControls } from './escape';
import { DOCUMENT_SELECTOR } from './languages';
import { lensItems } from './lensModel';
import { toLocation } from './locations';

export class CodeLensFeature extends Disposable {
  constructor(analysis: AnalysisService, report: (where: string, e: unknown) => void) {
    super();
    const changed = this._register(new vscode.EventEmitter<void>());
    this._register(
      vscode.languages.registerCodeLensProvider(DOCUMENT_SELECTOR, {
        onDidChangeCodeLenses: changed.event,
        async provideCodeLenses(document, token) {
          try {
            const version = document.version;
            const result = await analysis.get(document);
            if (!result || token.isCancellationRequested || document.version !== version) return [];
            return lensItems(result, vscode.l10n.t).map((item) => {
              const range = new vscode.Range(item.span.startLine, item.span.startCharacter, item.span.startLine, item.span.startCharacter);
              const action = item.action;
              const title = visibleControls(item.title);
              let command: vscode.Command;
              if (action.kind === 'showCalls') {
                const locations = result.layers[action.layerId].calls.map((id) => toLocation(result.calls[id].range, document.uri, result.files));
                command = { title, command: 'editor.action.showReferences', arguments: [document.uri, range.start, locations] };
              } else if (action.kind === 'showSummary') {
                command = { title, command: COMMANDS.showSummary, arguments: [document.uri], tooltip: item.tooltip };
              } else {
                command = { title, command: COMMANDS.openPreview, arguments: [document.uri, action.modelId] };
              }
              return new vscode.CodeLens(range, command);
            });
          } catch (e) {
            report('CodeLens', e);
            return [];
          }
        },
      }),
    );
    this._register(analysis.onDidAnalyze(() => changed.fire()));
  }
}
