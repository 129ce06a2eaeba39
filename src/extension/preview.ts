// The graph preview: one GraphPreview per panel (made by `create` or, after a reload, `revive`) loads the webview
// bundle under a strict CSP, shows the analysis of one document — named in its title, following the active editor,
// keeping the last good graph while a line is half typed — and links it both ways with the editor (reveal, cursor
// highlight, hover decoration, SVG export). PreviewManager only keeps the one panel. It draws nothing (webview/ does)
// and analyzes nothing (AnalysisService does).

import * as vscode from 'vscode';
import { isWebviewMessage, type HostMessage, type WebviewMessage } from '../webview-protocol';
import { callCostFigures } from '../graph/cost';
import type { AnalysisResult, SourceRange } from '../graph/ir';
import type { AnalysisService } from './analysisService';
import { PREVIEW_VIEW_TYPE } from './commandIds';
import type { Config } from './config';
import { callsUnderCursor } from './cursor';
import { Disposable } from './dispose';
import { nonce } from './escape';
import { isInDocument, toRange, uriOf } from './locations';
import { LastGoodGraphs, PostedVersions, previewTitle } from './previewState';
import { localizedWebviewStrings } from './webviewStrings';

const SVG_TIMEOUT_MS = 5000;

export interface PreviewDeps {
  extensionUri: vscode.Uri;
  analysis: AnalysisService;
  config: Config;
  /** The webview's own "Export SVG" button. */
  onExportSvg(svg: string): void;
  /** Extra messages for a (re)loaded webview about a document (the last training run's loss curve and weights). */
  replay(uri: string): HostMessage[];
  report(where: string, e: unknown): void;
}

function webviewOptions(deps: PreviewDeps): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview')] };
}

