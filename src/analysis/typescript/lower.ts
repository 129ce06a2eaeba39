// The TypeScript/JavaScript front-end entry: parses with the TypeScript parser alone and lowers its tree, in one pass,
// to the core form of ../core/ast (statements.ts, expressions.ts; operator tables in syntax.ts), one top-level
// statement at a time. It does not type-check, resolve modules, know Keras, or evaluate anything.

import ts from 'typescript';
import { lowerEachStatement, messageOf, TOO_DEEP_MESSAGE } from '../core/frontEnd';
import type { LoweredModule } from '../core/ast';
import { Lowerer } from './statements';


export function scriptKindOf(fileName: string): ts.ScriptKind {
  const extension = /\.[^./\\]*$/.exec(fileName)?.[0].toLowerCase();
  switch (extension) {
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.js':
    case '.mjs':
    case '.cjs':
      return ts.ScriptKind.JS;
    case '.jsx':
      return ts.ScriptKind.JSX;
    default:
      // .ts/.mts/.cts, and anything unrecognised: the TS grammar is the most permissive one.
      return ts.ScriptKind.TS;
  }
}

export function lowerTypeScript(text: string, fileName: string): LoweredModule {
  let sourceFile: ts.SourceFile;
  try {
    sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKindOf(fileName));
  } catch (error) {
    // The parser itself recurses on nesting, so input deep enough can overflow the stack before our guard applies.
    return { body: [], syntaxErrors: [{ start: 0, end: text.length, message: `could not parse: ${messageOf(error)}` }] };
  }
  return lowerSourceFile(sourceFile);
}

/** Lowers an already parsed file (parent pointers not needed), e.g. one a language service holds. */
export function lowerSourceFile(sourceFile: ts.SourceFile): LoweredModule {
  const syntaxErrors = parseErrorsOf(sourceFile, sourceFile.text.length);
  const lowerer = new Lowerer(sourceFile);
  const body = lowerEachStatement(
    sourceFile.statements,
    (statement, out) => lowerer.statement(statement, out),
    (statement) => ({ start: Math.min(statement.getStart(sourceFile), statement.end), end: statement.end }),
    'TypeScript',
    syntaxErrors,
    () => lowerer.reset(),
  );
  if (lowerer.cutAt) syntaxErrors.push({ ...lowerer.cutAt, message: TOO_DEEP_MESSAGE });
  syntaxErrors.sort((a, b) => a.start - b.start);
  return { body, syntaxErrors };
}

function parseErrorsOf(sourceFile: ts.SourceFile, length: number): LoweredModule['syntaxErrors'] {
  // parseDiagnostics is internal but stable; reading it avoids building a Program just for syntax errors.
  const diagnostics: readonly ts.Diagnostic[] = (sourceFile as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  return diagnostics.map((diagnostic) => {
    const start = clamp(diagnostic.start ?? 0, 0, length);
    return {
      start,
      end: clamp(start + (diagnostic.length ?? 0), start, length),
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    };
  });
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}
