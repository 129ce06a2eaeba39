// Training benchmarks: command-to-weights time for mission scenario 3 in a fresh trainer process (backend start
// included), and one epoch of a 784-512-512-10 MLP on 2,048 samples with batch 128 and Adam, per available backend
// (in-editor training runs on WASM; CPU is the fallback), beside PyTorch CPU measured in the same run on OpenBLAS with
// one thread. Numbers and ratios only; it asserts nothing and installs nothing.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeText } from '../src/analysis/analyze';
import { trainInChild } from '../src/train/client';
import type { BackendName, TrainRequest } from '../src/train/protocol';

const ROOT = path.join(__dirname, '..', '..');

/** What the WASM trainer took per MLP epoch before its matmul override, and PyTorch on OpenBLAS, one thread, on this
 *  kind of machine: the gap this benchmark tracks (target: within 3× of PyTorch). */
export const BEFORE = { wasmMlpEpochSeconds: 4.5, pytorchMlpEpochSeconds: 0.18 };
export const TARGET_RATIO = 3;

export interface TrainBenchRow {
  backend: BackendName;
  /** Command to weights for scenario 3, fresh process (median of `runs`). */
  scenario3Seconds: number;
  /** One steady-state epoch of the MLP (the second epoch; the first also pays for kernel set-up). */
  mlpEpochSeconds: number | null;
  /** CPU time of the trainer process in that epoch: what the wall time would be on an idle core (the wasm and CPU
   *  backends run on one thread), useful when other work shares the machine. */
  mlpEpochCpuSeconds: number | null;
  /** The first MLP epoch, including model build and data, for comparison. */
  mlpFirstEpochSeconds: number | null;
}