export class GraphPreview extends Disposable {
  private ready = false;
  private readonly posted = new PostedVersions();
  private readonly lastGood = new LastGoodGraphs();
  /** The file table of the result on screen: a range the webview sends back names its file by index into it. */
  private shownFiles: readonly string[] = [];
  private lastHighlight = '';
  private svgWaiters: ((svg: string) => void)[] = [];
  private readonly hoverDecoration = this._register(
    vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('editor.wordHighlightStrongBackground'),
      border: '1px solid',
      borderColor: new vscode.ThemeColor('editor.wordHighlightStrongBorder'),
      overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.wordHighlightStrongForeground'),
    }),
  );
  private readonly disposedEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposedEmitter.event;
  /** Messages from the webview that failed validation or were about another document. */
  rejectedMessages = 0;

  /** A new panel beside the editor, showing `source`. */
  static create(deps: PreviewDeps, source: vscode.Uri | undefined): GraphPreview {
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, vscode.l10n.t('LayerGraph'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(deps));
    return new GraphPreview(deps, panel, source, true);
  }

  /** A panel VS Code restored after a reload, with the document its webview saved in its state. */
  static revive(deps: PreviewDeps, panel: vscode.WebviewPanel, state: unknown): GraphPreview {
    const saved = state && typeof state === 'object' ? (state as { uri?: unknown }).uri : undefined;
    let source: vscode.Uri | undefined;
    if (typeof saved === 'string') {
      try {
        source = vscode.Uri.parse(saved, true);
      } catch {
        source = undefined;
      }
    }
    panel.webview.options = webviewOptions(deps);
    return new GraphPreview(deps, panel, source ?? vscode.window.activeTextEditor?.document.uri, false);
  }

  private constructor(
    private readonly deps: PreviewDeps,
    private readonly panel: vscode.WebviewPanel,
    private source: vscode.Uri | undefined,
    /** The configured direction is sent to a new panel once; after that the webview's own toggle (kept in its saved
     *  state across hides and reloads) wins until the setting changes. */
    private sendDirectionOnReady: boolean,
  ) {
    super();
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'preview.svg');
    panel.webview.html = this.html(panel.webview);
    this.setTitle(false);
    this._register(panel.webview.onDidReceiveMessage((m: unknown) => this.guard('message', () => this.onMessage(m))));
    this._register(
      panel.onDidChangeViewState((e) => {
        // A hidden webview loses its page (no retainContextWhenHidden); it says `ready` again when shown.
        if (!e.webviewPanel.visible) {
          this.ready = false;
          this.posted.reset();
        }
      }),
    );
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(vscode.window.onDidChangeActiveTextEditor((editor) => this.guard('active editor', () => this.follow(editor?.document))));
    this._register(
      deps.analysis.onDidAnalyze(({ document }) =>
        this.guard('update', () => {
          if (this.source?.toString() === document.uri.toString()) return this.postUpdate(document);
          // The active editor became a Keras/TF.js file while being edited (a new or scratch file): show it.
          if (vscode.window.activeTextEditor?.document === document && deps.analysis.current(document)) return this.show(document);
        }),
      ),
    );
    this._register(vscode.window.onDidChangeTextEditorSelection((e) => this.guard('selection', () => this.onSelection(e))));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.lastGood.forget(d.uri.toString())));
    this._register(
      deps.config.onDidChange((keys) => {
        if (keys.has('layoutDirection')) this.post({ type: 'setOptions', direction: deps.config.layoutDirection() });
      }),
    );
  }

  /** The document the graph shows (what an export is named after). */
  get sourceUri(): vscode.Uri | undefined {
    return this.source;
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  /** Shows a document (when it is model code), optionally selecting one of its models. */
  async show(doc: vscode.TextDocument, selectedModel?: number): Promise<void> {
    if (!this.deps.analysis.isSupported(doc)) return;
    if (this.source?.toString() !== doc.uri.toString()) {
      this.source = doc.uri;
      this.posted.reset();
      this.setTitle(false);
    }
    await this.postUpdate(doc, selectedModel);
  }

  /** Asks the webview for its SVG (self-contained, theme colours inlined). */
  requestSvg(): Promise<string> {
    if (!this.ready) return Promise.reject(new Error(vscode.l10n.t('Open the graph preview first.')));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.svgWaiters = this.svgWaiters.filter((w) => w !== waiter);
        reject(new Error(vscode.l10n.t('The graph preview did not answer.')));
      }, SVG_TIMEOUT_MS);
      const waiter = (svg: string) => {
        clearTimeout(timer);
        resolve(svg);
      };
      this.svgWaiters.push(waiter);
      this.post({ type: 'requestSvg' });
    });
  }

  /** Posts when the webview is ready, else drops (features outside the preview use this too). */
  post(message: HostMessage): void {
    if (this.ready && !this.isDisposed) void this.panel.webview.postMessage(message);
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.clearHover();
    this.disposedEmitter.fire();
    super.dispose();
    this.panel.dispose();
  }

  private guard(where: string, f: () => unknown): void {
    try {
      const r = f();
      if (r instanceof Promise) r.catch((e: unknown) => this.deps.report(`preview ${where}`, e));
    } catch (e) {
      this.deps.report(`preview ${where}`, e);
    }
  }

  private async follow(doc: vscode.TextDocument | undefined): Promise<void> {
    if (!doc || !this.deps.analysis.isSupported(doc)) return;
    const result = await this.deps.analysis.get(doc);
    if (result && vscode.window.activeTextEditor?.document === doc) await this.show(doc);
  }

  private setTitle(lastGood: boolean): void {
    const doc = this.sourceDocument();
    const name = doc ? doc.fileName : this.source ? this.source.path : undefined;
    const title = previewTitle(name, lastGood, vscode.l10n.t);
    if (this.panel.title !== title) this.panel.title = title;
  }

  private html(webview: vscode.Webview): string {
    const n = nonce();
    const root = vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'webview');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'main.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'main.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${n}'`,
      `img-src ${webview.cspSource} data:`,
      `font-src ${webview.cspSource}`,
      // Layout runs in a worker the webview's own bundle starts from a blob: URL (nothing from the document).
      'worker-src blob:',
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style}">
<title>LayerGraph</title>
</head>
<body>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
  }

  private async postUpdate(document: vscode.TextDocument, selectedModel?: number): Promise<void> {
    if (!this.ready) return;
    const version = document.version;
    const analyzed = await this.deps.analysis.get(document);
    // Re-check after the wait: the document may have changed, or the preview moved to another one.
    if (!analyzed || !this.ready || document.version !== version || this.source?.toString() !== document.uri.toString()) return;
    const uri = document.uri.toString();
    const shown = this.lastGood.choose(uri, analyzed);
    this.setTitle(shown.lastGood);
    this.shownFiles = shown.result.files;
    // Skip a version the webview already has (it would skip it too, but the message carries the whole IR).
    if (!this.posted.shouldPost(uri, version) && selectedModel === undefined) return;
    this.post({ type: 'update', uri, version, result: shown.result, selectedModel, stale: shown.lastGood, callCosts: callCostFigures(shown.result) });
    this.lastHighlight = '';
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    if (editor) this.postHighlight(editor, shown.result);
  }

  private onSelection(e: vscode.TextEditorSelectionChangeEvent): void {
    if (this.source?.toString() !== e.textEditor.document.uri.toString()) return;
    const result = this.deps.analysis.latest(e.textEditor.document);
    if (result) this.postHighlight(e.textEditor, result);
  }

  private postHighlight(editor: vscode.TextEditor, result: AnalysisResult): void {
    const p = editor.selection.active;
    const callIds = callsUnderCursor(result, { line: p.line, character: p.character });
    const key = callIds.join(',');
    if (key === this.lastHighlight) return;
    this.lastHighlight = key;
    this.post({ type: 'highlight', callIds });
  }

  private onMessage(raw: unknown): void {
    if (!isWebviewMessage(raw)) {
      this.rejectedMessages++;
      return;
    }
    const message: WebviewMessage = raw;
    // A message about a document this panel no longer shows (sent before the webview got the new one) is stale.
    if (message.type !== 'ready' && message.source !== (this.source?.toString() ?? null)) {
      this.rejectedMessages++;
      return;
    }
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        this.posted.reset();
        this.post({ type: 'setStrings', strings: localizedWebviewStrings(vscode.l10n.t) });
        if (this.sendDirectionOnReady) this.post({ type: 'setOptions', direction: this.deps.config.layoutDirection() });
        this.sendDirectionOnReady = false;
        const doc = this.sourceDocument() ?? vscode.window.activeTextEditor?.document;
        if (doc) {
          void this.show(doc).then(() => {
            for (const m of this.deps.replay(doc.uri.toString())) this.post(m);
          });
        }
        return;
      }
      case 'reveal':
        void this.revealRange(message.range);
        return;
      case 'hoverLayer':
        this.hoverLayer(message.layerId);
        return;
      case 'selectModel':
        return;
      case 'exportSvg': {
        const waiters = this.svgWaiters;
        this.svgWaiters = [];
        if (waiters.length > 0) waiters.forEach((w) => w(message.svg));
        else this.deps.onExportSvg(message.svg);
        return;
      }
    }
  }

  private sourceDocument(): vscode.TextDocument | undefined {
    const uri = this.source?.toString();
    return uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : undefined;
  }

  private async revealRange(range: SourceRange): Promise<void> {
    if (!this.source) return;
    const target = uriOf(range, this.source, this.shownFiles);
    const selection = toRange(range);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
    const editor = await vscode.window.showTextDocument(visible?.document.uri ?? target, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection,
      preserveFocus: false,
    });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private hoverLayer(layerId: number | null): void {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.source?.toString());
    if (!editor) return;
    const result = this.deps.analysis.latest(editor.document);
    const layer = layerId === null || !result ? undefined : result.layers[layerId];
    if (!layer || !result) return this.clearHover();
    const here = editor.document.uri;
    const ranges = [layer.range, ...layer.calls.map((id) => result.calls[id].range)].filter((r) => isInDocument(r, here, result.files)).map(toRange);
    editor.setDecorations(this.hoverDecoration, ranges);
  }

  private clearHover(): void {
    for (const e of vscode.window.visibleTextEditors) e.setDecorations(this.hoverDecoration, []);
  }
}

