// The extension in a real VS Code (code-server + Chromium), installed from the packaged .vsix, used like a user:
// diagnostics in Problems, the graph preview's nodes, node click → editor selection, typing a shape error → red node.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
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

/** Typed-change latency must stay well inside what "as you type" means (issue 3: within a second). */
const LATENCY_BUDGET_MS = 1000;

describe('LayerGraph in VS Code (code-server)', { timeout: 300000 }, () => {
  let session: Session;
  const started = Date.now();

  before(async () => {
    session = await startSession();
  });
  after(async () => {
    await session?.close();
    log(`e2e session total ${Date.now() - started} ms`);
  });

  it('scenario 4: one error in Problems, the preview shows the calls, a click selects the call', async () => {
    const { page } = session;
    await openFile(page, 'python/scenario4_shared_mismatch.py');
    const counts = await poll('Problems to show 1 error', async () => {
      const c = await problemCounts(page);
      return c && c.errors === 1 ? c : null;
    });
    assert.deepEqual(counts, { errors: 1, warnings: 0 });
    log('scenario 4: Problems shows 1 error');

    await runCommand(page, 'LayerGraph: Open Graph Preview to the Side');
    const frame = await poll('the graph webview', () => graphFrame(page), 20000);
    const nodes = await poll('graph nodes', async () => {
      const n = await graphNodes(frame);
      return n.length >= 4 ? n : null;
    });
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
    }, 5000);
    assert.equal(pos.line, 8);
    await screenshot(page, '2-scenario4-after-click');
  });

  it('scenario 3: typing Dense(6) makes the second call fail within a second; fixing it clears the error', async () => {
    const { page } = session;
    await openFile(page, 'python/scenario3_shared_dense.py');
    let frame = await poll('the graph webview', () => graphFrame(page), 20000);
    await poll('the preview to follow to scenario 3', async () => {
      const n = await graphNodes(frame);
      return n.some((x) => x.layer === 'dense' && x.call === '1') && !n.some((x) => x.error) && n.length === 4;
    }, 10000);
    // The status bar counts the whole workspace: scenario 4's error is still there, so count relative to it.
    const baseline = (await problemCounts(page))!.errors;

    // Put the cursor right after the 5 of `Dense(5)` (line 6) and type like a user.
    await page.keyboard.press('Control+G');
    await page.keyboard.type('6:32');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+ArrowRight');
    const t0 = Date.now();
    await page.keyboard.type('6');
    const errorSeen = await poll('the diagnostic after typing', async () => ((await problemCounts(page))?.errors === baseline + 1 ? Date.now() : null), 5000, 10);
    frame = (await graphFrame(page)) ?? frame;
    const redSeen = await poll('the red node after typing', async () => {
      const n = await graphNodes(frame);
      return n.some((x) => x.layer === 'dense' && x.call === '1' && x.error) ? Date.now() : null;
    }, 5000, 10);
    const diagnosticMs = errorSeen - t0;
    const nodeMs = redSeen - t0;
    log(`typed Dense(6): diagnostic after ${diagnosticMs} ms, red node after ${nodeMs} ms`);
    await screenshot(page, '3-scenario3-typed-error');
    assert.ok(diagnosticMs < LATENCY_BUDGET_MS, `diagnostic took ${diagnosticMs} ms`);
    assert.ok(nodeMs < LATENCY_BUDGET_MS, `red node took ${nodeMs} ms`);
    const failing = (await graphNodes(frame)).find((n) => n.error);
    assert.match(failing!.error!, /expected axis -1 of input shape to have value 6, but received input with shape \(None, 6\)|value 6/);

    await page.keyboard.press('Backspace');
    const t1 = Date.now();
    await page.keyboard.type('5');
    await poll('the diagnostic to go', async () => (await problemCounts(page))?.errors === baseline, 5000, 10);
    await poll('the red node to go', async () => !(await graphNodes(frame)).some((n) => n.error), 5000, 10);
    log(`fixed Dense(5): error gone after ${Date.now() - t1} ms`);
    await screenshot(page, '4-scenario3-fixed');
  });
});
