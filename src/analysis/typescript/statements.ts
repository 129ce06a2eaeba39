// TypeScript/JavaScript statements lowered into the core form: declarations, control flow (C-style for, switch as
// an if-chain), imports, functions and classes. Expressions and targets are the base class's (expressions.ts).

import ts from 'typescript';
import type { ClassDef, Expr, FunctionDef, FunctionExpr, If, Import, Param, Stmt, Target } from '../core/ast';
import { MAX_NESTING, TOO_DEEP } from '../core/frontEnd';
import { ExpressionLowerer } from './expressions';
import { breaksOutOfSwitch, compoundOperators, describeKind, endsControl, hasModifier, logicalAssignments, SyntaxKind } from './syntax';

export class Lowerer extends ExpressionLowerer {
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

  protected functionExpr(node: ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration, name?: string): FunctionExpr {
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
    if (ts.isGetAccessorDeclaration(member) && member.body && !hasModifier(member, SyntaxKind.StaticKeyword)) {
      const name = this.memberName(member.name);
      if (name !== undefined) {
        out.push({ kind: 'def', name, nameStart: this.start(member.name), params: [], body: this.functionBody(member.body), decorators: [], getter: true, start, end });
        return;
      }
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
}
