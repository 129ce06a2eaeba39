// "Train & Show Weights" in the editor: the train and show-weights commands, the cancellable progress notification,
// end-of-line weights, their hover and the read-only weights document; a CodeLens provider the host registers.
// It neither trains (src/train/client.ts's child process does) nor decides texts (weightsModel.ts does).

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisResult, ModelIR } from '../graph/ir';
import { startTraining, TrainError, type ClientOptions, type TrainHandle, type TrainListeners } from '../train/client';
import { estimateTrainingMemory } from '../train/estimate';
import type { TrainRequest, TrainResult } from '../train/protocol';
import { encodeLoss, type HostMessage } from '../webview-protocol';
import { COMMANDS, WEIGHTS_SCHEME } from './commandIds';
import { escapeNotification } from './escape';
import { DOCUMENT_SELECTOR } from './languages';
import {
  buildTrainRequest,
  largeModelWarning,
  modelAtCursor,
  progressText,
  trainFailure,
  trainedInfo,
  weightsByLine,
  weightsDocument,
  weightsForGraph,
  weightsHoverMarkdown,
  type WeightsLine,
} from './weightsModel';

export const TRAINING_COMMANDS = { train: COMMANDS.train, showWeights: COMMANDS.showWeights } as const;

export { WEIGHTS_SCHEME };

/** The loss curve goes to the preview at most this often (new points only), however fast epochs end. */
const PROGRESS_POST_MS = 50;

export interface TrainingDeps {
  /** The analysis of the document's current version (AnalysisService.get); null when it is not model code. */
  getAnalysis(document: vscode.TextDocument): AnalysisResult | null | Promise<AnalysisResult | null>;
  /** Posts to the graph preview when it is open (dropped otherwise). */
  postToPreview(message: HostMessage): void;
  /** Where backend, notes and errors of each run are logged. */
  output: vscode.OutputChannel;
  /** Where the compiled trainer lives (default: trainer.js next to the bundle), and Node to run it. */
  client?: ClientOptions;
  /** The trainer; tests inject a stand-in. */
  start?: (request: TrainRequest, listeners: TrainListeners, options?: ClientOptions) => TrainHandle;
}

/** Trained weights on show for one document version. */
interface Shown {
  version: number;
  result: TrainResult;
  lines: WeightsLine[];
}

export interface Training extends vscode.Disposable {
  /** The last loss curve and weights posted for a document, for a preview that (re)loads after they were sent: a
   *  hidden webview loses its page, and the host posts these again after its `update`. */
  replay(uri: string): HostMessage[];
  /** The command handlers (the host binds them in its command table). */
  train(...args: unknown[]): Promise<void>;
  showWeights(...args: unknown[]): Promise<void>;
}

