// TypeScript syntax facts the lowerer consults: operator tables (TS token → core-form operator), the names of
// constructs it does not lower, and small predicates on statements (does it end control flow, does it break out of a
// switch). Pure functions of the TS tree; no lowering here.

import ts from 'typescript';
import type { BinaryOperator, CompareOperator } from '../core/ast';
import { MAX_NESTING } from '../core/frontEnd';

// Switch cases on `ts.SyntaxKind.X` are evaluated one by one at run time; through the namespace-import getter they
// cost as much as the parse itself, so the enum is read once here (and `ts` is a default import, not `* as ts`).
export const SyntaxKind = ts.SyntaxKind;


export const binaryOperators: Partial<Record<ts.SyntaxKind, BinaryOperator>> = {
  [SyntaxKind.PlusToken]: '+',
  [SyntaxKind.MinusToken]: '-',
  [SyntaxKind.AsteriskToken]: '*',
  [SyntaxKind.SlashToken]: '/',
  [SyntaxKind.PercentToken]: '%',
  [SyntaxKind.AsteriskAsteriskToken]: '**',
  [SyntaxKind.LessThanLessThanToken]: '<<',
  [SyntaxKind.GreaterThanGreaterThanToken]: '>>',
  [SyntaxKind.AmpersandToken]: '&',
  [SyntaxKind.BarToken]: '|',
  [SyntaxKind.CaretToken]: '^',
};

export const compoundOperators: Partial<Record<ts.SyntaxKind, BinaryOperator>> = {
  [SyntaxKind.PlusEqualsToken]: '+',
  [SyntaxKind.MinusEqualsToken]: '-',
  [SyntaxKind.AsteriskEqualsToken]: '*',
  [SyntaxKind.SlashEqualsToken]: '/',
  [SyntaxKind.PercentEqualsToken]: '%',
  [SyntaxKind.AsteriskAsteriskEqualsToken]: '**',
  [SyntaxKind.LessThanLessThanEqualsToken]: '<<',
  [SyntaxKind.GreaterThanGreaterThanEqualsToken]: '>>',
  [SyntaxKind.AmpersandEqualsToken]: '&',
  [SyntaxKind.BarEqualsToken]: '|',
  [SyntaxKind.CaretEqualsToken]: '^',
};

export const logicalAssignments: Partial<Record<ts.SyntaxKind, 'and' | 'or' | '??'>> = {
  [SyntaxKind.AmpersandAmpersandEqualsToken]: 'and',
  [SyntaxKind.BarBarEqualsToken]: 'or',
  [SyntaxKind.QuestionQuestionEqualsToken]: '??',
};

export const compareOperators: Partial<Record<ts.SyntaxKind, CompareOperator>> = {
  // JS loose and strict equality are one operator in the core form: the evaluator's values have no coercions to tell
  // them apart.
  [SyntaxKind.EqualsEqualsToken]: '==',
  [SyntaxKind.EqualsEqualsEqualsToken]: '==',
  [SyntaxKind.ExclamationEqualsToken]: '!=',
  [SyntaxKind.ExclamationEqualsEqualsToken]: '!=',
  [SyntaxKind.LessThanToken]: '<',
  [SyntaxKind.LessThanEqualsToken]: '<=',
  [SyntaxKind.GreaterThanToken]: '>',
  [SyntaxKind.GreaterThanEqualsToken]: '>=',
  [SyntaxKind.InKeyword]: 'in',
};

export const logicOperators: Partial<Record<ts.SyntaxKind, 'and' | 'or' | '??'>> = {
  [SyntaxKind.AmpersandAmpersandToken]: 'and',
  [SyntaxKind.BarBarToken]: 'or',
  [SyntaxKind.QuestionQuestionToken]: '??',
};

/** Readable names for what we do not lower, used in unknown/unsupported nodes (and so in messages). */
export const unloweredNames: Partial<Record<ts.SyntaxKind, string>> = {
  [SyntaxKind.ClassExpression]: 'class expression',
  [SyntaxKind.TaggedTemplateExpression]: 'tagged template',
  [SyntaxKind.RegularExpressionLiteral]: 'regular expression',
  [SyntaxKind.YieldExpression]: 'yield expression',
  [SyntaxKind.VoidExpression]: 'void expression',
  [SyntaxKind.DeleteExpression]: 'delete expression',
  [SyntaxKind.PostfixUnaryExpression]: 'increment inside an expression',
  [SyntaxKind.MetaProperty]: 'meta property',
  [SyntaxKind.JsxElement]: 'JSX',
  [SyntaxKind.JsxSelfClosingElement]: 'JSX',
  [SyntaxKind.JsxFragment]: 'JSX',
  [SyntaxKind.WithStatement]: 'with statement',
  [SyntaxKind.EnumDeclaration]: 'enum declaration',
  [SyntaxKind.ModuleDeclaration]: 'namespace declaration',
  [SyntaxKind.MissingDeclaration]: 'syntax error',
};

export function describeKind(kind: ts.SyntaxKind): string {
  return unloweredNames[kind] ?? ts.SyntaxKind[kind];
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return modifiers !== undefined && modifiers.some((modifier) => modifier.kind === kind);
}

/** Statements after which control never reaches the next switch clause (so the clause does not fall through). */
export function endsControl(statement: ts.Statement | undefined): boolean {
  // A loop, not recursion: `{{{…}}}` can nest as deep as the parser allows.
  while (statement !== undefined && statement.kind === SyntaxKind.Block) {
    const statements = (statement as ts.Block).statements;
    statement = statements[statements.length - 1];
  }
  if (statement === undefined) return false;
  switch (statement.kind) {
    case SyntaxKind.BreakStatement:
    case SyntaxKind.ContinueStatement:
    case SyntaxKind.ReturnStatement:
    case SyntaxKind.ThrowStatement:
      return true;
    default:
      return false;
  }
}

/** Whether an unlabeled `break` in these statements would leave the enclosing switch (loops, switches and
 *  functions nested inside catch their own breaks). Such a switch cannot become an if-chain. */
export function breaksOutOfSwitch(node: ts.Node, depth = 0): boolean {
  if (depth > MAX_NESTING) return true;
  switch (node.kind) {
    case SyntaxKind.BreakStatement:
      return (node as ts.BreakStatement).label === undefined;
    case SyntaxKind.ForStatement:
    case SyntaxKind.ForOfStatement:
    case SyntaxKind.ForInStatement:
    case SyntaxKind.WhileStatement:
    case SyntaxKind.DoStatement:
    case SyntaxKind.SwitchStatement:
    case SyntaxKind.FunctionDeclaration:
    case SyntaxKind.FunctionExpression:
    case SyntaxKind.ArrowFunction:
    case SyntaxKind.ClassDeclaration:
    case SyntaxKind.ClassExpression:
      return false;
    default:
      return ts.forEachChild(node, (child) => breaksOutOfSwitch(child, depth + 1) || undefined) ?? false;
  }
}
