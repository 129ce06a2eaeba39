// Code actions (Ctrl+. and the Refactor menu) for Python and TS/JS: the document's text, the range and the editor's
// LayerGraph diagnostics there go to the analysis process, which answers with the rewrites (src/rewrite); each
// becomes one WorkspaceEdit (one undo step). A rewrite that needs a value the code lacks (an input shape) runs a
// command that asks for it first; a refused one shows disabled with its reason. Nothing is computed on this thread
// but the mapping of offsets to positions.

import * as vscode from 'vscode';
import type { Language } from '../graph/ir';
import { fillAnswer } from '../rewrite';
import type { Rewrite, RewriteKind } from '../rewrite/types';
import type { AnalysisService } from './analysisService';
import type { RewriteQuery } from './analysisWorker';
import { COMMANDS } from './commandIds';
import { DIAGNOSTIC_SOURCE } from './diagnosticsModel';
import { Disposable } from './dispose';
import { visibleControls } from './escape';
import { analyzerLanguage, DOCUMENT_SELECTOR } from './languages';

const KINDS: Record<RewriteKind, vscode.CodeActionKind> = {
  quickfix: vscode.CodeActionKind.QuickFix,
  'refactor.rewrite': vscode.CodeActionKind.RefactorRewrite,
  'refactor.extract': vscode.CodeActionKind.RefactorExtract,
  'refactor.inline': vscode.CodeActionKind.RefactorInline,
};

export class CodeActionsFeature extends Disposable {
  constructor(
    private readonly analysis: AnalysisService,
    private readonly report: (where: string, e: unknown) => void,
  ) {
    super();
    this._register(
      vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, { provideCodeActions: (d, r, c, t) => this.provide(d, r, c, t) }, { providedCodeActionKinds: Object.values(KINDS) }),
    );
  }

  private async provide(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    try {
      const version = document.version;
      const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string');
      const query: RewriteQuery = {
        start: document.offsetAt(range.start),
        end: document.offsetAt(range.end),
        diagnostics: ours.map((d) => ({ code: String(d.code), start: document.offsetAt(d.range.start), end: document.offsetAt(d.range.end) })),
      };
      const answer = await this.analysis.rewrites(document, query);
      if (!answer || token.isCancellationRequested || document.version !== version) return [];
      const actions = answer.rewrites.map((rewrite) => this.toAction(document, rewrite, ours));
      for (const refusal of answer.refusals) {
        const action = new vscode.CodeAction(visibleControls(refusal.title), vscode.CodeActionKind.RefactorRewrite);
        action.disabled = { reason: visibleControls(refusal.reason) };
        actions.push(action);
      }
      return actions.filter((a) => !context.only || (a.kind && context.only.contains(a.kind)));
    } catch (e) {
      this.report('code actions', e);
      return [];
    }
  }

  private toAction(document: vscode.TextDocument, rewrite: Rewrite, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction {
    const action = new vscode.CodeAction(visibleControls(rewrite.title), KINDS[rewrite.kind]);
    action.isPreferred = rewrite.isPreferred;
    if (rewrite.fixes?.length) {
      action.diagnostics = diagnostics.filter((d) =>
        rewrite.fixes!.some((f) => f.code === d.code && f.range.start === document.offsetAt(d.range.start) && f.range.end === document.offsetAt(d.range.end)),
      );
    }
    if (rewrite.ask) action.command = { title: action.title, command: COMMANDS.applyRewrite, arguments: [document.uri, document.version, rewrite] };
    else action.edit = toWorkspaceEdit(document, rewrite);
    return action;
  }

  /** The command behind a rewrite with a question: ask, fill the answer in, apply (if the document is unchanged). */
  async applyAsked(uri: unknown, version: unknown, rewrite: unknown): Promise<boolean> {
    if (!(uri instanceof vscode.Uri) || typeof version !== 'number' || !isRewrite(rewrite)) return false;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document || !rewrite.ask) return false;
    const language: Language = analyzerLanguage(document.languageId) ?? 'python';
    const answer = await vscode.window.showInputBox({
      title: visibleControls(rewrite.title),
      prompt: visibleControls(rewrite.ask.prompt),
      placeHolder: '28, 28, 1',
      ignoreFocusOut: true,
      validateInput: (v) => {
        const filled = fillAnswer(rewrite, v, language);
        return 'error' in filled ? filled.error : undefined;
      },
    });
    if (answer === undefined) return false;
    if (document.version !== version) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The file changed meanwhile; run the refactoring again.'));
      return false;
    }
    const filled = fillAnswer(rewrite, answer, language);
    if ('error' in filled) return false;
    return vscode.workspace.applyEdit(toWorkspaceEdit(document, filled));
  }
}

/** The edits of the document itself (file 0): the analysis process gives the producers no other file's text, so
 *  they make no edits elsewhere. */
function toWorkspaceEdit(document: vscode.TextDocument, rewrite: Rewrite): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of rewrite.edits) {
    if (e.file !== 0) continue;
    edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  }
  return edit;
}

function isRewrite(v: unknown): v is Rewrite {
  const r = v as Rewrite;
  return !!r && typeof r.title === 'string' && Array.isArray(r.edits) && r.edits.every((e) => typeof e.start === 'number' && typeof e.end === 'number' && typeof e.newText === 'string');
}
