// Hover provider: tensor variables show their shape and producing layer, layer objects their class, config,
// parameters and call sites. The text is decided (and escaped) in hoverText.ts; this only adapts it to VS Code:
// untrusted Markdown without HTML, and no hover (never an exception) when anything goes wrong.

import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { Disposable } from './dispose';
import { hoverAt } from './hoverText';
import { DOCUMENT_SELECTOR } from './languages';

export class HoverFeature extends Disposable {
  constructor(analysis: AnalysisService, report: (where: string, e: unknown) => void) {
    super();
    this._register(
      vscode.languages.registerHoverProvider(DOCUMENT_SELECTOR, {
        async provideHover(document, position, token) {
          try {
            const version = document.version;
            const result = await analysis.get(document);
            if (!result || token.isCancellationRequested || document.version !== version) return undefined;
            const lines = document.getText().split(/\r?\n/);
            const info = hoverAt(result, lines, { line: position.line, character: position.character }, vscode.l10n.t);
            if (!info) return undefined;
            const md = new vscode.MarkdownString(info.markdown);
            // Text from the code is in it (escaped): no command links, no HTML.
            md.isTrusted = false;
            md.supportHtml = false;
            md.appendMarkdown(`\n\n*LayerGraph*`);
            return new vscode.Hover(md, new vscode.Range(position.line, info.start, position.line, info.end));
          } catch (e) {
            report('hover', e);
            return undefined;
          }
        },
      }),
    );
  }
}
