// Python expressions and assignment targets lowered from lezer's syntax tree into the core form (core/ast.ts),
// f-strings included; the base of the statement lowerer (statements.ts). Nesting deeper than MAX_NESTING becomes
// unknown. It does not resolve names or evaluate; syntax errors go through SyntaxErrors.

import type { SyntaxNode } from '@lezer/common';
import type {
  Arg,
  BinaryOperator,
  Comprehension,
  ComprehensionClause,
  CompareOperator,
  Expr,
  Param,
  StarTarget,
  Target,
  Template,
  UnknownExpr,
} from '../core/ast';
import { MAX_NESTING, TOO_DEEP } from '../core/frontEnd';
import { decodeLiteral } from './strings';
import { OPENERS, SyntaxErrors } from './syntaxErrors';

type TemplatePart = Template['parts'][number];

export const BINARY_OPERATORS = new Set<string>(['+', '-', '*', '/', '//', '%', '**', '@', '<<', '>>', '&', '|', '^']);
const COMPARE_OPERATORS = new Set<string>(['==', '!=', '<', '<=', '>', '>=']);

export class ExpressionLowerer {
  protected readonly errors: SyntaxErrors;
  /** how deep the statement/expression/target being lowered is (see MAX_NESTING) */
  protected depth = 0;

