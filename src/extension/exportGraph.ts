// "Export Graph as SVG/PNG": gets the SVG from the preview, rasterizes it for PNG in a short-lived webview (a canvas is
// only available in a browser), and writes the file the user picks in a save dialog. It does not draw the graph.

import * as vscode from 'vscode';
import { escapeNotification, nonce } from './escape';

const RASTER_TIMEOUT_MS = 10000;
/** Device pixels per SVG pixel: crisp on high-DPI screens and slides, still small files. */
const PNG_SCALE = 2;

function defaultTarget(source: vscode.Uri | undefined, ext: 'svg' | 'png'): vscode.Uri | undefined {
  if (!source || source.scheme === 'untitled') return undefined;
  return source.with({ path: source.path.replace(/\.[^./]+$/, '') + `.graph.${ext}` });
}

export async function saveBytes(data: Uint8Array, ext: 'svg' | 'png', source: vscode.Uri | undefined, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: defaultTarget(source, ext),
      filters: ext === 'svg' ? { [vscode.l10n.t('SVG image')]: ['svg'] } : { [vscode.l10n.t('PNG image')]: ['png'] },
      title: ext === 'svg' ? vscode.l10n.t('Export Graph as SVG') : vscode.l10n.t('Export Graph as PNG'),
    }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, data);
  void vscode.window.showInformationMessage(escapeNotification(vscode.l10n.t('Graph exported to {0}', vscode.workspace.asRelativePath(uri))));
  return uri;
}

export function svgBytes(svg: string): Uint8Array {
  return new TextEncoder().encode(svg);
}

/** Renders the SVG to PNG bytes in a temporary webview (scripts only from media/rasterize.js, nonce-locked). */
export async function rasterize(extensionUri: vscode.Uri, svg: string): Promise<Uint8Array> {
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  const panel = vscode.window.createWebviewPanel(
    'layergraph.rasterize',
    vscode.l10n.t('Exporting PNG…'),
    { viewColumn: vscode.ViewColumn.Active, preserveFocus: true },
    { enableScripts: true, localResourceRoots: [media] },
  );
  try {
    const n = nonce();
    const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'rasterize.js'));
    panel.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src blob: data:; script-src 'nonce-${n}'">
</head><body><script nonce="${n}" src="${script}"></script></body></html>`;
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(vscode.l10n.t('PNG export timed out.'))), RASTER_TIMEOUT_MS);
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (!m || typeof m !== 'object') return;
        const msg = m as { type?: unknown; dataUrl?: unknown; message?: unknown };
        if (msg.type === 'ready') void panel.webview.postMessage({ type: 'rasterize', svg, scale: PNG_SCALE });
        else if (msg.type === 'png' && typeof msg.dataUrl === 'string' && msg.dataUrl.startsWith('data:image/png;base64,')) {
          clearTimeout(timer);
          resolve(msg.dataUrl);
        } else if (msg.type === 'error') {
          clearTimeout(timer);
          reject(new Error(String(msg.message)));
        }
      });
    });
    return Uint8Array.from(Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64'));
  } finally {
    panel.dispose();
  }
}
