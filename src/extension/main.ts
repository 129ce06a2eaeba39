// Extension entry: builds one LayerGraphContext (analysis, features, preview), binds the command table, and shows
// activation failures to the user. Feature logic lives in the modules it wires together, not here.

import * as vscode from 'vscode';
import { AnalysisService } from './analysisService';
import { registerCodeLens } from './codeLens';
import { COMMANDS, PREVIEW_VIEW_TYPE } from './commandIds';
import { registerDiagnostics } from './diagnostics';
import { rasterize, saveBytes, svgBytes } from './exportGraph';
import { registerHover } from './hover';
import { registerInlineShapes } from './inlayHints';
import { PreviewManager } from './preview';
import { registerSummaryDocuments, showSummary } from './summaryDocument';
import { registerTraining, TrainCodeLensProvider } from './training';
import { SUPPORTED_LANGUAGES } from './analysisService';

/** Everything the extension owns, created once per activation. */
export class LayerGraphContext implements vscode.Disposable {
  readonly analysis = new AnalysisService();
  readonly preview: PreviewManager;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.preview = new PreviewManager(extension.extensionUri, this.analysis, (svg) => void saveBytes(svgBytes(svg), 'svg', this.preview.sourceUri ?? this.currentSource()));
    this.disposables.push(
      this.analysis,
      this.preview,
      registerDiagnostics(this.analysis),
      registerInlineShapes(this.analysis),
      registerHover(this.analysis),
      registerCodeLens(this.analysis),
      registerSummaryDocuments(this.analysis),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this.preview),
    );
    // Train & Show Weights: its own commands (with their own error handling), CodeLens and weights display.
    const trainLens = new TrainCodeLensProvider((d) => this.analysis.get(d));
    const training = registerTraining({
      getAnalysis: (d) => this.analysis.get(d),
      postToPreview: (m) => this.preview.postMessage(m),
      output: vscode.window.createOutputChannel('LayerGraph Training'),
      client: { trainerPath: vscode.Uri.joinPath(extension.extensionUri, 'dist', 'trainer.js').fsPath },
    });
    this.preview.replay = (uri) => training.replay(uri);
    this.disposables.push(
      training,
      trainLens,
      vscode.languages.registerCodeLensProvider(SUPPORTED_LANGUAGES.map((language) => ({ language })), trainLens),
      this.analysis.onDidAnalyze(() => trainLens.refresh()),
    );
  }

  currentSource(): vscode.Uri | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && this.analysis.isSupported(doc) ? doc.uri : undefined;
  }

  dispose(): void {
    for (const d of this.disposables.reverse()) d.dispose();
  }
}

type CommandHandler = (ctx: LayerGraphContext, ...args: unknown[]) => unknown;

function uriArg(v: unknown): vscode.Uri | undefined {
  return v instanceof vscode.Uri ? v : undefined;
}

/** Optional target file for the export commands (used by tests and scripts; users get a save dialog). */
function targetArg(v: unknown): vscode.Uri | undefined {
  if (v instanceof vscode.Uri) return v;
  if (typeof v === 'string' && v.startsWith('/')) return vscode.Uri.file(v);
  return undefined;
}

async function ensurePreview(ctx: LayerGraphContext): Promise<void> {
  if (!ctx.preview.isOpen) {
    await ctx.preview.open();
    // The webview needs a moment to load its bundle and say `ready`; requestSvg retries until then.
  }
}

async function svgFromPreview(ctx: LayerGraphContext): Promise<string> {
  await ensurePreview(ctx);
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      return await ctx.preview.requestSvg();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const commandTable: Record<string, CommandHandler> = {
  [COMMANDS.openPreview]: (ctx, uri, modelId) => ctx.preview.open(uriArg(uri), typeof modelId === 'number' ? modelId : undefined),
  [COMMANDS.showSummary]: async (ctx, uri) => {
    const source = uriArg(uri) ?? ctx.currentSource();
    if (!source) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a Keras (Python) or TensorFlow.js file first.'));
    await showSummary(source);
  },
  [COMMANDS.exportSvg]: async (ctx, target) => {
    const svg = await svgFromPreview(ctx);
    return saveBytes(svgBytes(svg), 'svg', ctx.preview.sourceUri ?? ctx.currentSource(), targetArg(target));
  },
  [COMMANDS.exportPng]: async (ctx, target) => {
    const svg = await svgFromPreview(ctx);
    // Read the source before rasterizing: the short-lived raster panel becomes the active editor meanwhile.
    const source = ctx.preview.sourceUri ?? ctx.currentSource();
    const png = await rasterize(ctx.extension.extensionUri, svg);
    return saveBytes(png, 'png', source, targetArg(target));
  },
};

export function activate(extension: vscode.ExtensionContext): void {
  try {
    const ctx = new LayerGraphContext(extension);
    extension.subscriptions.push(ctx);
    for (const [id, handler] of Object.entries(commandTable)) {
      extension.subscriptions.push(
        vscode.commands.registerCommand(id, async (...args: unknown[]) => {
          try {
            return await handler(ctx, ...args);
          } catch (e) {
            void vscode.window.showErrorMessage(vscode.l10n.t('LayerGraph: {0}', e instanceof Error ? e.message : String(e)));
            return undefined;
          }
        }),
      );
    }
    ctx.analysis.start();
  } catch (e) {
    // Activation errors must reach the user: a silent failure looks like "the extension does nothing".
    void vscode.window.showErrorMessage(vscode.l10n.t('LayerGraph could not start: {0}', e instanceof Error ? e.message : String(e)));
    throw e;
  }
}

export function deactivate(): void {
  // Everything is disposed through extension.subscriptions.
}
