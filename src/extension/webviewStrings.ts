// The graph webview's UI strings, localized in the host: the webview's English table (webview/strings.ts) mapped
// through vscode.l10n.t, sent once with a `setStrings` message. The webview itself has no access to VS Code's l10n.

import { englishStrings } from '../../webview/strings';
import type { Translate } from './text';

export function localizedWebviewStrings(t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  // `{0}` placeholders pass through l10n.t untouched when no arguments are given; the webview fills them.
  for (const [key, english] of Object.entries(englishStrings)) out[key] = t(english);
  return out;
}

export function webviewEnglishStrings(): readonly string[] {
  return Object.values(englishStrings);
}
