// The trainer child process (out/src/train/trainer.js, dist/trainer.js in the extension): waits for one `start`
// message, picks a backend, trains, reports progress (throttled, new epochs only) and the weights (in bounded
// float32 chunks) over IPC, then exits. It never analyzes source code; the parent sends the IR. It also exits when
// its parent goes away, so a crashed editor or an interrupted CLI leaves no trainer behind.

import { seededRandom, DataError } from './data';
import type { EpochLog, FromTrainer, ToTrainer } from './protocol';
import { UnsupportedError } from './translate';
import { WEIGHT_CHUNK } from './weights';

/** At most this many progress messages per second: a 10,000-epoch run of a tiny model sends ~20/s, not 10,000. */
const PROGRESS_INTERVAL_MS = 50;

function send(message: FromTrainer): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) {
      resolve();
      return;
    }
    process.send(message, undefined, {}, () => resolve());
  });
}

/** Collects finished epochs and sends them together, at most every PROGRESS_INTERVAL_MS. */
class ProgressBatcher {
  private pending: EpochLog[] = [];
  private last = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly epochs: () => number) {}

  add(item: EpochLog): void {
    this.pending.push(item);
    const wait = this.last + PROGRESS_INTERVAL_MS - Date.now();
    if (wait <= 0) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), wait);
  }

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return Promise.resolve();
    const items = this.pending;
    this.pending = [];
    this.last = Date.now();
    return send({ type: 'epochs', epochs: this.epochs(), items });
  }
}

async function run(message: ToTrainer): Promise<void> {
  const request = message.request;
  // TF.js draws unseeded initializers and fit()'s shuffling from Math.random; this process exists for one run, so
  // seeding Math.random here makes the whole run reproducible without touching the user's layer configs.
  Math.random = seededRandom((request.seed ?? 1) * 7919 + 13);
  // Loaded only now: tfjs prints to the console at load time, and the parent may have nothing to train.
  const { selectBackend } = await import('./backend');
  const { trainRaw } = await import('./session');
  const backend = await selectBackend(request.backend);
  await send({ type: 'backend', name: backend.name, notes: backend.notes });
  let total = request.epochs ?? 0;
  const progress = new ProgressBatcher(() => total);
  const result = await trainRaw(request, {
    onEpoch: (epoch, epochs, logs) => {
      total = epochs;
      const cpu = process.cpuUsage();
      progress.add({ epoch, logs, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
    },
  });
  await progress.flush();
  // Values first, in chunks (a 50M-parameter model is 200 MB of float32: one message of it would not fit).
  for (let index = 0; index < result.weights.length; index++) {
    const data = result.weights[index].data;
    const chunks = Math.max(1, Math.ceil(data.length / WEIGHT_CHUNK));
    for (let c = 0; c < chunks; c++) {
      const offset = c * WEIGHT_CHUNK;
      await send({ type: 'weightChunk', index, offset, length: data.length, data: data.slice(offset, offset + WEIGHT_CHUNK) });
    }
  }
  result.notes.unshift(...backend.notes.filter((n) => !n.includes('not installed')));
  await send({ ...result, type: 'done', weights: result.weights.map((w) => w.header) });
}

function kindOf(e: unknown): 'unsupported' | 'data' | 'internal' {
  if (e instanceof UnsupportedError) return 'unsupported';
  if (e instanceof DataError) return 'data';
  return 'internal';
}

/** Exits when the parent is gone: 'disconnect' covers a clean close of the channel; a parent killed hard may leave
 *  the channel half-open, so the parent pid is checked too (the process is re-parented when its parent dies). */
function watchParent(): void {
  const parent = process.ppid;
  process.on('disconnect', () => process.exit(0));
  setInterval(() => {
    if (process.ppid !== parent || !process.connected) process.exit(0);
  }, 1000).unref();
}

if (require.main === module) {
  watchParent();
  process.once('message', (message: ToTrainer) => {
    if (message?.type !== 'start') {
      void send({ type: 'error', kind: 'internal', message: 'trainer: expected a start message' }).then(() => process.exit(1));
      return;
    }
    run(message).then(
      () => process.exit(0),
      async (e: unknown) => {
        await send({
          type: 'error',
          kind: kindOf(e),
          message: e instanceof Error ? e.message : String(e),
          layer: e instanceof UnsupportedError ? e.layer : undefined,
          line: e instanceof UnsupportedError ? e.line : undefined,
        });
        process.exit(1);
      },
    );
  });
}
