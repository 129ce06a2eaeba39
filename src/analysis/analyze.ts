// The pipeline's entry: text in, AnalysisResult out. Picks the front-end by file name, lowers, wires the
// evaluator (one factory: state, graph builder, host, interpreter), evaluates, analyzes model-building functions
// the file never calls, finalizes models. Never throws: each phase that fails becomes one internal-error
// diagnostic and the result holds what was built.

import type { AnalysisResult, Language } from '../graph/ir';
import { messages } from '../graph/diagnostics';
import type { LoweredModule } from './core/ast';
import { MAX_NESTING, TOO_DEEP_MESSAGE } from './core/frontEnd';
import { GraphBuilder } from './eval/graphBuilder';
import { FuelExhausted, fuelFor, Interpreter } from './eval/interpreter';
import { KerasHost } from './eval/kerasHost';
import { finalizeModel } from './eval/models';
import { AnalysisState } from './eval/state';
import { buildSubclassed } from './eval/subclass';
import { builderOrder } from './eval/entryPoints';
import type { Value } from './eval/values';
import { dialectOf } from '../layers/types';
import { LineIndex } from './lineIndex';
import { ImportedFiles, type WorkspaceAccess } from './workspace';
import { lowerPython } from './python/lower';

export function languageOf(fileName: string): Language | undefined {
  if (/\.pyi?$/i.test(fileName)) return 'python';
  if (/\.(ts|tsx|mts|cts)$/i.test(fileName)) return 'typescript';
  if (/\.(js|jsx|mjs|cjs)$/i.test(fileName)) return 'javascript';
  return undefined;
}

export interface AnalyzeOptions {
  /** Evaluation budget in steps (default `fuelFor(text)`: DEFAULT_FUEL plus one step per character). */
  fuel?: number;
  version?: number;
  /** Force a language instead of guessing it from the file name. */
  language?: Language;
  /** Follow imports of project files through this (the CLI reads the disk); without it they stay unknown. */
  workspace?: WorkspaceAccess;
}

export function lower(text: string, fileName: string, language: Language): LoweredModule {
  if (language === 'python') return lowerPython(text, fileName);
  // The TypeScript compiler (about 9 MB of JS) is loaded only when a TS/JS file is analyzed: a Python-only session
  // never pays its 0.3 s and 45 MB.
  const { lowerTypeScript } = require('./typescript/lower') as typeof import('./typescript/lower');
  return lowerTypeScript(text, fileName);
}

/** One analysis's evaluator, wired once from its dependencies. */
export interface Evaluation {
  state: AnalysisState;
  g: GraphBuilder;
  host: KerasHost;
  interp: Interpreter;
  files: ImportedFiles;
}

/** The one factory: every part gets what it needs at construction, nothing is assigned afterwards. */
export function createEvaluation(text: string, fileName: string, language: Language, options: AnalyzeOptions = {}): Evaluation {
  const lines = new LineIndex(text);
  const state = new AnalysisState(fileName);
  const files = new ImportedFiles(options.workspace, language, (t, f) => lower(t, f, language), fileName);
  let made: { g: GraphBuilder; host: KerasHost } | undefined;
  const interp = new Interpreter(
    text,
    language,
    (runtime) => {
      const g = new GraphBuilder(state, dialectOf(language), (file) => (file === undefined ? lines : files.lines(file)), runtime);
      const host = new KerasHost({ state, g, runtime, files, language });
      made = { g, host };
      return host;
    },
    options.fuel ?? fuelFor(text),
  );
  return { state, files, interp, ...made! };
}

/** Runs one phase; a failure other than the budget becomes one internal-error diagnostic. */
function guarded(ev: Evaluation, phase: string, run: () => void, at: { start: number; end: number } = { start: 0, end: 0 }): 'ok' | 'failed' | FuelExhausted {
  try {
    run();
    return 'ok';
  } catch (e) {
    if (e instanceof FuelExhausted) return e;
    try {
      ev.g.report(messages.internalError(phase, e), at);
    } catch {
      // even reporting failed (a range outside the text): the result simply has no such diagnostic
    }
    return 'failed';
  }
}

/**
 * A function that builds a model but is never called in the file is still a model: run it on its own, with its
 * defaults, and with symbolic dimensions named after parameters that have none. Kept only if it makes a model;
 * otherwise everything the run recorded is undone.
 */
