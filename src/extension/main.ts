// Extension entry: builds one LayerGraphContext (configuration, analysis, features, preview, training), binds the one
// command table, refuses what Restricted Mode must not do, and shows activation failures to the user. Feature logic
// lives in the modules it wires together, not here.

import * as vscode from 'vscode';
import { AnalysisService } from './analysisService';
import { CodeActionsFeature } from './codeActions';
import { CodeLensFeature } from './codeLens';
import { COMMANDS, MANAGE_TRUST_COMMAND } from './commandIds';
import { Config } from './config';
import { DiagnosticsFeature } from './diagnostics';
import { Disposable } from './dispose';
import { escapeNotification, escapeTerminal } from './escape';
import { rasterize, saveBytes, svgBytes } from './exportGraph';
import { HoverFeature } from './hover';
import { InlineShapesFeature } from './inlayHints';
import { NotebookFeature } from './notebookFeature';
import { DOCUMENT_SELECTOR } from './languages';
import { PreviewManager } from './preview';
import { showSummary, SummaryDocuments } from './summaryDocument';
import { runTranslate } from './translate';
import { registerTraining, TrainCodeLensProvider, type Training } from './training';

/** An output channel that shows control characters from the code as visible symbols, never as escape sequences. */
function sanitized(channel: vscode.OutputChannel): vscode.OutputChannel {
  return new Proxy(channel, {
    get(target, prop, receiver) {
      if (prop === 'appendLine' || prop === 'append') return (text: string) => target[prop](escapeTerminal(String(text)));
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** Everything the extension owns, created once per activation. */
export class LayerGraphContext extends Disposable {
  readonly config = this._register(new Config());
  readonly log = this._register(sanitized(vscode.window.createOutputChannel('LayerGraph')));
  readonly analysis: AnalysisService;
  readonly training: Training;
  readonly preview: PreviewManager;
  readonly codeActions: CodeActionsFeature;

  constructor(readonly extension: vscode.ExtensionContext) {
    super();
    const report = (where: string, e: unknown) => this.log.appendLine(`[${where}] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    this.analysis = this._register(new AnalysisService(extension.extensionUri, this.config));
    this._register(new DiagnosticsFeature(this.analysis, this.config));
    this._register(new NotebookFeature(this.analysis, this.config));
    this._register(new InlineShapesFeature(this.analysis, this.config, report));
    this._register(new HoverFeature(this.analysis, report));
    this._register(new CodeLensFeature(this.analysis, report));
    this.codeActions = this._register(new CodeActionsFeature(this.analysis, report));
    this._register(new SummaryDocuments(this.analysis, report));
    // Train & Show Weights: its CodeLens, weights display and handlers (bound in the command table below).
    this.training = this._register(
      registerTraining({
        getAnalysis: (d) => this.analysis.get(d),
        postToPreview: (m) => this.preview.postMessage(m),
        output: this._register(sanitized(vscode.window.createOutputChannel('LayerGraph Training'))),
        client: { trainerPath: vscode.Uri.joinPath(extension.extensionUri, 'dist', 'trainer.js').fsPath },
      }),
    );
    this.preview = this._register(
      new PreviewManager({
        extensionUri: extension.extensionUri,
        analysis: this.analysis,
        config: this.config,
        onExportSvg: (svg) => void saveBytes(svgBytes(svg), 'svg', this.preview.sourceUri ?? this.currentSource()),
        replay: (uri) => this.training.replay(uri),
        report,
      }),
    );
    const trainLens = this._register(new TrainCodeLensProvider((d) => this.analysis.get(d)));
    this._register(vscode.languages.registerCodeLensProvider(DOCUMENT_SELECTOR, trainLens));
    this._register(this.analysis.onDidAnalyze(() => trainLens.refresh()));
  }

  currentSource(): vscode.Uri | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && this.analysis.isSupported(doc) ? doc.uri : undefined;
  }
}

type CommandHandler = (ctx: LayerGraphContext, ...args: unknown[]) => unknown;

interface CommandEntry {
  run: CommandHandler;
  /** Runs model code's data loading (reads data files, trains): refused in Restricted Mode. */
  needsTrust?: boolean;
}

function uriArg(v: unknown): vscode.Uri | undefined {
  return v instanceof vscode.Uri ? v : undefined;
}

/** Optional target file for the export commands (used by tests and scripts; users get a save dialog). */
function targetArg(v: unknown): vscode.Uri | undefined {
  if (v instanceof vscode.Uri) return v;
  if (typeof v === 'string' && v.startsWith('/')) return vscode.Uri.file(v);
  return undefined;
}

async function svgFromPreview(ctx: LayerGraphContext): Promise<string> {
  // The webview needs a moment to load its bundle and say `ready`; requestSvg is retried until then.
  if (!ctx.preview.isOpen) await ctx.preview.open();
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

const commandTable: Record<string, CommandEntry> = {
  [COMMANDS.openPreview]: { run: (ctx, uri, modelId) => ctx.preview.open(uriArg(uri), typeof modelId === 'number' ? modelId : undefined) },
  [COMMANDS.showSummary]: {
    run: async (ctx, uri) => {
      const source = uriArg(uri) ?? ctx.currentSource();
      if (!source) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a Keras (Python) or TensorFlow.js file first.'));
      await showSummary(source);
    },
  },
  [COMMANDS.exportSvg]: {
    run: async (ctx, target) => {
      const svg = await svgFromPreview(ctx);
      return saveBytes(svgBytes(svg), 'svg', ctx.preview.sourceUri ?? ctx.currentSource(), targetArg(target));
    },
  },
  [COMMANDS.exportPng]: {
    run: async (ctx, target) => {
      const svg = await svgFromPreview(ctx);
      // Read the source before rasterizing: the short-lived raster panel becomes the active editor meanwhile.
      const source = ctx.preview.sourceUri ?? ctx.currentSource();
      const png = await rasterize(ctx.extension.extensionUri, svg);
      return saveBytes(png, 'png', source, targetArg(target));
    },
  },
  [COMMANDS.applyRewrite]: { run: (ctx, uri, version, rewrite) => ctx.codeActions.applyAsked(uri, version, rewrite) },
  [COMMANDS.train]: { run: (ctx, ...args) => ctx.training.train(...args), needsTrust: true },
  [COMMANDS.showWeights]: { run: (ctx, ...args) => ctx.training.showWeights(...args), needsTrust: true },
  ...translateCommands(),
};

function translateCommands(): Record<string, CommandEntry> {
  const worker = (ctx: LayerGraphContext) => vscode.Uri.joinPath(ctx.extension.extensionUri, 'dist', 'analysisWorker.js').fsPath;
  const entry = (to: 'tfjs' | 'keras', open: boolean): CommandEntry => ({ run: (ctx, uri, model) => runTranslate(worker(ctx), to, open, uri, model) });
  return { [COMMANDS.openAsTfjs]: entry('tfjs', true), [COMMANDS.copyAsTfjs]: entry('tfjs', false), [COMMANDS.openAsKeras]: entry('keras', true), [COMMANDS.copyAsKeras]: entry('keras', false) };
}

/** Restricted Mode: say why the command does nothing and offer the way to trust the folder. */
async function refuseUntrusted(): Promise<void> {
  const manage = vscode.l10n.t('Manage Workspace Trust');
  const message = vscode.l10n.t(
    'Training loads the data files the model code reads, which Restricted Mode does not allow. Trust this folder (Manage Workspace Trust) to train; graphs, shapes and diagnostics work without it.',
  );
  if ((await vscode.window.showInformationMessage(message, manage)) === manage) await vscode.commands.executeCommand(MANAGE_TRUST_COMMAND);
}

export function activate(extension: vscode.ExtensionContext): void {
  try {
    const ctx = new LayerGraphContext(extension);
    extension.subscriptions.push(ctx);
    for (const [id, entry] of Object.entries(commandTable)) {
      extension.subscriptions.push(
        vscode.commands.registerCommand(id, async (...args: unknown[]) => {
          try {
            if (entry.needsTrust && !vscode.workspace.isTrusted) return void (await refuseUntrusted());
            return await entry.run(ctx, ...args);
          } catch (e) {
            void vscode.window.showErrorMessage(escapeNotification(vscode.l10n.t('LayerGraph: {0}', e instanceof Error ? e.message : String(e))));
            return undefined;
          }
        }),
      );
    }
    ctx.analysis.start();
  } catch (e) {
    // Activation errors must reach the user: a silent failure looks like "the extension does nothing".
    void vscode.window.showErrorMessage(escapeNotification(vscode.l10n.t('LayerGraph could not start: {0}', e instanceof Error ? e.message : String(e))));
    throw e;
  }
}

export function deactivate(): void {
  // Everything is disposed through extension.subscriptions.
}
