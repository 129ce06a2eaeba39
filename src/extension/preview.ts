// The graph preview panel: loads the webview bundle under a strict CSP, feeds it analyses of the active editor's
// document, and links it both ways with the editor (reveal, cursor highlight, hover decoration, SVG/PNG export).
// It draws nothing itself (webview/ does) and analyzes nothing (AnalysisService does).

import * as vscode from 'vscode';
import { isWebviewMessage, type HostMessage, type WebviewMessage } from '../webview-protocol';
import type { AnalysisResult } from '../graph/ir';
import type { AnalysisService } from './analysisService';
import { PREVIEW_VIEW_TYPE } from './commandIds';
import { config } from './config';
import { callsUnderCursor } from './cursor';
import { toSpan } from './text';
import { localizedWebviewStrings } from './webviewStrings';
import { PostedVersions } from './previewState';

const SVG_TIMEOUT_MS = 5000;

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

export class PreviewManager implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panel: vscode.WebviewPanel | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private source: vscode.Uri | undefined;
  private ready = false;
  private readonly posted = new PostedVersions();
  private lastHighlight = '';
  /** The configured direction is sent to a new panel once; after that the webview's own toggle (kept in its saved
   *  state across hides and reloads) wins until the setting changes. */
  private sendDirectionOnReady = false;
  private svgWaiters: ((svg: string) => void)[] = [];
  private readonly hoverDecoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.wordHighlightStrongBackground'),
    border: '1px solid',
    borderColor: new vscode.ThemeColor('editor.wordHighlightStrongBorder'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.wordHighlightStrongForeground'),
  });
  private readonly webviewRoot: vscode.Uri;
  /** Messages from the webview that failed validation (a webview bug, or a page that is not ours). */
  rejectedMessages = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly analysis: AnalysisService,
    private readonly onExportSvg: (svg: string) => void,
  ) {
    this.webviewRoot = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    this.subscriptions.push(
      this.hoverDecoration,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && this.panel && this.analysis.isSupported(editor.document) && this.analysis.get(editor.document)) {
          this.source = editor.document.uri;
          this.postUpdate(editor.document);
        }
      }),
      this.analysis.onDidAnalyze(({ document }) => {
        if (this.panel && this.source?.toString() === document.uri.toString()) this.postUpdate(document);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.onSelection(e)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (config.affects(e, 'layoutDirection')) this.post({ type: 'setOptions', direction: config.layoutDirection() });
      }),
    );
  }

  /** The document the graph shows (what an export is named after). */
  get sourceUri(): vscode.Uri | undefined {
    return this.source;
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Opens (or reveals) the preview beside the editor, showing `uri` (default: the active editor's document). */
  async open(uri?: vscode.Uri, modelId?: number): Promise<void> {
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (doc && this.analysis.isSupported(doc)) this.source = doc.uri;
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(
        PREVIEW_VIEW_TYPE,
        vscode.l10n.t('LayerGraph'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        this.webviewOptions(),
      );
      this.attach(panel);
      this.sendDirectionOnReady = true;
    } else {
      this.panel.reveal(undefined, true);
    }
    if (doc) this.postUpdate(doc, modelId);
  }

  /** WebviewPanelSerializer: the panel comes back after a window reload with the webview's saved state. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = state && typeof state === 'object' ? (state as { uri?: unknown }).uri : undefined;
    if (typeof saved === 'string') {
      try {
        this.source = vscode.Uri.parse(saved, true);
      } catch {
        this.source = undefined;
      }
    }
    this.source ??= vscode.window.activeTextEditor?.document.uri;
    panel.webview.options = this.webviewOptions();
    this.attach(panel);
  }

  /** Asks the webview for its SVG (self-contained, theme colours inlined). */
  requestSvg(): Promise<string> {
    if (!this.panel || !this.ready) return Promise.reject(new Error(vscode.l10n.t('Open the graph preview first.')));
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

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [this.webviewRoot] };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    this.posted.reset();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'preview.svg');
    panel.webview.html = this.html(panel.webview);
    this.panelSubscriptions = [
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidDispose(() => this.detach()),
      panel.onDidChangeViewState((e) => {
        // A hidden webview loses its page (no retainContextWhenHidden); it says `ready` again when shown.
        if (!e.webviewPanel.visible) {
          this.ready = false;
          this.posted.reset();
        }
      }),
    ];
  }

  private detach(): void {
    for (const s of this.panelSubscriptions) s.dispose();
    this.panelSubscriptions = [];
    this.panel = undefined;
    this.ready = false;
    this.clearHover();
  }

  private html(webview: vscode.Webview): string {
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.webviewRoot, 'main.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.webviewRoot, 'main.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${n}'`,
      `img-src ${webview.cspSource} data:`,
      `font-src ${webview.cspSource}`,
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

  /** Extra messages to send a (re)loaded webview for a document (the last training run's loss curve and weights). */
  replay: ((uri: string) => HostMessage[]) | undefined;

  /** For features outside the preview (training): posts when the preview is open and ready, else drops. */
  postMessage(message: HostMessage): void {
    this.post(message);
  }

  private post(message: HostMessage): void {
    if (this.panel && this.ready) void this.panel.webview.postMessage(message);
  }

  private postUpdate(document: vscode.TextDocument, selectedModel?: number): void {
    if (!this.panel || !this.ready) return;
    const result = this.analysis.get(document);
    if (!result) return;
    // Skip a version the webview already has (it would skip it too, but the message carries the whole IR).
    if (!this.posted.shouldPost(document.uri.toString(), document.version) && selectedModel === undefined) return;
    this.post({ type: 'update', uri: document.uri.toString(), version: document.version, result, selectedModel });
    this.lastHighlight = '';
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    if (editor) this.postHighlight(editor, result);
  }

  private onSelection(e: vscode.TextEditorSelectionChangeEvent): void {
    if (!this.panel || this.source?.toString() !== e.textEditor.document.uri.toString()) return;
    const result = this.analysis.latest(e.textEditor.document);
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
        if (this.sendDirectionOnReady) this.post({ type: 'setOptions', direction: config.layoutDirection() });
        this.sendDirectionOnReady = false;
        const doc = this.sourceDocument() ?? vscode.window.activeTextEditor?.document;
        if (doc) void this.ensureOpen(doc);
        if (doc) for (const m of this.replay?.(doc.uri.toString()) ?? []) this.post(m);
        return;
      }
      case 'reveal':
        void this.reveal(message.range);
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
        else this.onExportSvg(message.svg); // the webview's own "Export SVG" button
        return;
      }
    }
  }

  private async ensureOpen(doc: vscode.TextDocument): Promise<void> {
    this.source = doc.uri;
    this.postUpdate(doc);
  }

  private sourceDocument(): vscode.TextDocument | undefined {
    const uri = this.source?.toString();
    return uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : undefined;
  }

  private async reveal(range: { line: number; column: number; endLine: number; endColumn: number }): Promise<void> {
    if (!this.source) return;
    const s = toSpan({ ...range, start: 0, end: 0 });
    const selection = new vscode.Range(s.startLine, s.startCharacter, s.endLine, s.endCharacter);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.source!.toString());
    const editor = await vscode.window.showTextDocument(visible?.document.uri ?? this.source, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection,
      preserveFocus: false,
    });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private hoverLayer(layerId: number | null): void {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.source?.toString());
    if (!editor) return;
    const result = this.analysis.latest(editor.document);
    const layer = layerId === null || !result ? undefined : result.layers[layerId];
    if (!layer || !result) return this.clearHover();
    const ranges = [layer.range, ...layer.calls.map((id) => result.calls[id].range)].map((r) => {
      const s = toSpan(r);
      return new vscode.Range(s.startLine, s.startCharacter, s.endLine, s.endCharacter);
    });
    editor.setDecorations(this.hoverDecoration, ranges);
  }

  private clearHover(): void {
    for (const e of vscode.window.visibleTextEditors) e.setDecorations(this.hoverDecoration, []);
  }

  dispose(): void {
    this.panel?.dispose();
    this.detach();
    for (const s of this.subscriptions) s.dispose();
  }
}