export interface TrainBenchOptions {
  /** Scenario 3 repetitions (median reported). Default 3. */
  runs?: number;
  /** Skip the MLP (it takes tens of seconds per backend on the CPU backends). */
  skipMlp?: boolean;
  backends?: BackendName[];
  log?: (line: string) => void;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const MLP_CODE = `import keras
inputs = keras.Input(shape=(784,))
h = keras.layers.Dense(512, activation='relu')(inputs)
h = keras.layers.Dense(512, activation='relu')(h)
outputs = keras.layers.Dense(10, activation='softmax')(h)
model = keras.Model(inputs, outputs)
model.compile(loss='categorical_crossentropy', optimizer='adam')
`;

function mlpRequest(backend: BackendName): TrainRequest {
  const analysis = analyzeText(MLP_CODE, path.join(os.tmpdir(), 'mlp_bench.py'));
  const model = analysis.models[0];
  // Data left unknown: the trainer synthesizes 2,048 samples (uniform x, one-hot y for categorical cross-entropy).
  model.training = { loss: 'categorical_crossentropy', optimizer: 'adam', learningRate: null, metrics: [], epochs: 2, batchSize: 128, x: null, y: null, compileRange: null, fitRange: null };
  return { analysis, backend, samples: 2048, epochs: 2, batchSize: 128 };
}

async function timeScenario3(backend: BackendName): Promise<{ seconds: number; ran: BackendName }> {
  const file = path.join(ROOT, 'examples', 'python', 'scenario3_shared_dense.py');
  const t0 = performance.now();
  // From the command: read and analyze the file, start a fresh trainer, train, receive the weights.
  const analysis = analyzeText(fs.readFileSync(file, 'utf8'), file);
  const r = await trainInChild({ analysis, backend });
  if (r.weights.length !== 2) throw new Error(`scenario 3 returned ${r.weights.length} weight arrays`);
  return { seconds: (performance.now() - t0) / 1000, ran: r.backend };
}

async function timeMlp(backend: BackendName): Promise<{ first: number; steady: number; steadyCpu: number }> {
  const stamps: number[] = [];
  const cpu: number[] = [];
  let started = 0;
  await trainInChild(mlpRequest(backend), {
    onBackend: () => (started = performance.now()),
    onEpoch: (_e, _n, _l, _logs, cpuSeconds) => {
      stamps.push(performance.now());
      cpu.push(cpuSeconds ?? NaN);
    },
  });
  return { first: (stamps[0] - started) / 1000, steady: (stamps[1] - stamps[0]) / 1000, steadyCpu: cpu[1] - cpu[0] };
}

// The same two tasks in PyTorch, run now on this machine when python3 can import torch (Debian's python3-torch), so
// the ratio compares like with like even when other work shares the machine.
const TORCH_SCRIPT = `
import json, sys, time
import torch
from torch import nn
torch.set_num_threads(1)
torch.manual_seed(0)
if sys.argv[1] == 'scenario3':
    dense = nn.Linear(5, 5)
    opt = torch.optim.Adam(dense.parameters(), lr=1e-3)
    x, y = torch.rand(10, 5), torch.rand(10, 5)
    for _ in range(5):
        opt.zero_grad()
        loss = ((torch.softmax(dense(dense(x)), -1) - y) ** 2).mean()
        loss.backward()
        opt.step()
    print(dense.weight.detach().numpy(), dense.bias.detach().numpy())
else:
    model = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x, y = torch.rand(2048, 784), torch.randint(0, 10, (2048,))
    lossf = nn.CrossEntropyLoss()
    def epoch():
        perm = torch.randperm(2048)
        for i in range(0, 2048, 128):
            idx = perm[i:i + 128]
            opt.zero_grad()
            lossf(model(x[idx]), y[idx]).backward()
            opt.step()
    epoch()
    t, c = time.perf_counter(), time.process_time()
    epoch()
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    # Which BLAS the process really mapped (Debian's reference libblas is 15x slower than OpenBLAS).
    blas = sorted({l.split()[-1] for l in open('/proc/self/maps') if 'blas' in l.lower() and '/' in l})
    print(json.dumps({'wall': wall, 'cpu': cpu, 'blas': blas, 'threads': torch.get_num_threads()}))
`;

/** Debian's OpenBLAS (pthread build) folder, from the package's file list; null when it is not installed. */
function openblasDir(): string | null {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const list = spawnSync('dpkg', ['-L', 'libopenblas0-pthread'], { encoding: 'utf8' });
  if (list.status !== 0) return null;
  const lib = list.stdout.split('\n').find((l) => /\/openblas-pthread\/libblas\.so/.test(l));
  return lib ? path.dirname(lib) : null;
}

type TorchRun = { scenario3Seconds: number; mlpEpochSeconds: number; mlpEpochCpuSeconds: number; blas: string[]; threads: number };

function torchNow(log: (l: string) => void): TorchRun | null {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  // Debian's python3-torch lives in the system interpreter, which a pyenv/venv python3 on PATH may hide.
  const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0);
  if (!python) {
    log('  PyTorch peer: not installed (as root: apt-get install -y python3-torch libopenblas0-pthread)');
    return null;
  }
  const blasDir = openblasDir();
  if (!blasDir) log('  PyTorch peer: libopenblas0-pthread is not installed, so PyTorch runs on the default BLAS (apt-get install -y libopenblas0-pthread)');
  // OpenBLAS for this command alone, one thread; OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE (set on some machines to work
  // around CPU detection) are dropped so OpenBLAS picks its kernels for this CPU.
  const env: NodeJS.ProcessEnv = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  if (blasDir) env.LD_LIBRARY_PATH = [blasDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  const t0 = performance.now();
  const s3 = spawnSync(python, ['-c', TORCH_SCRIPT, 'scenario3'], { encoding: 'utf8', env });
  const scenario3Seconds = (performance.now() - t0) / 1000;
  const mlp = spawnSync(python, ['-c', TORCH_SCRIPT, 'mlp'], { encoding: 'utf8', env });
  if (s3.status !== 0 || mlp.status !== 0) {
    log(`  PyTorch peer failed: ${(s3.stderr || mlp.stderr).trim().split('\n').pop()}`);
    return null;
  }
  const m = JSON.parse(mlp.stdout.trim().split('\n').pop()!) as { wall: number; cpu: number; blas: string[]; threads: number };
  return { scenario3Seconds, mlpEpochSeconds: m.wall, mlpEpochCpuSeconds: m.cpu, blas: m.blas, threads: m.threads };
}

function available(): BackendName[] {
  const out: BackendName[] = [];
  try {
    require.resolve('@tensorflow/tfjs-node');
    out.push('tensorflow');
  } catch {
    // not installed (cannot install here: its install script downloads libtensorflow)
  }
  out.push('wasm', 'cpu');
  return out;
}

/** The call for bench/run.ts: `await benchTrain()`. Prints a table and returns the rows. */
export async function benchTrain(options: TrainBenchOptions = {}): Promise<TrainBenchRow[]> {
  const log = options.log ?? ((l: string) => console.log(l));
  const runs = options.runs ?? 3;
  const rows: TrainBenchRow[] = [];
  log(`\nTraining, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores:`);
  for (const backend of options.backends ?? available()) {
    const samples: number[] = [];
    let ran: BackendName = backend;
    for (let i = 0; i < runs; i++) {
      const r = await timeScenario3(backend);
      samples.push(r.seconds);
      ran = r.ran;
    }
    if (ran !== backend) {
      log(`  ${backend}: not available (the trainer fell back to ${ran})`);
      continue;
    }
    const mlp = options.skipMlp ? null : await timeMlp(backend);
    const row: TrainBenchRow = { backend, scenario3Seconds: median(samples), mlpEpochSeconds: mlp?.steady ?? null, mlpEpochCpuSeconds: mlp?.steadyCpu ?? null, mlpFirstEpochSeconds: mlp?.first ?? null };
    rows.push(row);
    log(`  ${backend.padEnd(10)} scenario 3, command to weights: ${row.scenario3Seconds.toFixed(2)} s (median of ${runs}, fresh trainer process each)`);
    if (mlp) {
      log(`  ${''.padEnd(10)} MLP 784-512-512-10, 2,048 samples, batch 128, Adam: ${mlp.steady.toFixed(2)} s per epoch (CPU time ${mlp.steadyCpu.toFixed(2)} s); first epoch incl. build and data ${mlp.first.toFixed(2)} s`);
    }
  }
  const torch = options.skipMlp ? null : torchNow(log);
  if (torch) {
    const blas = torch.blas.length > 0 ? torch.blas.map((b) => path.basename(path.dirname(b)) + '/' + path.basename(b)).join(', ') : 'no BLAS library mapped';
    log(`  PyTorch peer (${blas}, ${torch.threads} thread): scenario 3 ${torch.scenario3Seconds.toFixed(2)} s incl. Python start-up; MLP epoch ${torch.mlpEpochSeconds.toFixed(2)} s (CPU time ${torch.mlpEpochCpuSeconds.toFixed(2)} s)`);
    for (const r of rows) {
      if (r.mlpEpochSeconds === null) continue;
      const ratio = r.mlpEpochSeconds / torch.mlpEpochSeconds;
      const cpuRatio = r.mlpEpochCpuSeconds! / torch.mlpEpochCpuSeconds;
      log(`  ${r.backend.padEnd(10)} MLP epoch vs PyTorch: ${ratio.toFixed(2)}× wall, ${cpuRatio.toFixed(2)}× CPU time (target ≤ ${TARGET_RATIO}× in CPU time, which a busy machine distorts least: ${cpuRatio <= TARGET_RATIO ? 'met' : 'not met'}); scenario 3 ${(r.scenario3Seconds / torch.scenario3Seconds).toFixed(2)}×`);
    }
  }
  log(`  (before the wasm matmul override: WASM ${BEFORE.wasmMlpEpochSeconds} s per MLP epoch, PyTorch ${BEFORE.pytorchMlpEpochSeconds} s: ${(BEFORE.wasmMlpEpochSeconds / BEFORE.pytorchMlpEpochSeconds).toFixed(0)}×)`);
  return rows;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  void benchTrain({ skipMlp: args.includes('--no-mlp'), runs: args.includes('--quick') ? 1 : undefined });
}
