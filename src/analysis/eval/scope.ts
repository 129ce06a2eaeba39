// Variable scopes for the evaluator: a chain of maps (module → function → nested function). Python's and JS's
// scoping are both approximated by function-level scopes, which is what model-building code relies on.

import type { Value } from './values';

export class Scope {
  private readonly vars = new Map<string, Value>();
  /** Python `global` / `nonlocal` names: assignments here rebind them in that outer scope. */
  private outer?: Map<string, Scope>;

  constructor(readonly parent: Scope | null) {}

  lookup(name: string): Value | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** Binds in this scope (Python assignment inside a function is local). */
  set(name: string, value: Value): void {
    const target = this.outer?.get(name);
    if (target) target.set(name, value);
    else this.vars.set(name, value);
  }

  /** `global x` (the module scope, the chain's root) or `nonlocal x` (the nearest enclosing function that has it). */
  declareOuter(name: string, nonlocal: boolean): void {
    let target: Scope | null = null;
    if (nonlocal) {
      for (let s = this.parent; s && !s.isModule; s = s.parent) if (s.vars.has(name) || s.outer?.has(name)) { target = s; break; }
    } else {
      for (target = this; target.parent; target = target.parent);
    }
    if (!target || target === this) return;
    (this.outer ??= new Map()).set(name, target);
    this.vars.delete(name);
  }

  /** Rebinds where the name already lives (JS `x = …` to an outer `let`), else binds here. */
  assign(name: string, value: Value): void {
    for (let s: Scope | null = this; s; s = s.parent) {
      if (s.vars.has(name)) {
        s.vars.set(name, value);
        return;
      }
    }
    this.vars.set(name, value);
  }

  has(name: string): boolean {
    return this.vars.has(name);
  }

  get isModule(): boolean {
    return this.parent === null;
  }

  entries(): IterableIterator<[string, Value]> {
    return this.vars.entries();
  }
}
