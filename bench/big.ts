// `npm run bench -- big`: what very large models cost. (1) Analysis of straight-line chains of 1,000 to 100,000
// layers and of 1,000-block residual stacks, as ms, µs/layer and the ratio to the bare parse. (2) The CLI's start-up
// on a Python file now that the TypeScript compiler is loaded only for TS/JS, beside the same run with the compiler
// preloaded (what every Python analysis paid before) and a TS file. Each CLI run is its own process; numbers only.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parser } from '@lezer/python';
import { analyzeText } from '../src/analysis/analyze';
import { forgetParses, parseIncrementally } from '../src/analysis/python/incremental';
import { forgetLoweredImports } from '../src/analysis/workspace';

const ROOT = join(__dirname, '..', '..');

function chain(n: number): string {
  const lines = ['import keras', 'from keras import layers', 'x = keras.Input(shape=(16,))', 'h = x'];
  for (let i = 0; i < n; i++) lines.push(`h = layers.Dense(16, name="d${i}")(h)`);
  lines.push('m = keras.Model(x, h)', '');
  return lines.join('\n');
}

function skips(blocks: number): string {
  const lines = ['import keras', 'from keras import layers', 'x = keras.Input(shape=(16,))', 'h = x'];
  for (let i = 0; i < blocks; i++) lines.push('y = layers.Dense(16)(h)', 'y = layers.Dense(16)(y)', 'h = layers.Add()([h, y])');
  lines.push('m = keras.Model(x, h)', '');
  return lines.join('\n');
}

function once(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function cli(args: string[], preload?: string): { ms: number; rssMB: number } {
  // The child reports its own peak RSS, so the number is the CLI's, not this process's.
  const script = `${preload ? `require(${JSON.stringify(preload)});` : ''}const t=Date.now();process.argv=[process.argv[0],'layergraph',...${JSON.stringify(args)}];` +
    `require(${JSON.stringify(join(ROOT, 'bin', 'layergraph.js'))});process.on('exit',()=>process.stderr.write('@@'+JSON.stringify({ms:Date.now()-t,rss:process.resourceUsage().maxRSS})+'\\n'));`;
  const t = performance.now();
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: ROOT });
  const wall = performance.now() - t;
  const m = /@@(.*)/.exec(r.stderr ?? '');
  const rss = m ? (JSON.parse(m[1]) as { rss: number }).rss / 1024 : NaN;
  return { ms: wall, rssMB: rss };
}

