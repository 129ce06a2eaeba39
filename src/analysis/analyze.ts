// The pipeline's entry: text in, AnalysisResult out. Picks the front-end by file name, lowers, evaluates with the
// Keras/TF.js host, finalizes models. Never throws: an internal failure becomes one diagnostic.

import type { AnalysisResult, Language } from '../graph/ir';
import type { LoweredModule } from './core/ast';
import { GraphBuilder } from './eval/graphBuilder';
import { DEFAULT_FUEL, FuelExhausted, Interpreter } from './eval/interpreter';
import { KerasHost } from './eval/kerasHost';
import type { Value } from './eval/values';
import { finalizeModel } from './eval/models';
import { LineIndex } from './lineIndex';
import { ImportedFiles, type WorkspaceAccess } from './workspace';
import { lowerPython } from './python/lower';
import { lowerTypeScript } from './typescript/lower';

export function languageOf(fileName: string): Language | undefined {
  if (/\.pyi?$/i.test(fileName)) return 'python';
  if (/\.(ts|tsx|mts|cts)$/i.test(fileName)) return 'typescript';
  if (/\.(js|jsx|mjs|cjs)$/i.test(fileName)) return 'javascript';
  return undefined;
}

export interface AnalyzeOptions {
  /** Evaluation budget in steps (default DEFAULT_FUEL). */
  fuel?: number;
  version?: number;
  /** Force a language instead of guessing it from the file name. */
  language?: Language;
  /** Follow imports of project files through this (the CLI reads the disk); without it they stay unknown. */
  workspace?: WorkspaceAccess;
}

export function lower(text: string, fileName: string, language: Language): LoweredModule {
  return language === 'python' ? lowerPython(text) : lowerTypeScript(text, fileName);
}

/**
 * A function that builds a model but is never called in the file is still a model: run it on its own, with its
 * defaults, and with symbolic dimensions named after parameters that have none. Kept only if it makes a model.
 */
function analyzeModelBuilders(interp: Interpreter, host: KerasHost, g: GraphBuilder): void {
  for (const [name, v] of [...interp.module.entries()]) {
    if (v.kind !== 'func' || v.closure !== interp.module || interp.called.has(v.node)) continue;
    const symbolic: string[] = [];
    const keywords = new Map<string, Value>();
    for (const p of v.params) {
      if (p.rest || p.kwrest || p.pattern || p.default || p.name === 'self') continue;
      symbolic.push(p.name);
      keywords.set(p.name, { kind: 'sym', expr: p.name });
    }
    const before = host.models.length;
    const undo = g.mark();
    try {
      interp.callValue(v, { positional: [], keywords, node: v.node }, v.node);
    } catch (e) {
      if (!(e instanceof FuelExhausted)) throw e;
      undo();
      host.models.length = before;
      return;
    }
    if (host.models.length === before) {
      undo();
      continue;
    }
    for (const m of host.models.slice(before)) m.builder = { function: name, symbolic };
  }
}

export function analyzeText(text: string, fileName: string, options: AnalyzeOptions = {}): AnalysisResult {
  const language = options.language ?? languageOf(fileName) ?? 'python';
  const lines = new LineIndex(text);
  const t0 = performance.now();
  let lowered: LoweredModule;
  try {
    lowered = lower(text, fileName, language);
  } catch (e) {
    lowered = { body: [], syntaxErrors: [{ start: 0, end: 0, message: `LayerGraph could not parse this file: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  const t1 = performance.now();
  const lang = language === 'python' ? 'python' : 'js';
  let interp: Interpreter | undefined;
  const files = new ImportedFiles(options.workspace, language, (t, f) => lower(t, f, language), fileName);
  const g = new GraphBuilder(language === 'python' ? 'keras' : 'tfjs', (file) => (file === undefined ? lines : files.lines(file)), () => interp?.frames ?? [], () => interp?.currentFile);
  const host = new KerasHost(g, lang);
  interp = new Interpreter(text, language, host, options.fuel ?? DEFAULT_FUEL);
  const evaluator = interp;
  host.interp = interp;
  host.files = files;
  host.callFunction = (f, args, node) => evaluator.callValue(f, { positional: args, keywords: new Map(), node }, node);
  for (const e of lowered.syntaxErrors) g.diagnose('error', 'syntax-error', e.message, e);
  try {
    interp.run(lowered.body);
  } catch (e) {
    if (e instanceof FuelExhausted) {
      g.diagnose('information', 'analysis-limit', `LayerGraph stopped analyzing here: the file needs more than ${interp.startFuel.toLocaleString('en-US')} evaluation steps (a very long or endless loop?). The graph shows what was built up to this point.`, { start: e.at, end: e.at });
    } else {
      g.diagnose('information', 'internal-error', `LayerGraph hit an internal error and shows a partial graph: ${e instanceof Error ? e.message : String(e)}`, { start: 0, end: 0 });
    }
  }
  analyzeModelBuilders(interp, host, g);
  // Subclassed models the code never builds still show their graph, on inputs of unknown shape.
  for (const inst of host.subclassedModels) {
    if (inst.keras?.model) continue;
    try {
      host.buildSubclassed(inst, [null], inst.keras?.model?.node ?? { start: 0, end: 0 });
    } catch (e) {
      if (!(e instanceof FuelExhausted)) throw e;
    }
  }
  for (const { node, message } of interp.limits.values()) g.diagnose('information', 'analysis-limit', message, node);
  const models = host.models.map((m) => {
    try {
      const ir = finalizeModel(g, m);
      // A model used as a layer elsewhere carries its totals into that layer (inner models are made first).
      const asLayer = host.modelLayers.get(m.id);
      if (asLayer) {
        const l = g.layers[asLayer.id];
        l.params = ir.totalParams;
        l.trainableParams = ir.trainableParams;
        l.nonTrainableParams = ir.nonTrainableParams;
      }
      return ir;
    } catch (e) {
      g.diagnose('information', 'internal-error', `LayerGraph could not map model "${m.name}": ${e instanceof Error ? e.message : String(e)}`, m.node);
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
    importedFiles: files.files,
    stats: { parseMs: t1 - t0, evalMs: t2 - t1, fuelUsed: interp.fuelUsed },
  };
}
