// Python string literals decoded to their values: prefixes, universal newlines, and backslash escapes. Text in,
// text out; f-string structure (replacement fields) is lowered in expressions.ts.

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** Literal text of a string between `from` and `to`, with Python escapes decoded (and `{{`/`}}` in f-strings). */
export function decodeLiteral(text: string, from: number, to: number, raw: boolean, format: boolean): string {
  let s = text.slice(from, to);
  // Python reads source with universal newlines: a CRLF file's multi-line string holds plain \n.
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (!raw && s.includes('\\')) s = decodeEscapes(s);
  if (format && (s.includes('{{') || s.includes('}}'))) s = s.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  return s;
}

function decodeEscapes(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const backslash = s.indexOf('\\', i);
    if (backslash < 0 || backslash === s.length - 1) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, backslash);
    const c = s[backslash + 1];
    i = backslash + 2;
    if (c in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[c];
    else if (c === '\n') continue;
    else if (c === '\r') {
      if (s[i] === '\n') i++;
    } else if (c === 'x' || c === 'u' || c === 'U') {
      const n = c === 'x' ? 2 : c === 'u' ? 4 : 8;
      const hex = s.slice(i, i + n);
      const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === n ? parseInt(hex, 16) : NaN;
      if (code <= 0x10ffff) {
        out += String.fromCodePoint(code);
        i += n;
      } else out += '\\' + c;
    } else if (c >= '0' && c <= '7') {
      let j = i;
      while (j < i + 2 && j < s.length && s[j] >= '0' && s[j] <= '7') j++;
      out += String.fromCharCode(parseInt(s.slice(backslash + 1, j), 8));
      i = j;
    } else out += '\\' + c; // unknown escapes (and \N{...}, which needs the Unicode name table) stay as written
  }
  return out;
}