export function benchBig(): void {
  console.log('\nBig models: analysis of generated Python models (one run each, after a warm-up)');
  analyzeText(chain(100), 'w.py');
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`${'program'.padEnd(44)} ${pad('layers', 8)} ${pad('parse ms', 9)} ${pad('analyze ms', 11)} ${pad('ratio', 6)} ${pad('µs/layer', 9)} models`);
  for (const [name, text] of [
    ['chain, 1,000 Dense', chain(1000)],
    ['chain, 10,000 Dense', chain(10_000)],
    ['chain, 100,000 Dense', chain(100_000)],
    ['residual stack, 1,000 blocks (3,000 layers)', skips(1000)],
    ['residual stack, 10,000 blocks (30,000 layers)', skips(10_000)],
  ] as const) {
    const parseMs = once(() => parser.parse(text));
    let models = 0;
    let layers = 0;
    const ms = once(() => {
      const r = analyzeText(text, 'big.py');
      models = r.models.length;
      layers = r.models[0]?.layers.length ?? 0;
    });
    console.log(`${name.padEnd(44)} ${pad(layers, 8)} ${pad(parseMs.toFixed(1), 9)} ${pad(ms.toFixed(1), 11)} ${pad((ms / parseMs).toFixed(2), 6)} ${pad(((ms * 1000) / Math.max(1, layers)).toFixed(1), 9)} ${models}`);
  }

  console.log('\nEditing a 10,000-line Python file: a one-character edit, full parse vs incremental (median of 9)');
  const big = chain(10_000);
  const edited = big.replace('name="d5000"', 'name="d5000x"');
  const med = (f: () => void) => {
    const xs = Array.from({ length: 9 }, () => once(f));
    return xs.sort((a, b) => a - b)[4];
  };
  const full = med(() => parser.parse(edited));
  const incremental: number[] = [];
  for (let i = 0; i < 9; i++) {
    forgetParses();
    parseIncrementally('bench.py', big); // the tree before the edit, as the analysis process keeps it
    incremental.push(once(() => parseIncrementally('bench.py', edited)));
  }
  const incMs = incremental.sort((a, b) => a - b)[4];
  const fullAnalyze = med(() => analyzeText(edited, 'fresh.py'));
  console.log(`${'full parse'.padEnd(44)} ${full.toFixed(1).padStart(8)} ms`);
  console.log(`${'incremental reparse (lezer TreeFragment)'.padEnd(44)} ${incMs.toFixed(1).padStart(8)} ms   ${(full / incMs).toFixed(0)}x faster`);
  console.log(`${'whole analysis of the edited file'.padEnd(44)} ${fullAnalyze.toFixed(1).padStart(8)} ms   (evaluation is not incremental: the parse is its smaller part)`);

  console.log('\nA package of 12 helper modules (applications-style) imported by the edited file: cold vs cached lowering');
  const pkg: Record<string, string> = {};
  const imports: string[] = [];
  for (let k = 0; k < 12; k++) {
    const body = ['from keras import layers', ''];
    for (let f = 0; f < 40; f++) body.push(`def block${f}(x, n):`, '    y = layers.Conv2D(n, 3, padding="same")(x)', '    y = layers.BatchNormalization()(y)', '    return layers.Activation("relu")(y)', '');
    pkg[`/pkg/mod${k}.py`] = body.join('\n');
    imports.push(`from mod${k} import block0 as b${k}`);
  }
  const main = ['import keras', ...imports, 'x = keras.Input((32, 32, 3))', 'h = x', ...Array.from({ length: 12 }, (_, k) => `h = b${k}(h, 16)`), 'm = keras.Model(x, h)', ''].join('\n');
  const workspace = { read: (path: string) => pkg[path] };
  const cold = med(() => {
    forgetLoweredImports();
    analyzeText(main, '/pkg/main.py', { workspace });
  });
  analyzeText(main, '/pkg/main.py', { workspace });
  const warm = med(() => analyzeText(main, '/pkg/main.py', { workspace }));
  console.log(`${'cold (every import lowered)'.padEnd(44)} ${cold.toFixed(1).padStart(8)} ms`);
  console.log(`${'warm (imports unchanged since last analysis)'.padEnd(44)} ${warm.toFixed(1).padStart(8)} ms   ${(cold / warm).toFixed(1)}x faster`);

  console.log('\nCLI start-up: `layergraph summary` in a fresh process (median of 5)');
  const dir = mkdtempSync(join(tmpdir(), 'lg-bench-'));
  try {
    const py = join(dir, 'm.py');
    const tsFile = join(dir, 'm.ts');
    writeFileSync(py, chain(20));
    writeFileSync(tsFile, "import * as tf from '@tensorflow/tfjs';\nconst x = tf.input({shape: [16]});\nconst y = tf.layers.dense({units: 4}).apply(x) as tf.SymbolicTensor;\nexport const m = tf.model({inputs: x, outputs: y});\n");
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const run = (args: string[], preload?: string) => {
      const xs = Array.from({ length: 5 }, () => cli(args, preload));
      return { ms: median(xs.map((x) => x.ms)), rssMB: median(xs.map((x) => x.rssMB)) };
    };
    const lazy = run(['summary', py]);
    const eager = run(['summary', py], 'typescript');
    const tsRun = run(['summary', tsFile]);
    console.log(`${'Python file (compiler not loaded)'.padEnd(44)} ${lazy.ms.toFixed(0).padStart(6)} ms ${lazy.rssMB.toFixed(0).padStart(5)} MB`);
    console.log(`${'Python file, compiler preloaded (before)'.padEnd(44)} ${eager.ms.toFixed(0).padStart(6)} ms ${eager.rssMB.toFixed(0).padStart(5)} MB   lazy/eager: ${(lazy.ms / eager.ms).toFixed(2)}x time, ${(lazy.rssMB / eager.rssMB).toFixed(2)}x memory`);
    console.log(`${'TS file (compiler needed)'.padEnd(44)} ${tsRun.ms.toFixed(0).padStart(6)} ms ${tsRun.rssMB.toFixed(0).padStart(5)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
