// `npm run bench`: analysis time per example and generated program, and its ratio to the bare parse of the same
// text (the target: analysis within 3x of parsing). Medians of repeated runs after a warm-up; numbers only.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser } from '@lezer/python';
import * as ts from 'typescript';
import { analyzeText, languageOf } from '../src/analysis/analyze';
import { scriptKindOf } from '../src/analysis/typescript/lower';
import { pythonFlat, pythonResNetLike, tsFlat, tsResNetLike } from './generate';
import { benchPreview } from './preview';
import { benchTrain } from './train';
import { benchBig } from './big';
import { benchWorst } from './worst';
import { benchNotebook } from './notebook';

// `npm run bench -- analysis`, `-- worst`, `-- big`, `-- notebook`, `-- preview` or `-- train` runs one part; no argument runs all.
const only = process.argv[2];

const ROOT = join(__dirname, '..', '..');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, minMs = 200, minRuns = 5): number {
  fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < minRuns || performance.now() - start < minMs) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
    if (samples.length > 2000) break;
  }
  return median(samples);
}

function bareParse(text: string, file: string): void {
  if (languageOf(file) === 'python') parser.parse(text);
  else ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKindOf(file));
}

interface Row {
  name: string;
  lines: number;
  layers: number;
  parseMs: number;
  analyzeMs: number;
}

const rows: Row[] = [];
if (only === undefined || only === 'analysis') benchAnalysis();
if (only === undefined || only === 'worst') benchWorst();
if (only === undefined || only === 'big') benchBig();
if (only === undefined || only === 'notebook') benchNotebook();
void (async () => {
  if (only === undefined || only === 'preview') await benchPreview();
  if (only === undefined || only === 'train') await benchTrain();
})();

function benchAnalysis(): void {
function measure(name: string, text: string, file: string): void {
  const result = analyzeText(text, file);
  rows.push({
    name,
    lines: text.split('\n').length,
    layers: result.layers.length,
    parseMs: time(() => bareParse(text, file)),
    analyzeMs: time(() => analyzeText(text, file)),
  });
}

for (const dir of ['python', 'tfjs']) {
  for (const f of readdirSync(join(ROOT, 'examples', dir)).sort()) {
    const file = join(ROOT, 'examples', dir, f);
    measure(`${dir}/${f}`, readFileSync(file, 'utf8'), file);
  }
}
// The largest programs of the real-world corpus (test/corpus), three per language by layer count.
for (const dir of ['python', 'tfjs']) {
  const folder = join(ROOT, 'test', 'corpus', dir);
  let files: string[] = [];
  try {
    files = readdirSync(folder).map((f) => join(folder, f));
  } catch {
    continue;
  }
  const sized = files.map((file) => ({ file, layers: analyzeText(readFileSync(file, 'utf8'), file).layers.length }));
  for (const { file } of sized.sort((a, b) => b.layers - a.layers).slice(0, 3)) measure(`corpus: ${dir}/${file.split('/').pop()}`, readFileSync(file, 'utf8'), file);
}
// Keras's own applications opened as files (test/fixtures/keras-apps: Keras 3 and keras_applications 1.x layouts).
for (const sub of ['keras3', 'keras_applications']) {
  const folder = join(ROOT, 'test', 'fixtures', 'keras-apps', sub);
  for (const f of readdirSync(folder).sort()) measure(`keras app: ${sub}/${f}`, readFileSync(join(folder, f), 'utf8'), join(folder, f));
}
measure('generated: Python ResNet-like, 30 blocks (loop + helper)', pythonResNetLike(30), 'gen.py');
measure('generated: TS ResNet-like, 30 blocks (loop + helper)', tsResNetLike(30), 'gen.ts');
measure('generated: Python flat, 200 Dense lines', pythonFlat(200), 'flat.py');
measure('generated: TS flat, 200 dense lines', tsFlat(200), 'flat.ts');
measure('generated: Python flat, 2000 Dense lines', pythonFlat(2000), 'flat2k.py');
measure('generated: TS flat, 2000 dense lines', tsFlat(2000), 'flat2k.ts');

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(`${'program'.padEnd(58)} ${pad('lines', 6)} ${pad('layers', 7)} ${pad('parse ms', 9)} ${pad('analyze ms', 11)} ${pad('ratio', 6)} ${pad('µs/layer', 9)}`);
for (const r of rows) {
  console.log(`${r.name.padEnd(58)} ${pad(r.lines, 6)} ${pad(r.layers, 7)} ${pad(r.parseMs.toFixed(3), 9)} ${pad(r.analyzeMs.toFixed(3), 11)} ${pad((r.analyzeMs / r.parseMs).toFixed(2), 6)} ${pad(((r.analyzeMs * 1000) / Math.max(1, r.layers)).toFixed(0), 9)}`);
}
const ratios = rows.map((r) => r.analyzeMs / r.parseMs);
console.log(`\nanalysis/parse ratio: median ${median(ratios).toFixed(2)}x, max ${Math.max(...ratios).toFixed(2)}x (target: within 3x; "analyze" includes the parse).`);
console.log('Loops and helpers expand a few lines into many layers, so their ratio measures the expansion; µs/layer compares them.');
}
