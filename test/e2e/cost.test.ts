// What a model costs, in a real VS Code (code-server + Chromium, the packaged .vsix): the model CodeLens shows
// layers, parameters, MACs and FLOPs (ResNet-50 from test/fixtures/cost: 25.6 M params, 3.86 G MACs), and hovers on a
// layer and on a model show MACs, FLOPs and memory.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { goTo, log, openFile, poll, ROOT, screenshot, type Session, shot, startSession } from './harness';

const FIRST_ACTIVATION_MS = 120000;
const SLOW_MS = 60000;

const SMALL = [
  'import keras',
  'from keras import layers',
  'inputs = keras.Input(shape=(20,))',
  'hidden = layers.Dense(10, activation="relu")',
  'h = hidden(inputs)',
  'outputs = layers.Dense(3)(h)',
  'model = keras.Model(inputs, outputs)',
  'model.compile(optimizer="adam", loss="mse")',
  '',
].join('\n');

const FILES = {
  'cost/resnet50.py': fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'cost', 'resnet50.py'), 'utf8'),
  'cost/small.py': SMALL,
};

/** The hover at the cursor (Ctrl+K Ctrl+I, "Show Hover"), once it holds LayerGraph's part and `needle`. */
async function hoverText(page: Page, needle: string): Promise<string> {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  return poll(`a hover with "${needle}"`, async () => {
    const text = ((await page.locator('.monaco-hover').first().textContent({ timeout: 1000 })) ?? '').replace(/\u00a0/g, ' ');
    return text.includes('LayerGraph') && text.includes(needle) ? text : null;
  }, SLOW_MS);
}

describe('LayerGraph cost in VS Code (code-server, packaged .vsix)', { timeout: 540000 }, () => {
  let session: Session;
  before(async () => {
    log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
    session = await startSession({ files: FILES });
  });
  after(async () => {
    await session?.close();
  });

  it('ResNet-50: the model CodeLens reads "177 layers · 25.6 M params · 3.86 GMACs · 7.76 GFLOPs"', async () => {
    const { page } = session;
    await shot(page, 'cost-lens', async () => {
      await openFile(page, 'cost/resnet50.py');
      // The model is built on line 50; the editor renders only the lines in view (and their lenses).
      await goTo(page, '50:1');
      const lenses = await poll('the model CodeLens with its cost', async () => {
        const texts = (await page.locator('.editor-group-container.active .codelens-decoration').allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' '));
        return texts.some((t) => t.includes('177 layers · 25.6 M params · 3.86 GMACs · 7.76 GFLOPs')) ? texts : null;
      }, FIRST_ACTIVATION_MS);
      log(`CodeLens: ${lenses.join(' | ')}`);
      await screenshot(page, 'cost-1-resnet50-lens');
    });
  });

  it('hovers: a layer shows its MACs, FLOPs and memory; the model its totals and training estimate', async () => {
    const { page } = session;
    await shot(page, 'cost-hover', async () => {
      await openFile(page, 'cost/small.py');
      // Line 4, on `hidden`: Dense(10) on 20 inputs = 200 MACs, 2·200 + 10 bias + 10 ReLU = 420 FLOPs.
      await goTo(page, '4:3');
      const layer = await hoverText(page, 'Cost per sample');
      assert.match(layer, /200 MACs · 420 FLOPs/);
      assert.match(layer, /activations 40\.00 B per sample · weights 840\.00 B \(float32\)/);
      log(`layer hover: ${layer.slice(0, 200)}`);
      await screenshot(page, 'cost-2-layer-hover');
      await page.keyboard.press('Escape');

      // Line 7, on `model`: 230 MACs, 483 FLOPs; no fit(), so no batch size and no per-batch figures.
      await goTo(page, '7:2');
      const model = await hoverText(page, 'layers · Parameters');
      assert.match(model, /3 layers · Parameters: 243/);
      assert.match(model, /230 MACs · 483 FLOPs/);
      assert.match(model, /weights 972\.00 B/);
      log(`model hover: ${model.slice(0, 300)}`);
      await screenshot(page, 'cost-3-model-hover');
      await page.keyboard.press('Escape');
    });
  });
});
