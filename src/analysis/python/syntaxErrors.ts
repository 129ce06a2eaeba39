// Python syntax errors in CPython's words: which error nodes lezer reports in valid Python (false alarms), and what
// each real one is called ("expected an indented block", "'(' was never closed", ...). One error per gap. Knows the
// syntax tree, not the core form; lowering (expressions.ts, statements.ts) reports through it.

import type { SyntaxNode } from '@lezer/common';
import type { LoweredModule } from '../core/ast';
import { TOO_DEEP_MESSAGE } from '../core/frontEnd';

const MAX_SNIPPET = 20;
export const GENERIC_ERROR = 'invalid syntax';
export const NEVER_CLOSED = 'was never closed';
export const INDENTED_BLOCK = 'expected an indented block';

/** Tokens after which a missing piece can only be an expression (for the "expected expression" message). */
const EXPRESSION_EXPECTED_AFTER = new Set<string>([
  'AssignOp', 'ArithOp', 'BitOp', 'CompareOp', 'UpdateOp', ',', '(', '[', '{', ':', '*', '**',
  'and', 'or', 'not', 'in', 'is', 'if', 'elif', 'else', 'while', 'lambda', 'return', 'await', 'yield', 'del',
  'assert', 'raise', 'with',
]);
export const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

export class SyntaxErrors {
  readonly list: LoweredModule['syntaxErrors'] = [];
  private readonly errorIndexByPosition = new Map<number, number>();
  private reportedTooDeep = false;

  constructor(private readonly text: string) {}

  /** For subtrees we skip (annotations, except handlers, unsupported statements): report their errors without
   *  recursion, since the subtree may be arbitrarily deep. */
  reportIn(node: SyntaxNode): void {
    const cursor = node.cursor();
    let depth = 0;
    if (!cursor.firstChild()) return;
    depth++;
    for (;;) {
      if (cursor.type.isError) this.report(cursor.node);
      else if (cursor.firstChild()) {
        depth++;
        continue;
      }
      while (!cursor.nextSibling()) {
        cursor.parent();
        if (--depth === 0) return;
      }
    }
  }

  report(error: SyntaxNode): void {
    let prev = error.prevSibling;
    while (prev && prev.name === 'Comment') prev = prev.prevSibling;
    if (this.isFalseAlarm(error, prev)) return;
    const { start, end, message } = this.describeError(error, prev);
    // lezer often marks one gap at several tree levels; keep one error per gap, the most specific.
    const known = this.errorIndexByPosition.get(error.from);
    if (known === undefined) {
      this.errorIndexByPosition.set(error.from, this.list.length);
      this.add(start, end, message);
    } else if (this.list[known].message === GENERIC_ERROR && message !== GENERIC_ERROR) {
      this.list[known] = { start, end, message };
    }
  }

  /** Gaps lezer reports in valid Python. */
  private isFalseAlarm(error: SyntaxNode, prev: SyntaxNode | null): boolean {
    // lezer's grammar wants a value after `yield`; Python does not.
    if (error.from === error.to && prev?.name === 'yield') return true;
    // A float with a trailing dot (`24.`) reads as a member access without a name; member() lowers it as a number.
    if (this.isTrailingDotFloat(prev)) return true;
    // Form feeds between statements (old-style page breaks) are whitespace to Python.
    if (error.from === error.to || this.text.slice(error.from, error.to).trim() !== '') return false;
    const lineStart = this.text.lastIndexOf('\n', error.from - 1) + 1;
    return this.text.slice(lineStart, error.to).includes('\f');
  }

  /** `prev` is the `.` right after an integer literal, as in `24.`, with nothing after it. */
  isTrailingDotFloat(dot: SyntaxNode | null | undefined): boolean {
    if (dot?.name !== '.' || dot.parent?.name !== 'MemberExpression') return false;
    const number = dot.prevSibling;
    return number?.name === 'Number' && number.to === dot.from && /^[0-9_]+$/.test(this.text.slice(number.from, number.to));
  }

  private describeError(error: SyntaxNode, prev: SyntaxNode | null): { start: number; end: number; message: string } {
    const at = (message: string, start = error.from, end = error.to) => ({ start, end, message });
    if (error.from < error.to) {
      const blank = this.text.slice(error.from, error.to).trim() === '';
      return at(blank ? GENERIC_ERROR : `unexpected ${this.snippet(error.from, error.to)}`);
    }
    const parent = error.parent;
    const parentName = parent?.name ?? '';
    if (parentName === 'String' || parentName === 'FormatString') return at('unterminated string literal', parent!.from);
    if (parentName === 'Body' && prev?.name === ':' && !prev.prevSibling) {
      return at(INDENTED_BLOCK, prev.from, prev.to);
    }
    const opener = parent?.firstChild;
    if (opener && OPENERS[opener.name] && !error.nextSibling) {
      return at(`'${opener.name}' ${NEVER_CLOSED}`, opener.from, opener.to);
    }
    if (prev?.name === '.' && parentName === 'MemberExpression') return at('expected attribute name');
    if (prev && EXPRESSION_EXPECTED_AFTER.has(prev.name)) return at('expected expression');
    return at(GENERIC_ERROR);
  }

  add(start: number, end: number, message: string): void {
    this.list.push({ start, end, message });
  }

  private snippet(from: number, to: number): string {
    let s = this.text.slice(from, Math.min(to, from + 200)).trim().split(/\r?\n/)[0];
    if (s.length > MAX_SNIPPET) s = s.slice(0, MAX_SNIPPET) + '…';
    return `'${s}'`;
  }

  /** Nesting was cut off at `node`: its own errors are still reported, and the file gets one note that it was. */
  tooDeep(node: SyntaxNode): void {
    this.reportIn(node);
    if (!this.reportedTooDeep) {
      this.reportedTooDeep = true;
      this.add(node.from, node.to, TOO_DEEP_MESSAGE);
    }
  }

  sorted(): LoweredModule['syntaxErrors'] {
    return this.list.sort((a, b) => a.start - b.start);
  }
}
