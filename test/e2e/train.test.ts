// Train & Show Weights in a real VS Code (code-server + Chromium) from the packaged .vsix, as a user runs it: on the
// shared-layer scenario the 5×5 kernel and 5 biases end up on the graph node and at the end of the Dense line, on the
// WASM backend; and Cancel during a long run really ends the trainer process. The folder is trusted.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { graphFrame, log, openFile, poll, runCommand, screenshot, startSession, type Session } from './harness';

const FIRST_ACTIVATION_MS = 120000;
const SLOW_MS = 90000;

/** Pids and command lines of the trainer processes started from this session's extension folder. */
function trainers(extensionsRoot: string): { pid: number; args: string }[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), args: m[2] }))
    .filter((p) => p.args.includes(extensionsRoot) && p.args.includes('trainer.js'));
}

/** The end-of-line decoration texts VS Code renders as CSS `::after { content: "…" }` rules. */
async function decorationTexts(session: Session): Promise<string[]> {
  return session.page.evaluate(() => {
    const out: string[] = [];
    for (const sheet of Array.from(document.styleSheets)) {
      let rules: CSSRuleList;
      try {
        rules = sheet.cssRules;
      } catch {
        continue;
      }
      for (const r of Array.from(rules)) {
        const m = /content:\s*"((?:[^"\\]|\\.)*)"/.exec(r.cssText);
        if (m && /kernel/.test(m[1])) out.push(m[1]);
      }
    }
    return out;
  });
}

async function toastTexts(session: Session): Promise<string[]> {
  return session.page.locator('.notifications-toasts .notification-list-item-message').allTextContents();
}

describe('Train & Show Weights in VS Code (code-server, packaged .vsix)', { timeout: 540000 }, () => {
  let session: Session;
  let extensionsRoot: string;

  before(async () => {
    log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
    session = await startSession();
    // The harness puts extensions/ beside workspace/ in one temp folder: the trainer's path contains it.
    extensionsRoot = path.join(path.dirname(session.workspace), 'extensions');
    // A long run to cancel: the same model with 100,000 epochs.
    const long = fs.readFileSync(path.join(session.workspace, 'python', 'scenario3_shared_dense.py'), 'utf8').replace('epochs=5', 'epochs=100000');
    fs.writeFileSync(path.join(session.workspace, 'python', 'long_training.py'), long);
  });
  after(async () => {
    await session?.close();
  });

  it('scenario 3: the 5×5 kernel and 5 biases on the graph node and in the editor, trained on WASM', async () => {
    const { page } = session;
    try {
      await openFile(page, 'python/scenario3_shared_dense.py');
      await runCommand(page, 'LayerGraph: Open Graph Preview to the Side');
      const frame = await poll('the graph webview with the dense node', async () => {
        const f = await graphFrame(page);
        return f && (await f.locator('[data-layer="dense"]').count()) > 0 ? f : null;
      }, FIRST_ACTIVATION_MS);
      // Back to the editor, so the command trains its file.
      await page.locator('.tabs-container .tab[aria-label*="scenario3_shared_dense.py"]').first().click();
      const t0 = Date.now();
      await runCommand(page, 'LayerGraph: Train & Show Weights');
      const done = await poll('the "Trained" notification', async () => (await toastTexts(session)).find((t) => /^Trained "model"/.test(t)), SLOW_MS, 100);
      log(`trained in ${Date.now() - t0} ms: ${done}`);
      assert.match(done, /for 5 epochs on the TF\.js wasm backend: 2 weight arrays/);

      const live = (await graphFrame(page)) ?? frame;
      const weights = await poll('data-weights on the dense node', async () => {
        const v = await live.locator('[data-layer="dense"][data-weights]').first().getAttribute('data-weights');
        return v || null;
      }, SLOW_MS);
      assert.equal(weights, 'kernel 5×5, bias 5');
      // Both calls of the shared layer show the same weights.
      const all = await live.locator('[data-layer="dense"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-weights')));
      assert.deepEqual(all, ['kernel 5×5, bias 5', 'kernel 5×5, bias 5']);

      const texts = await poll('the end-of-line weights in the editor', async () => {
        const t = await decorationTexts(session);
        return t.length > 0 ? t : null;
      }, SLOW_MS);
      assert.ok(texts.some((t) => /^dense: kernel 5×5 μ=\S+ σ=\S+ · bias 5$/.test(t)), JSON.stringify(texts));
      await screenshot(page, 'train-1-scenario3-weights');
    } catch (e) {
      await screenshot(page, 'train-failed-weights').catch(() => undefined);
      throw e;
    }
  });

  it('Cancel during a long run ends the trainer process', async () => {
    const { page } = session;
    try {
      await page.keyboard.press('Escape');
      await openFile(page, 'python/long_training.py');
      await runCommand(page, 'LayerGraph: Train & Show Weights');
      const running = await poll('a trainer process', async () => {
        const t = trainers(extensionsRoot);
        return t.length > 0 ? t : null;
      }, SLOW_MS, 100);
      log(`trainer running: pid ${running.map((p) => p.pid).join(', ')}`);
      // Let it get into its epochs (the progress notification shows them), then press the notification's Cancel.
      await poll('epoch progress in the notification', async () => (await toastTexts(session)).some((t) => /Epoch \d+\/100000/.test(t)) || null, SLOW_MS, 100);
      await screenshot(page, 'train-2-long-run');
      const cancel = page.locator('.notifications-toasts .monaco-button', { hasText: 'Cancel' }).first();
      await cancel.click();
      const t0 = Date.now();
      await poll('the trainer process to end', async () => trainers(extensionsRoot).length === 0, 15000, 50);
      log(`trainer gone ${Date.now() - t0} ms after Cancel`);
      // `ps -p` exits 1 when no such process exists (a zombie would still be listed).
      for (const p of running) assert.equal(spawnSync('ps', ['-o', 'pid=', '-p', String(p.pid)]).status, 1, `trainer ${p.pid} is still in the process table`);
      const message = await poll('the cancelled message', async () => (await toastTexts(session)).find((t) => /Training cancelled/.test(t)), 15000, 100);
      assert.equal(message, 'Training cancelled; no weights are shown.');
    } catch (e) {
      await screenshot(page, 'train-failed-cancel').catch(() => undefined);
      throw e;
    }
  });
});
