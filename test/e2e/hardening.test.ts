// The packaged extension against hostile and unusual input in a real VS Code (code-server + Chromium): a file whose
// strings blow up leaves the host answering; a layer named as a command link shows as plain text in the hover and in
// a notification; the preview names its file and follows a scratch file that becomes Keras code while typed; in
// Restricted Mode diagnostics still work and Train is refused with its reason.
import assert from 'node:assert/strict';
import * as os from 'node:os';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { goTo, graphFrame, graphNodes, log, openFile, PLAIN_TYPING, poll, problemCounts, runCommand, screenshot, type Session, shot, startSession } from './harness';

const FIRST_ACTIVATION_MS = 120000;
const SLOW_MS = 60000;

const LINK = '[Open the notes](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20pwned%5Cn%22%7D)';
const FILES = {
  'hostile/blowup.py': "import keras\nt = 'a' * 100000\nv = t * 5000\nw = v[0]\nb = [0] * 100000\nc = b * 1000\n",
  'hostile/inject.py': `import keras\na = keras.Input(shape=(4,))\nb = keras.Input(shape=(4,))\nsub = keras.layers.Subtract(name='${LINK}')\nd = sub([a, b])\nm = keras.Model([a, b], d)\n`,
};
/** Text and link texts of the visible notification toasts. */
async function notifications(page: Page): Promise<{ text: string; links: string[] }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.notification-toast, .notifications-list-container .monaco-list-row')).map((t) => ({
      text: t.querySelector('.notification-list-item-message')?.textContent ?? '',
      links: Array.from(t.querySelectorAll('.notification-list-item-message a')).map((a) => a.textContent ?? ''),
    })),
  );
}

describe('LayerGraph hardened (code-server, packaged .vsix)', { timeout: 540000 }, () => {
  let session: Session;
  before(async () => {
    log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
    session = await startSession({ files: FILES, settings: PLAIN_TYPING });
  });
  after(async () => {
    await session?.close();
  });

  it('a file whose strings blow up leaves the host alive, and the next file opened gets its graph', async () => {
    const { page } = session;
    await shot(page, 'blowup', async () => {
      const t0 = Date.now();
      await openFile(page, 'hostile/blowup.py');
      // Give the analysis time to hit its budget; the host must keep answering meanwhile.
      await new Promise((r) => setTimeout(r, 3000));
      await openFile(page, 'python/scenario4_shared_mismatch.py');
      await poll('Problems to show scenario 4\'s error', async () => (await problemCounts(page))?.errors === 1, FIRST_ACTIVATION_MS);
      await runCommand(page, 'LayerGraph: Open Graph Preview to the Side');
      const frame = await poll('the graph webview', () => graphFrame(page), SLOW_MS);
      await poll('scenario 4\'s graph', async () => (await graphNodes(frame)).length === 4, SLOW_MS);
      log(`after the blow-up file, scenario 4's graph appeared ${Date.now() - t0} ms after opening blowup.py`);
    });
  });

  it('the preview title names the file it shows', async () => {
    const { page } = session;
    await shot(page, 'title', async () => {
      await poll('a tab titled "LayerGraph: scenario4_shared_mismatch.py"', async () => (await page.locator('.tabs-container .tab[aria-label*="LayerGraph: scenario4_shared_mismatch.py"]').count()) > 0, SLOW_MS);
    });
  });

  it('a layer named as a markdown command link shows as plain text in the hover and the Train notification', async () => {
    const { page } = session;
    await shot(page, 'inject', async () => {
      await openFile(page, 'hostile/inject.py');
      await goTo(page, '5:6');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = await poll('the LayerGraph hover', async () => {
        const text = (await page.locator('.monaco-hover').first().textContent({ timeout: 1000 })) ?? '';
        return text.includes('Subtract') && text.includes('LayerGraph') ? text : null;
      }, SLOW_MS);
      assert.ok(hover.includes('[Open the notes](command:workbench.action.terminal.sendSequence'), hover);
      assert.equal(await page.locator('.monaco-hover a', { hasText: 'Open the notes' }).count(), 0, 'no link element in the hover');
      await screenshot(page, 'hardening-hover-plain');
      await page.keyboard.press('Escape');

      await runCommand(page, 'LayerGraph: Train & Show Weights');
      const toast = await poll('a notification quoting the layer name', async () => (await notifications(page)).find((n) => n.text.includes('Open the notes')), SLOW_MS);
      log(`notification: ${toast.text.slice(0, 160)}`);
      assert.ok(toast.text.includes('command:workbench.action.terminal.sendSequence'), 'the name is shown literally');
      assert.deepEqual(toast.links.filter((l) => l.includes('Open the notes')), [], 'no link element in the notification');
      await screenshot(page, 'hardening-notification-plain');
    });
  });

  it('the preview follows a new untitled file that becomes a Keras file while typed', async () => {
    const { page } = session;
    await shot(page, 'follow', async () => {
      await runCommand(page, 'File: New Untitled Text File');
      await runCommand(page, 'Change Language Mode');
      await page.keyboard.type('Python');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: '(python)' }).first().click();
      await page.locator('.monaco-editor.focused, .monaco-editor textarea').first().waitFor({ timeout: 10000 });
      for (const line of ['import keras', 'x = keras.Input(shape=(3,))', 'y = keras.layers.Dense(7, name="scratch_dense")(x)', 'm = keras.Model(x, y)']) {
        await page.keyboard.type(line);
        await page.keyboard.press('Enter');
      }
      const frame = await poll('the graph webview', () => graphFrame(page), SLOW_MS);
      await poll('the preview to show the scratch file', async () => (await graphNodes(frame)).some((n) => n.layer === 'scratch_dense'), SLOW_MS);
      await poll('the title to name the untitled file', async () => (await page.locator('.tabs-container .tab[aria-label*="LayerGraph: Untitled-"]').count()) > 0, SLOW_MS);
      await screenshot(page, 'hardening-follow-untitled');
    });
  });
});

describe('LayerGraph in Restricted Mode (code-server, packaged .vsix)', { timeout: 300000 }, () => {
  let session: Session;
  before(async () => {
    session = await startSession({ restricted: true });
  });
  after(async () => {
    await session?.close();
  });

  it('reports the shared-layer error and refuses Train with its reason', async () => {
    const { page } = session;
    await shot(page, 'restricted', async () => {
      await openFile(page, 'python/scenario4_shared_mismatch.py');
      await poll('Problems to show 1 error', async () => (await problemCounts(page))?.errors === 1, FIRST_ACTIVATION_MS);
      await runCommand(page, 'LayerGraph: Train & Show Weights');
      const toast = await poll('the Restricted Mode refusal', async () => (await notifications(page)).find((n) => n.text.includes('Restricted Mode')), SLOW_MS);
      assert.match(toast.text, /Trust this folder/);
      await screenshot(page, 'hardening-restricted-refusal');
    });
  });
});