  constructor(readonly text: string) {
    this.errors = new SyntaxErrors(text);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Tree access and errors

  /** Children without comments; every error child met here is reported, so walking the tree reports its errors. */
  protected kids(node: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.type.isError) this.errors.report(child);
      else if (child.name === 'Comment') continue;
      out.push(child);
    }
    return out;
  }


  /** For subtrees we skip (annotations, except handlers, unsupported statements): report their errors without
   *  recursion, since the subtree may be arbitrarily deep. */
  protected reportErrorsIn(node: SyntaxNode): void {
    this.errors.reportIn(node);
  }

  protected addSyntaxError(start: number, end: number, message: string): void {
    this.errors.add(start, end, message);
  }

  protected tooDeep(node: SyntaxNode): UnknownExpr {
    this.errors.tooDeep(node);
    return { kind: 'unknown', what: TOO_DEEP, start: node.from, end: node.to };
  }

  protected unknown(start: number, end: number, what: string): UnknownExpr {
    return { kind: 'unknown', what, start, end };
  }

  protected source(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Assignment targets

  /** A comma-separated target list: one target, or a tuple target when there is a comma. */
  protected targetList(nodes: SyntaxNode[], fallbackPos: number): Target {
    const { items, trailingComma } = splitCommas(nodes, 0, nodes.length);
    if (items.length === 0) return this.unknown(fallbackPos, fallbackPos, 'syntax error');
    if (items.length === 1 && !trailingComma && items[0][0].name !== '*') return this.targetItem(items[0]) as Target;
    return {
      kind: 'tuple-target',
      items: items.map((seg) => this.targetItem(seg)),
      start: nodes[0].from,
      end: nodes[nodes.length - 1].to,
    };
  }

  protected targetItem(seg: SyntaxNode[]): Target | StarTarget {
    const start = seg[0].from;
    const end = seg[seg.length - 1].to;
    if (seg[0].name === '*') {
      const inner = seg[1] ? this.target(seg[1]) : this.unknown(end, end, 'syntax error');
      return { kind: 'star-target', target: inner, start, end };
    }
    if (seg.length !== 1) return this.unknown(start, end, 'syntax error');
    return this.target(seg[0]);
  }

  protected target(node: SyntaxNode): Target {
    if (this.depth >= MAX_NESTING) return this.tooDeep(node);
    this.depth++;
    const t = this.targetOfKind(node);
    this.depth--;
    return t;
  }

  protected targetOfKind(node: SyntaxNode): Target {
    switch (node.name) {
      case 'VariableName':
        return { kind: 'name', name: this.source(node), start: node.from, end: node.to };
      case 'MemberExpression': {
        const e = this.expression(node);
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
          items: splitCommas(inner, 0, inner.length).items.map((seg) => this.targetItem(seg)),
          start: node.from,
          end: node.to,
        };
      }
      case 'ParenthesizedExpression': {
        const inner = this.kids(node)[1];
        return inner && inner.name !== ')' ? this.target(inner) : this.unknown(node.from, node.to, 'syntax error');
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
  protected expressionList(nodes: SyntaxNode[], start: number, end: number): Expr {
    const { items, trailingComma } = splitCommas(nodes, 0, nodes.length);
    if (items.length === 0) return this.unknown(start, end, 'syntax error');
    if (items.length === 1 && !trailingComma) return this.item(items[0]);
    return {
      kind: 'tuple',
      items: items.map((seg) => this.item(seg)),
      start: nodes[0].from,
      end: nodes[nodes.length - 1].to,
    };
  }

  /** One element of a list/tuple/set/argument list: `e`, `*e`, or a generator argument `e for x in xs`. */
  protected item(seg: SyntaxNode[]): Expr {
    const start = seg[0].from;
    const end = seg[seg.length - 1].to;
    if (seg[0].name === '*') {
      return { kind: 'starred', value: seg[1] ? this.expression(seg[1]) : this.unknown(end, end, 'syntax error'), start, end };
    }
    if (seg.length === 1) return this.expression(seg[0]);
    if (seg[1].name === 'for' || seg[1].name === 'async') return this.comprehension('gen', seg, start, end);
    return this.unknown(start, end, 'syntax error');
  }

  protected expression(node: SyntaxNode): Expr {
    if (this.depth >= MAX_NESTING) return this.tooDeep(node);
    this.depth++;
    const e = this.expressionOfKind(node);
    this.depth--;
    return e;
  }

  protected expressionOfKind(node: SyntaxNode): Expr {
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
        return this.string(node);
      case 'Boolean':
        return { kind: 'bool', value: this.source(node) === 'True', start, end };
      case 'None':
        return { kind: 'none', start, end };
      case 'Ellipsis':
        return { kind: 'name', name: 'Ellipsis', start, end };
      case 'BinaryExpression':
        return this.binary(node);
      case 'UnaryExpression':
        return this.unary(node);
      case 'AwaitExpression': {
        const operand = this.kids(node)[1];
        return operand ? this.expression(operand) : this.unknown(start, end, 'syntax error');
      }
      case 'ParenthesizedExpression': {
        const kids = this.kids(node);
        const closed = kids[kids.length - 1]?.name === ')';
        const inner = kids.slice(1, closed ? -1 : kids.length);
        return inner.length ? this.item(inner) : this.unknown(start, end, 'syntax error');
      }
      case 'TupleExpression':
      case 'ArrayExpression':
      case 'SetExpression': {
        const items = this.bracketItems(node);
        if (!items) return this.unknown(start, end, 'syntax error');
        return { kind: node.name === 'TupleExpression' ? 'tuple' : 'list', items, start, end };
      }
      case 'DictionaryExpression':
        return this.dict(node);
      case 'ComprehensionExpression':
      case 'ArrayComprehensionExpression':
      case 'SetComprehensionExpression':
      case 'DictionaryComprehensionExpression': {
        const kids = this.kids(node);
        const closed = kids.length > 1 && OPENERS[kids[0].name] === kids[kids.length - 1].name;
        const inner = kids.slice(1, closed ? -1 : kids.length);
        const type = COMPREHENSION_TYPES[node.name];
        return inner.length ? this.comprehension(type, inner, start, end) : this.unknown(start, end, 'syntax error');
      }
      case 'CallExpression': {
        const kids = this.kids(node);
        const argList = kids[1]?.name === 'ArgList' ? kids[1] : undefined;
        return { kind: 'call', callee: this.expression(kids[0]), args: argList ? this.args(argList) : [], start, end };
      }
      case 'MemberExpression':
        return this.member(node);
      case 'ConditionalExpression':
        return this.conditional(node);
      case 'LambdaExpression':
        return this.lambda(node);
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

  protected number(node: SyntaxNode, end = node.to): Expr {
    let s = this.text.slice(node.from, end);
    const last = s.charCodeAt(s.length - 1) | 0x20;
    if (last === 0x6a /* j */) return this.unknown(node.from, end, 'imaginary number');
    if (s.includes('_')) s = s.replace(/_/g, '');
    const value = Number(s);
    if (Number.isNaN(value)) return this.unknown(node.from, end, 'number');
    const float = /[.eE]/.test(s) && !/^0[xXoObB]/.test(s);
    return float ? { kind: 'num', value, float, start: node.from, end } : { kind: 'num', value, start: node.from, end };
  }

  protected binary(node: SyntaxNode): Expr {
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
    const left = this.expression(kids[0]);
    const right = rightNode ? this.expression(rightNode) : this.unknown(end, end, 'syntax error');
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

  protected unary(node: SyntaxNode): Expr {
    const kids = this.kids(node);
    const opNode = kids[0];
    const op = opNode.name === 'not' ? 'not' : this.source(opNode);
    const operand = kids[1] ? this.expression(kids[1]) : this.unknown(node.to, node.to, 'syntax error');
    if (op !== 'not' && op !== '-' && op !== '+' && op !== '~') return this.unknown(node.from, node.to, 'syntax error');
    return { kind: 'unary', op, operand, start: node.from, end: node.to };
  }

  protected conditional(node: SyntaxNode): Expr {
    const kids = this.kids(node);
    const ifIndex = kids.findIndex((k) => k.name === 'if');
    const elseIndex = kids.findIndex((k) => k.name === 'else');
    const part = (i: number, pos: number): Expr =>
      i >= 0 && kids[i] && !isKeyword(kids[i].name) ? this.expression(kids[i]) : this.unknown(pos, pos, 'syntax error');
    return {
      kind: 'cond',
      then: part(ifIndex - 1, node.from),
      test: part(ifIndex < 0 ? -1 : ifIndex + 1, node.to),
      else: part(elseIndex < 0 ? -1 : elseIndex + 1, node.to),
      start: node.from,
      end: node.to,
    };
  }

  protected lambda(node: SyntaxNode): Expr {
    const kids = this.kids(node);
    const paramList = kids.find((k) => k.name === 'ParamList');
    const colon = kids.findIndex((k) => k.name === ':');
    const bodyNode = colon >= 0 ? kids[colon + 1] : undefined;
    const value = bodyNode ? this.expression(bodyNode) : this.unknown(node.to, node.to, 'syntax error');
    return {
      kind: 'function',
      params: paramList ? this.params(paramList) : [],
      body: [{ kind: 'return', value, start: value.start, end: value.end }],
      start: node.from,
      end: node.to,
    };
  }

  protected member(node: SyntaxNode): Expr {
    const kids = this.kids(node);
    const start = node.from;
    const end = node.to;
    const object = this.expression(kids[0]);
    if (kids[1]?.name === '.') {
      const nameNode = kids[2];
      if ((!nameNode || (nameNode.type.isError && nameNode.from === nameNode.to)) && this.errors.isTrailingDotFloat(kids[1])) {
        return this.number(kids[0], kids[1].to);
      }
      if (nameNode?.name !== 'PropertyName') return this.unknown(start, end, 'syntax error');
      return { kind: 'attr', object, name: this.source(nameNode), nameStart: nameNode.from, start, end };
    }
    // Subscript: `[` items `]`, each item an index or a slice `lower:upper:step`.
    const closed = kids[kids.length - 1].name === ']';
    const { items, trailingComma } = splitCommas(kids, 2, closed ? kids.length - 1 : kids.length);
    if (items.length === 0) return this.unknown(start, end, 'syntax error');
    const indices = items.map((seg) => this.subscriptItem(seg));
    const index: Expr =
      items.length === 1 && !trailingComma
        ? indices[0]
        : { kind: 'tuple', items: indices, start: items[0][0].from, end: kids[closed ? kids.length - 2 : kids.length - 1].to };
    return { kind: 'index', object, index, start, end };
  }

  protected subscriptItem(seg: SyntaxNode[]): Expr {
    if (!seg.some((k) => k.name === ':')) return this.item(seg);
    const parts: (Expr | undefined)[] = [undefined];
    for (const k of seg) {
      if (k.name === ':') parts.push(undefined);
      else if (parts[parts.length - 1] === undefined) parts[parts.length - 1] = this.expression(k);
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
  protected bracketItems(node: SyntaxNode): Expr[] | undefined {
    const kids = this.kids(node);
    if (!kids.length || !OPENERS[kids[0].name]) return undefined;
    const closed = kids.length > 1 && OPENERS[kids[0].name] === kids[kids.length - 1].name;
    return splitCommas(kids, 1, closed ? kids.length - 1 : kids.length).items.map((seg) => this.item(seg));
  }

  protected dict(node: SyntaxNode): Expr {
    const kids = this.kids(node);
    const closed = kids.length > 1 && kids[kids.length - 1].name === '}';
    const entries: ({ key: Expr; value: Expr } | { spread: Expr })[] = [];
    for (const seg of splitCommas(kids, 1, closed ? kids.length - 1 : kids.length).items) {
      const end = seg[seg.length - 1].to;
      if (seg[0].name === '**') {
        entries.push({ spread: seg[1] ? this.expression(seg[1]) : this.unknown(end, end, 'syntax error') });
        continue;
      }
      const key = seg[0].name === ':' ? this.unknown(seg[0].from, seg[0].from, 'syntax error') : this.expression(seg[0]);
      const colon = seg.findIndex((k) => k.name === ':');
      const valueNode = colon >= 0 ? seg[colon + 1] : undefined;
      entries.push({ key, value: valueNode ? this.expression(valueNode) : this.unknown(end, end, 'syntax error') });
    }
    return { kind: 'dict', entries, start: node.from, end: node.to };
  }

  /** `element (for targets in iter | if test)+`, given the nodes between the brackets. */
  protected comprehension(type: Comprehension['type'], nodes: SyntaxNode[], start: number, end: number): Expr {
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
        element = this.expression(elementNodes[0]);
        value = elementNodes[2] ? this.expression(elementNodes[2]) : this.unknown(elementNodes[1].to, elementNodes[1].to, 'syntax error');
      }
    } else element = this.item(elementNodes);
    const clauses: ComprehensionClause[] = [];
    for (let i = forIndex; i < nodes.length; ) {
      const kw = nodes[i];
      if (kw.name === 'for') {
        let inIndex = i + 1;
        while (inIndex < nodes.length && nodes[inIndex].name !== 'in') inIndex++;
        const target = this.targetList(nodes.slice(i + 1, inIndex), kw.to);
        const iterNode = nodes[inIndex + 1];
        const iter = iterNode && !isKeyword(iterNode.name) ? this.expression(iterNode) : this.unknown(end, end, 'syntax error');
        clauses.push({ kind: 'for', target, iter });
        i = iterNode && !isKeyword(iterNode.name) ? inIndex + 2 : inIndex + 1;
      } else if (kw.name === 'if') {
        const testNode = nodes[i + 1];
        const ok = testNode && !isKeyword(testNode.name);
        clauses.push({ kind: 'if', test: ok ? this.expression(testNode) : this.unknown(kw.to, kw.to, 'syntax error') });
        i += ok ? 2 : 1;
      } else i++;
    }
    const result: Comprehension = { kind: 'comprehension', type, element, clauses, start, end };
    if (value) result.value = value;
    return result;
  }

  protected args(argList: SyntaxNode): Arg[] {
    const kids = this.kids(argList);
    const closed = kids.length > 1 && kids[kids.length - 1].name === ')';
    const args: Arg[] = [];
    // `f(x for a, b in xs)`: a bare generator is the only argument; its target's commas do not split it
    const inner = kids.slice(1, closed ? kids.length - 1 : kids.length);
    if (inner.some((k) => k.name === 'for') && inner[0]?.name !== '*' && inner[0]?.name !== '**' && inner[1]?.name !== 'AssignOp') {
      return [{ kind: 'positional', value: this.item(inner) }];
    }
    for (const seg of splitCommas(kids, 1, closed ? kids.length - 1 : kids.length).items) {
      const end = seg[seg.length - 1].to;
      const first = seg[0];
      if (first.name === '**') {
        args.push({ kind: 'kwspread', value: seg[1] ? this.expression(seg[1]) : this.unknown(end, end, 'syntax error') });
      } else if (first.name === '*') {
        args.push({ kind: 'spread', value: seg[1] ? this.expression(seg[1]) : this.unknown(end, end, 'syntax error') });
      } else if (first.name === 'VariableName' && seg[1]?.name === 'AssignOp') {
        const valueNode = seg[2];
        if (this.source(seg[1]) !== '=') {
          args.push({ kind: 'positional', value: this.unknown(first.from, end, 'assignment expression') });
          continue;
        }
        const value = !valueNode
          ? this.unknown(seg[1].to, seg[1].to, 'syntax error')
          : seg.length > 3
            ? this.item(seg.slice(2))
            : this.expression(valueNode);
        args.push({ kind: 'keyword', name: this.source(first), value });
      } else args.push({ kind: 'positional', value: this.item(seg) });
    }
    return args;
  }

  protected params(node: SyntaxNode): Param[] {
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
          param.default = seg[eq + 1] ? this.expression(seg[eq + 1]) : this.unknown(seg[eq].to, seg[eq].to, 'syntax error');
        }
        if (keywordOnly) param.keywordOnly = true;
        params.push(param);
      }
    }
    return params;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Strings

  /** A string, an f-string, or implicitly concatenated pieces of either: a StrLit unless an f-string is involved. */
  protected string(node: SyntaxNode): Expr {
    const parts: TemplatePart[] = [];
    if (node.name === 'ContinuedString') for (const piece of this.kids(node)) this.stringPieceInto(piece, parts);
    else this.stringPieceInto(node, parts);
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

  protected stringPieceInto(node: SyntaxNode, parts: TemplatePart[]): void {
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
      this.replacementInto(child, parts);
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
  protected replacementInto(node: SyntaxNode, parts: TemplatePart[]): void {
    const kids = this.kids(node);
    let exprEnd = 1;
    while (exprEnd < kids.length && !REPLACEMENT_TAIL.has(kids[exprEnd].name)) exprEnd++;
    const exprNodes = kids.slice(1, exprEnd);
    const expr = exprNodes.length
      ? this.expressionList(exprNodes, node.from, node.to)
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
export function splitCommas(nodes: SyntaxNode[], from: number, to: number): { items: SyntaxNode[][]; trailingComma: boolean } {
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
