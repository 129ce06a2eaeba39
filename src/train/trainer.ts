// The trainer child process (out/src/train/trainer.js): waits for one `start` message, picks a backend, trains, reports
// progress and the weights over IPC, then exits. It never analyzes source code; the parent sends the IR.

import { seededRandom, DataError } from './data';
import type { FromTrainer, ToTrainer } from './protocol';
import { UnsupportedError } from './translate';

function send(message: FromTrainer): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) {
      resolve();
      return;
    }
    process.send(message, undefined, {}, () => resolve());
  });
}

async function run(message: ToTrainer): Promise<void> {
  const request = message.request;
  // TF.js draws unseeded initializers and fit()'s shuffling from Math.random; this process exists for one run, so
  // seeding Math.random here makes the whole run reproducible without touching the user's layer configs.
  Math.random = seededRandom((request.seed ?? 1) * 7919 + 13);
  // Loaded only now: tfjs prints to the console at load time, and the parent may have nothing to train.
  const { selectBackend } = await import('./backend');
  const { train } = await import('./session');
  const backend = await selectBackend(request.backend);
  await send({ type: 'backend', name: backend.name, notes: backend.notes });
  const result = await train(request, {
    onEpoch: (epoch, epochs, logs) => {
      const cpu = process.cpuUsage();
      void send({ type: 'epoch', epoch, epochs, loss: logs.loss, logs, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
    },
  });
  result.notes.unshift(...backend.notes.filter((n) => !n.includes('not installed')));
  await send({ type: 'done', ...result });
}

function kindOf(e: unknown): 'unsupported' | 'data' | 'internal' {
  if (e instanceof UnsupportedError) return 'unsupported';
  if (e instanceof DataError) return 'data';
  return 'internal';
}

if (require.main === module) {
  process.once('message', (message: ToTrainer) => {
    if (message?.type !== 'start') {
      void send({ type: 'error', kind: 'internal', message: `trainer: expected a start message, got ${JSON.stringify(message)}` }).then(() => process.exit(1));
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
  // The parent going away (editor closed, CLI interrupted) ends training too.
  process.on('disconnect', () => process.exit(0));
}
