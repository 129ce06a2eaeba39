// Python statements lowered from lezer's syntax tree into the core form: assignments, control flow, definitions,
// imports. Top-level statements are lowered one at a time behind the shared guard (core/frontEnd.ts). Expressions and
// targets are the base class's (expressions.ts); error wording is syntaxErrors.ts's.

import type { SyntaxNode, Tree } from '@lezer/common';
import type { BinaryOperator, Expr, FunctionDef, Import, LoweredModule, Stmt, Unsupported } from '../core/ast';
import { lowerEachStatement, MAX_NESTING, TOO_DEEP } from '../core/frontEnd';
import { BINARY_OPERATORS, ExpressionLowerer, splitCommas } from './expressions';

export class PythonLowerer extends ExpressionLowerer {
  /** inside a function body (not a class body directly): where `return` is allowed */
  private inFunction = false;

  lowerModule(tree: Tree): LoweredModule {
    const body = lowerEachStatement(
      this.kids(tree.topNode),
      (child, out) => this.statement(child, out),
      (child) => ({ start: child.from, end: child.to }),
      'Python',
      this.errors.list,
      () => {
        this.depth = 0;
        this.inFunction = false;
      },
    );
    return { body, syntaxErrors: this.errors.sorted() };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Statements

  private statement(node: SyntaxNode, out: Stmt[]): void {
    if (this.depth >= MAX_NESTING) {
      this.tooDeep(node);
      out.push({ kind: 'unsupported', what: TOO_DEEP, start: node.from, end: node.to });
      return;
    }
    this.depth++;
    this.statementOfKind(node, out);
    this.depth--;
  }

  private statementOfKind(node: SyntaxNode, out: Stmt[]): void {
    const start = node.from;
    const end = node.to;
    switch (node.name) {
      case 'ExpressionStatement': {
        const kids = this.kids(node);
        out.push({ kind: 'expr', expr: this.expressionList(kids, start, end), start, end });
        return;
      }
      case 'AssignStatement':
        return this.assignment(node, out);
      case 'UpdateStatement':
        return this.update(node, out);
      case 'PassStatement':
        return;
      case 'BreakStatement':
        out.push({ kind: 'break', start, end });
        return;
      case 'ContinueStatement':
        out.push({ kind: 'continue', start, end });
        return;
      case 'ReturnStatement': {
        const values = this.kids(node).slice(1);
        if (!this.inFunction) {
          // CPython refuses the whole file; the rest is still worth analyzing, without this statement.
          this.addSyntaxError(start, start + 'return'.length, "'return' outside function");
          if (values.length) this.expressionList(values, start, end);
          out.push({ kind: 'unsupported', what: "'return' outside function", start, end });
          return;
        }
        out.push({ kind: 'return', value: values.length ? this.expressionList(values, start, end) : undefined, start, end });
        return;
      }
      case 'StatementGroup':
        for (const child of this.kids(node)) if (child.name !== ';') this.statement(child, out);
        return;
      case 'IfStatement':
        out.push(this.ifStatement(node));
        return;
      case 'WhileStatement':
        out.push(this.whileStatement(node));
        return;
      case 'ForStatement':
        out.push(this.forStatement(node));
        return;
      case 'TryStatement':
        out.push(this.tryStatement(node));
        return;
      case 'WithStatement':
        out.push(this.withStatement(node));
        return;
      case 'FunctionDefinition':
        out.push(this.functionDef(node, []));
        return;
      case 'ClassDefinition':
        out.push(this.classDef(node));
        return;
      case 'DecoratedStatement':
        return this.decorated(node, out);
      case 'ImportStatement':
        return this.importStatement(node, out);
      case 'PrintStatement':
        this.reportErrorsIn(node);
        this.addSyntaxError(start, end, "Missing parentheses in call to 'print'. Did you mean print(...)?");
        out.push({ kind: 'unsupported', what: 'Python 2 print statement', start, end });
        return;
      default: {
        if (node.type.isError) {
          // Already reported by kids(); an empty error node is a gap, not a statement.
          if (this.text.slice(start, end).trim() !== '') out.push({ kind: 'unsupported', what: 'syntax error', start, end });
          return;
        }
        this.reportErrorsIn(node);
        const u: Unsupported = { kind: 'unsupported', what: describeUnsupported(node), start, end };
        if (node.name === 'ScopeStatement') u.scopeNames = scopeNames(node, this.text);
        out.push(u);
      }
    }
  }

  /** A statement whose unclosed bracket swallowed later lines (see recover.ts): its targets are bound to unknown. */
  brokenStatement(node: SyntaxNode, cut: number): Stmt {
    let end = cut;
    while (end > node.from && /\s/.test(this.text[end - 1])) end--;
    if (node.name === 'AssignStatement' || node.name === 'UpdateStatement') {
      const groups: SyntaxNode[][] = [[]];
      for (const child of this.kids(node)) {
        // Past the cut are the swallowed lines, which the re-parse lowers on their own.
        if (child.from >= cut) break;
        if (child.name === 'AssignOp' || child.name === 'UpdateOp') groups.push([]);
        else if (child.name !== 'TypeDef') groups[groups.length - 1].push(child);
      }
      const targets = groups.slice(0, -1).map((g) => this.targetList(g, node.from));
      const valueStart = Math.min(groups[groups.length - 1][0]?.from ?? end, end);
      if (targets.length) {
        return { kind: 'assign', targets, value: this.unknown(valueStart, end, 'syntax error'), start: node.from, end };
      }
    }
    return { kind: 'unsupported', what: 'syntax error', start: node.from, end };
  }

  private body(node: SyntaxNode | undefined): Stmt[] {
    const out: Stmt[] = [];
    if (!node) return out;
    for (const child of this.kids(node)) if (child.name !== ':') this.statement(child, out);
    return out;
  }

  /** A function's body (where `return` is allowed) or a class's (where it is not, even inside a function). */
  private scopedBody(node: SyntaxNode | undefined, inFunction: boolean): Stmt[] {
    const outer = this.inFunction;
    this.inFunction = inFunction;
    try {
      return this.body(node);
    } finally {
      this.inFunction = outer;
    }
  }

  private assignment(node: SyntaxNode, out: Stmt[]): void {
    const groups: SyntaxNode[][] = [[]];
    for (const child of this.kids(node)) {
      if (child.name === 'AssignOp') groups.push([]);
      else if (child.name === 'TypeDef') this.reportErrorsIn(child);
      else groups[groups.length - 1].push(child);
    }
    // An annotation without a value (`x: int`) binds nothing.
    if (groups.length < 2) return;
    const valueNodes = groups[groups.length - 1];
    let value: Expr;
    if (valueNodes.length === 0) value = this.unknown(node.to, node.to, 'syntax error');
    else if (valueNodes.length === 1 && valueNodes[0].name === 'YieldExpression') {
      this.reportErrorsIn(valueNodes[0]);
      value = this.unknown(valueNodes[0].from, valueNodes[0].to, 'yield expression');
    } else value = this.expressionList(valueNodes, valueNodes[0].from, valueNodes[valueNodes.length - 1].to);
    const targets = groups.slice(0, -1).map((g) => this.targetList(g, node.from));
    out.push({ kind: 'assign', targets, value, start: node.from, end: node.to });
  }

  private update(node: SyntaxNode, out: Stmt[]): void {
    const kids = this.kids(node);
    const opIndex = kids.findIndex((k) => k.name === 'UpdateOp');
    const opText = opIndex >= 0 ? this.source(kids[opIndex]).slice(0, -1) : '';
    if (opIndex < 0 || !BINARY_OPERATORS.has(opText)) {
      out.push({ kind: 'unsupported', what: 'augmented assignment', start: node.from, end: node.to });
      return;
    }
    const targetNodes = kids.slice(0, opIndex);
    const valueNodes = kids.slice(opIndex + 1);
    const target = this.targetList(targetNodes, node.from);
    const value = valueNodes.length
      ? valueNodes.length === 1 && valueNodes[0].name === 'YieldExpression'
        ? this.unknown(valueNodes[0].from, valueNodes[0].to, 'yield expression')
        : this.expressionList(valueNodes, valueNodes[0].from, node.to)
      : this.unknown(node.to, node.to, 'syntax error');
    out.push({
      kind: 'augassign',
      target: target.kind === 'tuple-target' ? this.unknown(target.start, target.end, 'tuple target') : target,
      op: opText as BinaryOperator,
      value,
      start: node.from,
      end: node.to,
    });
  }

  private ifStatement(node: SyntaxNode): Stmt {
    const clauses: { test: Expr; body: Stmt[]; start: number }[] = [];
    let orelse: Stmt[] = [];
    const kids = this.kids(node);
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i];
      if (kid.name === 'if' || kid.name === 'elif') {
        let test: Expr = this.unknown(kid.to, kid.to, 'syntax error');
        if (kids[i + 1] && kids[i + 1].name !== 'Body') test = this.expression(kids[++i]);
        const body = kids[i + 1]?.name === 'Body' ? this.body(kids[++i]) : [];
        clauses.push({ test, body, start: kid.from });
      } else if (kid.name === 'else' && kids[i + 1]?.name === 'Body') {
        orelse = this.body(kids[++i]);
      }
    }
    // Built from the last clause back, without recursion, so long elif chains cost no stack.
    for (let i = clauses.length - 1; i >= 0; i--) {
      const c = clauses[i];
      orelse = [{ kind: 'if', test: c.test, body: c.body, orelse, start: c.start, end: node.to }];
    }
    return orelse[0] ?? { kind: 'unsupported', what: 'syntax error', start: node.from, end: node.to };
  }

  private whileStatement(node: SyntaxNode): Stmt {
    const kids = this.kids(node);
    const bodies = kids.filter((k) => k.name === 'Body');
    const testNode = kids[1] && kids[1].name !== 'Body' ? kids[1] : undefined;
    return {
      kind: 'while',
      test: testNode ? this.expression(testNode) : this.unknown(node.from, node.from, 'syntax error'),
      body: this.body(bodies[0]),
      orelse: this.body(bodies[1]),
      start: node.from,
      end: node.to,
    };
  }

  private forStatement(node: SyntaxNode): Stmt {
    const kids = this.kids(node);
    const forIndex = kids.findIndex((k) => k.name === 'for');
    let inIndex = kids.findIndex((k) => k.name === 'in');
    let bodyIndex = kids.findIndex((k) => k.name === 'Body');
    if (bodyIndex < 0) bodyIndex = kids.length;
    if (inIndex < 0 || inIndex > bodyIndex) inIndex = bodyIndex;
    const targetNodes = kids.slice(forIndex + 1, inIndex);
    const iterNodes = kids.slice(inIndex + 1, bodyIndex);
    const bodies = kids.filter((k) => k.name === 'Body');
    return {
      kind: 'for',
      target: this.targetList(targetNodes, node.from),
      iter: iterNodes.length
        ? this.expressionList(iterNodes, iterNodes[0].from, iterNodes[iterNodes.length - 1].to)
        : this.unknown(node.from, node.from, 'syntax error'),
      body: this.body(bodies[0]),
      orelse: this.body(bodies[1]),
      start: node.from,
      end: node.to,
    };
  }

  /** The try body, then `else`, then `finally`: the path without exceptions. Handlers are skipped. */
  private tryStatement(node: SyntaxNode): Stmt {
    const body: Stmt[] = [];
    let clause = '';
    for (const kid of this.kids(node)) {
      if (kid.name === 'Body') {
        if (clause === 'except') this.reportErrorsIn(kid);
        else body.push(...this.body(kid));
      } else if (kid.name === 'try' || kid.name === 'except' || kid.name === 'else' || kid.name === 'finally') {
        clause = kid.name;
      } else this.reportErrorsIn(kid);
    }
    return { kind: 'block', body, start: node.from, end: node.to };
  }

  /** `with a as x: body` → `x = a; body` (context managers are not modelled). */
  private withStatement(node: SyntaxNode): Stmt {
    const kids = this.kids(node);
    let bodyIndex = kids.findIndex((k) => k.name === 'Body');
    if (bodyIndex < 0) bodyIndex = kids.length;
    const withIndex = kids.findIndex((k) => k.name === 'with');
    const body: Stmt[] = [];
    for (const item of splitCommas(kids, withIndex + 1, bodyIndex).items) {
      const start = item[0].from;
      const end = item[item.length - 1].to;
      const asIndex = item.findIndex((k) => k.name === 'as');
      const valueNodes = asIndex >= 0 ? item.slice(0, asIndex) : item;
      const value = valueNodes.length ? this.item(valueNodes) : this.unknown(start, start, 'syntax error');
      const targetNode = asIndex >= 0 ? item[asIndex + 1] : undefined;
      if (targetNode) body.push({ kind: 'assign', targets: [this.target(targetNode)], value, start, end });
      else body.push({ kind: 'expr', expr: value, start, end });
    }
    if (bodyIndex < kids.length) body.push(...this.body(kids[bodyIndex]));
    return { kind: 'block', body, start: node.from, end: node.to };
  }

  private decorated(node: SyntaxNode, out: Stmt[]): void {
    const decoratorNodes: SyntaxNode[] = [];
    for (const kid of this.kids(node)) {
      if (kid.name === 'Decorator') decoratorNodes.push(kid);
      else if (kid.name === 'FunctionDefinition') {
        out.push(this.functionDef(kid, decoratorNodes.map((dn) => this.decorator(dn))));
      } else if (kid.name === 'ClassDefinition') {
        // ClassDef has no decorator list; class decorators do not change what the class body binds.
        for (const dn of decoratorNodes) this.reportErrorsIn(dn);
        out.push(this.classDef(kid));
      } else this.statement(kid, out);
    }
  }

  private decorator(node: SyntaxNode): Expr {
    let expr: Expr | undefined;
    for (const kid of this.kids(node)) {
      if (kid.name === 'VariableName') {
        const name = this.source(kid);
        expr = expr
          ? { kind: 'attr', object: expr, name, nameStart: kid.from, start: expr.start, end: kid.to }
          : { kind: 'name', name, start: kid.from, end: kid.to };
      } else if (kid.name === 'ArgList' && expr) {
        expr = { kind: 'call', callee: expr, args: this.args(kid), start: expr.start, end: kid.to };
      }
    }
    return expr ?? this.unknown(node.from, node.to, 'syntax error');
  }

  private functionDef(node: SyntaxNode, decorators: Expr[]): Stmt {
    const kids = this.kids(node);
    const nameNode = kids.find((k) => k.name === 'VariableName');
    if (!nameNode) {
      this.reportErrorsIn(node);
      return { kind: 'unsupported', what: 'function definition without a name', start: node.from, end: node.to };
    }
    const paramList = kids.find((k) => k.name === 'ParamList');
    for (const kid of kids) if (kid.name === 'TypeDef' || kid.name === 'TypeParamList') this.reportErrorsIn(kid);
    const def: FunctionDef = {
      kind: 'def',
      name: this.source(nameNode),
      nameStart: nameNode.from,
      params: paramList ? this.params(paramList) : [],
      body: this.scopedBody(kids.find((k) => k.name === 'Body'), true),
      decorators,
      start: node.from,
      end: node.to,
    };
    return def;
  }

  private classDef(node: SyntaxNode): Stmt {
    const kids = this.kids(node);
    const nameNode = kids.find((k) => k.name === 'VariableName');
    if (!nameNode) {
      this.reportErrorsIn(node);
      return { kind: 'unsupported', what: 'class definition without a name', start: node.from, end: node.to };
    }
    const argList = kids.find((k) => k.name === 'ArgList');
    for (const kid of kids) if (kid.name === 'TypeParamList') this.reportErrorsIn(kid);
    const bases: Expr[] = [];
    // Keyword arguments (`metaclass=`) are not bases.
    if (argList) for (const arg of this.args(argList)) if (arg.kind === 'positional') bases.push(arg.value);
    return {
      kind: 'class',
      name: this.source(nameNode),
      nameStart: nameNode.from,
      bases,
      body: this.scopedBody(kids.find((k) => k.name === 'Body'), false),
      start: node.from,
      end: node.to,
    };
  }

  private importStatement(node: SyntaxNode, out: Stmt[]): void {
    const kids = this.kids(node);
    const start = node.from;
    const end = node.to;
    if (kids[0]?.name === 'import') {
      const items = splitCommas(kids, 1, kids.length).items;
      for (const item of items) {
        const asIndex = item.findIndex((k) => k.name === 'as');
        const module = this.dottedName(asIndex >= 0 ? item.slice(0, asIndex) : item);
        if (!module) continue;
        const imp: Import = { kind: 'import', module, start, end };
        if (items.length > 1) {
          imp.start = item[0].from;
          imp.end = item[item.length - 1].to;
        }
        const aliasNode = asIndex >= 0 ? item[asIndex + 1] : undefined;
        if (aliasNode?.name === 'VariableName') imp.alias = this.source(aliasNode);
        out.push(imp);
      }
      return;
    }
    // from <dots><dotted name> import (*|names)
    const importIndex = kids.findIndex((k) => k.name === 'import');
    const moduleEnd = importIndex < 0 ? kids.length : importIndex;
    let dots = '';
    const nameParts: SyntaxNode[] = [];
    for (let i = 1; i < moduleEnd; i++) {
      const k = kids[i];
      if (nameParts.length === 0 && (k.name === '.' || k.name === 'Ellipsis')) dots += k.name === '.' ? '.' : '...';
      else nameParts.push(k);
    }
    const module = dots + this.dottedName(nameParts);
    if (!module) {
      out.push({ kind: 'unsupported', what: 'incomplete import', start, end });
      return;
    }
    const imp: Import = { kind: 'import', module, start, end };
    const rest = importIndex < 0 ? [] : kids.slice(importIndex + 1).filter((k) => k.name !== '(' && k.name !== ')');
    if (rest.length === 1 && rest[0].name === '*') imp.star = true;
    else {
      imp.names = [];
      for (const item of splitCommas(rest, 0, rest.length).items) {
        const asIndex = item.findIndex((k) => k.name === 'as');
        const name = this.dottedName(asIndex >= 0 ? item.slice(0, asIndex) : item);
        if (!name) continue;
        const aliasNode = asIndex >= 0 ? item[asIndex + 1] : undefined;
        imp.names.push(aliasNode?.name === 'VariableName' ? { name, alias: this.source(aliasNode) } : { name });
      }
    }
    out.push(imp);
  }

  private dottedName(nodes: SyntaxNode[]): string {
    const parts: string[] = [];
    for (const k of nodes) if (k.name === 'VariableName') parts.push(this.source(k));
    return parts.join('.');
  }

}

/** `global a, b` / `nonlocal c`: which names, and which kind of outer scope they live in. */
function scopeNames(node: SyntaxNode, text: string): { names: string[]; nonlocal: boolean } {
  const names: string[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name === 'VariableName') names.push(text.slice(c.from, c.to));
  return { names, nonlocal: node.firstChild?.name === 'nonlocal' };
}

function describeUnsupported(node: SyntaxNode): string {
  switch (node.name) {
    case 'DeleteStatement':
      return 'del statement';
    case 'RaiseStatement':
      return 'raise statement';
    case 'ScopeStatement':
      return `${node.firstChild?.name ?? 'scope'} statement`;
    case 'AssertStatement':
      return 'assert statement';
    case 'YieldStatement':
      return 'yield statement';
    case 'MatchStatement':
      return 'match statement';
    case 'TypeDefinition':
      return 'type alias';
    default:
      return node.name;
  }
}
