// The extension in a real VS Code (code-server + Chromium), installed from the packaged .vsix, used like a user:
// diagnostics in Problems, the graph preview's nodes, node click → editor selection, typing a shape error → red node.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ARTIFACTS,
  cursorPosition,
  graphEdgeShapes,
  graphFrame,
  graphNodes,
  log,
  openFile,
  poll,
  problemCounts,
  runCommand,
  screenshot,
  startSession,
  type Session,
} from './harness';

/** Waits that include loading the workbench, activating the extension or a webview: generous, because the CI
 *  machine may be shared; they bound a hang, they do not measure anything. */
const FIRST_ACTIVATION_MS = 120000;
const SLOW_MS = 60000;

/** `it`, plus a screenshot named after the test when it fails (what the workbench showed is the best clue). */
function shotOnFailure(name: string, body: () => Promise<void>): void {
  it(name, async () => {
    try {
      await body();
    } catch (e) {
      const page = currentPage();
      if (page) {
        await screenshot(page, `failed-${name.replace(/[^\w]+/g, '-').slice(0, 60)}`).catch(() => undefined);
        // Close a dialog or palette left open, so the next test starts from the workbench.
        await page.keyboard.press('Escape').catch(() => undefined);
      }
      throw e;
    }
  });
}
let currentPage: () => import('playwright-core').Page | undefined = () => undefined;

