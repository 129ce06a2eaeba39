// Data loops: a loop that has run for DATA_LOOP_FUEL steps without creating a layer, tensor, model or optimizer is
// data work (a tutorial generating 50,000 training samples, a text-cleaning pass) and is cut short, so it cannot use
// up the fuel the model needs. What such a loop changed is then not known: this module finds the names its body
// binds or mutates (`xs.append(…)`, `xs[i] = …`, `counts[k] += 1`), which the interpreter makes unknown. It does not
// decide when to cut (the interpreter counts the symbolic values made) and never looks inside nested definitions.

import type * as A from '../core/ast';

/** Steps one loop may take without making anything symbolic before it is treated as data work. */
export const DATA_LOOP_FUEL = 20_000;

/** Names a loop body (and its target) binds or mutates through a method call, subscript or attribute. */
export function namesChangedBy(loop: A.For | A.While): Set<string> {
  const names = new Set<string>();
  if (loop.kind === 'for') target(loop.target, names);
  block(loop.body, names);
  block(loop.orelse, names);
  if (loop.kind === 'while' && loop.update) block(loop.update, names);
  return names;
}

function block(body: A.Stmt[], names: Set<string>): void {
  for (const s of body) stmt(s, names);
}

function stmt(s: A.Stmt, names: Set<string>): void {
  switch (s.kind) {
    case 'assign':
      for (const t of s.targets) target(t, names);
      expr(s.value, names);
      return;
    case 'augassign':
      target(s.target, names);
      expr(s.value, names);
      return;
    case 'expr':
      expr(s.expr, names);
      return;
    case 'if':
      expr(s.test, names);
      block(s.body, names);
      block(s.orelse, names);
      return;
    case 'for':
    case 'while':
      for (const n of namesChangedBy(s)) names.add(n);
      return;
    case 'block':
      block(s.body, names);
      return;
    case 'return':
      if (s.value) expr(s.value, names);
      return;
    default:
      // definitions, imports and jumps change no data the loop built
      return;
  }
}

/** `x`, `x.a`, `x[i]`, `a, b`: the root names assignment rebinds or mutates. */
function target(t: A.Target | A.StarTarget, names: Set<string>): void {
  switch (t.kind) {
    case 'name':
      names.add(t.name);
      return;
    case 'attr':
    case 'index': {
      const root = rootName(t);
      if (root) names.add(root);
      return;
    }
    case 'tuple-target':
      for (const item of t.items) target(item, names);
      return;
    case 'object-target':
      for (const p of t.props) target(p.target, names);
      if (t.rest) names.add(t.rest.name);
      return;
    case 'star-target':
      target(t.target, names);
      return;
    default:
      return;
  }
}

/** Method calls on a name (`xs.append(v)`, `labels.push(y)`) may mutate it; calls nested in arguments too. */
function expr(e: A.Expr, names: Set<string>): void {
  if (e.kind !== 'call') return;
  if (e.callee.kind === 'attr') {
    const root = rootName(e.callee.object);
    if (root) names.add(root);
  }
  for (const a of e.args) expr(a.value, names);
}

function rootName(e: A.Expr): string | undefined {
  let cur: A.Expr = e;
  while (cur.kind === 'attr' || cur.kind === 'index') cur = cur.object;
  return cur.kind === 'name' ? cur.name : undefined;
}
