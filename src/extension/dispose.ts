// The one disposal idiom of the extension (as VS Code's own util/dispose.ts): a feature extends Disposable and
// registers what it creates with _register(); disposing it disposes those, newest first, once. No feature logic.

import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  /** Takes ownership of `d` (disposed with this object; at once if this object is already disposed). */
  protected _register<T extends vscode.Disposable>(d: T): T {
    if (this.disposed) d.dispose();
    else this.owned.push(d);
    return d;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.owned.splice(0).reverse()) {
      try {
        d.dispose();
      } catch {
        // One failing disposal must not keep the rest alive.
      }
    }
  }
}
