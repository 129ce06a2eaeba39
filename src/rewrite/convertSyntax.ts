// The little syntax the conversions need, on raw text: the matching bracket, the top-level items of an argument
// list, list or object literal (with the comments around them), and keyword arguments / properties by name. It skips
// strings and comments of Python and TS/JS; it does not parse expressions (the analysis already did).

export interface Item {
  /** The item without surrounding whitespace and comments. */
  start: number;
  end: number;
  /** Comments before the item (own lines) and after it on its last line (after its comma too). */
  leading: string[];
  trailing: string[];
}

/** Index just past a string or comment starting at `i`, or -1 when none starts there. */
function skipAtom(text: string, i: number, python: boolean): number {
  const c = text[i];
  if (python && c === '#') {
    const nl = text.indexOf('\n', i);
    return nl < 0 ? text.length : nl;
  }
  if (!python && c === '/' && text[i + 1] === '/') {
    const nl = text.indexOf('\n', i);
    return nl < 0 ? text.length : nl;
  }
  if (!python && c === '/' && text[i + 1] === '*') {
    const close = text.indexOf('*/', i + 2);
    return close < 0 ? text.length : close + 2;
  }
  if (c === '"' || c === "'" || (!python && c === '`')) {
    const triple = python && text.startsWith(c.repeat(3), i);
    const quote = triple ? c.repeat(3) : c;
    let j = i + quote.length;
    while (j < text.length) {
      if (text[j] === '\\') j += 2;
      else if (text.startsWith(quote, j)) return j + quote.length;
      else if (!triple && c !== '`' && text[j] === '\n') return j;
      else j++;
    }
    return text.length;
  }
  return -1;
}

/** The index of the bracket closing the one at `open`, or -1. */
export function matchClose(text: string, open: number, python: boolean): number {
  let depth = 0;
  for (let i = open; i < text.length; ) {
    const skip = skipAtom(text, i, python);
    if (skip >= 0) {
      i = skip;
      continue;
    }
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
    i++;
  }
  return -1;
}

function isComment(text: string, i: number, python: boolean): boolean {
  return python ? text[i] === '#' : text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*');
}

/** The top-level, comma-separated items between `open` (a bracket) and its `close`. */
export function splitItems(text: string, open: number, close: number, python: boolean): Item[] {
  const items: Item[] = [];
  let pending: string[] = [];
  let cur: Item | null = null;
  let depth = 0;
  let afterComma = false;
  for (let i = open + 1; i < close; ) {
    if (isComment(text, i, python) && depth === 0) {
      const end = skipAtom(text, i, python);
      const comment = text.slice(i, end).trimEnd();
      const prev = items[items.length - 1];
      const sameLine = !text.slice((cur ?? prev)?.end ?? open, i).includes('\n');
      if (cur === null && prev && afterComma && sameLine) prev.trailing.push(comment);
      else if (cur !== null && sameLine) cur.trailing.push(comment);
      else pending.push(comment);
      i = end;
      continue;
    }
    const skip = skipAtom(text, i, python);
    const c = text[i];
    if (depth === 0 && c === ',') {
      if (cur) items.push(cur);
      cur = null;
      afterComma = true;
      i++;
      continue;
    }
    if (!/\s/.test(c)) {
      if (cur === null) {
        cur = { start: i, end: i, leading: pending, trailing: [] };
        pending = [];
        afterComma = false;
      }
      if (cur.trailing.length > 0) {
        // A comment inside a multi-line item belongs to its text.
        cur.trailing = [];
      }
    }
    if (skip >= 0) {
      i = skip;
      if (cur) cur.end = i;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    i++;
    if (cur && !/\s/.test(c)) cur.end = i;
  }
  if (cur) items.push(cur);
  if (pending.length > 0 && items.length > 0) items[items.length - 1].trailing.push(...pending);
  return items;
}

/** `name=value` (Python) or `name: value` (JS) as an item: the name and where its value starts; null otherwise. */
export function keyOf(text: string, item: Item, python: boolean): { key: string; valueStart: number } | null {
  const m = (python ? /^([A-Za-z_]\w*)\s*=(?!=)\s*/ : /^([A-Za-z_$][\w$]*|'[^']*'|"[^"]*")\s*:\s*/).exec(text.slice(item.start, item.end));
  if (!m) return null;
  return { key: m[1].replace(/^['"]|['"]$/g, ''), valueStart: item.start + m[0].length };
}

/** Text of `items` without the one at `drop`, keeping the separators as they were. */
export function withoutItem(text: string, open: number, close: number, items: readonly Item[], drop: number): string {
  const inner = text.slice(open + 1, close);
  const base = open + 1;
  let from: number;
  let to: number;
  if (items.length === 1) return '';
  if (drop < items.length - 1) {
    from = items[drop].start;
    to = items[drop + 1].start;
  } else {
    const prev = items[drop - 1];
    from = prev.end;
    to = items[drop].end;
  }
  return inner.slice(0, from - base) + inner.slice(to - base);
}
