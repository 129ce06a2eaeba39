// Colouring the graph by cost, in the real webview bundle in headless Chromium: ResNet-50 (test/fixtures/cost)
// analyzed for real, its per-call figures sent as the host sends them, the toolbar switch set to MACs and then to
// activation size. Checks the fills follow the figures (log scale), the legend's range, and the totals on collapsed
// and expanded helper-function groups. Screenshots go to test-artifacts/webview/ for people to look at.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { analyzeText } from '../src/analysis/analyze';
import { callCostFigures } from '../src/graph/cost';
import { isHostMessage, type HostMessage } from '../src/webview-protocol';
import { CHROMIUM, CHROMIUM_FLAGS, serveRepository } from './support/staticServer';

declare const window: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/webview');

let server: http.Server;
let baseUrl = '';
let context: BrowserContext;
let userDataDir = '';

const renders = (page: Page): Promise<number> => page.evaluate(() => window.__layergraph.renders);
async function untilRendered(page: Page, act: () => Promise<unknown>): Promise<void> {
  const before = await renders(page);
  await act();
  await page.waitForFunction((b) => window.__layergraph.renders > b && !window.__layergraph.layingOut, before);
}

before(async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-webview.mjs')], { cwd: ROOT });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  ({ server, baseUrl } = await serveRepository(ROOT));
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'layergraph-cost-webview-'));
  context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
});

after(async () => {
  await context?.close();
  server?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

describe('graph coloured by cost (webview in Chromium)', () => {
  it('the update message carries per-call figures; malformed ones are refused', () => {
    const result = analyzeText('import keras\ni = keras.Input(shape=(3,))\no = keras.layers.Dense(2)(i)\nm = keras.Model(i, o)\n', 'a.py');
    const base = { type: 'update', uri: 'file:///a.py', version: 1, result };
    assert.deepEqual(callCostFigures(result), [{ macs: 0, activationBytes: 12 }, { macs: 6, activationBytes: 8 }]);
    assert.ok(isHostMessage({ ...base, callCosts: callCostFigures(result) }));
    assert.ok(isHostMessage({ ...base, callCosts: [{ macs: null, activationBytes: null }] }));
    for (const bad of [{}, [{ macs: '6', activationBytes: 8 }], [{ macs: Infinity, activationBytes: 8 }], [null]]) assert.equal(isHostMessage({ ...base, callCosts: bad }), false, JSON.stringify(bad));
  });

  it('ResNet-50: MACs colour the nodes on a log scale, groups show their totals, the legend its range', async () => {
    const file = path.join(ROOT, 'test/fixtures/cost/resnet50.py');
    const result = analyzeText(fs.readFileSync(file, 'utf8'), file);
    const costs = callCostFigures(result);
    // The file builds two models (v1 and v1.5); the graph shows the first.
    const shown = result.models[0].calls.map((id) => costs[id]);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1300, height: 860 });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`${baseUrl}/test/webview/index.html`);
    await page.evaluate(() => (document.body.className = 'vscode-dark'));
    await page.waitForFunction(() => window.__posted?.some((m: { type: string }) => m.type === 'ready'));
    const update: HostMessage = { type: 'update', uri: 'file:///resnet50.py', version: 1, result, selectedModel: result.models[0].id, callCosts: costs };
    await untilRendered(page, () => page.evaluate((m) => window.postMessage(m, '*'), update));
    // Off by default: no fill, no data-cost, no legend.
    assert.equal(await page.locator('g.node[data-cost]').count(), 0);
    assert.equal(await page.locator('.lg-cost-legend').isVisible(), false);

    await untilRendered(page, () => page.selectOption('.lg-cost-mode', 'macs'));
    const drawn = () =>
      page.$$eval('g.node', (els) =>
        els.map((e: any) => ({ key: e.getAttribute('data-key') as string, cost: e.getAttribute('data-cost') as string | null, fill: e.querySelector('rect.frame').style.fill as string, detail: e.textContent as string })),
      );
    // The model is built inside resnet50(): 177 layers start as that one collapsed group, which says its total.
    let nodes = await drawn();
    const outer = nodes.find((n) => n.key.startsWith('g:'));
    assert.ok(outer, nodes.map((n) => n.key).join(', '));
    assert.match(outer.detail, /resnet50\(\)[\s\S]* · 3\.86 G MACs/);
    const sum = (list: { cost: string | null }[]) => list.reduce((s, n) => s + Number(n.cost), 0);
    assert.equal(sum(nodes), shown.reduce((s, c) => s + (c.macs ?? 0), 0));

    // Expanded: its label carries the same total; the stages inside are collapsed groups with their own totals,
    // which add up to it with the calls drawn beside them.
    await untilRendered(page, () => page.click(`g.node[data-key="${outer.key}"]`));
    const label = await page.locator(`.lg-cluster-label[data-group="${outer.key.slice(2)}"]`).textContent();
    assert.match(label ?? '', /resnet50\(\) · 3\.86 G MACs$/);
    nodes = await drawn();
    const groups = nodes.filter((n) => n.key.startsWith('g:'));
    assert.ok(groups.length >= 4, `stage groups: ${groups.map((g) => g.detail).join(' | ')}`);
    assert.ok(groups.every((g) => / · [\d.]+ [KMG]? ?MACs/.test(g.detail)), groups.map((g) => g.detail).join(' | '));
    const total = sum(nodes);
    assert.ok(Math.abs(total - 3.86e9) < 0.01e9, String(total));
    // Fills: none for zero cost (the input, padding), a hue that falls as cost rises (blue cheap → red dear).
    const rgb = (fill: string) => {
      const m = /rgba?\((\d+), (\d+), (\d+)/.exec(fill);
      return m ? { r: Number(m[1]), b: Number(m[3]) } : null;
    };
    const costed = nodes.filter((n) => Number(n.cost) > 0).sort((a, b) => Number(a.cost) - Number(b.cost));
    assert.ok(costed.every((n) => n.fill !== ''), 'every node with MACs is filled');
    const cheapest = rgb(costed[0].fill)!;
    const dearest = rgb(costed[costed.length - 1].fill)!;
    assert.ok(cheapest.b > cheapest.r && dearest.r > dearest.b, `${costed[0].fill} … ${costed[costed.length - 1].fill}`);
    assert.ok(nodes.filter((n) => n.cost === '0').every((n) => n.fill === ''), 'zero-cost nodes keep the theme colour');
    const legend = await page.locator('.lg-cost-legend').innerText();
    assert.match(legend, /MACs per sample \(log scale\)/);
    assert.ok(legend.includes(`${Number((Number(costed[costed.length - 1].cost) / 1e9).toPrecision(3))} G MACs`), legend);
    await page.screenshot({ path: path.join(ARTIFACTS, 'cost-resnet50-macs.png') });

    // Activation size: the figures are bytes now, and the legend says so.
    await untilRendered(page, () => page.selectOption('.lg-cost-mode', 'activations'));
    const bytes = await page.$$eval('g.node[data-cost]', (els) => els.map((e: any) => Number(e.getAttribute('data-cost'))));
    assert.equal(bytes.reduce((s, b) => s + b, 0), shown.reduce((s, c) => s + (c.activationBytes ?? 0), 0));
    assert.match(await page.locator('.lg-cost-legend').innerText(), /Output size per sample \(log scale\)[\s\S]*MB/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'cost-resnet50-activations.png') });

    // Back off: the theme's colours again.
    await untilRendered(page, () => page.selectOption('.lg-cost-mode', 'none'));
    assert.equal(await page.locator('g.node[data-cost]').count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
