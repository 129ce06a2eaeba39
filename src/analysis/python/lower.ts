// Python front-end entry: parses Python source with @lezer/python and lowers the tree into the core form
// (core/ast.ts), re-parsing once more when an unclosed bracket swallowed later lines (recover.ts). Lowering itself is
// statements.ts/expressions.ts, error wording syntaxErrors.ts. It does not resolve names, evaluate, or know Keras; it
// never throws on any input.

import type { Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import { blankRanges, findSwallowingStatements, insertStatement, MAX_RECOVERY_ROUNDS, type SwallowingStatement } from './recover';
import type { LoweredModule, Stmt } from '../core/ast';
import { messageOf } from '../core/frontEnd';
import { INDENTED_BLOCK, NEVER_CLOSED } from './syntaxErrors';
import { PythonLowerer } from './statements';
import { parseIncrementally } from './incremental';

/** `key` (the file's path) lets an edited file reuse its last parse (incremental.ts); without it, a full parse. */
export function lowerPython(text: string, key?: string): LoweredModule {
  try {
    const tree = key === undefined ? parser.parse(text) : parseIncrementally(key, text);
    const result = lowerPythonTree(tree, text);
    if (!result.syntaxErrors.some((e) => e.message.endsWith(NEVER_CLOSED))) return result;
    try {
      return recoverUnclosedBrackets(text, tree, result);
    } catch {
      return result; // recovery is an improvement, never a requirement
    }
  } catch (error) {
    return internalError(error);
  }
}

/**
 * While typing `x = Dense(10)(`, lezer reads every following line as arguments of that call, and the rest of the
 * file would vanish from the graph. Such a statement is blanked and the file re-parsed; the statement itself becomes
 * an assignment of unknown to its targets (or an unsupported statement), and keeps its syntax errors.
 */
function recoverUnclosedBrackets(text: string, firstTree: Tree, firstResult: LoweredModule): LoweredModule {
  let tree = firstTree;
  let lowerer = new PythonLowerer(text);
  let result = firstResult;
  const blanked: SwallowingStatement[] = [];
  const errors: LoweredModule['syntaxErrors'] = [];
  const replacements: { stmt: Stmt; enclosingStarts: number[] }[] = [];
  for (let round = 0; round < MAX_RECOVERY_ROUNDS; round++) {
    const found = findSwallowingStatements(tree, lowerer.text);
    if (!found.length) break;
    // Errors that lie wholly inside a blanked statement are its own; its bracket error is recomputed, since
    // lezer may have blamed a bracket beyond the cut.
    const ownedBy = (e: { start: number; end: number }) => found.some((f) => f.start <= e.start && e.start < f.cut && e.end <= f.cut);
    errors.push(...result.syntaxErrors.filter((e) => ownedBy(e) && !e.message.endsWith(NEVER_CLOSED)));
    for (const f of found) {
      if (f.unclosed) errors.push({ start: f.unclosed.pos, end: f.unclosed.pos + 1, message: `'${f.unclosed.bracket}' ${NEVER_CLOSED}` });
    }
    for (const f of found) replacements.push({ stmt: lowerer.brokenStatement(f.node, f.cut), enclosingStarts: f.enclosingStarts });
    blanked.push(...found);
    blanked.sort((a, b) => a.start - b.start);
    const patched = blankRanges(text, blanked);
    tree = parser.parse(patched);
    lowerer = new PythonLowerer(patched);
    result = lowerer.lowerModule(tree);
  }
  if (!blanked.length) return firstResult;
  for (const r of replacements) insertStatement(result.body, r.stmt, r.enclosingStarts);
  // Blanking a body's only statement leaves `def f():` without a body: that error is ours, not the user's.
  const patched = lowerer.text;
  const emptiedByBlanking = (e: { end: number; message: string }) =>
    e.message === INDENTED_BLOCK && blanked.some((b) => e.end <= b.start && patched.slice(e.end, b.start).trim() === '');
  errors.push(...result.syntaxErrors.filter((e) => !emptiedByBlanking(e)));
  errors.sort((a, b) => a.start - b.start);
  return { body: result.body, syntaxErrors: errors };
}

/** Lowers a tree parsed from `text` by the caller: lets an editor reuse lezer's incremental parsing (TreeFragment),
 *  which matters because parsing costs far more than lowering. */
export function lowerPythonTree(tree: Tree, text: string): LoweredModule {
  try {
    return new PythonLowerer(text).lowerModule(tree);
  } catch (error) {
    return internalError(error);
  }
}

/** A bug here must cost one diagnostic, not the extension host. */function internalError(error: unknown): LoweredModule {
  return { body: [], syntaxErrors: [{ start: 0, end: 0, message: `internal error in the Python front-end: ${messageOf(error)}` }] };
}
