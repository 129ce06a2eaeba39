// Callbacks the framework calls, in JS/TS: a function handed to something the evaluator does not know
// (`promise.then(fn)`, `import('./data.js').then(fn)`, `addEventListener('click', fn)`, `setTimeout(fn)`,
// React's `useEffect(fn, [])`, `tf.ready().then(fn)`) or stored on an unknown object (`button.onclick = fn`) runs
// later, so it is kept here and run once, statically, with unknown arguments, after the code that registered it
// (the module body, or one model-building function's analysis). Not here: which functions are model builders
// (entryPoints.ts), or evaluating the callbacks' bodies (the interpreter does that).

import type { Interpreter } from './interpreter';
import type { FuncV, Value } from './values';
import { UNKNOWN_VALUE } from './values';

/** More callbacks than this in one file are not run: real code registers a handful. */
const MAX_CALLBACKS = 500;

export class DeferredCallbacks {
  private readonly queue: FuncV[] = [];
  private seen = 0;

  /** Keeps the functions among `values` (arguments of an unknown call, or a value stored on an unknown object). */
  defer(values: Iterable<Value>): void {
    for (const v of values) if (v.kind === 'func' && this.seen < MAX_CALLBACKS && !this.queue.includes(v)) {
      this.seen++;
      this.queue.push(v);
    }
  }

  /** Runs every kept callback (and those they register in turn) once, each with unknown arguments. A callback
   *  the code already called itself is not run again. */
  drain(runner: Pick<Interpreter, 'called' | 'callValue'>): void {
    for (let f = this.queue.shift(); f; f = this.queue.shift()) {
      if (runner.called.has(f.node)) continue;
      const positional = f.params.filter((p) => !p.rest && !p.kwrest).map(() => UNKNOWN_VALUE);
      runner.callValue(f, { positional, keywords: new Map(), node: f.node }, f.node);
    }
  }

  get pending(): number {
    return this.queue.length;
  }
}
