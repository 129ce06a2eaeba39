// Which uncalled module-level functions to analyze as model builders first: the ones no other uncalled function
// calls by name (`main()` or `train()` that calls `createModel()`), so a builder reached through its caller is run
// once, with its caller's arguments, and TF.js's automatic names do not drift as they would if it ran twice.
// A function only reached from callers that build nothing is analyzed on its own afterwards. Static and
// name-based; the running is analyze.ts's.

import type { FuncV, Value } from './values';

/** Names called (`f(...)`, `new F(...)`) anywhere inside a function's body, nested functions included. */
function calledNames(body: unknown, out = new Set<string>(), depth = 0): Set<string> {
  if (depth > 200 || body === null || typeof body !== 'object') return out;
  if (Array.isArray(body)) {
    for (const x of body) calledNames(x, out, depth + 1);
    return out;
  }
  const node = body as { kind?: string; callee?: { kind?: string; name?: string } };
  if (node.kind === 'call' && node.callee?.kind === 'name' && node.callee.name) out.add(node.callee.name);
  for (const v of Object.values(node)) if (v && typeof v === 'object') calledNames(v, out, depth + 1);
  return out;
}

/** The candidates split into roots (called by no other candidate) and the rest, each in definition order. */
export function builderOrder(candidates: [string, Value][]): { roots: [string, FuncV][]; callees: [string, FuncV][] } {
  const funcs = candidates.filter((c): c is [string, FuncV] => c[1].kind === 'func');
  const calledByOthers = new Set<string>();
  for (const [name, f] of funcs) for (const n of calledNames(f.body)) if (n !== name) calledByOthers.add(n);
  return {
    roots: funcs.filter(([name]) => !calledByOthers.has(name)),
    callees: funcs.filter(([name]) => calledByOthers.has(name)),
  };
}