/** Keeps the one preview panel: opens it, revives it after a reload, and forwards to it. */
export class PreviewManager extends Disposable implements vscode.WebviewPanelSerializer {
  private preview: GraphPreview | undefined;

  constructor(private readonly deps: PreviewDeps) {
    super();
    this._register(vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this));
    this._register({ dispose: () => this.preview?.dispose() });
  }

  get isOpen(): boolean {
    return this.preview !== undefined;
  }

  get sourceUri(): vscode.Uri | undefined {
    return this.preview?.sourceUri;
  }

  /** Opens (or reveals) the preview beside the editor, showing `uri` (default: the active editor's document). */
  async open(uri?: vscode.Uri, modelId?: number): Promise<void> {
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    const source = doc && this.deps.analysis.isSupported(doc) ? doc.uri : undefined;
    if (!this.preview) this.adopt(GraphPreview.create(this.deps, source));
    else this.preview.reveal();
    if (doc) await this.preview!.show(doc, modelId);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.preview?.dispose();
    this.adopt(GraphPreview.revive(this.deps, panel, state));
  }

  requestSvg(): Promise<string> {
    if (!this.preview) return Promise.reject(new Error(vscode.l10n.t('Open the graph preview first.')));
    return this.preview.requestSvg();
  }

  /** For features outside the preview (training): posts when the preview is open and ready, else drops. */
  postMessage(message: HostMessage): void {
    this.preview?.post(message);
  }

  private adopt(preview: GraphPreview): void {
    this.preview = preview;
    preview.onDidDispose(() => {
      if (this.preview === preview) this.preview = undefined;
    });
  }
}