/** Registers both commands, the decorations, the hover and the weights documents. Dispose to remove them all. */
export function registerTraining(deps: TrainingDeps): Training {
  const start = deps.start ?? startTraining;
  // For a preview that reloads: the whole curve of the last run (built when asked) and the last weights.
  const lastPosted = new Map<string, { progress?: () => HostMessage; weights?: HostMessage }>();
  const post = (m: HostMessage) => {
    if (m.type === 'weights') {
      const entry = lastPosted.get(m.uri) ?? {};
      entry.weights = m.layers.length > 0 ? m : undefined;
      lastPosted.set(m.uri, entry);
    }
    deps.postToPreview(m);
  };
  const shown = new Map<string, Shown>();
  const running = new Map<string, TrainHandle>();
  const documents = new Map<string, string>();
  const docChanged = new vscode.EventEmitter<vscode.Uri>();
  const decoration = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 2em', fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });

  const paint = (editor: vscode.TextEditor) => {
    const s = shown.get(editor.document.uri.toString());
    const valid = s && s.version === editor.document.version ? s : undefined;
    editor.setDecorations(
      decoration,
      (valid?.lines ?? [])
        .filter((l) => l.line < editor.document.lineCount)
        .map((l) => {
          const end = editor.document.lineAt(l.line).range.end;
          return { range: new vscode.Range(end, end), renderOptions: { after: { contentText: l.text } } };
        }),
    );
  };
  const repaint = (uri: string) => {
    for (const e of vscode.window.visibleTextEditors) if (e.document.uri.toString() === uri) paint(e);
  };

  /** Weights describe the code they were trained from: any edit makes them stale, and stale weights are removed
   *  (from the editor and the graph) rather than greyed, because their lines move with the edit. */
  const dropWeights = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    if (!shown.delete(key)) return;
    repaint(key);
    post({ type: 'weights', uri: key, version: doc.version, layers: [] });
  };

  const weightsUri = (source: vscode.Uri) =>
    vscode.Uri.from({ scheme: WEIGHTS_SCHEME, path: `/${path.basename(source.fsPath || source.path)} weights.txt`, query: source.toString() });

  async function chooseModel(doc: vscode.TextDocument, result: AnalysisResult, modelId: unknown): Promise<ModelIR | undefined> {
    if (typeof modelId === 'number') return result.models.find((m) => m.id === modelId);
    if (result.models.length === 1) return result.models[0];
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document === doc) {
      const p = editor.selection.active;
      const atCursor = modelAtCursor(result, { line: p.line, character: p.character });
      if (atCursor) return atCursor;
    }
    const picked = await vscode.window.showQuickPick(
      result.models.map((m) => ({ label: m.variable ?? m.name, description: m.variable ? m.name : undefined, detail: vscode.l10n.t('line {0}', m.range.line), model: m })),
      { placeHolder: vscode.l10n.t('Which model should be trained?') },
    );
    return picked?.model;
  }

  async function train(uriArg?: unknown, modelId?: unknown): Promise<void> {
    const doc = uriArg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uriArg) : vscode.window.activeTextEditor?.document;
    const result = doc ? await deps.getAnalysis(doc) : null;
    if (!doc || !result || result.models.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No Keras or TensorFlow.js model found in this file.'));
      return;
    }
    const key = doc.uri.toString();
    if (running.has(key)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('A model of this file is already training.'));
      return;
    }
    const model = await chooseModel(doc, result, modelId);
    if (!model) return;
    const name = model.variable ?? model.name;
    const warning = largeModelWarning(estimateTrainingMemory(result, model), name, vscode.l10n.t);
    if (warning) {
      const go = vscode.l10n.t('Train');
      if ((await vscode.window.showWarningMessage(escapeNotification(warning), { modal: true }, go)) !== go) return;
    }

    const version = doc.version;
    // Data files may come only from the file's workspace folder (or its own folder when it is in none).
    const root = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath;
    const request = buildTrainRequest(result, model, { root });
    const history: number[] = [];
    let epochs = request.epochs ?? model.training?.epochs ?? 5;
    let status: 'running' | 'done' | 'cancelled' | 'failed' = 'running';
    const message = (from: number): HostMessage => ({
      type: 'trainProgress', uri: key, model: name, epoch: history.length, epochs, loss: history.length > 0 ? encodeLoss(history[history.length - 1]) : null,
      from, history: history.slice(from).map(encodeLoss), status,
    });
    lastPosted.set(key, { ...lastPosted.get(key), progress: () => message(0) });
    // Incremental and throttled: each post carries the epochs since the previous one, at most every PROGRESS_POST_MS.
    let sent = 0;
    let lastPost = 0;
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      lastPost = Date.now();
      const m = message(sent);
      sent = history.length;
      post(m);
    };
    const progressMessage = (s: typeof status) => {
      status = s;
      if (s !== 'running' || Date.now() - lastPost >= PROGRESS_POST_MS) flush();
      else timer ??= setTimeout(flush, PROGRESS_POST_MS - (Date.now() - lastPost));
    };
    deps.output.appendLine(`[${new Date().toISOString()}] training "${name}" from ${doc.fileName}`);

    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: escapeNotification(vscode.l10n.t('Training "{0}"', name)), cancellable: true },
      async (progress, token) => {
        progressMessage('running');
        const handle = start(
          request,
          {
            onBackend: (backend, notes) => {
              deps.output.appendLine(`backend: ${backend}`);
              for (const n of notes) deps.output.appendLine(`note: ${n}`);
              progress.report({ message: vscode.l10n.t('starting on the TF.js {0} backend…', backend) });
            },
            onEpoch: (epoch, total, loss) => {
              epochs = total;
              history.push(loss);
              progress.report({ increment: 100 / total, message: progressText(epoch, total, loss, vscode.l10n.t) });
              progressMessage('running');
            },
          },
          deps.client,
        );
        running.set(key, handle);
        // Cancel kills the trainer process: its result rejects as 'cancelled' and nothing is shown.
        const sub = token.onCancellationRequested(() => handle.cancel());
        try {
          return { trained: await handle.result };
        } catch (e) {
          return { error: e };
        } finally {
          sub.dispose();
          running.delete(key);
        }
      },
    );

    if ('error' in outcome) {
      const failure = trainFailure(outcome.error, name, vscode.l10n.t);
      progressMessage(failure.cancelled ? 'cancelled' : 'failed');
      deps.output.appendLine(failure.message);
      if (outcome.error instanceof TrainError && outcome.error.details) deps.output.appendLine(outcome.error.details);
      if (failure.cancelled) {
        void vscode.window.showInformationMessage(escapeNotification(failure.message));
        return;
      }
      const line = failure.line;
      const goTo = vscode.l10n.t('Go to Line {0}', line ?? 0);
      const choice = await vscode.window.showErrorMessage(escapeNotification(failure.message), ...(line !== undefined ? [goTo] : []));
      if (choice === goTo && line !== undefined) {
        const pos = new vscode.Position(line - 1, 0);
        await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
      }
      return;
    }

    const trained = outcome.trained;
    progressMessage('done');
    for (const n of trained.notes) deps.output.appendLine(`note: ${n}`);
    deps.output.appendLine(`done in ${trained.seconds.toFixed(2)} s: ${trained.weights.length} weight arrays`);
    if (doc.version !== version) {
      // Edited while training: the weights belong to code that is no longer there.
      void vscode.window.showInformationMessage(vscode.l10n.t('The file changed during training; the weights are not shown. Train again to see them.'));
      return;
    }
    shown.set(key, { version, result: trained, lines: weightsByLine(result, trained) });
    documents.set(weightsUri(doc.uri).toString(), weightsDocument(path.basename(doc.fileName), trained));
    docChanged.fire(weightsUri(doc.uri));
    repaint(key);
    post({ type: 'weights', uri: key, version, layers: weightsForGraph(result, trained) });
    const asText = vscode.l10n.t('Show Weights as Text');
    const summary = vscode.l10n.t('Trained "{0}" for {1} epochs on the TF.js {2} backend: {3} weight arrays.', name, trained.epochs, trained.backend, trained.weights.length);
    if ((await vscode.window.showInformationMessage(escapeNotification(summary), asText)) === asText) await showWeights(doc.uri);
  }

  async function showWeights(uriArg?: unknown): Promise<void> {
    // From the hover's command link the source arrives as a string (command URIs carry JSON).
    const source = uriArg instanceof vscode.Uri ? uriArg : typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : vscode.window.activeTextEditor?.document.uri;
    const s = source ? shown.get(source.toString()) : undefined;
    if (!source || !s) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No trained weights for this file: run "Train & Show Weights" first.'));
      return;
    }
    const doc = await vscode.workspace.openTextDocument(weightsUri(source));
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  const wrap = (f: (...args: unknown[]) => Promise<void>) => async (...args: unknown[]) => {
    try {
      await f(...args);
    } catch (e) {
      void vscode.window.showErrorMessage(escapeNotification(vscode.l10n.t('LayerGraph: {0}', e instanceof Error ? e.message : String(e))));
    }
  };

  const disposable = vscode.Disposable.from(
    decoration,
    docChanged,
    vscode.workspace.registerTextDocumentContentProvider(WEIGHTS_SCHEME, {
      onDidChange: docChanged.event,
      // A weights document outlives the decorations it came from: it says what was trained, it is not live.
      provideTextDocumentContent: (uri) => documents.get(uri.toString()) ?? vscode.l10n.t('No trained weights for this file.'),
    }),
    vscode.languages.registerHoverProvider(
      DOCUMENT_SELECTOR,
      {
        provideHover(document, position) {
          const s = shown.get(document.uri.toString());
          if (!s || s.version !== document.version) return undefined;
          const line = s.lines.find((l) => l.line === position.line);
          if (!line) return undefined;
          const md = new vscode.MarkdownString(weightsHoverMarkdown(line, trainedInfo(s.result), vscode.l10n.t));
          md.appendMarkdown(`\n\n[${vscode.l10n.t('Show Weights as Text')}](command:${TRAINING_COMMANDS.showWeights}?${encodeURIComponent(JSON.stringify([document.uri.toString()]))})`);
          md.isTrusted = { enabledCommands: [TRAINING_COMMANDS.showWeights] };
          return new vscode.Hover(md);
        },
      },
    ),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) dropWeights(e.document);
    }),
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach(paint)),
    { dispose: () => running.forEach((h) => h.cancel()) },
  );
  return {
    dispose: () => disposable.dispose(),
    train: wrap(train),
    showWeights: wrap(showWeights),
    replay: (uri) => {
      const e = lastPosted.get(uri);
      return [e?.progress?.(), e?.weights].filter((m): m is HostMessage => m !== undefined);
    },
  };
}

/** "▶ Train" over each model's Model(...) expression. The host registers it for the supported languages and fires
 *  `refresh` when analyses change. */
export class TrainCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly getAnalysis: (document: vscode.TextDocument) => AnalysisResult | null | Promise<AnalysisResult | null>) {}

  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const result = await this.getAnalysis(document);
    if (!result) return [];
    return result.models
      .filter((m) => !m.range.file)
      .map((m) => {
        const at = new vscode.Position(m.range.line - 1, m.range.column - 1);
        return new vscode.CodeLens(new vscode.Range(at, at), {
          title: vscode.l10n.t('▶ Train'),
          tooltip: vscode.l10n.t('Train & Show Weights'),
          command: TRAINING_COMMANDS.train,
          arguments: [document.uri, m.id],
        });
      });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
