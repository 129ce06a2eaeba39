// IR ranges as VS Code places: a SourceRange names its file by index into the result's `files` (0 = the analyzed
// document); only a range in an imported module may point anywhere but the analyzed document. Every feature that turns ranges into Range/Location goes through here.

import * as vscode from 'vscode';
import type { SourceRange } from '../graph/ir';
import { toSpan } from './text';

export function toRange(r: SourceRange): vscode.Range {
  const s = toSpan(r);
  return new vscode.Range(Math.max(0, s.startLine), Math.max(0, s.startCharacter), Math.max(0, s.endLine), Math.max(0, s.endCharacter));
}

/** The document a range lies in: its own file (`files[range.file]`), else the analyzed document. */
export function uriOf(r: SourceRange, analyzed: vscode.Uri, files: readonly string[]): vscode.Uri {
  const file = r.file ? files[r.file] : undefined;
  if (!file || file === files[0] || (analyzed.scheme === 'file' && file === analyzed.fsPath)) return analyzed;
  return vscode.Uri.file(file);
}

export function toLocation(r: SourceRange, analyzed: vscode.Uri, files: readonly string[]): vscode.Location {
  return new vscode.Location(uriOf(r, analyzed, files), toRange(r));
}

/** Whether a range lies in the analyzed document itself (decorations can only be set there). */
export function isInDocument(r: SourceRange, analyzed: vscode.Uri, files: readonly string[]): boolean {
  return uriOf(r, analyzed, files).toString() === analyzed.toString();
}
