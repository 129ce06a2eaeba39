// Corpus support: lists the corpus programs with their expected facts, builds each one for real with TF.js in a
// child process (fresh name counters), and turns analyzer results and TF.js builds into comparable rows. No asserts.

import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisResult, ModelIR } from '../../src/graph/ir';
import type { BuiltModel } from './corpusBuild';

export const CORPUS = join(__dirname, '..', '..', '..', 'test', 'corpus');
const BUILDER = join(__dirname, 'corpusBuild.js');

export interface ExpectedModel {
  /** Top-level binding of the model in the program (TS/JS) or key returned by the twin (Python). */
  variable: string;
  name: string;
  className: string;
  total: number;
  trainable: number;
  nonTrainable: number;
  /** `name (Class) shape params`, shapes per call joined by spaces, several outputs joined by '+'. */
  layers: string[];
  /** Rows where TF.js really differs from Keras (GRU reset_after, Keras-only options): TF.js's value instead. */
  twinDiffers?: Record<string, { params?: number; shape?: string; className?: string; note: string }>;
  /** Keras rows the twin cannot have (a subclassed model has no InputLayer of its own), or twin-only model class. */
  twinSkip?: string[];
  twinClassName?: string;
}
export interface Expected {
  program: string;
  twin?: string;
  models: ExpectedModel[];
  diagnostics: string[];
}

export function corpusEntries(dir = CORPUS): { name: string; expected: Expected }[] {
  if (!existsSync(join(dir, 'expected'))) return [];
  return readdirSync(join(dir, 'expected'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), expected: JSON.parse(readFileSync(join(dir, 'expected', f), 'utf8')) as Expected }))
    .filter((e) => existsSync(join(dir, e.expected.program)));
}

/** The analyzer's rows for a model, in the same format as ExpectedModel.layers. */
export function analyzerRows(r: AnalysisResult, m: ModelIR): string[] {
  return m.layers.map((id) => {
    const l = r.layers[id];
    const shapes = l.calls.map((c) => r.calls[c].outputs.map((t) => JSON.stringify(r.tensors[t].shape)).join('+'));
    return `${l.name} (${l.className}) ${shapes.join(' ')} ${l.params}`;
  });
}

export function diagnosticLines(r: AnalysisResult): string[] {
  return r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.range.line}: ${d.message}`);
}

const snakeIndex = (n: string, base: string) => (n === '1' ? base : `${base}_${Number(n) - 1}`);

/** Keras 3's automatic name for a layer TF.js named automatically: both count per class from 1 in creation order
 *  (`dense_Dense3` ↔ `dense_2`, `input2` ↔ `input_layer_1`, `model1` ↔ `functional`); given names stay. */
export function kerasName(name: string, className: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^input(\d+)$/.exec(name))) return snakeIndex(m[1], 'input_layer');
  if ((m = /^model(\d+)$/.exec(name))) return snakeIndex(m[1], 'functional');
  if ((m = /^sequential_(\d+)$/.exec(name))) return snakeIndex(m[1], 'sequential');
  if ((m = /^(.+)_([A-Z][A-Za-z0-9]*?)(\d+)$/.exec(name)) && m[2] === className) return snakeIndex(m[3], m[1]);
  return name;
}

/** Keras class names for TF.js's (`Model` is Keras's `Functional`). */
export const kerasClass = (c: string) => (c === 'Model' ? 'Functional' : c);

/** A built model's rows; for twins with Keras names, twin-only layers (`twin_only_…`) left out. */
export function builtRows(m: BuiltModel, keras: boolean, skip: string[] = []): string[] {
  return m.layers
    .filter((l) => !keras || (!l.name.startsWith('twin_only_') && !skip.includes(kerasName(l.name, l.className))))
    .map((l) => `${keras ? kerasName(l.name, l.className) : l.name} (${keras ? kerasClass(l.className) : l.className}) ${l.shapes.join(' ')} ${l.params}`);
}

/** What the expected rows and totals become where TF.js really differs (twinDiffers), and without twinSkip rows. */
export function expectedForTwin(e: ExpectedModel): { rows: string[]; total: number; trainable: number; nonTrainable: number } {
  let { total, trainable } = e;
  const rows: string[] = [];
  for (const row of e.layers) {
    const [name] = row.split(' ');
    if (e.twinSkip?.includes(name)) continue;
    const d = e.twinDiffers?.[name];
    if (!d) { rows.push(row); continue; }
    const m = /^(\S+ \(\S+\)) (.*) (\S+)$/.exec(row)!;
    if (d.params !== undefined) { total += d.params - Number(m[3]); trainable += d.params - Number(m[3]); }
    rows.push(`${d.className ? `${name} (${d.className})` : m[1]} ${d.shape ?? m[2]} ${d.params ?? m[3]}`);
  }
  return { rows, total, trainable, nonTrainable: e.nonTrainable };
}

/** Builds a program (TS/JS: its own text) or a twin (Python) in a fresh Node process; at most `limit` at once. */
const queue: (() => void)[] = [];
let running = 0;
export function buildInChild(kind: 'program' | 'twin', file: string, bindings: string[], limit = 8): Promise<BuiltModel[]> {
  return new Promise((resolve, reject) => {
    const start = () => {
      running++;
      execFile(process.execPath, [BUILDER, kind, file, ...bindings], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
        running--;
        queue.shift()?.();
        const line = stdout.split('\n').find((l) => l.startsWith('CORPUS-JSON '));
        if (err || !line) reject(new Error(`building ${file} with TF.js failed: ${err?.message ?? ''}\n${stderr.slice(-2000)}`));
        else resolve(JSON.parse(line.slice('CORPUS-JSON '.length)) as BuiltModel[]);
      });
    };
    if (running < limit) start();
    else queue.push(start);
  });
}
