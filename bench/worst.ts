// `npm run bench -- worst`: the worst-case analysis time and memory over the hostile inputs (bench/hostile.ts), beside
// a normal file's. Each case runs in its own child process with a heap cap and a wall-clock limit, so a case that
// crashes V8 or stalls is reported as such instead of taking the benchmark down. Numbers only, no assertions.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../src/analysis/analyze';
import { HOSTILE_CASES } from './hostile';

const ROOT = join(__dirname, '..', '..');
/** Per case: beyond these the case counts as a stall or a crash (the extension host would be gone). */
const LIMIT_MS = 20_000;
const HEAP_MB = 1024;

interface Sample {
  ms: number;
  heapMB: number;
  fuel: number;
  notes: number;
  /** internal-error diagnostics: the analysis failed part-way (e.g. V8's "Invalid string length") */
  errors: number;
  models: number;
}

/** Runs one analysis in this process and measures it (called in the child). */
export function measureOnce(text: string, file: string): Sample {
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t = performance.now();
  const r = analyzeText(text, file);
  const ms = performance.now() - t;
  const heapMB = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  return { ms, heapMB, fuel: r.stats.fuelUsed, notes: r.diagnostics.filter((d) => d.code === 'analysis-limit').length, errors: r.diagnostics.filter((d) => d.code === 'internal-error').length, models: r.models.length };
}

function child(index: number): void {
  const c = index < 0 ? { code: readFileSync(join(ROOT, 'examples', 'python', 'scenario3_shared_dense.py'), 'utf8'), file: 'normal.py' } : HOSTILE_CASES[index];
  process.stdout.write(JSON.stringify(measureOnce(c.code, c.file)));
}

function runChild(index: number): string {
  const t = performance.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--expose-gc', __filename, '--one', String(index)], { encoding: 'utf8', timeout: LIMIT_MS });
  const wall = performance.now() - t;
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return `STALL (killed after ${(wall / 1000).toFixed(0)} s)`;
  if (r.status !== 0) return `CRASH (${r.signal ?? `exit ${r.status}`}: ${(r.stderr.match(/(FATAL ERROR|RangeError|Error)[^\n]*/) ?? ['?'])[0].slice(0, 60)})`;
  const s = JSON.parse(r.stdout) as Sample;
  return `${s.ms.toFixed(1).padStart(9)} ms ${s.heapMB.toFixed(1).padStart(8)} MB ${String(s.fuel).padStart(8)} fuel  notes ${s.notes}  internal errors ${s.errors}  models ${s.models}`;
}

export function benchWorst(): void {
  console.log(`${'hostile input (own process, heap cap 1 GB)'.padEnd(58)} result`);
  console.log(`${'normal: python/scenario3_shared_dense.py'.padEnd(58)} ${runChild(-1)}`);
  HOSTILE_CASES.forEach((c, i) => console.log(`${c.name.padEnd(58)} ${runChild(i)}`));
}

if (require.main === module) {
  const at = process.argv.indexOf('--one');
  if (at >= 0) child(Number(process.argv[at + 1]));
  else benchWorst();
}
