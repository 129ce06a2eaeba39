// Conventions both front-ends (python/, typescript/) share: how deep syntax may nest before it becomes unknown, what
// that is called, and the per-statement guard that turns a bug of ours into one diagnostic. No parsing here.

import type { LoweredModule, Stmt } from './ast';

/** Deeper syntax than this becomes unknown/unsupported: keeps the lowerers' recursion far from the JS stack limit. */
export const MAX_NESTING = 200;
/** The `what` of an unknown expression or unsupported statement cut off by MAX_NESTING. */
export const TOO_DEEP = 'nesting too deep';
/** The syntax error reported once per file where nesting was cut off. */
export const TOO_DEEP_MESSAGE = 'code is nested too deeply to analyze';

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Lowers top-level statements one at a time, so that a bug of ours costs one statement (left unsupported) and one
 * syntax error naming the front-end, not the whole file. `recover` resets the lowerer's state after a throw.
 */
export function lowerEachStatement<S>(
  statements: Iterable<S>,
  lowerOne: (statement: S, out: Stmt[]) => void,
  span: (statement: S) => { start: number; end: number },
  frontEnd: 'Python' | 'TypeScript',
  syntaxErrors: LoweredModule['syntaxErrors'],
  recover: () => void,
): Stmt[] {
  const body: Stmt[] = [];
  for (const statement of statements) {
    const before = body.length;
    try {
      lowerOne(statement, body);
    } catch (error) {
      recover();
      body.length = before;
      const { start, end } = span(statement);
      body.push({ kind: 'unsupported', what: 'internal error', start, end });
      syntaxErrors.push({ start, end, message: `internal error in the ${frontEnd} front-end: ${messageOf(error)}` });
    }
  }
  return body;
}
