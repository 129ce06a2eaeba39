// Unclosed-bracket recovery for the Python front-end: finds statements whose unclosed bracket swallowed the lines
// after them (lezer reads `x = f(` + newline + `y = 1` as one call), so they can be blanked and the rest re-parsed.
// It does not lower statements or report errors itself.

import type { SyntaxNode, Tree } from '@lezer/common';
import type { Stmt } from '../core/ast';

/** How many rounds of blank-and-reparse one lowering may spend (each round costs a full parse). */
export const MAX_RECOVERY_ROUNDS = 3;

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

export interface SwallowingStatement {
  /** The whole statement in the tree it was found in; [start, cut) is what gets blanked. */
  node: SyntaxNode;
  start: number;
  /** Start of the first line that, by its indentation, begins a new statement. */
  cut: number;
  /** Starts of the compound statements around it (def, class, if, …), outermost first. */
  enclosingStarts: number[];
  /** The first bracket in [start, cut) left open, for the error message. */
  unclosed?: { pos: number; bracket: string };
}

/** Statements with a never-closed bracket that ran over a line indented like a new statement. */
export function findSwallowingStatements(tree: Tree, text: string): SwallowingStatement[] {
  const found: SwallowingStatement[] = [];
  tree.iterate({
    enter: (ref) => {
      if (!ref.type.isError) return true;
      const error = ref.node;
      const opener = error.parent?.firstChild;
      if (error.from !== error.to || error.nextSibling || !opener || !OPENERS.has(opener.name)) return false;
      const statement = enclosingStatement(opener);
      if (!statement) return false;
      const cut = findCut(text, statement.from, error.from);
      if (cut > 0) {
        const unclosed = firstUnclosedBracket(text, statement.from, cut);
        found.push({ node: statement, start: statement.from, cut, enclosingStarts: enclosingStarts(statement), unclosed });
      }
      return false;
    },
  });
  found.sort((a, b) => a.start - b.start);
  // A bracket inside an already swallowed statement is covered by it.
  return found.filter((s, i) => i === 0 || s.start >= found[i - 1].cut);
}

/** `text` with the given ranges turned into spaces (line breaks kept), so every offset stays valid. */
export function blankRanges(text: string, ranges: { start: number; cut: number }[]): string {
  let out = '';
  let pos = 0;
  for (const { start, cut } of ranges) {
    out += text.slice(pos, start) + text.slice(start, cut).replace(/[^\r\n]/g, ' ');
    pos = cut;
  }
  return out + text.slice(pos);
}

/** Puts `stmt` into the statement list where it belongs: inside the compound statements that enclosed it. */
export function insertStatement(body: Stmt[], stmt: Stmt, enclosingStarts: number[]): void {
  let list = body;
  for (;;) {
    const container = list.find((s) => enclosingStarts.includes(s.start));
    const lists = container ? childLists(container) : [];
    if (!lists.length) break;
    // The last clause that starts before the statement (`else` after `if`), or the first clause.
    let chosen = lists[0];
    for (const l of lists) if (l.length && l[0].start <= stmt.start) chosen = l;
    list = chosen;
  }
  let index = list.findIndex((s) => s.start > stmt.start);
  if (index < 0) index = list.length;
  list.splice(index, 0, stmt);
}

function childLists(s: Stmt): Stmt[][] {
  switch (s.kind) {
    case 'def':
    case 'class':
    case 'block':
      return [s.body];
    case 'if':
    case 'for':
    case 'while':
      return [s.body, s.orelse];
    default:
      return [];
  }
}

function enclosingStatement(node: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | null = node;
  while (n && n.parent && n.parent.name !== 'Script' && n.parent.name !== 'Body') n = n.parent;
  return n && n.parent ? n : undefined;
}

function enclosingStarts(statement: SyntaxNode): number[] {
  const starts: number[] = [];
  for (let n = statement.parent; n; n = n.parent) {
    if (n.name === 'Body' && n.parent) starts.unshift(n.parent.from);
  }
  return starts;
}

function indentation(text: string, lineStart: number): number {
  let i = lineStart;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\f')) i++;
  return i - lineStart;
}

function findCut(text: string, statementStart: number, limit: number): number {
  const statementLine = text.lastIndexOf('\n', statementStart - 1) + 1;
  const baseIndent = indentation(text, statementLine);
  for (let lineStart = text.indexOf('\n', statementStart) + 1; lineStart > 0 && lineStart < limit; ) {
    const indent = indentation(text, lineStart);
    const first = text[lineStart + indent];
    const blank = first === undefined || first === '\n' || first === '\r' || first === '#';
    if (!blank && indent <= baseIndent && !CLOSERS.has(first)) return lineStart;
    lineStart = text.indexOf('\n', lineStart) + 1;
  }
  return -1;
}

/** Bracket matching over [from, to), skipping strings and comments: the outermost opener left unclosed. */
function firstUnclosedBracket(text: string, from: number, to: number): { pos: number; bracket: string } | undefined {
  const open: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '#') {
      while (i < to && text[i] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      const triple = text[i + 1] === c && text[i + 2] === c;
      const quote = triple ? c.repeat(3) : c;
      for (i += quote.length; i < to; i++) {
        if (text[i] === '\\') i++;
        else if (text.startsWith(quote, i)) {
          i += quote.length - 1;
          break;
        } else if (!triple && text[i] === '\n') break;
      }
    } else if (OPENERS.has(c)) open.push(i);
    else if (CLOSERS.has(c)) open.pop();
  }
  return open.length ? { pos: open[0], bracket: text[open[0]] } : undefined;
}
