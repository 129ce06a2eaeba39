// Typed getters for the extension's settings (`layergraph.*`), with the defaults package.json declares.
// It does not watch for changes (the context does, and tells the features).

import * as vscode from 'vscode';
import type { LayoutDirection } from '../webview-protocol';

export type InlineShapes = 'inlayHints' | 'decorations' | 'off';

const SECTION = 'layergraph';

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

export const config = {
  layoutDirection(): LayoutDirection {
    return section().get<string>('layoutDirection') === 'LR' ? 'LR' : 'TB';
  },
  inlineShapes(): InlineShapes {
    const v = section().get<string>('inlineShapes');
    return v === 'decorations' || v === 'off' ? v : 'inlayHints';
  },
  debounceMs(): number {
    const v = section().get<number>('debounceMs');
    return typeof v === 'number' && Number.isFinite(v) ? Math.min(Math.max(v, 0), 5000) : 250;
  },
  affects(e: vscode.ConfigurationChangeEvent, key: 'layoutDirection' | 'inlineShapes' | 'debounceMs'): boolean {
    return e.affectsConfiguration(`${SECTION}.${key}`);
  },
};
