// The editor languages LayerGraph analyzes, in one place: document selectors, the analysis gate and the trainer's
// hover all read this list. No behaviour beyond mapping a language id to the analyzer's language.

import type { Language } from '../graph/ir';

export const SUPPORTED_LANGUAGES = ['python', 'typescript', 'javascript', 'typescriptreact', 'javascriptreact'] as const;

/** For registerXProvider: every supported language, any scheme the editor opens. */
export const DOCUMENT_SELECTOR = SUPPORTED_LANGUAGES.map((language) => ({ language }));

export function isSupportedLanguage(languageId: string): boolean {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(languageId);
}

/** The analyzer's language for an editor language id (undefined: guess from the file name). */
export function analyzerLanguage(languageId: string): Language | undefined {
  if (languageId === 'python') return 'python';
  if (languageId === 'typescript' || languageId === 'typescriptreact') return 'typescript';
  if (languageId === 'javascript' || languageId === 'javascriptreact') return 'javascript';
  return undefined;
}
