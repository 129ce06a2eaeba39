// Hover provider: tensor variables show their shape and producing layer, layer objects their class, config,
// parameters and call sites. The text is decided in hoverText.ts; this only adapts it to VS Code.

import * as vscode from 'vscode';
import { SUPPORTED_LANGUAGES, type AnalysisService } from './analysisService';
import { hoverAt } from './hoverText';

export function registerHover(analysis: AnalysisService): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    SUPPORTED_LANGUAGES.map((language) => ({ language })),
    {
      provideHover(document, position) {
        const result = analysis.get(document);
        if (!result) return undefined;
        const lines = document.getText().split(/\r?\n/);
        const info = hoverAt(result, lines, { line: position.line, character: position.character }, vscode.l10n.t);
        if (!info) return undefined;
        const md = new vscode.MarkdownString(info.markdown);
        md.appendMarkdown(`\n\n*LayerGraph*`);
        return new vscode.Hover(md, new vscode.Range(position.line, info.start, position.line, info.end));
      },
    },
  );
}
