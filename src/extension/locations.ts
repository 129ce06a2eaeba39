// IR ranges as VS Code places: a SourceRange names its file when it lies in an imported module, and only then may it
// point anywhere but the analyzed document. Every feature that turns ranges into Range/Location goes through here.

import * as vscode from 'vscode';
import type { SourceRange } from '../graph/ir';
import { toSpan } from './text';

export function toRange(r: SourceRange): vscode.Range {
  const s = toSpan(r);
  return new vscode.Range(Math.max(0, s.startLine), Math.max(0, s.startCharacter), Math.max(0, s.endLine), Math.max(0, s.endCharacter));
}

/** The document a range lies in: its own file, else the analyzed document. */
export function uriOf(r: SourceRange, analyzed: vscode.Uri, analyzedFile?: string): vscode.Uri {
  const file = r.file;
  if (!file || file === analyzedFile || (analyzed.scheme === 'file' && file === analyzed.fsPath)) return analyzed;
  return vscode.Uri.file(file);
}

export function toLocation(r: SourceRange, analyzed: vscode.Uri, analyzedFile?: string): vscode.Location {
  return new vscode.Location(uriOf(r, analyzed, analyzedFile), toRange(r));
}

/** Whether a range lies in the analyzed document itself (decorations can only be set there). */
export function isInDocument(r: SourceRange, analyzed: vscode.Uri, analyzedFile?: string): boolean {
  return uriOf(r, analyzed, analyzedFile).toString() === analyzed.toString();
}
