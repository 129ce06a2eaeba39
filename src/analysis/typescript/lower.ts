// The TypeScript/JavaScript front-end: parses with the TypeScript parser alone and lowers its tree, in one pass, to
// the core form of ../core/ast. It does not type-check, resolve modules, know Keras, or evaluate anything.

import ts from 'typescript';
import { lowerEachStatement, MAX_NESTING, messageOf, TOO_DEEP, TOO_DEEP_MESSAGE } from '../core/frontEnd';
import type {
  Arg,
  BinaryOperator,
  ClassDef,
  CompareOperator,
  DictExpr,
  Expr,
  FunctionDef,
  FunctionExpr,
  If,
  Import,
  LoweredModule,
  Param,
  StarTarget,
  Stmt,
  Target,
  UnknownExpr,
} from '../core/ast';


// Switch cases on `ts.SyntaxKind.X` are evaluated one by one at run time; through the namespace-import getter they
// cost as much as the parse itself, so the enum is read once here (and `ts` is a default import, not `* as ts`).
const SyntaxKind = ts.SyntaxKind;

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


const binaryOperators: Partial<Record<ts.SyntaxKind, BinaryOperator>> = {
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

const compoundOperators: Partial<Record<ts.SyntaxKind, BinaryOperator>> = {
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

const logicalAssignments: Partial<Record<ts.SyntaxKind, 'and' | 'or' | '??'>> = {
  [SyntaxKind.AmpersandAmpersandEqualsToken]: 'and',
  [SyntaxKind.BarBarEqualsToken]: 'or',
  [SyntaxKind.QuestionQuestionEqualsToken]: '??',
};

const compareOperators: Partial<Record<ts.SyntaxKind, CompareOperator>> = {
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

const logicOperators: Partial<Record<ts.SyntaxKind, 'and' | 'or' | '??'>> = {
  [SyntaxKind.AmpersandAmpersandToken]: 'and',
  [SyntaxKind.BarBarToken]: 'or',
  [SyntaxKind.QuestionQuestionToken]: '??',
};

/** Readable names for what we do not lower, used in unknown/unsupported nodes (and so in messages). */
const unloweredNames: Partial<Record<ts.SyntaxKind, string>> = {
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

function describeKind(kind: ts.SyntaxKind): string {
  return unloweredNames[kind] ?? ts.SyntaxKind[kind];
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return modifiers !== undefined && modifiers.some((modifier) => modifier.kind === kind);
}

/** Statements after which control never reaches the next switch clause (so the clause does not fall through). */
function endsControl(statement: ts.Statement | undefined): boolean {
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
function breaksOutOfSwitch(node: ts.Node, depth = 0): boolean {
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

/** ASCII characters that can begin trivia for the TS scanner: comments, conflict markers, a shebang, a JSDoc star. */
const mayStartTrivia: boolean[] = [];
for (const ch of '/<|=>#*') mayStartTrivia[ch.charCodeAt(0)] = true;

class Lowerer {
  private depth = 0;
  /** the first place nesting was cut off (reported once per file, as the Python front-end does) */
  cutAt: { start: number; end: number } | undefined;
  private readonly text: string;
  private lastPos = -1;
  private lastStart = 0;

  constructor(private readonly file: ts.SourceFile) {
    this.text = file.text;
  }

  reset(): void {
    this.depth = 0;
  }

  /** Where the node's first token begins (what `node.getStart(file)` says), after leading whitespace and comments. */
  private start(node: ts.Node): number {
    const pos = node.pos;
    // A missing node is empty and sits at its `pos`.
    if (pos >= node.end) return node.end;
    // getStart rescans trivia on every call and was the largest cost of lowering; nested nodes such as
    // `tf.layers.dense(…)` share one `pos`, and most tokens are not preceded by trivia at all.
    if (pos !== this.lastPos) {
      const ch = this.text.charCodeAt(pos);
      this.lastStart = ch > 32 && ch < 127 && !mayStartTrivia[ch] ? pos : node.getStart(this.file);
      this.lastPos = pos;
    }
    return this.lastStart > node.end ? node.end : this.lastStart;
  }

  private unknown(node: ts.Node, what: string): UnknownExpr {
    return { kind: 'unknown', what, start: this.start(node), end: node.end };
  }

  /** Nesting cut off at `node`: unknown, and the file's first such place is remembered for one syntax error. */
  private tooDeep(node: ts.Node): UnknownExpr {
    const e = this.unknown(node, TOO_DEEP);
    this.cutAt ??= { start: e.start, end: e.end };
    return e;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Statements

  statements(list: readonly ts.Statement[]): Stmt[] {
    const out: Stmt[] = [];
    for (const statement of list) this.statement(statement, out);
    return out;
  }

  /** Lowers one statement, appending what it becomes (nothing for type-only code, several for `let a, b`). */
  statement(node: ts.Statement, out: Stmt[]): void {
    if (this.depth >= MAX_NESTING) {
      out.push({ ...this.tooDeep(node), kind: 'unsupported', what: TOO_DEEP });
      return;
    }
    this.depth++;
    this.statementOfKind(node, out);
    this.depth--;
  }

  /** The body of an `if`/loop: a `{ … }` block contributes its statements directly. */
  private body(node: ts.Statement | undefined): Stmt[] {
    if (node === undefined) return [];
    if (ts.isBlock(node)) return this.statements(node.statements);
    const out: Stmt[] = [];
    this.statement(node, out);
    return out;
  }

  private statementOfKind(node: ts.Statement, out: Stmt[]): void {
    const start = this.start(node);
    const end = node.end;
    switch (node.kind) {
      case SyntaxKind.VariableStatement: {
        const statement = node as ts.VariableStatement;
        if (!hasModifier(statement, SyntaxKind.DeclareKeyword)) this.declarations(statement.declarationList, out, statement);
        return;
      }
      case SyntaxKind.ExpressionStatement:
        this.expressionStatement((node as ts.ExpressionStatement).expression, out, node);
        return;
      case SyntaxKind.IfStatement: {
        const statement = node as ts.IfStatement;
        out.push({
          kind: 'if',
          test: this.expr(statement.expression),
          body: this.body(statement.thenStatement),
          orelse: this.body(statement.elseStatement),
          start,
          end,
        });
        return;
      }
      case SyntaxKind.Block:
        out.push({ kind: 'block', body: this.statements((node as ts.Block).statements), start, end });
        return;
      case SyntaxKind.ForOfStatement: {
        const statement = node as ts.ForOfStatement;
        out.push({
          kind: 'for',
          target: this.loopTarget(statement.initializer),
          iter: this.expr(statement.expression),
          body: this.body(statement.statement),
          orelse: [],
          start,
          end,
        });
        return;
      }
      case SyntaxKind.ForInStatement: {
        const statement = node as ts.ForInStatement;
        out.push({
          kind: 'for',
          target: this.loopTarget(statement.initializer),
          iter: this.objectKeys(statement.expression),
          body: this.body(statement.statement),
          orelse: [],
          start,
          end,
        });
        return;
      }
      case SyntaxKind.ForStatement:
        out.push(this.cStyleFor(node as ts.ForStatement, start));
        return;
      case SyntaxKind.WhileStatement: {
        const statement = node as ts.WhileStatement;
        out.push({ kind: 'while', test: this.expr(statement.expression), body: this.body(statement.statement), orelse: [], start, end });
        return;
      }
      case SyntaxKind.DoStatement: {
        const statement = node as ts.DoStatement;
        const body = this.body(statement.statement);
        out.push({ kind: 'while', test: this.expr(statement.expression), body, orelse: [], testAfter: true, start, end });
        return;
      }
      case SyntaxKind.BreakStatement:
        out.push({ kind: 'break', start, end });
        return;
      case SyntaxKind.ContinueStatement:
        out.push({ kind: 'continue', start, end });
        return;
      case SyntaxKind.ReturnStatement: {
        const value = (node as ts.ReturnStatement).expression;
        out.push(value === undefined ? { kind: 'return', start, end } : { kind: 'return', value: this.expr(value), start, end });
        return;
      }
      case SyntaxKind.ThrowStatement:
        out.push({ kind: 'unsupported', what: 'throw statement', start, end });
        return;
      case SyntaxKind.TryStatement: {
        // The catch clause only runs on an exception, which the evaluator never models.
        const statement = node as ts.TryStatement;
        const body = this.statements(statement.tryBlock.statements);
        if (statement.finallyBlock) body.push(...this.statements(statement.finallyBlock.statements));
        out.push({ kind: 'block', body, start, end });
        return;
      }
      case SyntaxKind.SwitchStatement:
        out.push(this.switchStatement(node as ts.SwitchStatement, start));
        return;
      case SyntaxKind.LabeledStatement:
        // Labels are dropped: a labeled break/continue acts on the innermost loop, which is right in the common case.
        this.statement((node as ts.LabeledStatement).statement, out);
        return;
      case SyntaxKind.EmptyStatement:
      case SyntaxKind.DebuggerStatement:
      case SyntaxKind.ExportDeclaration:
      case SyntaxKind.InterfaceDeclaration:
      case SyntaxKind.TypeAliasDeclaration:
      case SyntaxKind.NamespaceExportDeclaration:
        return;
      case SyntaxKind.FunctionDeclaration: {
        const declaration = node as ts.FunctionDeclaration;
        // Overload signatures and ambient declarations have no body and bind nothing at run time.
        if (declaration.body && !hasModifier(declaration, SyntaxKind.DeclareKeyword)) out.push(this.functionDef(declaration, start));
        return;
      }
      case SyntaxKind.ClassDeclaration: {
        const declaration = node as ts.ClassDeclaration;
        if (!hasModifier(declaration, SyntaxKind.DeclareKeyword)) out.push(this.classDef(declaration, start));
        return;
      }
      case SyntaxKind.ImportDeclaration:
        this.importDeclaration(node as ts.ImportDeclaration, out, start);
        return;
      case SyntaxKind.ImportEqualsDeclaration:
        this.importEquals(node as ts.ImportEqualsDeclaration, out, start);
        return;
      case SyntaxKind.ExportAssignment:
        out.push({ kind: 'expr', expr: this.expr((node as ts.ExportAssignment).expression), start, end });
        return;
      case SyntaxKind.EnumDeclaration:
      case SyntaxKind.ModuleDeclaration:
        // Ambient enums/modules (`declare …`) are type-level only; real ones build objects we do not model.
        if (!hasModifier(node, SyntaxKind.DeclareKeyword)) out.push({ kind: 'unsupported', what: describeKind(node.kind), start, end });
        return;
      default:
        out.push({ kind: 'unsupported', what: describeKind(node.kind), start, end });
    }
  }

  /**
   * `const a = 1, b` → one Assign per declarator (no initializer assigns none). A lowered statement spans the source
   * statement it came from; when one statement yields several, each spans its own declarator.
   */
  private declarations(list: ts.VariableDeclarationList, out: Stmt[], statement?: ts.Node): void {
    const blockScope = list.flags & ts.NodeFlags.BlockScoped;
    // `using` and `await using` are const-like bindings.
    const declare = blockScope === 0 ? 'var' : blockScope === ts.NodeFlags.Let ? 'let' : 'const';
    const single = list.declarations.length === 1 && statement !== undefined;
    for (const declaration of list.declarations) {
      const spanNode = single ? statement : declaration;
      const start = this.start(spanNode);
      const value: Expr = declaration.initializer
        ? this.expr(declaration.initializer)
        : { kind: 'none', start: this.start(declaration), end: declaration.end };
      out.push({ kind: 'assign', targets: [this.bindingTarget(declaration.name)], value, declare, start, end: spanNode.end });
    }
  }

  /** An expression in statement position: assignments, `x++` and comma sequences become statements of their own. */
  private expressionStatement(expression: ts.Expression, out: Stmt[], spanNode: ts.Node): void {
    const start = this.start(spanNode);
    const end = spanNode.end;
    // `({a, b} = obj);` needs parentheses in statement position; they mean nothing here.
    while (ts.isParenthesizedExpression(expression)) expression = expression.expression;
    if (ts.isBinaryExpression(expression)) {
      const operator = expression.operatorToken.kind;
      if (operator === SyntaxKind.EqualsToken) {
        const targets: Target[] = [this.target(expression.left)];
        let value = expression.right;
        // `a = b = value` is one assignment with two targets, as in the Python form.
        while (ts.isBinaryExpression(value) && value.operatorToken.kind === SyntaxKind.EqualsToken) {
          targets.push(this.target(value.left));
          value = value.right;
        }
        out.push({ kind: 'assign', targets, value: this.expr(value), start, end });
        return;
      }
      const compound = compoundOperators[operator];
      if (compound !== undefined) {
        out.push({ kind: 'augassign', target: this.target(expression.left), op: compound, value: this.expr(expression.right), start, end });
        return;
      }
      const logical = logicalAssignments[operator];
      if (logical !== undefined) {
        // `a ??= b` ≡ `a = a ?? b` (the short-circuit on the store is unobservable to the evaluator).
        const value: Expr = {
          kind: 'logic',
          op: logical,
          left: this.expr(expression.left),
          right: this.expr(expression.right),
          start: this.start(expression),
          end: expression.end,
        };
        out.push({ kind: 'assign', targets: [this.target(expression.left)], value, start, end });
        return;
      }
      if (operator === SyntaxKind.CommaToken) {
        this.expressionStatement(expression.left, out, expression.left);
        this.expressionStatement(expression.right, out, expression.right);
        return;
      }
    }
    if (ts.isPostfixUnaryExpression(expression) || ts.isPrefixUnaryExpression(expression)) {
      const operator = expression.operator;
      if (operator === SyntaxKind.PlusPlusToken || operator === SyntaxKind.MinusMinusToken) {
        const one: Expr = { kind: 'num', value: 1, start: this.start(expression), end: expression.end };
        const op = operator === SyntaxKind.PlusPlusToken ? '+' : '-';
        out.push({ kind: 'augassign', target: this.target(expression.operand), op, value: one, start, end });
        return;
      }
    }
    out.push({ kind: 'expr', expr: this.expr(expression), start, end });
  }

  private loopTarget(initializer: ts.ForInitializer): Target {
    if (ts.isVariableDeclarationList(initializer)) {
      const declaration = initializer.declarations[0];
      return declaration ? this.bindingTarget(declaration.name) : this.unknown(initializer, 'syntax error');
    }
    return this.target(initializer);
  }

  /** `for (k in obj)` iterates `Object.keys(obj)`; the synthesized nodes take the span of `obj`. */
  private objectKeys(object: ts.Expression): Expr {
    const start = this.start(object);
    const end = object.end;
    return {
      kind: 'call',
      callee: { kind: 'attr', object: { kind: 'name', name: 'Object', start, end }, name: 'keys', nameStart: start, start, end },
      args: [{ kind: 'positional', value: this.expr(object) }],
      start,
      end,
    };
  }

  /** `for (init; test; update) body` → Block [init…, While(test, body, update)], as ast.ts prescribes. */
  private cStyleFor(statement: ts.ForStatement, start: number): Stmt {
    const end = statement.end;
    const body: Stmt[] = [];
    const init = statement.initializer;
    if (init !== undefined) {
      if (ts.isVariableDeclarationList(init)) this.declarations(init, body, init);
      else this.expressionStatement(init, body, init);
    }
    const test: Expr = statement.condition ? this.expr(statement.condition) : { kind: 'bool', value: true, start, end };
    const loop: Stmt = { kind: 'while', test, body: this.body(statement.statement), orelse: [], start, end };
    if (statement.incrementor !== undefined) {
      const update: Stmt[] = [];
      this.expressionStatement(statement.incrementor, update, statement.incrementor);
      loop.update = update;
    }
    body.push(loop);
    return { kind: 'block', body, start, end };
  }

  /**
   * `switch` → an if-chain of `discriminant == case` tests, when no clause falls through into the next one and no
   * `break` leaves the switch from anywhere but the end of a clause; otherwise unsupported.
   */
  private switchStatement(statement: ts.SwitchStatement, start: number): Stmt {
    const end = statement.end;
    const clauses = statement.caseBlock.clauses;
    interface Group {
      tests: ts.Expression[];
      isDefault: boolean;
      statements: readonly ts.Statement[];
    }
    const groups: Group[] = [];
    let pending: Group = { tests: [], isDefault: false, statements: [] };
    for (let i = 0; i < clauses.length; i++) {
      const clause = clauses[i];
      if (ts.isDefaultClause(clause)) pending.isDefault = true;
      else pending.tests.push(clause.expression);
      // Empty clauses (`case 1: case 2: …`) share the next clause's body.
      if (clause.statements.length > 0 || i === clauses.length - 1) {
        pending.statements = clause.statements;
        groups.push(pending);
        pending = { tests: [], isDefault: false, statements: [] };
      }
    }
    const unsupported: Stmt = { kind: 'unsupported', what: 'switch statement with fall-through', start, end };
    const lowered: { group: Group; body: Stmt[]; start: number; end: number }[] = [];
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i];
      let statements = group.statements;
      if (statements.length === 1 && ts.isBlock(statements[0])) statements = statements[0].statements;
      const last = statements[statements.length - 1];
      if (i < groups.length - 1 && statements.length > 0 && !endsControl(last)) return unsupported;
      const kept = last !== undefined && ts.isBreakStatement(last) && !last.label ? statements.slice(0, -1) : statements;
      if (kept.some((s) => breaksOutOfSwitch(s))) return unsupported;
      const first = clauses.find((c) => (c.kind === SyntaxKind.DefaultClause ? group.isDefault : group.tests.includes(c.expression)));
      lowered.push({ group, body: this.statements(kept), start: first ? this.start(first) : start, end: first ? first.end : end });
    }
    const discriminant = this.expr(statement.expression);
    let orelse: Stmt[] = [];
    const fallback = lowered.find((entry) => entry.group.isDefault);
    if (fallback) orelse = fallback.body;
    // Build from the last case up, so the chain tests cases in source order.
    for (let i = lowered.length - 1; i >= 0; i--) {
      const entry = lowered[i];
      if (entry.group.isDefault) continue;
      let test: Expr | undefined;
      for (const caseExpression of entry.group.tests) {
        const comparison: Expr = {
          kind: 'compare',
          ops: ['=='],
          operands: [discriminant, this.expr(caseExpression)],
          start: this.start(caseExpression),
          end: caseExpression.end,
        };
        test = test === undefined ? comparison : { kind: 'logic', op: 'or', left: test, right: comparison, start: test.start, end: comparison.end };
      }
      if (test === undefined) continue;
      const chain: If = { kind: 'if', test, body: entry.body, orelse, start: entry.start, end: entry.end };
      orelse = [chain];
    }
    return { kind: 'block', body: orelse, start, end };
  }

  private importDeclaration(declaration: ts.ImportDeclaration, out: Stmt[], start: number): void {
    const clause = declaration.importClause;
    // Side-effect imports bind nothing; `import type` binds only types.
    if (clause === undefined || clause.isTypeOnly || !ts.isStringLiteral(declaration.moduleSpecifier)) return;
    const module = declaration.moduleSpecifier.text;
    const end = declaration.end;
    if (clause.name) out.push({ kind: 'import', module, alias: clause.name.text, isDefault: true, start, end });
    const bindings = clause.namedBindings;
    if (bindings === undefined) return;
    if (ts.isNamespaceImport(bindings)) {
      out.push({ kind: 'import', module, alias: bindings.name.text, start, end });
      return;
    }
    const names: NonNullable<Import['names']> = [];
    for (const element of bindings.elements) {
      if (element.isTypeOnly) continue;
      names.push(element.propertyName ? { name: element.propertyName.text, alias: element.name.text } : { name: element.name.text });
    }
    if (names.length > 0) out.push({ kind: 'import', module, names, start, end });
  }

  private importEquals(declaration: ts.ImportEqualsDeclaration, out: Stmt[], start: number): void {
    if (declaration.isTypeOnly) return;
    const end = declaration.end;
    const reference = declaration.moduleReference;
    if (ts.isExternalModuleReference(reference)) {
      const module = reference.expression;
      if (ts.isStringLiteral(module)) out.push({ kind: 'import', module: module.text, alias: declaration.name.text, start, end });
      else out.push({ kind: 'unsupported', what: 'import with a computed module name', start, end });
      return;
    }
    // `import x = A.B` aliases a namespace member: an ordinary constant binding.
    out.push({ kind: 'assign', targets: [this.nameOf(declaration.name)], value: this.entityName(reference), declare: 'const', start, end });
  }

  /** `A.B.C` in `import x = A.B.C`. Built iteratively: the parser reads qualified names in a loop, so they can be
   *  longer than any recursion we could afford. */
  private entityName(name: ts.EntityName): Expr {
    const rights: ts.QualifiedName[] = [];
    let left: ts.EntityName = name;
    while (!ts.isIdentifier(left)) {
      rights.push(left);
      left = left.left;
    }
    if (rights.length > MAX_NESTING) return this.tooDeep(name);
    let result: Expr = this.nameOf(left);
    for (let i = rights.length - 1; i >= 0; i--) {
      const qualified = rights[i];
      result = { kind: 'attr', object: result, name: qualified.right.text, nameStart: this.start(qualified.right), start: this.start(qualified), end: qualified.end };
    }
    return result;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Functions and classes

  private functionDef(declaration: ts.FunctionDeclaration, start: number): FunctionDef {
    const name = declaration.name;
    return {
      kind: 'def',
      // `export default function () {}` is the module's default export.
      name: name ? name.text : 'default',
      nameStart: name ? this.start(name) : start,
      params: this.params(declaration.parameters),
      body: this.functionBody(declaration.body),
      decorators: [],
      start,
      end: declaration.end,
    };
  }

  private functionExpr(node: ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration, name?: string): FunctionExpr {
    const result: FunctionExpr = { kind: 'function', params: this.params(node.parameters), body: this.functionBody(node.body), start: this.start(node), end: node.end };
    const ownName = ts.isFunctionExpression(node) ? node.name?.text : undefined;
    if (ownName ?? name) result.name = ownName ?? name;
    return result;
  }

  private functionBody(body: ts.ConciseBody | undefined): Stmt[] {
    if (body === undefined) return [];
    if (ts.isBlock(body)) return this.statements(body.statements);
    // An arrow's expression body is a single return.
    return [{ kind: 'return', value: this.expr(body), start: this.start(body), end: body.end }];
  }

  private params(parameters: readonly ts.ParameterDeclaration[]): Param[] {
    const params: Param[] = [];
    for (const parameter of parameters) {
      const binding = parameter.name;
      // TS `this: T` parameters are type annotations, not arguments.
      if (ts.isIdentifier(binding) && binding.text === 'this') continue;
      const start = this.start(parameter);
      const param: Param = { name: '', start, end: parameter.end };
      if (ts.isIdentifier(binding)) {
        param.name = binding.text;
      } else {
        // A destructured parameter has no name of its own; its source text (never a valid identifier, so it cannot
        // clash with a real binding) reads well in messages.
        param.name = this.file.text.slice(this.start(binding), binding.end).replace(/\s+/g, ' ');
        param.pattern = this.bindingTarget(binding);
      }
      if (parameter.dotDotDotToken) param.rest = true;
      if (parameter.initializer) param.default = this.expr(parameter.initializer);
      params.push(param);
    }
    return params;
  }

  private classDef(declaration: ts.ClassDeclaration, start: number): ClassDef {
    const bases: Expr[] = [];
    for (const clause of declaration.heritageClauses ?? []) {
      if (clause.token !== SyntaxKind.ExtendsKeyword) continue;
      for (const type of clause.types) bases.push(this.expr(type.expression));
    }
    const body: Stmt[] = [];
    for (const member of declaration.members) this.classMember(member, body);
    const name = declaration.name;
    return {
      kind: 'class',
      name: name ? name.text : 'default',
      nameStart: name ? this.start(name) : start,
      bases,
      body,
      start,
      end: declaration.end,
    };
  }

  private classMember(member: ts.ClassElement, out: Stmt[]): void {
    if (this.depth >= MAX_NESTING) {
      out.push({ ...this.tooDeep(member), kind: 'unsupported', what: TOO_DEEP });
      return;
    }
    this.depth++;
    this.classMemberOfKind(member, out);
    this.depth--;
  }

  private classMemberOfKind(member: ts.ClassElement, out: Stmt[]): void {
    const start = this.start(member);
    const end = member.end;
    if (ts.isConstructorDeclaration(member)) {
      if (member.body) out.push(this.constructorDef(member, start));
      return;
    }
    if (ts.isMethodDeclaration(member)) {
      if (!member.body) return; // overload signature or abstract method
      const name = this.memberName(member.name);
      if (name === undefined) {
        out.push({ kind: 'unsupported', what: 'method with a computed name', start, end });
        return;
      }
      const decorators = (ts.getDecorators(member) ?? []).map((decorator) => this.expr(decorator.expression));
      out.push({ kind: 'def', name, nameStart: this.start(member.name), params: this.params(member.parameters), body: this.functionBody(member.body), decorators, start, end });
      return;
    }
    if (ts.isPropertyDeclaration(member)) {
      // Fields without an initializer only declare a type; `declare` fields never exist at run time.
      if (!member.initializer || hasModifier(member, SyntaxKind.DeclareKeyword)) return;
      const name = this.memberName(member.name);
      if (name === undefined) {
        out.push({ kind: 'unsupported', what: 'property with a computed name', start, end });
        return;
      }
      const target: Target = { kind: 'name', name, start: this.start(member.name), end: member.name.end };
      out.push({ kind: 'assign', targets: [target], value: this.expr(member.initializer), start, end });
      return;
    }
    if (ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) {
      out.push({ kind: 'unsupported', what: 'accessor', start, end });
      return;
    }
    if (ts.isClassStaticBlockDeclaration(member)) {
      out.push({ kind: 'unsupported', what: 'static block', start, end });
    }
    // Index signatures and stray semicolons declare nothing.
  }

  private constructorDef(member: ts.ConstructorDeclaration, start: number): FunctionDef {
    const body = this.functionBody(member.body);
    // TS parameter properties (`constructor(private units: number)`) store the argument on `this`, right after the
    // `super(…)` call when there is one.
    const stores: Stmt[] = [];
    for (const parameter of member.parameters) {
      if (!ts.isIdentifier(parameter.name) || !ts.isParameterPropertyDeclaration(parameter, member)) continue;
      const pStart = this.start(parameter.name);
      const pEnd = parameter.name.end;
      const name = parameter.name.text;
      const self: Expr = { kind: 'name', name: 'this', start: pStart, end: pEnd };
      stores.push({
        kind: 'assign',
        targets: [{ kind: 'attr', object: self, name, nameStart: pStart, start: pStart, end: pEnd }],
        value: { kind: 'name', name, start: pStart, end: pEnd },
        start: this.start(parameter),
        end: parameter.end,
      });
    }
    if (stores.length > 0) {
      const first = body[0];
      const callsSuper = first?.kind === 'expr' && first.expr.kind === 'call' && first.expr.callee.kind === 'name' && first.expr.callee.name === 'super';
      body.splice(callsSuper ? 1 : 0, 0, ...stores);
    }
    return { kind: 'def', name: 'constructor', nameStart: this.constructorKeywordStart(member, start), params: this.params(member.parameters), body, decorators: [], start, end: member.end };
  }

  /** The constructor has no name node; its keyword follows any modifiers. */
  private constructorKeywordStart(member: ts.ConstructorDeclaration, start: number): number {
    const limit = member.parameters.pos;
    const found = this.file.text.indexOf('constructor', start);
    return found >= 0 && found < limit ? found : start;
  }

  /** A class member's or object key's static name; undefined for computed names we cannot know statically. */
  private memberName(name: ts.PropertyName): string | undefined {
    switch (name.kind) {
      case SyntaxKind.Identifier:
      case SyntaxKind.PrivateIdentifier:
      case SyntaxKind.StringLiteral:
      case SyntaxKind.NoSubstitutionTemplateLiteral:
        return name.text === '' && name.kind === SyntaxKind.Identifier ? undefined : name.text;
      case SyntaxKind.NumericLiteral:
        // JS property keys are strings: `{1: x}` is `{'1': x}`.
        return String(Number(name.text));
      case SyntaxKind.ComputedPropertyName: {
        const inner = name.expression;
        if (ts.isStringLiteralLike(inner)) return inner.text;
        if (ts.isNumericLiteral(inner)) return String(Number(inner.text));
        return undefined;
      }
      default:
        return undefined;
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Assignment targets

  /** An assignment's left side, which in JS is parsed as an expression (object/array literals are patterns). */
  private target(node: ts.Expression): Target {
    if (this.depth >= MAX_NESTING) return this.tooDeep(node);
    this.depth++;
    const result = this.targetOfKind(node);
    this.depth--;
    return result;
  }

  private targetOfKind(node: ts.Expression): Target {
    switch (node.kind) {
      case SyntaxKind.Identifier:
      case SyntaxKind.PropertyAccessExpression:
      case SyntaxKind.ElementAccessExpression: {
        const lowered = this.expr(node);
        // `undefined` lowers to none and a half-typed `a.` to unknown: neither can be stored to.
        return lowered.kind === 'name' || lowered.kind === 'attr' || lowered.kind === 'index' ? lowered : this.unknown(node, 'invalid assignment target');
      }
      case SyntaxKind.ParenthesizedExpression:
      case SyntaxKind.AsExpression:
      case SyntaxKind.SatisfiesExpression:
      case SyntaxKind.NonNullExpression:
      case SyntaxKind.TypeAssertionExpression:
        return this.target((node as ts.ParenthesizedExpression).expression);
      case SyntaxKind.ArrayLiteralExpression: {
        const items: (Target | StarTarget)[] = [];
        for (const element of (node as ts.ArrayLiteralExpression).elements) {
          if (ts.isSpreadElement(element)) {
            items.push({ kind: 'star-target', target: this.target(element.expression), start: this.start(element), end: element.end });
          } else if (ts.isOmittedExpression(element)) {
            items.push(this.unknown(element, 'hole'));
          } else if (ts.isBinaryExpression(element) && element.operatorToken.kind === SyntaxKind.EqualsToken) {
            items.push(this.target(element.left)); // tuple-target items carry no default (see ast.ts)
          } else {
            items.push(this.target(element));
          }
        }
        return { kind: 'tuple-target', items, start: this.start(node), end: node.end };
      }
      case SyntaxKind.ObjectLiteralExpression: {
        const props: Extract<Target, { kind: 'object-target' }>['props'] = [];
        let rest: Extract<Target, { kind: 'object-target' }>['rest'];
        for (const property of (node as ts.ObjectLiteralExpression).properties) {
          if (ts.isShorthandPropertyAssignment(property)) {
            const prop: (typeof props)[number] = { key: property.name.text, target: this.target(property.name) };
            if (property.objectAssignmentInitializer) prop.default = this.expr(property.objectAssignmentInitializer);
            props.push(prop);
          } else if (ts.isPropertyAssignment(property)) {
            const key = this.memberName(property.name);
            if (key === undefined) continue;
            const value = property.initializer;
            if (ts.isBinaryExpression(value) && value.operatorToken.kind === SyntaxKind.EqualsToken) {
              props.push({ key, target: this.target(value.left), default: this.expr(value.right) });
            } else {
              props.push({ key, target: this.target(value) });
            }
          } else if (ts.isSpreadAssignment(property)) {
            const restTarget = this.target(property.expression);
            if (restTarget.kind === 'name') rest = restTarget;
          }
        }
        const result: Target = { kind: 'object-target', props, start: this.start(node), end: node.end };
        if (rest) result.rest = rest;
        return result;
      }
      default:
        return this.unknown(node, 'invalid assignment target');
    }
  }

  /** A declaration's or parameter's binding: a name or a destructuring pattern. */
  private bindingTarget(node: ts.BindingName): Target {
    if (this.depth >= MAX_NESTING) return this.tooDeep(node);
    this.depth++;
    const result = this.bindingTargetOfKind(node);
    this.depth--;
    return result;
  }

  private bindingTargetOfKind(node: ts.BindingName): Target {
    if (ts.isIdentifier(node)) return this.nameOf(node);
    const start = this.start(node);
    if (ts.isArrayBindingPattern(node)) {
      const items: (Target | StarTarget)[] = [];
      for (const element of node.elements) {
        if (ts.isOmittedExpression(element)) {
          items.push(this.unknown(element, 'hole'));
        } else if (element.dotDotDotToken) {
          items.push({ kind: 'star-target', target: this.bindingTarget(element.name), start: this.start(element), end: element.end });
        } else {
          items.push(this.bindingTarget(element.name)); // tuple-target items carry no default (see ast.ts)
        }
      }
      return { kind: 'tuple-target', items, start, end: node.end };
    }
    const props: Extract<Target, { kind: 'object-target' }>['props'] = [];
    const result: Extract<Target, { kind: 'object-target' }> = { kind: 'object-target', props, start, end: node.end };
    for (const element of node.elements) {
      if (element.dotDotDotToken) {
        const rest = ts.isIdentifier(element.name) ? this.nameOf(element.name) : undefined;
        if (rest?.kind === 'name') result.rest = rest;
        continue;
      }
      const key = element.propertyName ? this.memberName(element.propertyName) : ts.isIdentifier(element.name) ? element.name.text : undefined;
      if (key === undefined || key === '') continue;
      const prop: (typeof props)[number] = { key, target: this.bindingTarget(element.name) };
      if (element.initializer) prop.default = this.expr(element.initializer);
      props.push(prop);
    }
    return result;
  }

  private nameOf(identifier: ts.Identifier): Target & Expr {
    if (identifier.text === '') return this.unknown(identifier, 'syntax error');
    return { kind: 'name', name: identifier.text, start: this.start(identifier), end: identifier.end };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Expressions

  expr(node: ts.Expression): Expr {
    if (this.depth >= MAX_NESTING) return this.tooDeep(node);
    this.depth++;
    const result = this.exprOfKind(node);
    this.depth--;
    return result;
  }

  private exprOfKind(node: ts.Expression): Expr {
    const start = this.start(node);
    const end = node.end;
    switch (node.kind) {
      // The most frequent kinds first: the cases are tried in order.
      case SyntaxKind.Identifier: {
        const name = (node as ts.Identifier).text;
        // An empty identifier is the parser's stand-in for a missing expression.
        if (name === '') return { kind: 'unknown', what: 'syntax error', start, end };
        if (name === 'undefined') return { kind: 'none', start, end };
        return { kind: 'name', name, start, end };
      }
      case SyntaxKind.PropertyAccessExpression: {
        const access = node as ts.PropertyAccessExpression;
        const name = access.name.text;
        // `tf.` while typing: an attribute with no name would only produce a misleading "no attribute" message.
        if (name === '') return { kind: 'unknown', what: 'syntax error', start, end };
        return { kind: 'attr', object: this.expr(access.expression), name, nameStart: this.start(access.name), start, end };
      }
      case SyntaxKind.ElementAccessExpression: {
        const access = node as ts.ElementAccessExpression;
        return { kind: 'index', object: this.expr(access.expression), index: this.expr(access.argumentExpression), start, end };
      }
      case SyntaxKind.CallExpression: {
        const call = node as ts.CallExpression;
        const callee: Expr = call.expression.kind === SyntaxKind.ImportKeyword ? this.unknown(call.expression, 'dynamic import') : this.expr(call.expression);
        return { kind: 'call', callee, args: this.args(call.arguments), start, end };
      }
      case SyntaxKind.NewExpression: {
        const call = node as ts.NewExpression;
        return { kind: 'call', callee: this.expr(call.expression), args: this.args(call.arguments ?? []), isNew: true, start, end };
      }
      case SyntaxKind.ArrayLiteralExpression: {
        const items: Expr[] = [];
        for (const element of (node as ts.ArrayLiteralExpression).elements) {
          if (ts.isSpreadElement(element)) items.push({ kind: 'starred', value: this.expr(element.expression), start: this.start(element), end: element.end });
          // A hole reads as undefined.
          else if (ts.isOmittedExpression(element)) items.push({ kind: 'none', start: this.start(element), end: element.end });
          else items.push(this.expr(element));
        }
        return { kind: 'list', items, start, end };
      }
      case SyntaxKind.ObjectLiteralExpression:
        return this.objectLiteral(node as ts.ObjectLiteralExpression, start);
      case SyntaxKind.NumericLiteral:
        // The parser already normalizes `1_000`, `0xff`, `1e-3` to decimal text.
        return { kind: 'num', value: Number((node as ts.NumericLiteral).text.replace(/_/g, '')), start, end };
      case SyntaxKind.BigIntLiteral:
        return { kind: 'num', value: Number((node as ts.BigIntLiteral).text.replace(/[_n]/g, '')), start, end };
      case SyntaxKind.StringLiteral:
        return { kind: 'str', value: (node as ts.StringLiteral).text, start, end };
      case SyntaxKind.NoSubstitutionTemplateLiteral: {
        const value = (node as ts.NoSubstitutionTemplateLiteral).text;
        return { kind: 'template', parts: value ? [value] : [], start, end };
      }
      case SyntaxKind.TemplateExpression: {
        const template = node as ts.TemplateExpression;
        const parts: (string | { expr: Expr })[] = [];
        if (template.head.text) parts.push(template.head.text);
        for (const span of template.templateSpans) {
          parts.push({ expr: this.expr(span.expression) });
          if (span.literal.text) parts.push(span.literal.text);
        }
        return { kind: 'template', parts, start, end };
      }
      case SyntaxKind.TrueKeyword:
        return { kind: 'bool', value: true, start, end };
      case SyntaxKind.FalseKeyword:
        return { kind: 'bool', value: false, start, end };
      case SyntaxKind.NullKeyword:
        return { kind: 'none', start, end };
      case SyntaxKind.ThisKeyword:
        return { kind: 'name', name: 'this', start, end };
      case SyntaxKind.SuperKeyword:
        return { kind: 'name', name: 'super', start, end };
      case SyntaxKind.ParenthesizedExpression:
      case SyntaxKind.AsExpression:
      case SyntaxKind.SatisfiesExpression:
      case SyntaxKind.NonNullExpression:
      case SyntaxKind.TypeAssertionExpression:
      case SyntaxKind.AwaitExpression:
      case SyntaxKind.ExpressionWithTypeArguments:
      case SyntaxKind.PartiallyEmittedExpression:
        // Types and awaiting change nothing the evaluator sees.
        return this.expr((node as ts.ParenthesizedExpression).expression);
      case SyntaxKind.FunctionExpression:
      case SyntaxKind.ArrowFunction:
        return this.functionExpr(node as ts.FunctionExpression | ts.ArrowFunction);
      case SyntaxKind.BinaryExpression:
        return this.binary(node as ts.BinaryExpression, start);
      case SyntaxKind.PrefixUnaryExpression: {
        const unary = node as ts.PrefixUnaryExpression;
        const op =
          unary.operator === SyntaxKind.MinusToken
            ? '-'
            : unary.operator === SyntaxKind.PlusToken
              ? '+'
              : unary.operator === SyntaxKind.ExclamationToken
                ? 'not'
                : unary.operator === SyntaxKind.TildeToken
                  ? '~'
                  : undefined;
        if (op === undefined) return this.unknown(node, 'increment inside an expression');
        return { kind: 'unary', op, operand: this.expr(unary.operand), start, end };
      }
      case SyntaxKind.TypeOfExpression:
        return { kind: 'unary', op: 'typeof', operand: this.expr((node as ts.TypeOfExpression).expression), start, end };
      case SyntaxKind.ConditionalExpression: {
        const conditional = node as ts.ConditionalExpression;
        return {
          kind: 'cond',
          test: this.expr(conditional.condition),
          then: this.expr(conditional.whenTrue),
          else: this.expr(conditional.whenFalse),
          start,
          end,
        };
      }
      default:
        return { kind: 'unknown', what: describeKind(node.kind), start, end };
    }
  }

  private args(list: readonly ts.Expression[]): Arg[] {
    const args: Arg[] = [];
    for (const argument of list) {
      if (ts.isSpreadElement(argument)) args.push({ kind: 'spread', value: this.expr(argument.expression) });
      else args.push({ kind: 'positional', value: this.expr(argument) });
    }
    return args;
  }

  private binary(node: ts.BinaryExpression, start: number): Expr {
    const end = node.end;
    const operator = node.operatorToken.kind;
    const arithmetic = binaryOperators[operator];
    if (arithmetic !== undefined) return { kind: 'binop', op: arithmetic, left: this.expr(node.left), right: this.expr(node.right), start, end };
    const comparison = compareOperators[operator];
    if (comparison !== undefined) return { kind: 'compare', ops: [comparison], operands: [this.expr(node.left), this.expr(node.right)], start, end };
    const logic = logicOperators[operator];
    if (logic !== undefined) return { kind: 'logic', op: logic, left: this.expr(node.left), right: this.expr(node.right), start, end };
    if (operator === SyntaxKind.CommaToken) return { kind: 'unknown', what: 'comma expression', start, end };
    if (operator >= SyntaxKind.FirstAssignment && operator <= SyntaxKind.LastAssignment) {
      return { kind: 'unknown', what: 'assignment inside an expression', start, end };
    }
    // instanceof, >>> (the core form has no unsigned shift).
    return { kind: 'unknown', what: `'${ts.tokenToString(operator) ?? ts.SyntaxKind[operator]}' expression`, start, end };
  }

  private objectLiteral(node: ts.ObjectLiteralExpression, start: number): DictExpr {
    const entries: DictExpr['entries'] = [];
    for (const property of node.properties) {
      switch (property.kind) {
        case SyntaxKind.PropertyAssignment:
          entries.push({ key: this.propertyKey(property.name), value: this.expr(property.initializer) });
          break;
        case SyntaxKind.ShorthandPropertyAssignment:
          entries.push({ key: this.propertyKey(property.name), value: this.nameOf(property.name) });
          break;
        case SyntaxKind.SpreadAssignment:
          entries.push({ spread: this.expr(property.expression) });
          break;
        case SyntaxKind.MethodDeclaration:
          entries.push({ key: this.propertyKey(property.name), value: this.functionExpr(property, this.memberName(property.name)) });
          break;
        case SyntaxKind.GetAccessor:
          // The getter's value is whatever it computes when read, which we do not run.
          entries.push({ key: this.propertyKey(property.name), value: this.unknown(property, 'getter') });
          break;
        default:
          // Setters define no readable value.
          break;
      }
    }
    return { kind: 'dict', entries, start, end: node.end };
  }

  /** An object-literal key as an expression: static names become StrLit (JS keys are strings), computed keys stay. */
  private propertyKey(name: ts.PropertyName): Expr {
    const start = this.start(name);
    if (ts.isComputedPropertyName(name)) return this.expr(name.expression);
    const key = this.memberName(name);
    return key === undefined ? { kind: 'unknown', what: 'syntax error', start, end: name.end } : { kind: 'str', value: key, start, end: name.end };
  }
}
