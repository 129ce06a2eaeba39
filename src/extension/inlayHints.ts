// Shows the output shape of every layer call inline: as inlay hints or as end-of-line decorations, per the setting
// `layergraph.inlineShapes`. The labels come from lensModel.ts; this file only places them (never throwing).

import * as vscode from 'vscode';
import type { AnalysisResult } from '../graph/ir';
import type { AnalysisService } from './analysisService';
import type { Config } from './config';
import { Disposable } from './dispose';
import { visibleControls } from './escape';
import { DOCUMENT_SELECTOR } from './languages';
import { shapeHints, shapeHintsByLine } from './lensModel';

export class InlineShapesFeature extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  private readonly decoration = this._register(
    vscode.window.createTextEditorDecorationType({
      after: { margin: '0 0 0 1.5em', color: new vscode.ThemeColor('editorInlayHint.foreground'), fontStyle: 'italic' },
    }),
  );
  private readonly errorDecoration = this._register(
    vscode.window.createTextEditorDecorationType({
      after: { margin: '0 0 0 1.5em', color: new vscode.ThemeColor('editorError.foreground'), fontStyle: 'italic' },
    }),
  );

  constructor(
    private readonly analysis: AnalysisService,
    private readonly config: Config,
    report: (where: string, e: unknown) => void,
  ) {
    super();
    const changed = this.changed;
    this._register(
      vscode.languages.registerInlayHintsProvider(DOCUMENT_SELECTOR, {
        onDidChangeInlayHints: changed.event,
        async provideInlayHints(document, range, token) {
          try {
            if (config.inlineShapes() !== 'inlayHints') return [];
            const version = document.version;
            const result = await analysis.get(document);
            if (!result || token.isCancellationRequested || document.version !== version) return [];
            return shapeHints(result)
              .filter((h) => h.line >= range.start.line && h.line <= range.end.line)
              .map((h) => {
                const hint = new vscode.InlayHint(new vscode.Position(h.line, h.character), visibleControls(h.label), vscode.InlayHintKind.Type);
                hint.paddingLeft = true;
                hint.tooltip = vscode.l10n.t('Output shape of this layer call (LayerGraph)');
                return hint;
              });
          } catch (e) {
            report('inlay hints', e);
            return [];
          }
        },
      }),
    );
    this._register(
      analysis.onDidAnalyze(({ document, result }) => {
        changed.fire();
        for (const e of vscode.window.visibleTextEditors) if (e.document === document) this.decorate(e, result);
      }),
    );
    this._register(vscode.window.onDidChangeVisibleTextEditors(() => this.decorateVisible()));
    this._register(
      config.onDidChange((keys) => {
        if (!keys.has('inlineShapes')) return;
        changed.fire();
        this.decorateVisible();
      }),
    );
  }

  private decorateVisible(): void {
    for (const e of vscode.window.visibleTextEditors) this.decorate(e, this.analysis.current(e.document) ?? null);
  }

  private decorate(editor: vscode.TextEditor, analyzed: AnalysisResult | null): void {
    const result = this.config.inlineShapes() === 'decorations' ? analyzed : null;
    const normal: vscode.DecorationOptions[] = [];
    const errors: vscode.DecorationOptions[] = [];
    if (result) {
      const errorLines = new Set(shapeHints(result).filter((h) => h.error).map((h) => h.line));
      for (const [line, text] of shapeHintsByLine(result)) {
        if (line < 0 || line >= editor.document.lineCount) continue;
        const end = editor.document.lineAt(line).range.end;
        (errorLines.has(line) ? errors : normal).push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: visibleControls(text) } } });
      }
    }
    editor.setDecorations(this.decoration, normal);
    editor.setDecorations(this.errorDecoration, errors);
  }
}
