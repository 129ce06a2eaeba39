// Python front-end: parses Python source with @lezer/python and lowers the syntax tree into the core form (core/ast.ts),
// collecting syntax errors. It does not resolve names, evaluate, or know Keras; it never throws on any input.

import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import { blankRanges, findSwallowingStatements, insertStatement, MAX_RECOVERY_ROUNDS, type SwallowingStatement } from './recover';
import type {
  Arg,
  BinaryOperator,
  Comprehension,
  ComprehensionClause,
  CompareOperator,
  Expr,
  FunctionDef,
  Import,
  LoweredModule,
  Param,
  StarTarget,
  Stmt,
  Target,
  Template,
  UnknownExpr,
} from '../core/ast';

/** Deeper syntax than this becomes unknown/unsupported: keeps our recursion far from the JS stack limit. */
export const MAX_NESTING = 200;

const MAX_SNIPPET = 20;
const GENERIC_ERROR = 'invalid syntax';
const NEVER_CLOSED = 'was never closed';
const INDENTED_BLOCK = 'expected an indented block';

type TemplatePart = Template['parts'][number];

const BINARY_OPERATORS = new Set<string>(['+', '-', '*', '/', '//', '%', '**', '@', '<<', '>>', '&', '|', '^']);
const COMPARE_OPERATORS = new Set<string>(['==', '!=', '<', '<=', '>', '>=']);
/** Tokens after which a missing piece can only be an expression (for the "expected expression" message). */
const EXPRESSION_EXPECTED_AFTER = new Set<string>([
  'AssignOp', 'ArithOp', 'BitOp', 'CompareOp', 'UpdateOp', ',', '(', '[', '{', ':', '*', '**',
  'and', 'or', 'not', 'in', 'is', 'if', 'elif', 'else', 'while', 'lambda', 'return', 'await', 'yield', 'del',
  'assert', 'raise', 'with',
]);
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

