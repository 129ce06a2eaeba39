// Quick fix for `invalid-config` when one string argument is wrong and the runtime's message lists the allowed
// values (`padding='bogus'`, `data_format='channel_last'`): replace the value by the closest allowed one, keeping
// the file's quotes. The rejected and the allowed values are read from the runtime's words, which the catalog keeps
// verbatim (Keras: "… one of {'valid', 'same'}. Received: bogus"; TF.js: "bogus is not a valid PaddingMode.  Valid
// values are valid,same,causal or null/undefined."); a message of another form gets no fix.

import type { Diagnostic } from '../graph/ir';
import { isPython, matchingClose, splitItems, type Span } from './fixesText';
import type { Rewrite, RewriteInput } from './types';

interface Complaint {
  /** The rejected value, as the message quotes it. */
  received: string;
  allowed: string[];
}

function complaint(message: string): Complaint | null {
  const tfjs = /^(\S+) is not a valid \w+\.\s+Valid values are ([\w,]+) or null\/undefined/.exec(message);
  if (tfjs) return { received: tfjs[1], allowed: tfjs[2].split(',') };
  const received = /Received: (?:\w+=)?(\S+)$/.exec(message)?.[1];
  const quoted = /one of \{([^}]*)\}/.exec(message)?.[1] ?? /either ('[^']*'(?: or '[^']*')+)/.exec(message)?.[1];
  if (!received || !quoted) return null;
  const allowed = [...quoted.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  return allowed.length > 0 ? { received, allowed } : null;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = here;
    }
  }
  return row[b.length];
}

/** The string literals of value `value` among the constructor's arguments (the first parenthesized group of the
 *  diagnostic's range, which is the call `Layer(…)(x)`; the layer's arguments come first). */
function literalsOf(input: RewriteInput, span: Span, value: string): Span[] {
  const text = input.text;
  const found: Span[] = [];
  const visit = (args: Span): void => {
    for (const item of splitItems(text, args)) {
      if (!isPython(input) && text[item.start] === '{') visit({ start: item.start + 1, end: item.end - 1 });
      const v = /^(?:[\w$]+\s*[=:]\s*)?((['"])([^'"\\]*)\2)$/.exec(text.slice(item.start, item.end));
      if (v && v[3] === value) found.push({ start: item.end - v[1].length, end: item.end });
    }
  };
  const open = text.indexOf('(', span.start);
  if (open < 0 || open >= span.end) return [];
  const close = matchingClose(text, open, span.end);
  if (close > open) visit({ start: open + 1, end: close });
  return found;
}

export function invalidConfigFixes(input: RewriteInput, d: Diagnostic): Rewrite[] {
  if (d.range.file !== 0 || d.severity !== 'error') return [];
  const c = complaint(d.message);
  if (!c) return [];
  const values = literalsOf(input, d.range, c.received);
  if (values.length !== 1) return [];
  const v = values[0];
  const literal = input.text.slice(v.start, v.end);
  const quote = literal[0];
  const now = c.received;
  const ranked = c.allowed
    .filter((a) => a !== now)
    .map((a) => ({ a, cost: a.toLowerCase() === now.toLowerCase() ? 0 : distance(now.toLowerCase(), a.toLowerCase()) }))
    .sort((x, y) => x.cost - y.cost);
  const best = ranked[0];
  return ranked.map(({ a, cost }) => ({
    title: `Use ${quote}${a}${quote} instead of ${literal}`,
    kind: 'quickfix' as const,
    // Only a near miss (a typo or a case slip) is almost surely what was meant.
    isPreferred: a === best.a && cost <= 2 && ranked.filter((r) => r.cost === cost).length === 1 ? true : undefined,
    fixes: [d],
    edits: [{ file: 0, start: v.start, end: v.end, newText: `${quote}${a}${quote}` }],
  }));
}
