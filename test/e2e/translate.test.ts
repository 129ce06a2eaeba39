// "Open as TF.js" in a real VS Code (code-server + Chromium) from the packaged .vsix: on the seed's two-input Keras
// model it opens an untitled TypeScript document that exports the model, and the Problems count stays at zero.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { log, openFile, poll, problemCounts, runCommand, screenshot, startSession, type Session } from './harness';

const FIRST_ACTIVATION_MS = 120000;

describe('Open as TF.js in VS Code (code-server, packaged .vsix)', { timeout: 400000 }, () => {
  let session: Session;
  before(async () => {
    session = await startSession();
  });
  after(async () => {
    await session?.close();
  });

  it('scenario 5: an untitled TS module with the two-input model, no diagnostics', async () => {
    const { page } = session;
    try {
      await openFile(page, 'python/scenario5_two_inputs.py');
      await runCommand(page, 'LayerGraph: Open as TF.js');
      await poll('an untitled tab', async () => (await page.locator('.tabs-container .tab.active[aria-label*="Untitled"]').count()) > 0, FIRST_ACTIVATION_MS, 100);
      const text = await poll('the translated module in the editor', async () => {
        const t = (await page.locator('.editor-group-container.active .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
        return /tf\.model\(/.test(t) ? t : null;
      }, 30000, 200);
      assert.match(text, /export const model = tf\.model\(\{inputs: \[input_a, input_b\], outputs: \[output_1, output_2\], name: 'functional'\}\)/);
      assert.match(text, /tf\.layers\.multiply\(\{name: 'multiply'\}\)\.apply\(\[branch_a, branch_b\]\)/);
      const lang = await page.locator('#status\\.editor\\.mode').first().innerText();
      assert.match(lang, /TypeScript/);
      // Let the TypeScript service finish ("Analyzing 'Untitled-1' and its dependencies") and LayerGraph's analysis
      // report (its CodeLens shows the parameter count), then read the Problems count.
      await poll('LayerGraph\'s CodeLens on the model', async () => (await page.locator('.codelens-decoration', { hasText: '205 params' }).count()) > 0, 60000, 200);
      await poll('the TypeScript service to finish', async () => !/Analyzing/.test(await page.locator('.statusbar').first().innerText()), 120000, 500);
      await new Promise((r) => setTimeout(r, 3000));
      const counts = await poll('the problems count', () => problemCounts(page), 30000, 200);
      log(`problems after Open as TF.js: ${JSON.stringify(counts)}`);
      await screenshot(page, 'translate-1-open-as-tfjs');
      assert.deepEqual(counts, { errors: 0, warnings: 0 });
    } catch (e) {
      await screenshot(page, 'translate-failed').catch(() => undefined);
      throw e;
    }
  });
});