export function lowerPython(text: string): LoweredModule {
  try {
    const tree = parser.parse(text);
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

/** A bug here must cost one diagnostic, not the extension host. */
function internalError(error: unknown): LoweredModule {
  const message = error instanceof Error ? error.message : String(error);
  return { body: [], syntaxErrors: [{ start: 0, end: 0, message: `internal error in the Python front-end: ${message}` }] };
}

class PythonLowerer {
  private readonly syntaxErrors: LoweredModule['syntaxErrors'] = [];
  private readonly errorIndexByPosition = new Map<number, number>();
  private reportedTooDeep = false;

  constructor(readonly text: string) {}

  lowerModule(tree: Tree): LoweredModule {
    const top = tree.topNode;
    const body: Stmt[] = [];
    for (const child of this.kids(top)) this.statement(child, body, 0);
    this.syntaxErrors.sort((a, b) => a.start - b.start);
    return { body, syntaxErrors: this.syntaxErrors };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Tree access and errors

  /** Children without comments; every error child met here is reported, so walking the tree reports its errors. */
  private kids(node: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.type.isError) this.reportError(child);
      else if (child.name === 'Comment') continue;
      out.push(child);
    }
    return out;
  }

  /** For subtrees we skip (annotations, except handlers, unsupported statements): report their errors without
   *  recursion, since the subtree may be arbitrarily deep. */
  private reportErrorsIn(node: SyntaxNode): void {
    const cursor = node.cursor();
    let depth = 0;
    if (!cursor.firstChild()) return;
    depth++;
    for (;;) {
      if (cursor.type.isError) this.reportError(cursor.node);
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

  private reportError(error: SyntaxNode): void {
    let prev = error.prevSibling;
    while (prev && prev.name === 'Comment') prev = prev.prevSibling;
    if (this.isFalseAlarm(error, prev)) return;
    const { start, end, message } = this.describeError(error, prev);
    // lezer often marks one gap at several tree levels; keep one error per gap, the most specific.
    const known = this.errorIndexByPosition.get(error.from);
    if (known === undefined) {
      this.errorIndexByPosition.set(error.from, this.syntaxErrors.length);
      this.addSyntaxError(start, end, message);
    } else if (this.syntaxErrors[known].message === GENERIC_ERROR && message !== GENERIC_ERROR) {
      this.syntaxErrors[known] = { start, end, message };
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
  private isTrailingDotFloat(dot: SyntaxNode | null | undefined): boolean {
    if (dot?.name !== '.' || dot.parent?.name !== 'MemberExpression') return false;
    const number = dot.prevSibling;
    return number?.name === 'Number' && number.to === dot.from && /^[0-9_]+$/.test(this.source(number));
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

  private addSyntaxError(start: number, end: number, message: string): void {
    this.syntaxErrors.push({ start, end, message });
  }

  private snippet(from: number, to: number): string {
    let s = this.text.slice(from, Math.min(to, from + 200)).trim().split(/\r?\n/)[0];
    if (s.length > MAX_SNIPPET) s = s.slice(0, MAX_SNIPPET) + '…';
    return `'${s}'`;
  }

  private tooDeep(node: SyntaxNode): UnknownExpr {
    this.reportErrorsIn(node);
    if (!this.reportedTooDeep) {
      this.reportedTooDeep = true;
      this.addSyntaxError(node.from, node.to, 'code is nested too deeply to analyze');
    }
    return { kind: 'unknown', what: 'nesting too deep', start: node.from, end: node.to };
  }

  private unknown(start: number, end: number, what: string): UnknownExpr {
    return { kind: 'unknown', what, start, end };
  }

  private source(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Statements

  private statement(node: SyntaxNode, out: Stmt[], depth: number): void {
    const start = node.from;
    const end = node.to;
    if (depth > MAX_NESTING) {
      this.tooDeep(node);
      out.push({ kind: 'unsupported', what: 'nesting too deep', start, end });
      return;
    }
    const d = depth + 1;
    switch (node.name) {
      case 'ExpressionStatement': {
        const kids = this.kids(node);
        out.push({ kind: 'expr', expr: this.expressionList(kids, start, end, d), start, end });
        return;
      }
      case 'AssignStatement':
        return this.assignment(node, out, d);
      case 'UpdateStatement':
        return this.update(node, out, d);
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
        out.push({ kind: 'return', value: values.length ? this.expressionList(values, start, end, d) : undefined, start, end });
        return;
      }
      case 'StatementGroup':
        for (const child of this.kids(node)) if (child.name !== ';') this.statement(child, out, d);
        return;
      case 'IfStatement':
        out.push(this.ifStatement(node, d));
        return;
      case 'WhileStatement':
        out.push(this.whileStatement(node, d));
        return;
      case 'ForStatement':
        out.push(this.forStatement(node, d));
        return;
      case 'TryStatement':
        out.push(this.tryStatement(node, d));
        return;
      case 'WithStatement':
        out.push(this.withStatement(node, d));
        return;
      case 'FunctionDefinition':
        out.push(this.functionDef(node, [], d));
        return;
      case 'ClassDefinition':
        out.push(this.classDef(node, d));
        return;
      case 'DecoratedStatement':
        return this.decorated(node, out, d);
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
        out.push({ kind: 'unsupported', what: describeUnsupported(node), start, end });
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
      const targets = groups.slice(0, -1).map((g) => this.targetList(g, node.from, 0));
      const valueStart = Math.min(groups[groups.length - 1][0]?.from ?? end, end);
      if (targets.length) {
        return { kind: 'assign', targets, value: this.unknown(valueStart, end, 'syntax error'), start: node.from, end };
      }
    }
    return { kind: 'unsupported', what: 'syntax error', start: node.from, end };
  }

  private body(node: SyntaxNode | undefined, depth: number): Stmt[] {
    const out: Stmt[] = [];
    if (!node) return out;
    for (const child of this.kids(node)) if (child.name !== ':') this.statement(child, out, depth);
    return out;
  }

  private assignment(node: SyntaxNode, out: Stmt[], depth: number): void {
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
    } else value = this.expressionList(valueNodes, valueNodes[0].from, valueNodes[valueNodes.length - 1].to, depth);
    const targets = groups.slice(0, -1).map((g) => this.targetList(g, node.from, depth));
    out.push({ kind: 'assign', targets, value, start: node.from, end: node.to });
  }

  private update(node: SyntaxNode, out: Stmt[], depth: number): void {
    const kids = this.kids(node);
    const opIndex = kids.findIndex((k) => k.name === 'UpdateOp');
    const opText = opIndex >= 0 ? this.source(kids[opIndex]).slice(0, -1) : '';
    if (opIndex < 0 || !BINARY_OPERATORS.has(opText)) {
      out.push({ kind: 'unsupported', what: 'augmented assignment', start: node.from, end: node.to });
      return;
    }
    const targetNodes = kids.slice(0, opIndex);
    const valueNodes = kids.slice(opIndex + 1);
    const target = this.targetList(targetNodes, node.from, depth);
    const value = valueNodes.length
      ? valueNodes.length === 1 && valueNodes[0].name === 'YieldExpression'
        ? this.unknown(valueNodes[0].from, valueNodes[0].to, 'yield expression')
        : this.expressionList(valueNodes, valueNodes[0].from, node.to, depth)
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

  private ifStatement(node: SyntaxNode, depth: number): Stmt {
    const clauses: { test: Expr; body: Stmt[]; start: number }[] = [];
    let orelse: Stmt[] = [];
    const kids = this.kids(node);
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i];
      if (kid.name === 'if' || kid.name === 'elif') {
        let test: Expr = this.unknown(kid.to, kid.to, 'syntax error');
        if (kids[i + 1] && kids[i + 1].name !== 'Body') test = this.expression(kids[++i], depth);
        const body = kids[i + 1]?.name === 'Body' ? this.body(kids[++i], depth) : [];
        clauses.push({ test, body, start: kid.from });
      } else if (kid.name === 'else' && kids[i + 1]?.name === 'Body') {
        orelse = this.body(kids[++i], depth);
      }
    }
    // Built from the last clause back, without recursion, so long elif chains cost no stack.
    for (let i = clauses.length - 1; i >= 0; i--) {
      const c = clauses[i];
      orelse = [{ kind: 'if', test: c.test, body: c.body, orelse, start: c.start, end: node.to }];
    }
    return orelse[0] ?? { kind: 'unsupported', what: 'syntax error', start: node.from, end: node.to };
  }

  private whileStatement(node: SyntaxNode, depth: number): Stmt {
    const kids = this.kids(node);
    const bodies = kids.filter((k) => k.name === 'Body');
    const testNode = kids[1] && kids[1].name !== 'Body' ? kids[1] : undefined;
    return {
      kind: 'while',
      test: testNode ? this.expression(testNode, depth) : this.unknown(node.from, node.from, 'syntax error'),
      body: this.body(bodies[0], depth),
      orelse: this.body(bodies[1], depth),
      start: node.from,
      end: node.to,
    };
  }

  private forStatement(node: SyntaxNode, depth: number): Stmt {
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
      target: this.targetList(targetNodes, node.from, depth),
      iter: iterNodes.length
        ? this.expressionList(iterNodes, iterNodes[0].from, iterNodes[iterNodes.length - 1].to, depth)
        : this.unknown(node.from, node.from, 'syntax error'),
      body: this.body(bodies[0], depth),
      orelse: this.body(bodies[1], depth),
      start: node.from,
      end: node.to,
    };
  }

  /** The try body, then `else`, then `finally`: the path without exceptions. Handlers are skipped. */
  private tryStatement(node: SyntaxNode, depth: number): Stmt {
    const body: Stmt[] = [];
    let clause = '';
    for (const kid of this.kids(node)) {
      if (kid.name === 'Body') {
        if (clause === 'except') this.reportErrorsIn(kid);
        else body.push(...this.body(kid, depth));
      } else if (kid.name === 'try' || kid.name === 'except' || kid.name === 'else' || kid.name === 'finally') {
        clause = kid.name;
      } else this.reportErrorsIn(kid);
    }
    return { kind: 'block', body, start: node.from, end: node.to };
  }

  /** `with a as x: body` → `x = a; body` (context managers are not modelled). */
  private withStatement(node: SyntaxNode, depth: number): Stmt {
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
      const value = valueNodes.length ? this.item(valueNodes, depth) : this.unknown(start, start, 'syntax error');
      const targetNode = asIndex >= 0 ? item[asIndex + 1] : undefined;
      if (targetNode) body.push({ kind: 'assign', targets: [this.target(targetNode, depth)], value, start, end });
      else body.push({ kind: 'expr', expr: value, start, end });
    }
    if (bodyIndex < kids.length) body.push(...this.body(kids[bodyIndex], depth));
    return { kind: 'block', body, start: node.from, end: node.to };
  }

  private decorated(node: SyntaxNode, out: Stmt[], depth: number): void {
    const decoratorNodes: SyntaxNode[] = [];
    for (const kid of this.kids(node)) {
      if (kid.name === 'Decorator') decoratorNodes.push(kid);
      else if (kid.name === 'FunctionDefinition') {
        out.push(this.functionDef(kid, decoratorNodes.map((dn) => this.decorator(dn, depth)), depth));
      } else if (kid.name === 'ClassDefinition') {
        // ClassDef has no decorator list; class decorators do not change what the class body binds.
        for (const dn of decoratorNodes) this.reportErrorsIn(dn);
        out.push(this.classDef(kid, depth));
      } else this.statement(kid, out, depth);
    }
  }

  private decorator(node: SyntaxNode, depth: number): Expr {
    let expr: Expr | undefined;
    for (const kid of this.kids(node)) {
      if (kid.name === 'VariableName') {
        const name = this.source(kid);
        expr = expr
          ? { kind: 'attr', object: expr, name, nameStart: kid.from, start: expr.start, end: kid.to }
          : { kind: 'name', name, start: kid.from, end: kid.to };
      } else if (kid.name === 'ArgList' && expr) {
        expr = { kind: 'call', callee: expr, args: this.args(kid, depth), start: expr.start, end: kid.to };
      }
    }
    return expr ?? this.unknown(node.from, node.to, 'syntax error');
  }

  private functionDef(node: SyntaxNode, decorators: Expr[], depth: number): Stmt {
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
      params: paramList ? this.params(paramList, depth) : [],
      body: this.body(kids.find((k) => k.name === 'Body'), depth),
      decorators,
      start: node.from,
      end: node.to,
    };
    return def;
  }

  private classDef(node: SyntaxNode, depth: number): Stmt {
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
    if (argList) for (const arg of this.args(argList, depth)) if (arg.kind === 'positional') bases.push(arg.value);
    return {
      kind: 'class',
      name: this.source(nameNode),
      nameStart: nameNode.from,
      bases,
      body: this.body(kids.find((k) => k.name === 'Body'), depth),
      start: node.from,
      end: node.to,
    };
  }

  private params(node: SyntaxNode, depth: number): Param[] {
    const kids = this.kids(node).filter((k) => k.name !== '(' && k.name !== ')');
    const params: Param[] = [];
    let keywordOnly = false;
    // Empty segments come from the positional-only marker `/`, which the grammar leaves out of the tree.
    for (const seg of splitCommas(kids, 0, kids.length).items) {
      const start = seg[0].from;
      const end = seg[seg.length - 1].to;
      for (const k of seg) if (k.name === 'TypeDef') this.reportErrorsIn(k);
      const first = seg[0];
      if (first.name === '*') {
        keywordOnly = true;
        if (seg[1]?.name === 'VariableName') params.push({ name: this.source(seg[1]), rest: true, start, end });
      } else if (first.name === '**') {
        if (seg[1]?.name === 'VariableName') params.push({ name: this.source(seg[1]), kwrest: true, start, end });
      } else if (first.name === 'VariableName') {
        const param: Param = { name: this.source(first), start, end };
        const eq = seg.findIndex((k) => k.name === 'AssignOp');
        if (eq >= 0) {
          param.default = seg[eq + 1] ? this.expression(seg[eq + 1], depth) : this.unknown(seg[eq].to, seg[eq].to, 'syntax error');
        }
        if (keywordOnly) param.keywordOnly = true;
        params.push(param);
      }
    }
    return params;
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

  // -------------------------------------------------------------------------------------------------------------
  // Assignment targets

  /** A comma-separated target list: one target, or a tuple target when there is a comma. */
  private targetList(nodes: SyntaxNode[], fallbackPos: number, depth: number): Target {
    const { items, trailingComma } = splitCommas(nodes, 0, nodes.length);
    if (items.length === 0) return this.unknown(fallbackPos, fallbackPos, 'syntax error');
    if (items.length === 1 && !trailingComma && items[0][0].name !== '*') return this.targetItem(items[0], depth) as Target;
    return {
      kind: 'tuple-target',
      items: items.map((seg) => this.targetItem(seg, depth)),
      start: nodes[0].from,
      end: nodes[nodes.length - 1].to,
    };
  }

  private targetItem(seg: SyntaxNode[], depth: number): Target | StarTarget {
    const start = seg[0].from;
    const end = seg[seg.length - 1].to;
    if (seg[0].name === '*') {
      const inner = seg[1] ? this.target(seg[1], depth) : this.unknown(end, end, 'syntax error');
      return { kind: 'star-target', target: inner, start, end };
    }
    if (seg.length !== 1) return this.unknown(start, end, 'syntax error');
    return this.target(seg[0], depth);
  }

  private target(node: SyntaxNode, depth: number): Target {
    if (depth > MAX_NESTING) return this.tooDeep(node);
    const d = depth + 1;
    switch (node.name) {
      case 'VariableName':
        return { kind: 'name', name: this.source(node), start: node.from, end: node.to };
      case 'MemberExpression': {
        const e = this.expression(node, d);
        return e.kind === 'attr' || e.kind === 'index' ? e : this.unknown(node.from, node.to, 'syntax error');
      }
      case 'TupleExpression':
      case 'ArrayExpression': {
        const kids = this.kids(node);
        if (!kids.length || !OPENERS[kids[0].name]) return this.unknown(node.from, node.to, 'syntax error');
        const closed = kids.length > 1 && OPENERS[kids[0].name] === kids[kids.length - 1].name;
        const inner = kids.slice(1, closed ? -1 : kids.length);
        return {
          kind: 'tuple-target',
          items: splitCommas(inner, 0, inner.length).items.map((seg) => this.targetItem(seg, d)),
          start: node.from,
          end: node.to,
        };
      }
      case 'ParenthesizedExpression': {
        const inner = this.kids(node)[1];
        return inner && inner.name !== ')' ? this.target(inner, d) : this.unknown(node.from, node.to, 'syntax error');
      }
      default:
        if (!node.type.isError) {
          this.reportErrorsIn(node);
          this.addSyntaxError(node.from, node.to, 'cannot assign to expression');
        }
        return this.unknown(node.from, node.to, 'syntax error');
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Expressions

  /** A comma-separated expression list (`a, b` in statements): one expression, or a tuple when there is a comma. */
  private expressionList(nodes: SyntaxNode[], start: number, end: number, depth: number): Expr {
    const { items, trailingComma } = splitCommas(nodes, 0, nodes.length);
    if (items.length === 0) return this.unknown(start, end, 'syntax error');
    if (items.length === 1 && !trailingComma) return this.item(items[0], depth);
    return {
      kind: 'tuple',
      items: items.map((seg) => this.item(seg, depth)),
      start: nodes[0].from,
      end: nodes[nodes.length - 1].to,
    };
  }

  /** One element of a list/tuple/set/argument list: `e`, `*e`, or a generator argument `e for x in xs`. */
  private item(seg: SyntaxNode[], depth: number): Expr {
    const start = seg[0].from;
    const end = seg[seg.length - 1].to;
    if (seg[0].name === '*') {
      return { kind: 'starred', value: seg[1] ? this.expression(seg[1], depth) : this.unknown(end, end, 'syntax error'), start, end };
    }
    if (seg.length === 1) return this.expression(seg[0], depth);
    if (seg[1].name === 'for' || seg[1].name === 'async') return this.comprehension('gen', seg, start, end, depth);
    return this.unknown(start, end, 'syntax error');
  }

  private expression(node: SyntaxNode, depth: number): Expr {
    if (depth > MAX_NESTING) return this.tooDeep(node);
    const d = depth + 1;
    const start = node.from;
    const end = node.to;
    switch (node.name) {
      case 'VariableName':
        return { kind: 'name', name: this.source(node), start, end };
      case 'Number':
        return this.number(node);
      case 'String':
      case 'FormatString':
      case 'ContinuedString':
        return this.string(node, d);
      case 'Boolean':
        return { kind: 'bool', value: this.source(node) === 'True', start, end };
      case 'None':
        return { kind: 'none', start, end };
      case 'Ellipsis':
        return { kind: 'name', name: 'Ellipsis', start, end };
      case 'BinaryExpression':
        return this.binary(node, d);
      case 'UnaryExpression':
        return this.unary(node, d);
      case 'AwaitExpression': {
        const operand = this.kids(node)[1];
        return operand ? this.expression(operand, d) : this.unknown(start, end, 'syntax error');
      }
      case 'ParenthesizedExpression': {
        const kids = this.kids(node);
        const closed = kids[kids.length - 1]?.name === ')';
        const inner = kids.slice(1, closed ? -1 : kids.length);
        return inner.length ? this.item(inner, d) : this.unknown(start, end, 'syntax error');
      }
      case 'TupleExpression':
      case 'ArrayExpression':
      case 'SetExpression': {
        const items = this.bracketItems(node, d);
        if (!items) return this.unknown(start, end, 'syntax error');
        return { kind: node.name === 'TupleExpression' ? 'tuple' : 'list', items, start, end };
      }
      case 'DictionaryExpression':
        return this.dict(node, d);
      case 'ComprehensionExpression':
      case 'ArrayComprehensionExpression':
      case 'SetComprehensionExpression':
      case 'DictionaryComprehensionExpression': {
        const kids = this.kids(node);
        const closed = kids.length > 1 && OPENERS[kids[0].name] === kids[kids.length - 1].name;
        const inner = kids.slice(1, closed ? -1 : kids.length);
        const type = COMPREHENSION_TYPES[node.name];
        return inner.length ? this.comprehension(type, inner, start, end, d) : this.unknown(start, end, 'syntax error');
      }
      case 'CallExpression': {
        const kids = this.kids(node);
        const argList = kids[1]?.name === 'ArgList' ? kids[1] : undefined;
        return { kind: 'call', callee: this.expression(kids[0], d), args: argList ? this.args(argList, d) : [], start, end };
      }
      case 'MemberExpression':
        return this.member(node, d);
      case 'ConditionalExpression':
        return this.conditional(node, d);
      case 'LambdaExpression':
        return this.lambda(node, d);
      case 'NamedExpression':
        this.reportErrorsIn(node);
        return this.unknown(start, end, 'assignment expression');
      case 'YieldExpression':
        this.reportErrorsIn(node);
        return this.unknown(start, end, 'yield expression');
      default:
        if (node.type.isError) return this.unknown(start, end, 'syntax error');
        this.reportErrorsIn(node);
        return this.unknown(start, end, node.name);
    }
  }

  private number(node: SyntaxNode, end = node.to): Expr {
    let s = this.text.slice(node.from, end);
    const last = s.charCodeAt(s.length - 1) | 0x20;
    if (last === 0x6a /* j */) return this.unknown(node.from, end, 'imaginary number');
    if (s.includes('_')) s = s.replace(/_/g, '');
    const value = Number(s);
    if (Number.isNaN(value)) return this.unknown(node.from, end, 'number');
    const float = /[.eE]/.test(s) && !/^0[xXoObB]/.test(s);
    return float ? { kind: 'num', value, float, start: node.from, end } : { kind: 'num', value, start: node.from, end };
  }

  private binary(node: SyntaxNode, depth: number): Expr {
    const kids = this.kids(node);
    const start = node.from;
    const end = node.to;
    if (kids.length < 2) return this.unknown(start, end, 'syntax error');
    // Operators sit between the operands: one token, or two for `not in` / `is not`.
    let i = 1;
    let op = '';
    const first = kids[1];
    if (first.name === 'ArithOp' || first.name === 'BitOp' || first.name === 'CompareOp') {
      op = this.source(first);
      i = 2;
    } else if (first.name === 'not' && kids[2]?.name === 'in') {
      op = 'not in';
      i = 3;
    } else if (first.name === 'is' && kids[2]?.name === 'not') {
      op = 'is not';
      i = 3;
    } else if (first.name === 'and' || first.name === 'or' || first.name === 'in' || first.name === 'is') {
      op = first.name;
      i = 2;
    }
    if (op === '<>') op = '!=';
    if (!op) return this.unknown(start, end, 'syntax error');
    const rightNode = kids[i];
    const left = this.expression(kids[0], depth);
    const right = rightNode ? this.expression(rightNode, depth) : this.unknown(end, end, 'syntax error');
    if (op === 'and' || op === 'or') return { kind: 'logic', op, left, right, start, end };
    if (COMPARE_OPERATORS.has(op) || op === 'in' || op === 'not in' || op === 'is' || op === 'is not') {
      // `a < b < c` parses as ((a < b) < c); an unparenthesized comparison on the left is a Python chain.
      if (left.kind === 'compare' && kids[0].name === 'BinaryExpression') {
        return { kind: 'compare', ops: [...left.ops, op as CompareOperator], operands: [...left.operands, right], start, end };
      }
      return { kind: 'compare', ops: [op as CompareOperator], operands: [left, right], start, end };
    }
    if (BINARY_OPERATORS.has(op)) return { kind: 'binop', op: op as BinaryOperator, left, right, start, end };
    return this.unknown(start, end, 'syntax error');
  }

  private unary(node: SyntaxNode, depth: number): Expr {
    const kids = this.kids(node);
    const opNode = kids[0];
    const op = opNode.name === 'not' ? 'not' : this.source(opNode);
    const operand = kids[1] ? this.expression(kids[1], depth) : this.unknown(node.to, node.to, 'syntax error');
    if (op !== 'not' && op !== '-' && op !== '+' && op !== '~') return this.unknown(node.from, node.to, 'syntax error');
    return { kind: 'unary', op, operand, start: node.from, end: node.to };
  }

  private conditional(node: SyntaxNode, depth: number): Expr {
    const kids = this.kids(node);
    const ifIndex = kids.findIndex((k) => k.name === 'if');
    const elseIndex = kids.findIndex((k) => k.name === 'else');
    const part = (i: number, pos: number): Expr =>
      i >= 0 && kids[i] && !isKeyword(kids[i].name) ? this.expression(kids[i], depth) : this.unknown(pos, pos, 'syntax error');
    return {
      kind: 'cond',
      then: part(ifIndex - 1, node.from),
      test: part(ifIndex < 0 ? -1 : ifIndex + 1, node.to),
      else: part(elseIndex < 0 ? -1 : elseIndex + 1, node.to),
      start: node.from,
      end: node.to,
    };
  }

  private lambda(node: SyntaxNode, depth: number): Expr {
    const kids = this.kids(node);
    const paramList = kids.find((k) => k.name === 'ParamList');
    const colon = kids.findIndex((k) => k.name === ':');
    const bodyNode = colon >= 0 ? kids[colon + 1] : undefined;
    const value = bodyNode ? this.expression(bodyNode, depth) : this.unknown(node.to, node.to, 'syntax error');
    return {
      kind: 'function',
      params: paramList ? this.params(paramList, depth) : [],
      body: [{ kind: 'return', value, start: value.start, end: value.end }],
      start: node.from,
      end: node.to,
    };
  }

  private member(node: SyntaxNode, depth: number): Expr {
    const kids = this.kids(node);
    const start = node.from;
    const end = node.to;
    const object = this.expression(kids[0], depth);
    if (kids[1]?.name === '.') {
      const nameNode = kids[2];
      if ((!nameNode || (nameNode.type.isError && nameNode.from === nameNode.to)) && this.isTrailingDotFloat(kids[1])) {
        return this.number(kids[0], kids[1].to);
      }
      if (nameNode?.name !== 'PropertyName') return this.unknown(start, end, 'syntax error');
      return { kind: 'attr', object, name: this.source(nameNode), nameStart: nameNode.from, start, end };
    }
    // Subscript: `[` items `]`, each item an index or a slice `lower:upper:step`.
    const closed = kids[kids.length - 1].name === ']';
    const { items, trailingComma } = splitCommas(kids, 2, closed ? kids.length - 1 : kids.length);
    if (items.length === 0) return this.unknown(start, end, 'syntax error');
    const indices = items.map((seg) => this.subscriptItem(seg, depth));
    const index: Expr =
      items.length === 1 && !trailingComma
        ? indices[0]
        : { kind: 'tuple', items: indices, start: items[0][0].from, end: kids[closed ? kids.length - 2 : kids.length - 1].to };
    return { kind: 'index', object, index, start, end };
  }

  private subscriptItem(seg: SyntaxNode[], depth: number): Expr {
    if (!seg.some((k) => k.name === ':')) return this.item(seg, depth);
    const parts: (Expr | undefined)[] = [undefined];
    for (const k of seg) {
      if (k.name === ':') parts.push(undefined);
      else if (parts[parts.length - 1] === undefined) parts[parts.length - 1] = this.expression(k, depth);
    }
    return {
      kind: 'slice',
      ...(parts[0] && { lower: parts[0] }),
      ...(parts[1] && { upper: parts[1] }),
      ...(parts[2] && { step: parts[2] }),
      start: seg[0].from,
      end: seg[seg.length - 1].to,
    };
  }

  /** Items between the brackets, or undefined when the opening bracket is missing (a stray closing one). */
  private bracketItems(node: SyntaxNode, depth: number): Expr[] | undefined {
    const kids = this.kids(node);
    if (!kids.length || !OPENERS[kids[0].name]) return undefined;
    const closed = kids.length > 1 && OPENERS[kids[0].name] === kids[kids.length - 1].name;
    return splitCommas(kids, 1, closed ? kids.length - 1 : kids.length).items.map((seg) => this.item(seg, depth));
  }

  private dict(node: SyntaxNode, depth: number): Expr {
    const kids = this.kids(node);
    const closed = kids.length > 1 && kids[kids.length - 1].name === '}';
    const entries: ({ key: Expr; value: Expr } | { spread: Expr })[] = [];
    for (const seg of splitCommas(kids, 1, closed ? kids.length - 1 : kids.length).items) {
      const end = seg[seg.length - 1].to;
      if (seg[0].name === '**') {
        entries.push({ spread: seg[1] ? this.expression(seg[1], depth) : this.unknown(end, end, 'syntax error') });
        continue;
      }
      const key = seg[0].name === ':' ? this.unknown(seg[0].from, seg[0].from, 'syntax error') : this.expression(seg[0], depth);
      const colon = seg.findIndex((k) => k.name === ':');
      const valueNode = colon >= 0 ? seg[colon + 1] : undefined;
      entries.push({ key, value: valueNode ? this.expression(valueNode, depth) : this.unknown(end, end, 'syntax error') });
    }
    return { kind: 'dict', entries, start: node.from, end: node.to };
  }

  /** `element (for targets in iter | if test)+`, given the nodes between the brackets. */
  private comprehension(type: Comprehension['type'], nodes: SyntaxNode[], start: number, end: number, depth: number): Expr {
    let forIndex = nodes.findIndex((k) => k.name === 'for' || k.name === 'async');
    if (forIndex < 0) forIndex = nodes.length;
    const elementNodes = nodes.slice(0, forIndex);
    let element: Expr;
    let value: Expr | undefined;
    if (elementNodes.length === 0) element = this.unknown(start, start, 'syntax error');
    else if (type === 'dict') {
      const colon = elementNodes.findIndex((k) => k.name === ':');
      if (elementNodes[0].name === '**' || colon !== 1) element = this.unknown(start, end, 'syntax error');
      else {
        element = this.expression(elementNodes[0], depth);
        value = elementNodes[2] ? this.expression(elementNodes[2], depth) : this.unknown(elementNodes[1].to, elementNodes[1].to, 'syntax error');
      }
    } else element = this.item(elementNodes, depth);
    const clauses: ComprehensionClause[] = [];
    for (let i = forIndex; i < nodes.length; ) {
      const kw = nodes[i];
      if (kw.name === 'for') {
        let inIndex = i + 1;
        while (inIndex < nodes.length && nodes[inIndex].name !== 'in') inIndex++;
        const target = this.targetList(nodes.slice(i + 1, inIndex), kw.to, depth);
        const iterNode = nodes[inIndex + 1];
        const iter = iterNode && !isKeyword(iterNode.name) ? this.expression(iterNode, depth) : this.unknown(end, end, 'syntax error');
        clauses.push({ kind: 'for', target, iter });
        i = iterNode && !isKeyword(iterNode.name) ? inIndex + 2 : inIndex + 1;
      } else if (kw.name === 'if') {
        const testNode = nodes[i + 1];
        const ok = testNode && !isKeyword(testNode.name);
        clauses.push({ kind: 'if', test: ok ? this.expression(testNode, depth) : this.unknown(kw.to, kw.to, 'syntax error') });
        i += ok ? 2 : 1;
      } else i++;
    }
    const result: Comprehension = { kind: 'comprehension', type, element, clauses, start, end };
    if (value) result.value = value;
    return result;
  }

  private args(argList: SyntaxNode, depth: number): Arg[] {
    const kids = this.kids(argList);
    const closed = kids.length > 1 && kids[kids.length - 1].name === ')';
    const args: Arg[] = [];
    for (const seg of splitCommas(kids, 1, closed ? kids.length - 1 : kids.length).items) {
      const end = seg[seg.length - 1].to;
      const first = seg[0];
      if (first.name === '**') {
        args.push({ kind: 'kwspread', value: seg[1] ? this.expression(seg[1], depth) : this.unknown(end, end, 'syntax error') });
      } else if (first.name === '*') {
        args.push({ kind: 'spread', value: seg[1] ? this.expression(seg[1], depth) : this.unknown(end, end, 'syntax error') });
      } else if (first.name === 'VariableName' && seg[1]?.name === 'AssignOp') {
        const valueNode = seg[2];
        if (this.source(seg[1]) !== '=') {
          args.push({ kind: 'positional', value: this.unknown(first.from, end, 'assignment expression') });
          continue;
        }
        const value = !valueNode
          ? this.unknown(seg[1].to, seg[1].to, 'syntax error')
          : seg.length > 3
            ? this.item(seg.slice(2), depth)
            : this.expression(valueNode, depth);
        args.push({ kind: 'keyword', name: this.source(first), value });
      } else args.push({ kind: 'positional', value: this.item(seg, depth) });
    }
    return args;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Strings

  /** A string, an f-string, or implicitly concatenated pieces of either: a StrLit unless an f-string is involved. */
  private string(node: SyntaxNode, depth: number): Expr {
    const parts: TemplatePart[] = [];
    if (node.name === 'ContinuedString') for (const piece of this.kids(node)) this.stringPieceInto(piece, parts, depth);
    else this.stringPieceInto(node, parts, depth);
    const merged: TemplatePart[] = [];
    for (const part of parts) {
      const last = merged.length - 1;
      if (typeof part === 'string' && last >= 0 && typeof merged[last] === 'string') merged[last] += part;
      else merged.push(part);
    }
    if (merged.every((p) => typeof p === 'string')) {
      return { kind: 'str', value: (merged as string[]).join(''), start: node.from, end: node.to };
    }
    return { kind: 'template', parts: merged, start: node.from, end: node.to };
  }

  private stringPieceInto(node: SyntaxNode, parts: TemplatePart[], depth: number): void {
    if (node.name !== 'String' && node.name !== 'FormatString') {
      if (!node.type.isError) this.reportErrorsIn(node);
      return;
    }
    const text = this.text;
    let i = node.from;
    let raw = false;
    // Prefix letters (r, b, u, f in any case and order), then the quote.
    for (; i < node.to; i++) {
      const c = text.charCodeAt(i) | 0x20;
      if (c === 0x72 /* r */) raw = true;
      else if (c !== 0x62 /* b */ && c !== 0x75 /* u */ && c !== 0x66 /* f */) break;
    }
    if (i >= node.to) return;
    const quote = text[i];
    const quoteLength = text[i + 1] === quote && text[i + 2] === quote && i + 2 < node.to ? 3 : 1;
    const contentStart = i + quoteLength;
    const format = node.name === 'FormatString';
    let contentEnd = node.to;
    let hasErrorChild = false;
    let lastChild: SyntaxNode | null = null;
    let pos = contentStart;
    for (const child of this.kids(node)) {
      lastChild = child;
      if (child.type.isError) hasErrorChild = true;
      if (child.name !== 'FormatReplacement') continue;
      if (child.from > pos) parts.push(decodeLiteral(text, pos, child.from, raw, format));
      this.replacementInto(child, parts, depth);
      pos = child.to;
    }
    const closed =
      node.to - contentStart >= quoteLength &&
      text.startsWith(quote.repeat(quoteLength), node.to - quoteLength) &&
      !(lastChild && lastChild.name === 'Escape' && lastChild.to === node.to);
    if (closed) contentEnd = node.to - quoteLength;
    else if (!hasErrorChild) this.addSyntaxError(node.from, node.to, 'unterminated string literal');
    if (contentEnd > pos) parts.push(decodeLiteral(text, pos, contentEnd, raw, format));
  }

  /** `{expr=!r:spec}` inside an f-string. */
  private replacementInto(node: SyntaxNode, parts: TemplatePart[], depth: number): void {
    const kids = this.kids(node);
    let exprEnd = 1;
    while (exprEnd < kids.length && !REPLACEMENT_TAIL.has(kids[exprEnd].name)) exprEnd++;
    const exprNodes = kids.slice(1, exprEnd);
    const expr = exprNodes.length
      ? this.expressionList(exprNodes, node.from, node.to, depth)
      : this.unknown(node.from, node.to, 'syntax error');
    const part: { expr: Expr; format?: string; conversion?: string } = { expr };
    let selfDoc: SyntaxNode | undefined;
    for (let i = exprEnd; i < kids.length; i++) {
      const k = kids[i];
      if (k.name === 'FormatSelfDoc') selfDoc = k;
      else if (k.name === 'FormatConversion') part.conversion = this.text.slice(k.from + 1, k.to);
      else if (k.name === 'FormatSpec') {
        this.reportErrorsIn(k);
        if (k.to > k.from + 1) part.format = this.text.slice(k.from + 1, k.to);
      }
    }
    if (selfDoc) {
      // `{x=}` prints its own source text, then the value (repr unless a conversion or format is given).
      parts.push(this.text.slice(kids[0].to, selfDoc.to));
      if (part.conversion === undefined && part.format === undefined) part.conversion = 'r';
    }
    parts.push(part);
  }
}

const COMPREHENSION_TYPES: Record<string, Comprehension['type']> = {
  ComprehensionExpression: 'gen',
  ArrayComprehensionExpression: 'list',
  SetComprehensionExpression: 'set',
  DictionaryComprehensionExpression: 'dict',
};

const REPLACEMENT_TAIL = new Set(['FormatSelfDoc', 'FormatConversion', 'FormatSpec', '}']);

const KEYWORDS = new Set(['for', 'in', 'if', 'else', 'async', 'not', 'is', 'and', 'or', 'lambda', ':']);
function isKeyword(name: string): boolean {
  return KEYWORDS.has(name);
}

/**
 * Splits `nodes[from..to)` at top-level commas. Gaps (empty error nodes) are dropped from segments that have real
 * content, so `f(a⚠)` still has the argument `a`; a segment that is only a gap stays, to lower as unknown.
 */
function splitCommas(nodes: SyntaxNode[], from: number, to: number): { items: SyntaxNode[][]; trailingComma: boolean } {
  const items: SyntaxNode[][] = [];
  let current: SyntaxNode[] = [];
  let trailingComma = false;
  const flush = () => {
    if (current.length > 1) current = current.filter((k) => !(k.type.isError && k.from === k.to));
    if (current.length) items.push(current);
    current = [];
  };
  for (let i = from; i < to; i++) {
    const k = nodes[i];
    if (k.name === ',') {
      flush();
      trailingComma = true;
    } else {
      current.push(k);
      if (!(k.type.isError && k.from === k.to)) trailingComma = false;
    }
  }
  flush();
  return { items, trailingComma };
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

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** Literal text of a string between `from` and `to`, with Python escapes decoded (and `{{`/`}}` in f-strings). */
function decodeLiteral(text: string, from: number, to: number, raw: boolean, format: boolean): string {
  let s = text.slice(from, to);
  // Python reads source with universal newlines: a CRLF file's multi-line string holds plain \n.
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (!raw && s.includes('\\')) s = decodeEscapes(s);
  if (format && (s.includes('{{') || s.includes('}}'))) s = s.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  return s;
}

function decodeEscapes(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const backslash = s.indexOf('\\', i);
    if (backslash < 0 || backslash === s.length - 1) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, backslash);
    const c = s[backslash + 1];
    i = backslash + 2;
    if (c in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[c];
    else if (c === '\n') continue;
    else if (c === '\r') {
      if (s[i] === '\n') i++;
    } else if (c === 'x' || c === 'u' || c === 'U') {
      const n = c === 'x' ? 2 : c === 'u' ? 4 : 8;
      const hex = s.slice(i, i + n);
      const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === n ? parseInt(hex, 16) : NaN;
      if (code <= 0x10ffff) {
        out += String.fromCodePoint(code);
        i += n;
      } else out += '\\' + c;
    } else if (c >= '0' && c <= '7') {
      let j = i;
      while (j < i + 2 && j < s.length && s[j] >= '0' && s[j] <= '7') j++;
      out += String.fromCharCode(parseInt(s.slice(backslash + 1, j), 8));
      i = j;
    } else out += '\\' + c; // unknown escapes (and \N{...}, which needs the Unicode name table) stay as written
  }
  return out;
}
