// Corpus support, run in a child process (fresh TF.js name counters): builds one corpus program for real with
// TensorFlow.js and prints what TF.js made of its models (shapes, counts; orthogonal initial values replaced by
// zeros for speed). It analyzes nothing and compares nothing.
//   node out/test/support/corpusBuild.js program <file.ts|file.js> <binding>...   the program's own text, transpiled
//   node out/test/support/corpusBuild.js twin <twin.js> [<binding>...]            a Python program's TF.js twin
//                                                                              (all the models it returns by default)

import Module from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as ts from 'typescript';
import * as tf from '@tensorflow/tfjs';

export interface BuiltLayer {
  name: string;
  className: string;
  /** Output shapes per call (node) of the layer, each call's outputs as JSON joined by '+'; a nested model's
   *  own construction node is not a call. */
  shapes: string[];
  params: number;
}
export interface BuiltModel {
  binding: string;
  name: string;
  className: string;
  total: number;
  trainable: number;
  nonTrainable: number;
  layers: BuiltLayer[];
}

const size = (ws: tf.LayerVariable[]) => ws.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b as number), 1), 0);

function nodeShapes(l: tf.layers.Layer): string[] {
  const container = l instanceof tf.LayersModel;
  const nodes = (l as unknown as { inboundNodes: { inboundLayers: unknown[]; outputShapes: unknown }[] }).inboundNodes;
  return nodes
    .filter((n) => !container || n.inboundLayers.length > 0)
    .map((n) => {
      const os = n.outputShapes as unknown[];
      const list = Array.isArray(os[0]) ? (os as unknown[][]) : [os];
      return list.map((s) => JSON.stringify(s)).join('+');
    });
}

export function describeModel(binding: string, m: tf.LayersModel): BuiltModel {
  return {
    binding,
    name: m.name,
    className: m.getClassName(),
    total: m.countParams(),
    trainable: size(m.trainableWeights),
    nonTrainable: size(m.nonTrainableWeights),
    layers: m.layers.map((l) => ({ name: l.name, className: l.getClassName(), shapes: nodeShapes(l), params: l.countParams() })),
  };
}

const transpile = (text: string, file: string) => ts.transpileModule(text, {
  fileName: file,
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
}).outputText;

/** Multi-file programs import their own .ts helpers: transpiled as they are required. */
function requireTypeScript(): void {
  const exts = (Module as unknown as { _extensions: Record<string, (m: { _compile(code: string, file: string): void }, file: string) => void> })._extensions;
  exts['.ts'] = (m, file) => m._compile(transpile(readFileSync(file, 'utf8'), file), file);
}

/** A browser page as far as corpus programs use it: handlers for `load`/`click`/`onclick` and DOM look-ups.
 *  Every handler registered is called once after the program's body, as the page's load and one click would. */
const handlers: (() => unknown)[] = [];
function browserPage(): void {
  const element = (): Record<string, unknown> => new Proxy({} as Record<string, unknown>, {
    get: (t, k) => (k === 'addEventListener' ? (_: string, fn: () => unknown) => handlers.push(fn) : k in t ? t[k as string] : k === 'value' ? '' : undefined),
    set: (t, k, v) => {
      if (typeof k === 'string' && k.startsWith('on') && typeof v === 'function') handlers.push(v as () => unknown);
      t[k as string] = v;
      return true;
    },
  });
  const g = globalThis as Record<string, unknown>;
  g.window = element();
  g.document = Object.assign(element(), { getElementById: element, querySelector: element, createElement: element });
}

/** Runs a TS/JS corpus program's own text as a CommonJS module, then its page handlers, timers and promise
 *  callbacks, and returns its top-level bindings. */
async function runProgram(file: string, bindings: string[]): Promise<Record<string, unknown>> {
  requireTypeScript();
  browserPage();
  process.argv = [process.argv[0], file]; // started as `node program.js`, without arguments
  const text = readFileSync(file, 'utf8');
  const out = transpile(text, file);
  const epilogue = `\n;module.exports.__corpus = {${bindings.map((b) => `${JSON.stringify(b)}: () => { try { return ${b}; } catch { return undefined; } }`).join(', ')}};\n`;
  const M = Module as unknown as { new (id: string, parent: unknown): { filename: string; paths: string[]; exports: Record<string, unknown>; _compile(code: string, file: string): void }; _nodeModulePaths(dir: string): string[] };
  const m = new M(file, null);
  m.filename = file;
  m.paths = M._nodeModulePaths(resolve(file, '..'));
  m._compile(out + epilogue, file);
  const settle = () => new Promise((r) => setTimeout(r, 20));
  await settle();
  for (let h = handlers.shift(); h; h = handlers.shift()) await h();
  await settle();
  const locals = m.exports.__corpus as Record<string, () => unknown>;
  return Object.fromEntries(bindings.map((b) => [b, locals[b]() ?? m.exports[b]])); // `export const model` is an export
}

async function main(): Promise<void> {
  const [kind, fileArg, ...bindings] = process.argv.slice(2);
  const file = resolve(fileArg);
  const log = console.log;
  console.log = () => undefined; // TF.js's backend advice and programs' own printing stay out of the JSON
  console.warn = () => undefined;
  tf.setBackend('cpu');
  // TF.js's orthogonal initializer (LSTM/GRU recurrent kernels) runs a QR decomposition in plain JS: minutes for a
  // 256-unit LSTM. Weight values do not matter here (shapes and counts do), so it fills zeros of the same shape.
  const ortho = tf.initializers.orthogonal({}) as unknown as { constructor: { prototype: { apply(shape: number[], dtype?: tf.DataType): tf.Tensor } } };
  ortho.constructor.prototype.apply = (shape: number[], dtype?: tf.DataType) => tf.zeros(shape, dtype);
  const values = kind === 'twin'
    ? ((require(file) as (t: typeof tf) => Record<string, unknown>)(tf))
    : await runProgram(file, bindings);
  const names = bindings.length > 0 ? bindings : Object.keys(values);
  const models = names.map((b) => {
    const v = values[b];
    if (!(v instanceof tf.LayersModel)) throw new Error(`${b} is not a tf.LayersModel in ${fileArg}`);
    return describeModel(b, v);
  });
  log(`CORPUS-JSON ${JSON.stringify(models)}`);
  process.exit(0);
}

if (require.main === module) void main();
