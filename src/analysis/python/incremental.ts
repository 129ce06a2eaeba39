// Incremental parsing of the files being edited: the last tree of each of a few recent files is kept, the new text is
// compared with the old (one changed span: common prefix and suffix), and lezer reuses every untouched part of the old
// tree (TreeFragment). A one-character edit of a 10,000-line file then reparses only around the edit. The result is
// the tree a full parse gives (lezer's guarantee; test/big-incremental.test.ts checks the lowering agrees). Nothing
// here lowers, and nothing is reused across different keys.

import { TreeFragment, type Tree } from '@lezer/common';
import { parser } from '@lezer/python';

/** Files remembered at once: the editor's open Python files, and a project's imports analyzed with them. */
const KEEP = 16;
/** Below this size a full parse is as fast as diffing; not worth the memory. */
const MIN_CHARS = 2_000;

interface Parsed {
  text: string;
  fragments: readonly TreeFragment[];
}

const recent = new Map<string, Parsed>();

/** The one span where `a` and `b` differ, as lezer's ChangedRange. */
export function changedSpan(a: string, b: string): { fromA: number; toA: number; fromB: number; toB: number } {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { fromA: p, toA: a.length - s, fromB: p, toB: b.length - s };
}

/** Parses `text`, reusing the last tree parsed under `key` where the text did not change. */
export function parseIncrementally(key: string, text: string): Tree {
  const before = recent.get(key);
  let tree: Tree;
  if (before && before.text === text) {
    tree = before.fragments.length ? parser.parse(text, before.fragments) : parser.parse(text);
  } else if (before) {
    const fragments = TreeFragment.applyChanges(before.fragments, [changedSpan(before.text, text)]);
    tree = parser.parse(text, fragments);
  } else {
    tree = parser.parse(text);
  }
  recent.delete(key);
  if (text.length >= MIN_CHARS) {
    recent.set(key, { text, fragments: TreeFragment.addTree(tree) });
    while (recent.size > KEEP) recent.delete(recent.keys().next().value!);
  }
  return tree;
}

/** Forget every remembered tree (tests; a worker that is told its documents closed). */
export function forgetParses(): void {
  recent.clear();
}
