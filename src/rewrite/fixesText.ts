// Reading and writing model code for the quick fixes: where a call's arguments are, the items of a list or object
// literal, how this file spells a layer constructor (`layers.Dense(…)`, `tf.layers.dense({…})`, a bare imported
// `Dense(…)`) and the import a new bare class needs. Text in, offsets and strings out; it never analyzes.

import type { CallIR, LayerIR, ModelIR } from '../graph/ir';
import type { RewriteInput, TextEdit } from './types';

export interface Span {
  start: number;
  end: number;
}

const OPEN = '([{';
const CLOSE = ')]}';

/** Offset just past the string literal starting at `i` (quote at text[i]); Python triple quotes included. */
function skipString(text: string, i: number): number {
  const q = text[i];
  const triple = text.startsWith(q.repeat(3), i);
  const end = triple ? q.repeat(3) : q;
  let j = i + end.length;
  while (j < text.length) {
    if (text[j] === '\\') j += 2;
    else if (text.startsWith(end, j)) return j + end.length;
    else if (!triple && text[j] === '\n') return j;
    else j++;
  }
  return j;
}

/** The bracket matching the opening one at `open`, within `limit`; -1 when it is not closed there. */
export function matchingClose(text: string, open: number, limit = text.length): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(text, i) - 1;
    } else if (OPEN.includes(c)) {
      depth++;
    } else if (CLOSE.includes(c)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The parenthesized argument list of a call expression spanning `span`: the span inside its last top-level `(…)`. */
export function callArgs(text: string, span: Span): Span | null {
  let i = span.start;
  let last: Span | null = null;
  while (i < span.end) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(text, i);
      continue;
    }
    if (OPEN.includes(c)) {
      const close = matchingClose(text, i, span.end);
      if (close < 0) return null;
      if (c === '(') last = { start: i + 1, end: close };
      i = close + 1;
      continue;
    }
    i++;
  }
  return last;
}

/** Comma-separated items of `span` at depth 0, each trimmed of whitespace; a trailing comma gives no empty item. */
export function splitItems(text: string, span: Span): Span[] {
  const items: Span[] = [];
  let from = span.start;
  const push = (to: number): void => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) items.push({ start: s, end: e });
  };
  for (let i = span.start; i < span.end; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') i = skipString(text, i) - 1;
    else if (OPEN.includes(c)) i = Math.max(i, matchingClose(text, i, span.end));
    else if (c === ',') {
      push(i);
      from = i + 1;
    }
  }
  push(span.end);
  return items;
}

/** `key=value` (Python) or `key: value` (object literal) item: the value's span, else null. */
export function keyedValue(text: string, item: Span, key: string): Span | null {
  const m = new RegExp(`^${key}\\s*(?:=(?!=)|:)\\s*`).exec(text.slice(item.start, item.end));
  return m ? { start: item.start + m[0].length, end: item.end } : null;
}

export function isPython(input: RewriteInput): boolean {
  return input.result.language === 'python';
}

/** How this file writes the layer's constructor: everything before the class or factory name, and that name. */
export function constructorParts(input: RewriteInput, layer: LayerIR): { prefix: string; name: string } | null {
  if (layer.range.file !== 0) return null;
  const m = /^([\w.]*?)(\w+)\s*\(/.exec(input.text.slice(layer.range.start, layer.range.end));
  return m ? { prefix: m[1], name: m[2] } : null;
}

/** TF.js's factory for a Keras class: `GlobalAveragePooling2D` -> `globalAveragePooling2d`. */
export function tfjsFactory(className: string): string {
  const lowered = className.replace(/(\d)D$/, '$1d');
  return lowered[0].toLowerCase() + lowered.slice(1);
}

/**
 * The text of a new `className` layer spelled the way `like` (a layer of this file) is spelled, and the import edit a
 * bare Python class needs. `pyArgs` / `tsArgs` are the argument texts. Null when the file's spelling is not one of
 * those (e.g. a bare TF.js factory), so no fix guesses.
 */
export function newLayer(
  input: RewriteInput,
  like: LayerIR,
  className: string,
  pyArgs: string,
  tsArgs: string,
): { text: string; imports: TextEdit[] } | null {
  const parts = constructorParts(input, like);
  if (!parts) return null;
  if (!isPython(input)) {
    if (parts.prefix === '') return null;
    return { text: `${parts.prefix}${tfjsFactory(className)}(${tsArgs})`, imports: [] };
  }
  const text = `${parts.prefix}${className}(${pyArgs})`;
  if (parts.prefix !== '') return { text, imports: [] };
  const imported = addPythonImport(input.text, parts.name, className);
  return imported === undefined ? null : { text, imports: imported ? [imported] : [] };
}

/** The edit adding `name` to the one-line `from … import` that imports `beside`; null when already imported,
 *  undefined when there is no such line to extend. */
function addPythonImport(text: string, beside: string, name: string): TextEdit | null | undefined {
  if (new RegExp(`^\\s*from\\s+[\\w.]+\\s+import\\b[^\\n]*\\b${name}\\b`, 'm').test(text)) return null;
  const re = new RegExp(`^(\\s*from\\s+[\\w.]+\\s+import\\s+)([^\\n#()]*\\b${beside}\\b[^\\n#()]*?)\\s*$`, 'm');
  const m = re.exec(text);
  if (!m) return undefined;
  const at = m.index + m[1].length + m[2].length;
  return { file: 0, start: at, end: at, newText: `, ${name}` };
}

/** Python tuple text for a shape without its batch axis: `(28, 28, 1)`, `(10,)`. */
export function pyTuple(dims: number[]): string {
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

/** The variable an expression at `at` is assigned to on its line (`x = …`, `const x = …`), if any. */
export function assignedVariable(text: string, at: number): string | null {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const m = /^\s*(?:(?:const|let|var)\s+)?([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*$/.exec(text.slice(lineStart, at));
  return m ? m[1] : null;
}

/** The call whose range is `span` (the diagnostic's range), in the main file. */
export function callAt(input: RewriteInput, span: Span): CallIR | undefined {
  return input.result.calls.find((c) => c.range.file === 0 && c.range.start === span.start && c.range.end === span.end);
}

/** The `inputs` argument of a `Model(…)` / `tf.model({…})` expression: its value span. */
export function modelInputsValue(input: RewriteInput, model: ModelIR): Span | null {
  if (model.range.file !== 0) return null;
  const args = callArgs(input.text, model.range);
  if (!args) return null;
  let items = splitItems(input.text, args);
  if (!isPython(input)) {
    const obj = items[0];
    if (!obj || input.text[obj.start] !== '{') return null;
    items = splitItems(input.text, { start: obj.start + 1, end: obj.end - 1 });
  }
  for (const item of items) {
    const v = keyedValue(input.text, item, 'inputs');
    if (v) return v;
  }
  // Python's positional form Model(x, y).
  if (isPython(input) && items[0] && !/^\w+\s*=/.test(input.text.slice(items[0].start, items[0].end))) return items[0];
  return null;
}
