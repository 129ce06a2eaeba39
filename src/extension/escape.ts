// Makes text that comes from the analyzed code (layer names, config values, messages quoting them) safe to show:
// plain text in Markdown hovers, in notifications (which turn `[label](command:…)` into a clickable link), and in
// terminals or output channels (control characters). Also the one source of webview nonces. No VS Code API.

import { randomBytes } from 'node:crypto';

/** The characters that can start Markdown syntax: brackets (links, images), backticks, emphasis, HTML and autolinks
 *  (`<`, `:` and `.` of `https://x.y`), entities, headings, lists, tables. Backslash-escaping them (valid for any
 *  ASCII punctuation in CommonMark) shows them literally; plain parentheses and commas need nothing. */
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]#+\-.!|<>~&:]/g;

/** Control characters (C0 except tab/newline, DEL, C1) and the line/paragraph separators that break a line. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Control characters made visible: C0 as their Unicode "control picture" (␛ for ESC), others as U+FFFD. */
export function visibleControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}

/** Text for a Markdown string, shown literally: punctuation escaped, controls visible, line breaks kept as spaces
 *  (a name is inline text; a newline in it would start a new Markdown block). */
export function escapeMarkdown(text: string): string {
  return visibleControls(text.replace(/\r\n|\r|\n/g, ' ')).replace(MARKDOWN_PUNCTUATION, '\\$&');
}

/** A fenced code block whose fence is longer than any backtick run inside, so the content cannot close it (inside a
 *  fence nothing is rendered as Markdown: links, images and HTML stay text). */
export function markdownCodeBlock(code: string, language = ''): string {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language.replace(/[^\w-]/g, '')}\n${visibleControls(code)}\n${fence}`;
}

/** Inline code (`…`) that shows its content literally whatever backticks it holds. */
export function markdownInlineCode(code: string): string {
  const text = visibleControls(code.replace(/\r\n|\r|\n/g, ' '));
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** A message for showInformationMessage/showErrorMessage: VS Code renders `[label](target)` in notifications as a
 *  link (command:, http(s):, file:). A zero-width space between `]` and `(` breaks that syntax while the text reads
 *  the same; controls are made visible. Our own wording has no links, so the whole message can pass through this. */
export function escapeNotification(text: string): string {
  return visibleControls(text).replace(/\]\s*\(/g, (m) => `]\u200b${m.slice(1)}`);
}

/** A line for an output channel or a terminal: escape sequences and other controls made visible (newlines kept). */
export function escapeTerminal(text: string): string {
  return visibleControls(text);
}

/** A CSP nonce: 128 bits from the system's CSPRNG (Math.random is predictable). */
export function nonce(): string {
  return randomBytes(16).toString('base64').replace(/[+/=]/g, (c) => (c === '+' ? '-' : c === '/' ? '_' : ''));
}
