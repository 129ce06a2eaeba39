// "Convert to functional API" in a real VS Code (code-server, the packaged .vsix): the cursor on a Sequential model,
// Refactor… offers the conversion, applying it rewrites the file (one edit), after which the file has no
// diagnostics and the graph shows the same layers.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { graphFrame, graphNodes, log, openFile, poll, problemCounts, runCommand, screenshot, startSession, type Session } from './harness';

const SLOW_MS = 120000;
const FIXTURE = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sequential', 'mlp_list.py'), 'utf8');

describe('Convert to functional API in VS Code (code-server)', { timeout: 540000 }, () => {
  let session: Session;
  before(async () => {
    session = await startSession({ files: { 'convert_me.py': FIXTURE } });
  });
  after(async () => {
    await session?.close();
  });

  it('converts a Sequential model with the code action; no diagnostics after, the same graph', async () => {
    const { page, workspace } = session;
    try {
      await openFile(page, 'convert_me.py');
      await runCommand(page, 'LayerGraph: Open Graph Preview to the Side');
      const frame = await poll('the graph webview', () => graphFrame(page), SLOW_MS);
      const layersOf = async () => (await graphNodes(frame)).map((n) => n.layer).sort();
      const before = await poll('graph nodes', async () => {
        const n = await layersOf();
        return n.length >= 3 ? n : null;
      }, SLOW_MS);
      log(`before: ${before.join(', ')}`);
      assert.deepEqual(before, ['dense', 'dense_1', 'input_layer']);

      // Back to the editor, cursor on `Sequential` (line 4), and Refactor… like a user.
      await page.locator('.tabs-container .tab[aria-label*="convert_me.py"]').first().click();
      await page.keyboard.press('Control+G');
      await page.keyboard.type('4:16');
      await page.keyboard.press('Enter');
      const row = page.locator('.action-widget .monaco-list-row').filter({ hasText: 'Convert to functional API' }).first();
      await poll('the code action', async () => {
        await runCommand(page, 'Refactor...');
        try {
          await row.waitFor({ state: 'visible', timeout: 5000 });
          return true;
        } catch {
          await page.keyboard.press('Escape');
          return false;
        }
      }, SLOW_MS, 500);
      await row.click();
      await runCommand(page, 'File: Save');
      const file = path.join(workspace, 'convert_me.py');
      const text = await poll('the converted file on disk', async () => {
        const t = fs.readFileSync(file, 'utf8');
        return t.includes('keras.Model(') ? t : null;
      }, SLOW_MS, 200);
      assert.match(text, /inputs = keras\.Input\(shape=\(784,\)\)\nx = layers\.Dense\(64, activation='relu'\)\(inputs\)  # hidden\n/);
      assert.doesNotMatch(text, /Sequential/);
      await poll('no problems', async () => {
        const c = await problemCounts(page);
        return c && c.errors === 0 && c.warnings === 0;
      }, SLOW_MS);
      const after = await poll('the graph of the converted file', async () => {
        const n = await layersOf();
        return n.join() === before.join() ? n : null;
      }, SLOW_MS, 200);
      assert.deepEqual(after, before);
      await screenshot(page, 'rewrite-converted');
    } catch (e) {
      await screenshot(page, 'failed-rewrite').catch(() => undefined);
      throw e;
    }
  });
});
