// Test support for translation: a language-blind summary of what a file builds (per model: layers with class,
// output shapes and parameters), TS output compiled by the TypeScript compiler and run against real TF.js, and code
// with its source-location comments removed (they name the file translated from, so they change on a round trip).

import * as tf from '@tensorflow/tfjs';
import * as ts from 'typescript';
import { analyzeText } from '../../src/analysis/analyze';
import type { AnalysisResult } from '../../src/graph/ir';

tf.setBackend('cpu');

export interface ModelFacts {
  name: string;
  kind: string;
  totalParams: number | null;
  layers: { name: string; className: string; params: number | null; outputs: (string | null)[] }[];
}

/** The summary facts both languages' summaries agree on, by model name. */
export function facts(r: AnalysisResult, names?: string[]): ModelFacts[] {
  const tensors = new Map(r.tensors.map((t) => [t.id, t]));
  return r.models
    .filter((m) => names === undefined || names.includes(m.variable ?? m.name))
    .map((m) => ({
      name: m.name,
      kind: m.kind,
      totalParams: m.totalParams,
      layers: m.layers.map((id) => {
        const l = r.layers[id];
        const outs = l.calls.filter((c) => m.calls.includes(c)).flatMap((c) => r.calls[c].outputs.map((t) => JSON.stringify(tensors.get(t)?.shape ?? null)));
        return { name: l.name, className: l.model !== undefined ? 'Model' : l.className.replace(/^(Functional|Sequential)$/, 'Model'), params: l.params, outputs: outs };
      }),
    }));
}

export function analyze(text: string, file: string): AnalysisResult {
  return analyzeText(text, file);
}

/** Code without `// file:line` / `# file:line` comments and the header that names the source file. */
export function withoutSourceComments(code: string): string {
  return code
    .split('\n')
    .filter((l) => !l.startsWith('// Translated by') && !l.startsWith('# Translated by') && !/^\s*(\/\/|#) fit\(\) at /.test(l))
    .map((l) => l.replace(/\s+(\/\/|#) [^\s]+:\d+( \(.*\))?$/, ''))
    .join('\n');
}

// Parsed declaration files (TF.js's types, the libs), shared by every check: parsing them is most of the time.
const sourceCache = new Map<string, ts.SourceFile | undefined>();
let previous: ts.Program | undefined;

/** TypeScript diagnostics of the module (type-checked against the installed @tensorflow/tfjs types). */
export function typeErrors(code: string): string[] {
  const fileName = '/virtual/translated.ts';
  const options: ts.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, noEmit: true, skipLibCheck: true, types: [], baseUrl: process.cwd() };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, lang, ...rest) => {
    if (name === fileName) return ts.createSourceFile(name, code, lang);
    if (!sourceCache.has(name)) sourceCache.set(name, getSourceFile(name, lang, ...rest));
    return sourceCache.get(name);
  };
  const fileExists = host.fileExists;
  host.fileExists = (name) => name === fileName || fileExists(name);
  // Resolve '@tensorflow/tfjs' from the project, not from /virtual.
  host.resolveModuleNames = (names, containing) => names.map((n) => ts.resolveModuleName(n, containing === fileName ? `${process.cwd()}/index.ts` : containing, options, host).resolvedModule);
  const program = ts.createProgram([fileName], options, host, previous);
  previous = program;
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.start !== undefined && d.file ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : '?'}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

/** Runs the module (compiled to CommonJS) with the real @tensorflow/tfjs and returns its exports. */
export function runModule(code: string): Record<string, unknown> {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  const exports: Record<string, unknown> = {};
  const req = (m: string) => {
    if (m === '@tensorflow/tfjs') return tf;
    throw new Error(`translated module imports ${m}`);
  };
  new Function('require', 'exports', 'module', js)(req, exports, { exports });
  return exports;
}

export function isModel(v: unknown): v is tf.LayersModel {
  return v instanceof tf.LayersModel;
}
