// Variable scopes for the evaluator: a chain of maps (module → function → nested function). Python's and JS's
// scoping are both approximated by function-level scopes, which is what model-building code relies on.

import type { Value } from './values';

export class Scope {
  private readonly vars = new Map<string, Value>();

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
    this.vars.set(name, value);
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
