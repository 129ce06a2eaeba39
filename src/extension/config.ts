// The extension's settings (`layergraph.*`): typed getters with the defaults package.json declares, and the one
// configuration watcher, which says which of our settings changed. Features subscribe to `onDidChange`.

import * as vscode from 'vscode';
import type { DiagnosticCode } from '../graph/ir';
import type { LayoutDirection } from '../webview-protocol';
import { severityOverrides, type SeverityChoice } from './diagnosticsModel';
import { Disposable } from './dispose';

export type InlineShapes = 'inlayHints' | 'decorations' | 'off';
export type ConfigKey = 'layoutDirection' | 'inlineShapes' | 'debounceMs' | 'diagnostics.severity';

const SECTION = 'layergraph';
const KEYS: readonly ConfigKey[] = ['layoutDirection', 'inlineShapes', 'debounceMs', 'diagnostics.severity'];

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

export class Config extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<ReadonlySet<ConfigKey>>());
  /** Fired once per settings change that touches ours, with the keys that changed. */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        const keys = new Set(KEYS.filter((k) => e.affectsConfiguration(`${SECTION}.${k}`)));
        if (keys.size > 0) this.changed.fire(keys);
      }),
    );
  }

  layoutDirection(): LayoutDirection {
    return section().get<string>('layoutDirection') === 'LR' ? 'LR' : 'TB';
  }

  inlineShapes(): InlineShapes {
    const v = section().get<string>('inlineShapes');
    return v === 'decorations' || v === 'off' ? v : 'inlayHints';
  }

  debounceMs(): number {
    const v = section().get<number>('debounceMs');
    return typeof v === 'number' && Number.isFinite(v) ? Math.min(Math.max(v, 0), 5000) : 250;
  }

  diagnosticsSeverity(): Partial<Record<DiagnosticCode, SeverityChoice>> {
    return severityOverrides(section().get<unknown>('diagnostics.severity'));
  }
}
