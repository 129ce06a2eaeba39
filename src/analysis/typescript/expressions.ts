// TypeScript/JavaScript expressions and assignment targets (destructuring included) lowered into the core form; the
// base of the statement lowerer (statements.ts), which supplies function bodies. Nesting deeper than MAX_NESTING
// becomes unknown. No type-checking, no evaluation.

import ts from 'typescript';
import type { Arg, DictExpr, Expr, FunctionExpr, StarTarget, Target, UnknownExpr } from '../core/ast';
import { MAX_NESTING, TOO_DEEP } from '../core/frontEnd';
import { binaryOperators, compareOperators, describeKind, logicOperators, SyntaxKind } from './syntax';

const mayStartTrivia: boolean[] = [];
for (const ch of '/<|=>#*') mayStartTrivia[ch.charCodeAt(0)] = true;

export abstract class ExpressionLowerer {
  protected depth = 0;
  /** the first place nesting was cut off (reported once per file, as the Python front-end does) */
  cutAt: { start: number; end: number } | undefined;
  protected readonly text: string;
  protected lastPos = -1;
  protected lastStart = 0;

  constructor(protected readonly file: ts.SourceFile) {
    this.text = file.text;
  }

  reset(): void {
    this.depth = 0;
  }

  /** Where the node's first token begins (what `node.getStart(file)` says), after leading whitespace and comments. */
  protected start(node: ts.Node): number {
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

  protected unknown(node: ts.Node, what: string): UnknownExpr {
    return { kind: 'unknown', what, start: this.start(node), end: node.end };
  }

  /** Nesting cut off at `node`: unknown, and the file's first such place is remembered for one syntax error. */
  protected tooDeep(node: ts.Node): UnknownExpr {
    const e = this.unknown(node, TOO_DEEP);
    this.cutAt ??= { start: e.start, end: e.end };
    return e;
  }


  /** Function bodies are statements: the subclass (statements.ts) lowers them. */
  protected abstract functionExpr(node: ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration, name?: string): FunctionExpr;

  protected memberName(name: ts.PropertyName): string | undefined {
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
  protected target(node: ts.Expression): Target {
    if (this.depth >= MAX_NESTING) return this.tooDeep(node);
    this.depth++;
    const result = this.targetOfKind(node);
    this.depth--;
    return result;
  }

  protected targetOfKind(node: ts.Expression): Target {
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
  protected bindingTarget(node: ts.BindingName): Target {
    if (this.depth >= MAX_NESTING) return this.tooDeep(node);
    this.depth++;
    const result = this.bindingTargetOfKind(node);
    this.depth--;
    return result;
  }

  protected bindingTargetOfKind(node: ts.BindingName): Target {
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

  protected nameOf(identifier: ts.Identifier): Target & Expr {
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

  protected exprOfKind(node: ts.Expression): Expr {
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

  protected args(list: readonly ts.Expression[]): Arg[] {
    const args: Arg[] = [];
    for (const argument of list) {
      if (ts.isSpreadElement(argument)) args.push({ kind: 'spread', value: this.expr(argument.expression) });
      else args.push({ kind: 'positional', value: this.expr(argument) });
    }
    return args;
  }

  protected binary(node: ts.BinaryExpression, start: number): Expr {
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

  protected objectLiteral(node: ts.ObjectLiteralExpression, start: number): DictExpr {
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
  protected propertyKey(name: ts.PropertyName): Expr {
    const start = this.start(name);
    if (ts.isComputedPropertyName(name)) return this.expr(name.expression);
    const key = this.memberName(name);
    return key === undefined ? { kind: 'unknown', what: 'syntax error', start, end: name.end } : { kind: 'str', value: key, start, end: name.end };
  }
}
