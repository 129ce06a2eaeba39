// Shows the output shape of every layer call inline: as inlay hints or as end-of-line decorations, per the setting
// `layergraph.inlineShapes`. The labels come from lensModel.ts; this file only places them.

import * as vscode from 'vscode';
import { SUPPORTED_LANGUAGES, type AnalysisService } from './analysisService';
import { config } from './config';
import { shapeHints, shapeHintsByLine } from './lensModel';

export function registerInlineShapes(analysis: AnalysisService): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const decoration = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 1.5em', color: new vscode.ThemeColor('editorInlayHint.foreground'), fontStyle: 'italic' },
  });
  const errorDecoration = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 1.5em', color: new vscode.ThemeColor('editorError.foreground'), fontStyle: 'italic' },
  });

  const provider: vscode.InlayHintsProvider = {
    onDidChangeInlayHints: changed.event,
    provideInlayHints(document, range) {
      if (config.inlineShapes() !== 'inlayHints') return [];
      const result = analysis.get(document);
      if (!result) return [];
      return shapeHints(result)
        .filter((h) => h.line >= range.start.line && h.line <= range.end.line)
        .map((h) => {
          const hint = new vscode.InlayHint(new vscode.Position(h.line, h.character), h.label, vscode.InlayHintKind.Type);
          hint.paddingLeft = true;
          hint.tooltip = vscode.l10n.t('Output shape of this layer call (LayerGraph)');
          return hint;
        });
    },
  };

  const decorate = (editor: vscode.TextEditor) => {
    const result = config.inlineShapes() === 'decorations' ? analysis.get(editor.document) : null;
    const normal: vscode.DecorationOptions[] = [];
    const errors: vscode.DecorationOptions[] = [];
    if (result) {
      const errorLines = new Set(shapeHints(result).filter((h) => h.error).map((h) => h.line));
      for (const [line, text] of shapeHintsByLine(result)) {
        if (line >= editor.document.lineCount) continue;
        const end = editor.document.lineAt(line).range.end;
        (errorLines.has(line) ? errors : normal).push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: text } } });
      }
    }
    editor.setDecorations(decoration, normal);
    editor.setDecorations(errorDecoration, errors);
  };
  const decorateVisible = () => vscode.window.visibleTextEditors.forEach(decorate);

  return vscode.Disposable.from(
    changed,
    decoration,
    errorDecoration,
    vscode.languages.registerInlayHintsProvider(SUPPORTED_LANGUAGES.map((language) => ({ language })), provider),
    analysis.onDidAnalyze(({ document }) => {
      changed.fire();
      for (const e of vscode.window.visibleTextEditors) if (e.document === document) decorate(e);
    }),
    vscode.window.onDidChangeVisibleTextEditors(decorateVisible),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!config.affects(e, 'inlineShapes')) return;
      changed.fire();
      decorateVisible();
    }),
  );
}