function analyzeModelBuilders(ev: Evaluation): void {
  const { interp, state } = ev;
  const { roots, callees } = builderOrder([...interp.module.entries()]);
  for (const [name, v] of [...roots, ...callees]) {
    if (v.kind !== 'func' || v.closure !== interp.module || interp.called.has(v.node)) continue;
    const symbolic: string[] = [];
    const keywords = new Map<string, Value>();
    for (const p of v.params) {
      if (p.rest || p.kwrest || p.pattern || p.default || p.name === 'self') continue;
      symbolic.push(p.name);
      keywords.set(p.name, { kind: 'sym', expr: p.name });
    }
    const snap = state.snapshot();
    const calledBefore = new Set(interp.called);
    const before = state.models.length;
    const outcome = guarded(ev, `could not analyze the model-building function ${name}()`, () => {
      interp.callValue(v, { positional: [], keywords, node: v.node }, v.node);
      interp.deferred.drain(interp); // a component's effects and handlers build in callbacks
    });
    if (outcome instanceof FuelExhausted) {
      state.restore(snap);
      return;
    }
    if (outcome === 'failed' || state.models.length === before) {
      // keep the internal-error diagnostic of a failed run, drop everything else it recorded
      const report = outcome === 'failed' ? state.diagnostics[state.diagnostics.length - 1] : undefined;
      state.restore(snap);
      // what a discarded run called is still a candidate of its own
      for (const n of [...interp.called]) if (!calledBefore.has(n)) interp.called.delete(n);
      if (report) state.diagnostics.push(report);
      continue;
    }
    for (const m of state.models.slice(before)) m.builder = { function: name, symbolic };
  }
}

export function analyzeText(text: string, fileName: string, options: AnalyzeOptions = {}): AnalysisResult {
  const language = options.language ?? languageOf(fileName) ?? 'python';
  const t0 = performance.now();
  let lowered: LoweredModule;
  try {
    lowered = lower(text, fileName, language);
  } catch (e) {
    lowered = { body: [], syntaxErrors: [{ start: 0, end: 0, message: messages.unparsable(e instanceof Error ? e.message : String(e)).message }] };
  }
  const t1 = performance.now();
  const ev = createEvaluation(text, fileName, language, options);
  const { g, interp, state, files } = ev;
  // Nesting deeper than the lowerers follow is valid code we cut short: a limit of ours, not an error in the file.
  for (const e of lowered.syntaxErrors) guarded(ev, 'could not place a syntax error', () => g.report(e.message === TOO_DEEP_MESSAGE ? messages.limit(`${e.message} (more than ${MAX_NESTING} levels); the graph shows what is outside it`) : messages.syntaxError(e.message), e));
  const main = guarded(ev, 'hit an internal error and shows a partial graph', () => interp.run(lowered.body));
  if (main instanceof FuelExhausted) g.report(messages.fuelExhausted(interp.startFuel), { start: main.at, end: main.at });
  else {
    // JS callbacks the module body registered (`.then`, event handlers, timers) run once, as the framework would
    const callbacks = guarded(ev, 'could not run the callbacks', () => interp.deferred.drain(interp));
    if (callbacks instanceof FuelExhausted) g.report(messages.fuelExhausted(interp.startFuel), { start: callbacks.at, end: callbacks.at });
  }
  guarded(ev, 'could not analyze the model-building functions', () => analyzeModelBuilders(ev));
  // Subclassed models the code never builds still show their graph, on inputs of unknown shape.
  for (const inst of state.subclassedModels) {
    if (inst.keras?.model) continue;
    guarded(ev, `could not build the subclassed model ${inst.cls.name}`, () => buildSubclassed(ev.host, inst, [null], { start: 0, end: 0 }));
  }
  for (const { node, message } of interp.limits.values()) guarded(ev, 'could not place a limit', () => g.report(messages.limit(message), node));
  const models = state.models.map((m) => {
    try {
      const ir = finalizeModel(g, m);
      // A model used as a layer elsewhere carries its totals into that layer (inner models are made first).
      const asLayer = state.modelLayers.get(m.id);
      if (asLayer) {
        const l = g.layers[asLayer.id];
        l.params = ir.totalParams;
        l.trainableParams = ir.trainableParams;
        l.nonTrainableParams = ir.nonTrainableParams;
      }
      return ir;
    } catch (e) {
      // Never a silent drop: a model the user wrote and we could not show is an error `check` fails on.
      guarded(ev, 'could not report an unmapped model', () => g.report(messages.modelNotMapped(m.name, e), m.node ?? { start: 0, end: 0 }));
      return undefined;
    }
  });
  const t2 = performance.now();
  return {
    file: fileName,
    language,
    version: options.version,
    models: models.filter((m) => m !== undefined),
    layers: g.layers,
    calls: g.calls,
    tensors: g.tensors,
    diagnostics: g.diagnostics,
    files: state.fileNames,
    importedFiles: files.files,
    stats: { parseMs: t1 - t0, evalMs: t2 - t1, fuelUsed: interp.fuelUsed },
  };
}