describe('LayerGraph in VS Code (code-server)', { timeout: 540000 }, () => {
  let session: Session;
  const started = Date.now();

  before(async () => {
    log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
    session = await startSession();
    currentPage = () => session.page;
  });
  after(async () => {
    await session?.close();
    log(`e2e session total ${Date.now() - started} ms`);
  });

  shotOnFailure('scenario 4: one error in Problems, the preview shows the calls, a click selects the call', async () => {
    const { page } = session;
    await openFile(page, 'python/scenario4_shared_mismatch.py');
    const counts = await poll('Problems to show 1 error', async () => {
      const c = await problemCounts(page);
      return c && c.errors === 1 ? c : null;
    }, FIRST_ACTIVATION_MS);
    assert.deepEqual(counts, { errors: 1, warnings: 0 });
    log('scenario 4: Problems shows 1 error');

    await runCommand(page, 'LayerGraph: Open Graph Preview to the Side');
    const frame = await poll('the graph webview', () => graphFrame(page), SLOW_MS);
    const nodes = await poll('graph nodes', async () => {
      const n = await graphNodes(frame);
      return n.length >= 4 ? n : null;
    }, SLOW_MS);
    log(`preview shows ${nodes.length} nodes`);
    const byKey = nodes.map((n) => `${n.layer}#${n.call}`).sort();
    assert.deepEqual(byKey, ['activation#0', 'dense#0', 'dense#1', 'input_layer#0']);
    const bad = nodes.filter((n) => n.error);
    assert.deepEqual(bad.map((n) => `${n.layer}#${n.call}`), ['dense#1']);
    assert.match(bad[0].error!, /expected axis -1 of input shape to have value 5/);
    assert.ok(nodes.filter((n) => n.layer === 'dense').every((n) => n.shared === '2'), 'both dense calls are marked shared ×2');
    assert.ok((await graphEdgeShapes(frame)).includes('(None, 5)'));
    await screenshot(page, '1-scenario4-preview');

    // Click the second call of the shared layer: the editor selects `shared(x)` on line 8.
    await frame.click('[data-layer="dense"][data-call="1"]');
    const pos = await poll('the editor cursor to move to line 8', async () => {
      const p = await cursorPosition(page);
      return p && p.line === 8 ? p : null;
    }, 15000);
    assert.equal(pos.line, 8);
    await screenshot(page, '2-scenario4-after-click');
  });

  shotOnFailure('scenario 3: typing Dense(6) makes the second call fail; fixing it clears the error (latency logged, not asserted)', async () => {
    const { page } = session;
    await openFile(page, 'python/scenario3_shared_dense.py');
    let frame = await poll('the graph webview', () => graphFrame(page), SLOW_MS);
    await poll('the preview to follow to scenario 3', async () => {
      const n = await graphNodes(frame);
      return n.some((x) => x.layer === 'dense' && x.call === '1') && !n.some((x) => x.error) && n.length === 4;
    }, SLOW_MS);
    // The status bar counts the whole workspace: scenario 4's error is still there, so count relative to it.
    const baseline = (await problemCounts(page))!.errors;

    // Put the cursor right after the 5 of `Dense(5)` (line 6) and type like a user.
    await page.keyboard.press('Control+G');
    await page.keyboard.type('6:32');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+ArrowRight');
    const errorsNow = async () => (await problemCounts(page))?.errors;
    const redNode = async () => (await graphNodes(frame)).find((x) => x.layer === 'dense' && x.call === '1' && x.error);
    // Three break/fix cycles: the machine is shared, so one sample says little; the best and the median say more.
    const broken: number[] = [];
    const fixed: number[] = [];
    for (let trial = 0; trial < 3; trial++) {
      if (trial > 0) await page.keyboard.press('Shift+ArrowLeft');
      const t0 = Date.now();
      await page.keyboard.type('6');
      // Watch both at once, so each time is its own (not "after the other one was seen").
      frame = (await graphFrame(page)) ?? frame;
      let diagnosticAt = 0;
      let nodeAt = 0;
      await Promise.all([
        poll('the diagnostic after typing', async () => ((await errorsNow()) === baseline + 1 ? (diagnosticAt = Date.now()) : null), 15000, 10),
        poll('the red node after typing', async () => ((await redNode()) ? (nodeAt = Date.now()) : null), 15000, 10),
      ]);
      broken.push(Math.max(diagnosticAt, nodeAt) - t0);
      const renderMs = await frame.evaluate(() => (window as unknown as { __layergraph?: { stats?: { totalMs?: number } } }).__layergraph?.stats?.totalMs ?? -1);
      log(`typed Dense(6): diagnostic after ${diagnosticAt - t0} ms, red node after ${nodeAt - t0} ms (webview render ${renderMs.toFixed(1)} ms)`);
      if (trial === 0) {
        await screenshot(page, '3-scenario3-typed-error');
        const failing = await redNode();
        assert.match(failing!.error!, /expected axis -1 of input shape to have value 5, but received input with shape \(None, 6\)/);
      }
      await page.keyboard.press('Shift+ArrowLeft');
      const t1 = Date.now();
      await page.keyboard.type('5');
      await poll('the diagnostic to go', async () => (await errorsNow()) === baseline, 15000, 10);
      await poll('the red node to go', async () => !(await graphNodes(frame)).some((n) => n.error), 15000, 10);
      fixed.push(Date.now() - t1);
      log(`fixed Dense(5): diagnostic and red node gone after ${Date.now() - t1} ms`);
    }
    const sorted = [...broken].sort((x, y) => x - y);
    log(`typing → diagnostic + red node: best ${sorted[0]} ms, median ${sorted[1]} ms; fix → cleared: ${fixed.join(', ')} ms; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
    // Speed is a benchmark's business, not a pass/fail condition: the latencies are logged above.
    await screenshot(page, '4-scenario3-fixed');
  });

  shotOnFailure('scenario 3: CodeLens, inline shapes and the model summary document', async () => {
    const { page } = session;
    // Monaco renders spaces as no-break spaces.
    const editorText = async () => (await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    const lenses = await poll('CodeLens over the shared layer and the model', async () => {
      const texts = await page.locator('.editor-group-container.active .codelens-decoration').allInnerTexts();
      return texts.some((t) => t.includes('shared by 2 calls · 30 params')) && texts.some((t) => t.includes('3 layers · 30 params')) ? texts : null;
    }, SLOW_MS);
    log(`CodeLens: ${lenses.join(' | ')}`);
    await poll('inlay hints with the output shapes', async () => {
      const text = await editorText();
      return text.includes('→ (None, 5)') ? text : null;
    }, SLOW_MS);

    await runCommand(page, 'LayerGraph: Show Model Summary');
    const summary = await poll('the summary document', async () => {
      const text = await editorText();
      return text.includes('Total params: 30') ? text : null;
    }, SLOW_MS);
    assert.match(summary, /Model: "functional"/);
    assert.match(summary, /dense \(Dense\)/);
    await screenshot(page, '5-scenario3-summary');
    // The summary opened in the preview's group: bring the preview's tab back (its webview reloads and says
    // `ready` again), then return to the source group.
    await page.locator('.tabs-container .tab[aria-label*="LayerGraph"]').first().click();
    // Keyboard focus is in the webview now (F1 would go there): click the source tab to return to its group.
    await page.locator('.tabs-container .tab[aria-label*="scenario3_shared_dense.py"]').first().click();
  });

  shotOnFailure('Export Graph as SVG and as PNG write files through the save dialog', async () => {
    const { page, workspace } = session;
    await openFile(page, 'python/scenario5_two_inputs.py');
    const frame = await poll('the preview to follow to scenario 5', async () => {
      const f = await graphFrame(page);
      return f && (await graphNodes(f)).some((n) => n.layer === 'multiply') ? f : null;
    }, SLOW_MS);
    assert.equal((await graphNodes(frame)).length, 9);
    for (const ext of ['svg', 'png'] as const) {
      // The save dialog proposes `<source>.graph.<ext>` next to the source file; accept it as a user would.
      const target = path.join(workspace, 'python', `scenario5_two_inputs.graph.${ext}`);
      const title = `Export Graph as ${ext.toUpperCase()}`;
      await runCommand(page, `LayerGraph: ${title}`);
      // code-server's simple save dialog is a quick input titled like the command.
      await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: SLOW_MS });
      // It first shows the folder, then fills in the proposed file name.
      await poll('the proposed file name', async () => (await page.locator('.quick-input-widget input').inputValue()).endsWith(`scenario5_two_inputs.graph.${ext}`), SLOW_MS, 50);
      await page.keyboard.press('Enter');
      const bytes = await poll(`${target} to be written`, async () => (fs.existsSync(target) && fs.statSync(target).size > 0 ? fs.readFileSync(target) : null), 15000, 100);
      if (ext === 'svg') {
        assert.match(bytes.toString('utf8'), /<svg[\s\S]*multiply/);
      } else {
        assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        fs.copyFileSync(target, path.join(ARTIFACTS, '6-exported-scenario5.png'));
      }
      log(`exported ${ext}: ${bytes.length} bytes`);
    }
  });

  shotOnFailure('TF.js: the preview follows to a TypeScript file and shows its shared layer', async () => {
    const { page } = session;
    await openFile(page, 'tfjs/scenario3_shared_dense.ts');
    const nodes = await poll('the TF.js graph', async () => {
      const f = await graphFrame(page);
      const n = f ? await graphNodes(f) : [];
      return n.filter((x) => x.layer === 'dense_Dense1').length === 2 ? n : null;
    }, SLOW_MS);
    assert.deepEqual(nodes.map((n) => `${n.layer}#${n.call}`).sort(), ['activation_Activation1#0', 'dense_Dense1#0', 'dense_Dense1#1', 'input1#0']);
    assert.ok(nodes.filter((n) => n.layer === 'dense_Dense1').every((n) => n.shared === '2'));
    const frame = (await graphFrame(page))!;
    assert.ok((await graphEdgeShapes(frame)).includes('[null,5]'));
    await screenshot(page, '7-tfjs-scenario3');
  });

  shotOnFailure('the preview survives a window reload (WebviewPanelSerializer)', async () => {
    const { page } = session;
    const keys = (nodes: { layer: string; call: string | null }[]) => nodes.map((n) => `${n.layer}#${n.call}`).sort().join(' ');
    const before = keys(await graphNodes((await graphFrame(page))!));
    assert.ok(before.length > 0);
    await page.reload();
    await page.waitForSelector('.monaco-workbench', { timeout: FIRST_ACTIVATION_MS });
    const t0 = Date.now();
    // The restored preview follows the active editor, and the workbench restores the editors it had last saved —
    // under load that can be an older set than the one on screen before the reload. What must hold: the panel is
    // restored by the serializer and draws a graph again.
    const after = await poll('the restored preview to draw a graph', async () => {
      const f = await graphFrame(page);
      const k = f ? keys(await graphNodes(f)) : '';
      return k.length > 0 ? k : null;
    }, FIRST_ACTIVATION_MS, 200);
    log(`preview restored after reload in ${Date.now() - t0} ms after the workbench, ${after === before ? 'with the same graph' : 'showing the restored active editor'} (${after.split(' ').length} nodes)`);
    await screenshot(page, '8-after-reload');
  });
});
