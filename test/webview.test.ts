// The graph preview webview in a real headless Chromium: renders the mission scenarios from hand-built IR and checks
// the DOM contract (data-layer, data-call, data-shared, data-error, data-shape), interactions, robustness and looks.
// It does not test the extension host; screenshots go to test-artifacts/webview/ for people to look at.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AnalysisResult } from '../src/graph/ir';
import { isHostMessage, isWebviewMessage, type HostMessage, type WebviewMessage } from '../src/webview-protocol';
import { IrBuilder } from './support/irBuilder';
import * as fx from './support/webviewFixtures';
import { CHROMIUM, CHROMIUM_FLAGS, serveRepository } from './support/staticServer';

// Callbacks passed to page.evaluate run inside the page; these only type them (the root tsconfig has no DOM lib).
declare const window: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare function getComputedStyle(element: unknown): { stroke: string };

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/webview');

interface PageProbe {
  page: Page;
  problems: string[];
}
interface WindowProbe {
  __posted: WebviewMessage[];
  __layergraph: { renders: number; ignoredMessages: number; cancelledLayouts: number; lastError: string | null; stats: Record<string, number | string | boolean> | null };
}

let server: http.Server;
let baseUrl = '';
let browser: Browser;
let context: BrowserContext;
let userDataDir = '';
let version = 1;

async function startServer(): Promise<void> {
  ({ server, baseUrl } = await serveRepository(ROOT));
}

async function openPage(theme = 'vscode-dark', size = { width: 1100, height: 760 }, pagePath = '/test/webview/index.html'): Promise<PageProbe> {
  const page = await context.newPage();
  await page.setViewportSize(size);
  const problems: string[] = [];
  // CSP violations and script errors both surface here.
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${baseUrl}${pagePath}`);
  await page.evaluate((cls) => (document.body.className = cls), theme);
  await page.waitForFunction(() => (window as unknown as WindowProbe).__posted?.some((m) => m.type === 'ready'));
  return { page, problems };
}

const renders = (page: Page) => page.evaluate(() => (window as unknown as WindowProbe).__layergraph.renders);

/** Posts a host message and waits for the render it causes. */
async function send(page: Page, message: HostMessage | unknown, expectRender = true): Promise<void> {
  const before = await renders(page);
  await page.evaluate((m) => window.postMessage(m, '*'), message);
  if (expectRender) await page.waitForFunction((b) => (window as unknown as WindowProbe).__layergraph.renders > b, before);
  else await page.waitForTimeout(50);
}

function update(result: AnalysisResult, uri = `file:///${result.file}`, extra: Partial<Extract<HostMessage, { type: 'update' }>> = {}): HostMessage {
  return { type: 'update', uri, version: version++, result, ...extra };
}

const count = (page: Page, selector: string) => page.locator(selector).count();
const attrs = (page: Page, selector: string, name: string) =>
  page.$$eval(selector, (els, n) => els.map((e) => e.getAttribute(n)), name);
const posted = (page: Page) => page.evaluate(() => (window as unknown as WindowProbe).__posted);
const stats = (page: Page) => page.evaluate(() => (window as unknown as WindowProbe).__layergraph.stats);

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

before(async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-webview.mjs')], { cwd: ROOT });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  await startServer();
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'layergraph-webview-'));
  context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  browser = context.browser()!;
});

after(async () => {
  await context?.close();
  await browser?.close();
  server?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

describe('webview protocol validators', () => {
  it('accept well-formed messages in both directions', () => {
    const r = fx.sharedDense();
    assert.ok(isHostMessage({ type: 'update', uri: 'file:///a.py', version: 3, result: r }));
    assert.ok(isHostMessage({ type: 'update', uri: 'file:///a.py', version: 3, result: r, selectedModel: 0 }));
    assert.ok(isHostMessage({ type: 'highlight', callIds: [1, 2] }));
    assert.ok(isHostMessage({ type: 'setOptions', direction: 'LR' }));
    assert.ok(isHostMessage({ type: 'setStrings', strings: { fit: 'フィット' } }));
    assert.ok(isHostMessage({ type: 'update', uri: 'file:///a.py', version: 3, result: r, stale: true }));
    assert.ok(isWebviewMessage({ type: 'ready', source: null }));
    assert.ok(isWebviewMessage({ type: 'reveal', source: 'file:///a.py', range: r.calls[2].range }));
    assert.ok(isWebviewMessage({ type: 'hoverLayer', source: 'file:///a.py', layerId: null }));
    assert.ok(isWebviewMessage({ type: 'selectModel', source: 'file:///a.py', modelId: 1 }));
    assert.ok(isWebviewMessage({ type: 'exportSvg', source: 'file:///a.py', svg: '<svg/>' }));
  });

  it('reject malformed ones', () => {
    const r = fx.sharedDense();
    for (const m of [
      null,
      [],
      { type: 'update', uri: 'file:///a.py', result: r },
      { type: 'update', uri: 'file:///a.py', version: 1.5, result: r },
      { type: 'update', uri: 'file:///a.py', version: 1, result: { ...r, calls: [{ id: 0 }] } },
      { type: 'highlight', callIds: ['1'] },
      { type: 'setOptions', view: 'tree' },
      { type: 'setStrings', strings: { fit: 1 } },
      { type: 'update', uri: 'file:///a.py', version: 1, result: r, stale: 'yes' },
      { type: 'update', uri: 'file:///a.py', version: 1, result: { ...r, diagnostics: [{ ...fx.sharedDenseError().diagnostics[0], detail: 'axis -1' }] } },
    ])
      assert.equal(isHostMessage(m), false, JSON.stringify(m));
    const src = { source: 'file:///a.py' };
    for (const m of [
      { ...src, type: 'reveal', range: { line: 1 } },
      { ...src, type: 'hoverLayer' },
      { ...src, type: 'selectModel', modelId: '1' },
      { ...src, type: 'exportSvg' },
      { ...src, type: 'update' },
      // Every message names its document (null only before the first graph).
      { type: 'ready' },
      { type: 'hoverLayer', layerId: 1 },
      { type: 'selectModel', source: 7, modelId: 1 },
    ])
      assert.equal(isWebviewMessage(m), false, JSON.stringify(m));
  });
});

describe('webview: mission scenarios', () => {
  it('scenario 1: a basic chain with Python shapes on nodes and edges', async () => {
    const { page, problems } = await openPage();
    await send(page, update(fx.basicChain()));
    assert.deepEqual(await attrs(page, '.node', 'data-layer'), ['input_layer', 'dense', 'activation']);
    assert.deepEqual(await attrs(page, '.node', 'data-call'), ['0', '0', '0']);
    assert.deepEqual((await attrs(page, '.edge', 'data-shape')).sort(), ['(None, 10)', '(None, 5)']);
    const dense = page.locator('.node[data-layer="dense"]');
    assert.match((await dense.textContent()) ?? '', /dense.*Dense.*\(None, 10\)/);
    assert.equal(await count(page, '.node[data-role="input"]'), 1);
    assert.equal(await count(page, '.node[data-role="output"]'), 1);
    assert.equal(await count(page, '.node[data-shared]'), 0);
    await shot(page, 'scenario1-basic-dark');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('scenario 1 from TF.js code prints shapes the JavaScript way', async () => {
    const { page } = await openPage();
    await send(page, update(fx.basicChain('typescript')));
    assert.deepEqual((await attrs(page, '.edge', 'data-shape')).sort(), ['[null,10]', '[null,5]']);
    assert.equal(await count(page, '.node[data-layer="dense_Dense1"]'), 1);
    await page.close();
  });

  it('scenario 3: both calls of the shared Dense carry ×2 and one colour; the layer view shows one node', async () => {
    const { page, problems } = await openPage();
    const result = fx.sharedDense();
    await send(page, update(result));
    assert.equal(await count(page, '.node'), 4);
    assert.equal(await count(page, '.edge'), 3);
    assert.deepEqual(await attrs(page, '.node[data-layer="dense"]', 'data-call'), ['0', '1']);
    assert.deepEqual(await attrs(page, '.node[data-layer="dense"]', 'data-shared'), ['2', '2']);
    assert.deepEqual(await page.locator('.node[data-layer="dense"] .badge').allTextContents(), ['×2', '×2']);
    const strokes = await page.$$eval('.node .frame', (els) =>
      Object.fromEntries(els.map((e) => [`${e.parentElement!.getAttribute('data-layer')}#${e.parentElement!.getAttribute('data-call')}`, getComputedStyle(e).stroke])),
    );
    assert.equal(strokes['dense#0'], strokes['dense#1']);
    assert.notEqual(strokes['dense#0'], strokes['activation#0']);

    // Hovering one call lights up the other and tells the host which layer it is.
    await page.hover('.node[data-layer="dense"][data-call="0"]');
    assert.equal(await count(page, '.node.peer[data-layer="dense"][data-call="1"]'), 1);
    assert.ok((await posted(page)).some((m) => m.type === 'hoverLayer' && m.layerId === result.layers.find((l) => l.name === 'dense')!.id));
    await shot(page, 'scenario3-shared-hover-dark');
    await page.mouse.move(5, 740);
    assert.ok((await posted(page)).at(-1)!.type === 'hoverLayer' && (await posted(page)).at(-1)!.type === 'hoverLayer');

    await page.click('.lg-segmented .lg-button:nth-child(2)');
    await page.waitForFunction(() => document.querySelectorAll('.node.layer').length > 0);
    assert.equal(await count(page, '.node[data-layer="dense"]'), 1);
    assert.equal(await count(page, '.node'), 3);
    assert.equal(await page.getAttribute('.node[data-layer="dense"]', 'data-shared'), '2');
    // plot_model's edges: input → dense, dense → dense (the second call), dense → activation.
    assert.equal(await count(page, '.edge'), 3);
    assert.equal(await count(page, '.edge[data-from="l:dense"][data-to="l:dense"]'), 1);
    await shot(page, 'scenario3-layer-view-dark');
    await send(page, { type: 'setOptions', view: 'calls' });
    assert.equal(await count(page, '.node[data-layer="dense"]'), 2);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("scenario 4: the second call is red and carries Keras's message", async () => {
    const { page } = await openPage();
    await send(page, update(fx.sharedDenseError()));
    const bad = page.locator('.node[data-error]');
    assert.equal(await bad.count(), 1);
    assert.equal(await bad.getAttribute('data-layer'), 'dense');
    assert.equal(await bad.getAttribute('data-call'), '1');
    assert.equal(await bad.getAttribute('data-error'), fx.SCENARIO4_MESSAGE);
    const visible = (await bad.locator('.lg-error').allTextContents()).join(' ');
    assert.match(visible, /expected axis -1 of input shape to have value 5, but received input with shape \(None, 10\)/);
    assert.equal(await bad.locator('.error-marker').count(), 1);
    assert.match((await bad.locator('title').textContent()) ?? '', /received input with shape \(None, 10\)/);
    const stroke = await bad.locator('.frame').evaluate((e) => getComputedStyle(e).stroke);
    assert.equal(stroke, 'rgb(248, 81, 73)'); // the dark theme's error colour (fallback of --vscode-errorForeground)
    assert.equal(await count(page, '.edge.error'), 1);
    await shot(page, 'scenario4-error-dark');
    await page.close();
  });

  it('scenario 5: two inputs, a merge and two outputs', async () => {
    const { page } = await openPage();
    await send(page, update(fx.twoInTwoOut()));
    assert.equal(await count(page, '.node'), 9);
    assert.equal(await count(page, '.edge'), 8);
    assert.deepEqual(await attrs(page, '.node[data-role="input"]', 'data-layer'), ['input_layer', 'input_layer_1']);
    assert.deepEqual(await attrs(page, '.node[data-role="output"]', 'data-layer'), ['activation', 'activation_1']);
    assert.equal(await count(page, '.edge[data-to="c:multiply#0"]'), 2);
    assert.equal(await page.locator('.lg-model').isHidden(), true);
    await shot(page, 'scenario5-dark');
    await send(page, { type: 'setOptions', direction: 'LR' });
    await shot(page, 'scenario5-LR-dark');
    await page.evaluate(() => (document.body.className = 'vscode-light'));
    await send(page, { type: 'setOptions', direction: 'TB' });
    await shot(page, 'scenario5-light');
    await page.evaluate(() => (document.body.className = 'vscode-high-contrast'));
    await shot(page, 'scenario5-high-contrast');
    await page.close();
  });
});

describe('webview: interaction and robustness', () => {
  it('clicking a node posts reveal with the call range; highlight marks nodes', async () => {
    const { page } = await openPage();
    const result = fx.sharedDense();
    await send(page, update(result));
    await page.click('.node[data-layer="dense"][data-call="1"]');
    const reveal = (await posted(page)).filter((m) => m.type === 'reveal').at(-1);
    const secondCall = result.calls.find((c) => c.layer === 1 && c.index === 1)!;
    assert.ok(reveal && reveal.type === 'reveal');
    assert.equal(reveal.range.line, secondCall.range.line);
    assert.equal(await count(page, '.node.selected[data-call="1"]'), 1);

    await page.evaluate(() => window.postMessage({ type: 'highlight', callIds: [0] }, '*'));
    await page.waitForSelector('.node[data-highlighted][data-layer="input_layer"]');
    assert.equal(await count(page, '.node[data-highlighted]'), 1);
    // Selection and highlight survive an update of the same document.
    await send(page, update(result, 'file:///shared.py'));
    await send(page, update(result, 'file:///shared.py'));
    assert.equal(await count(page, '.node.selected[data-call="1"]'), 1);
    assert.equal(await count(page, '.node[data-highlighted]'), 1);
    await page.evaluate(() => window.postMessage({ type: 'highlight', callIds: [] }, '*'));
    await page.waitForFunction(() => !document.querySelector('.node[data-highlighted]'));
    await page.close();
  });

  it('keeps zoom and pan across updates, drops stale versions', async () => {
    const { page } = await openPage();
    const uri = 'file:///live.py';
    await send(page, update(fx.sharedDense(), uri));
    const box = (await page.locator('svg.lg-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(100);
    const zoomed = await page.getAttribute('.lg-viewport', 'transform');
    assert.ok(zoomed);
    // The user breaks the shape: the graph changes in place (red node), the view stays where it was.
    await send(page, update(fx.sharedDenseError(), uri));
    assert.equal(await count(page, '.node[data-error]'), 1);
    assert.equal(await page.getAttribute('.lg-viewport', 'transform'), zoomed);
    // An older version arriving late is ignored.
    await send(page, { type: 'update', uri, version: 0, result: fx.sharedDense() }, false);
    assert.equal(await count(page, '.node[data-error]'), 1);
    await page.close();
  });

  it('ignores malformed messages and keeps the last good graph when a result is inconsistent', async () => {
    const { page, problems } = await openPage();
    await send(page, update(fx.twoInTwoOut()));
    const bad: unknown[] = [
      null,
      'update',
      42,
      { type: 'update' },
      { type: 'update', uri: 'file:///x.py', version: 1, result: { layers: 5 } },
      { type: 'highlight', callIds: 'all' },
      { type: 'setOptions', direction: 'diagonal' },
      { type: 'eval', code: 'alert(1)' },
      { type: 'setStrings', strings: { calls: 3 } },
    ];
    for (const m of bad) await send(page, m, false);
    assert.equal(await page.evaluate(() => (window as unknown as WindowProbe).__layergraph.ignoredMessages), bad.length);
    assert.equal(await count(page, '.node'), 9);
    // Structurally valid but with a call pointing at a layer that does not exist.
    const broken = fx.twoInTwoOut();
    broken.calls[3].layer = 99;
    await send(page, update(broken));
    assert.equal(await count(page, '.node'), 9);
    assert.equal(await page.locator('.lg-banner').isVisible(), true);
    assert.match((await page.locator('.lg-banner').textContent()) ?? '', /layer 99 is missing/);
    await shot(page, 'kept-previous-graph-dark');
    await send(page, update(fx.basicChain()));
    assert.equal(await count(page, '.node'), 3);
    assert.equal(await page.locator('.lg-banner').isVisible(), false);
    // Half-typed code can give two layers one name: both still get a node of their own.
    const clash = fx.basicChain();
    clash.layers[2].name = 'dense';
    await send(page, update(clash));
    assert.deepEqual(await attrs(page, '.node', 'data-layer'), ['input_layer', 'dense', 'dense']);
    assert.equal(await count(page, '.edge'), 2);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('picks among several models, searches, localizes and exports SVG', async () => {
    const { page } = await openPage();
    await send(page, update(fx.twoInTwoOut(true)));
    assert.equal(await page.locator('.lg-model').isVisible(), true);
    assert.equal(await page.locator('.lg-model option').count(), 2);
    await page.selectOption('.lg-model', '1');
    await page.waitForFunction(() => document.querySelectorAll('.node').length === 2);
    assert.ok((await posted(page)).some((m) => m.type === 'selectModel' && m.modelId === 1));
    await page.selectOption('.lg-model', '0');
    await page.waitForFunction(() => document.querySelectorAll('.node').length === 9);

    await page.fill('.lg-search', 'dense');
    assert.equal(await count(page, '.node.match'), 4);
    assert.equal(await count(page, '.node.dimmed'), 5);
    await page.press('.lg-search', 'Enter');
    assert.match((await page.locator('.lg-search-status').textContent()) ?? '', /1 of 4/);
    await page.fill('.lg-search', '');
    assert.equal(await count(page, '.node.dimmed'), 0);

    await send(page, { type: 'setStrings', strings: { calls: 'コール', layers: 'レイヤー' } });
    assert.equal(await page.locator('.lg-segmented .lg-button').first().textContent(), 'コール');

    await page.evaluate(() => window.postMessage({ type: 'requestSvg' }, '*'));
    await page.waitForFunction(() => (window as unknown as WindowProbe).__posted.some((m) => m.type === 'exportSvg'));
    const svg = (await posted(page)).find((m) => m.type === 'exportSvg');
    assert.ok(svg && svg.type === 'exportSvg');
    assert.match(svg.svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg.svg, /data-layer="multiply"/);
    assert.doesNotMatch(svg.svg, /var\(--/);
    await page.close();
  });
});

describe('webview: a 200-layer model', () => {
  it('starts with helper groups collapsed, expands on click, and lays out fast', async () => {
    const { page, problems } = await openPage('vscode-dark', { width: 1280, height: 860 });
    const result = fx.residualNetwork();
    assert.equal(result.calls.length, 201);
    await send(page, update(result));
    const collapsed = (await stats(page))!;
    // Input + 4 collapsed stage() groups.
    assert.equal(await count(page, '.node'), 5);
    assert.equal(await count(page, '.node.group[data-collapsed="true"]'), 4);
    assert.equal(await count(page, '.edge'), 4);
    await shot(page, 'deep-collapsed-dark');

    await page.click('.node.group >> nth=0');
    await page.waitForSelector('.cluster');
    // The first stage opens onto its ten identical res_block() calls folded into one "×10" group…
    assert.equal(await count(page, '.node'), 1 + 3 + 1);
    assert.deepEqual(await attrs(page, '.node.repeat', 'data-repeat'), ['10']);
    assert.match((await page.textContent('.node.repeat .lg-name'))!, /res_block\(\) ×10/);
    await shot(page, 'deep-stage-folded-dark');
    // …which opens into the ten res_block() groups, still collapsed.
    await page.click('.node.repeat');
    await page.waitForSelector('.cluster.repeat');
    assert.equal(await count(page, '.node'), 1 + 3 + 10);
    await page.click('.node.group[data-group^="stage@0/"] >> nth=0');
    await page.waitForFunction(() => document.querySelectorAll('.node[data-layer]').length === 6);
    assert.equal(await count(page, '.node'), 1 + 3 + 9 + 5);
    const oneBlock = (await stats(page))!;
    await shot(page, 'deep-one-block-open-dark');
    await send(page, { type: 'setOptions', direction: 'LR' });
    await shot(page, 'deep-one-block-open-LR-dark');
    await send(page, { type: 'setOptions', direction: 'TB' });

    await page.click('.lg-toolbar .lg-button:has-text("Expand all")');
    await page.waitForFunction(() => document.querySelectorAll('.node[data-layer]').length === 201);
    const expanded = (await stats(page))!;
    assert.equal(await count(page, '.edge'), 200 + 40);
    await page.click('.lg-toolbar .lg-button:has-text("Fit")');
    await shot(page, 'deep-expanded-dark');

    await page.click('.lg-segmented .lg-button:nth-child(2)');
    await page.waitForFunction(() => document.querySelectorAll('.node.layer').length === 201);
    const layerView = (await stats(page))!;

    // Collapsing the cluster again via its header.
    await page.click('.lg-segmented .lg-button:nth-child(1)');
    await page.waitForSelector('.cluster');
    await page.click('.lg-toolbar .lg-button:has-text("Collapse all")');
    await page.waitForFunction(() => document.querySelectorAll('.node').length === 5);

    const line = (name: string, s: Record<string, number | string | boolean>) =>
      `${name}: ${s.nodes} nodes ${s.edges} edges; build ${(+s.buildMs).toFixed(1)} ms, measure ${(+s.measureMs).toFixed(1)} ms, layout ${(+s.layoutMs).toFixed(1)} ms (${s.engine}, ${s.levelsComputed} levels + ${s.levelsCached} cached), update ${(+s.updateMs).toFixed(1)} ms, total ${(+s.totalMs).toFixed(1)} ms`;
    const report = [line('collapsed', collapsed), line('one block open', oneBlock), line('all expanded (clusters)', expanded), line('layer view', layerView)].join('\n');
    fs.writeFileSync(path.join(ARTIFACTS, 'deep-timings.txt'), report + '\n');
    console.log(report);
    assert.ok(+collapsed.totalMs < 1000, `collapsed render took ${collapsed.totalMs} ms`);
    assert.ok(+expanded.totalMs < 3000, `expanded render took ${expanded.totalMs} ms`);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('webview: Train & Show Weights', () => {
  const progress = (uri: string, history: number[], epochs = 5, status: 'running' | 'done' | 'cancelled' | 'failed' = 'running'): HostMessage => ({
    type: 'trainProgress',
    uri,
    model: 'model',
    epoch: history.length,
    epochs,
    loss: history.at(-1) ?? null,
    history,
    status,
  });

  it('validators accept trainProgress and weights, and reject malformed ones', () => {
    const uri = 'file:///shared.py';
    assert.ok(isHostMessage(progress(uri, [])));
    assert.ok(isHostMessage(progress(uri, [0.3, 0.2], 5, 'done')));
    assert.ok(isHostMessage({ type: 'weights', uri, version: 2, layers: fx.sharedDenseWeights() }));
    assert.ok(isHostMessage({ type: 'weights', uri, version: 2, layers: [] }));
    const weights = fx.sharedDenseWeights();
    for (const m of [
      { ...progress(uri, [0.3]), status: 'paused' },
      { ...progress(uri, [0.3]), history: ['0.3'] },
      { ...progress(uri, [0.3]), epoch: 1.5 },
      { type: 'weights', uri, layers: weights },
      { type: 'weights', uri, version: 2, layers: [{ layerId: 1, arrays: [{ ...weights[0].arrays[0], histogram: [-1] }] }] },
      { type: 'weights', uri, version: 2, layers: [{ layerId: 1, arrays: [{ ...weights[0].arrays[0], stats: { mean: 0 } }] }] },
    ])
      assert.equal(isHostMessage(m), false, JSON.stringify(m));
  });

  it('draws the loss curve live, epoch by epoch, and marks a cancelled run', async () => {
    const { page, problems } = await openPage();
    const uri = 'file:///shared.py';
    await send(page, update(fx.sharedDense(), uri));
    const panel = page.locator('.lg-loss');
    assert.equal(await panel.isVisible(), false);
    await send(page, progress(uri, []), false);
    assert.equal(await panel.isVisible(), true);
    assert.equal(await panel.getAttribute('data-points'), '0');
    const losses = [0.412, 0.35, 0.301, 0.262, 0.2391];
    for (let i = 1; i <= 3; i++) await send(page, progress(uri, losses.slice(0, i)), false);
    assert.equal(await panel.getAttribute('data-status'), 'running');
    assert.equal(await panel.getAttribute('data-epoch'), '3');
    assert.equal(await count(page, '.lg-loss .dot'), 3);
    assert.match((await page.locator('.lg-loss-title').textContent()) ?? '', /^Training model · epoch 3\/5 · loss 0\.3010$/);
    // Decreasing loss: each dot lower on screen than the one before (larger y), moving right.
    const dots = await page.$$eval('.lg-loss .dot', (els) => els.map((e) => [Number(e.getAttribute('cx')), Number(e.getAttribute('cy'))]));
    for (let i = 1; i < dots.length; i++) assert.ok(dots[i][0] > dots[i - 1][0] && dots[i][1] > dots[i - 1][1], JSON.stringify(dots));
    await shot(page, 'train-loss-running-dark');
    await send(page, progress(uri, losses, 5, 'done'), false);
    assert.equal(await panel.getAttribute('data-status'), 'done');
    assert.equal(await count(page, '.lg-loss .dot'), 5);
    assert.match((await page.locator('.lg-loss-title').textContent()) ?? '', /^Trained model · 5 epochs · loss 0\.2391$/);
    await shot(page, 'train-loss-done-dark');
    // Another document's training is not drawn here.
    await send(page, progress('file:///other.py', [9, 8, 7]), false);
    assert.equal(await panel.getAttribute('data-points'), '5');
    // A new run, then Cancel.
    await send(page, progress(uri, []), false);
    await send(page, progress(uri, [0.5, 0.45], 5, 'cancelled'), false);
    assert.equal(await panel.getAttribute('data-status'), 'cancelled');
    assert.match((await page.locator('.lg-loss-title').textContent()) ?? '', /^Training model cancelled/);
    await page.evaluate(() => (document.body.className = 'vscode-light'));
    await shot(page, 'train-loss-cancelled-light');
    await page.click('.lg-loss-close');
    assert.equal(await panel.isVisible(), false);
    // Localized through the strings table like the rest of the page.
    await send(page, { type: 'setStrings', strings: { trainRunning: '{0} を学習中 · エポック {1}/{2}', trainLoss: '損失 {0}' } });
    await send(page, progress(uri, [0.5]), false);
    assert.equal(await page.locator('.lg-loss-title').textContent(), 'model を学習中 · エポック 1/5 · 損失 0.5000');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('puts a histogram per weight array on the trained layer, on every call of a shared layer, and drops stale weights', async () => {
    const { page, problems } = await openPage();
    const uri = 'file:///shared.py';
    const result = fx.sharedDense();
    const shown = update(result, uri);
    await send(page, shown);
    const v = (shown as { version: number }).version;
    await send(page, { type: 'weights', uri, version: v, layers: fx.sharedDenseWeights(result) });
    // Both calls of the one Dense carry the same two arrays: shared weights, visibly.
    assert.deepEqual(await attrs(page, '.node[data-weights]', 'data-layer'), ['dense', 'dense']);
    assert.deepEqual(await attrs(page, '.node[data-weights]', 'data-weights'), ['kernel 5×5, bias 5', 'kernel 5×5, bias 5']);
    assert.equal(await count(page, '.node[data-layer="activation"][data-weights]'), 0);
    assert.deepEqual(await attrs(page, '.node[data-layer="dense"][data-call="0"] .hist', 'data-shape'), ['5x5', '5']);
    // One bar per non-empty bin.
    assert.equal(await count(page, '.node[data-layer="dense"][data-call="0"] .hist[data-name="kernel"] .bar'), 14);
    assert.equal(await count(page, '.node[data-layer="dense"][data-call="0"] .hist[data-name="bias"] .bar'), 5);
    assert.match((await page.locator('.node[data-call="0"] .hist[data-name="kernel"] title').first().textContent()) ?? '', /^kernel 5×5: mean 0\.012 · std 0\.400 · min -0\.710 · max 0\.680$/);
    // Histograms sit inside their node's frame.
    const inside = await page.$$eval('.node[data-weights]', (nodes) =>
      nodes.every((n) => {
        const f = n.querySelector('.frame')!.getBoundingClientRect();
        return Array.from(n.querySelectorAll('.hist') as ArrayLike<any>).every((h: any) => { // eslint-disable-line @typescript-eslint/no-explicit-any
          const b = h.getBoundingClientRect();
          return b.left >= f.left && b.right <= f.right && b.top >= f.top && b.bottom <= f.bottom;
        });
      }),
    );
    assert.ok(inside);
    await send(page, progress(uri, [0.41, 0.35, 0.3, 0.26, 0.24], 5, 'done'), false);
    await shot(page, 'train-weights-calls-dark');
    await page.click('.lg-segmented .lg-button:nth-child(2)');
    await page.waitForFunction(() => document.querySelectorAll('.node.layer').length > 0);
    assert.deepEqual(await attrs(page, '.node[data-weights]', 'data-layer'), ['dense']);
    await shot(page, 'train-weights-layers-dark');
    await page.evaluate(() => (document.body.className = 'vscode-light'));
    await shot(page, 'train-weights-layers-light');
    await send(page, { type: 'setOptions', view: 'calls' });

    // The user edits the file: the next version's graph has no weights (they were trained from the old code).
    await send(page, update(result, uri));
    assert.equal(await count(page, '.node[data-weights]'), 0);
    // Weights that arrive late for an older version are not shown either.
    await send(page, { type: 'weights', uri, version: v, layers: fx.sharedDenseWeights(result) }, false);
    assert.equal(await count(page, '.node[data-weights]'), 0);
    // An empty list clears weights for the version shown.
    const now = update(result, uri);
    await send(page, now);
    await send(page, { type: 'weights', uri, version: (now as { version: number }).version, layers: fx.sharedDenseWeights(result) });
    assert.equal(await count(page, '.node[data-weights]'), 2);
    await send(page, { type: 'weights', uri, version: (now as { version: number }).version, layers: [] });
    assert.equal(await count(page, '.node[data-weights]'), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

/** The exported SVG as Chromium's XML parser reads it: whether it parsed, and the text of its nodes. */
async function parseSvg(page: Page, svg: string): Promise<{ error: string | null; scripts: number; texts: string[] }> {
  return page.evaluate((text) => {
    const doc = new window.DOMParser().parseFromString(text, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    return {
      error: error ? error.textContent : null,
      scripts: doc.getElementsByTagName('script').length,
      texts: Array.from(doc.querySelectorAll('.node .lg-name') as ArrayLike<any>).map((e: any) => e.textContent), // eslint-disable-line @typescript-eslint/no-explicit-any
    };
  }, svg);
}

async function exportedSvg(page: Page): Promise<string> {
  const before = (await posted(page)).filter((m) => m.type === 'exportSvg').length;
  await page.evaluate(() => window.postMessage({ type: 'requestSvg' }, '*'));
  await page.waitForFunction((b) => (window as unknown as WindowProbe).__posted.filter((m) => m.type === 'exportSvg').length > b, before);
  const m = (await posted(page)).filter((x) => x.type === 'exportSvg').at(-1)!;
  return m.type === 'exportSvg' ? m.svg : '';
}

describe('webview: messages name their document', () => {
  it('stamps every message with the uri of the graph on screen, null before the first', async () => {
    const { page } = await openPage();
    const ready = (await posted(page)).find((m) => m.type === 'ready')!;
    assert.equal(ready.source, null);
    await send(page, update(fx.sharedDense(), 'file:///a.py'));
    await page.click('.node[data-layer="dense"][data-call="1"]');
    await page.hover('.node[data-layer="activation"]');
    await page.click('.lg-toolbar .lg-button:has-text("Export SVG")');
    await send(page, update(fx.basicChain(), 'file:///b.py'));
    await page.click('.node[data-layer="dense"]');
    const all = await posted(page);
    const sources = (type: string) => all.filter((m) => m.type === type).map((m) => m.source);
    assert.deepEqual(sources('reveal'), ['file:///a.py', 'file:///b.py']);
    assert.deepEqual(sources('exportSvg'), ['file:///a.py']);
    assert.ok(sources('hoverLayer').includes('file:///a.py'));
    assert.ok(all.every((m) => isWebviewMessage(m)), JSON.stringify(all.filter((m) => !isWebviewMessage(m))));
    await page.close();
  });
});

describe('webview: export shows the graph, not the view state', () => {
  it('leaves out selection, cursor highlight, hover and search marks, and keeps them on screen', async () => {
    const { page, problems } = await openPage();
    await send(page, update(fx.sharedDense(), 'file:///shared.py'));
    const plain = await exportedSvg(page);
    await page.click('.node[data-layer="dense"][data-call="1"]');
    await page.evaluate(() => window.postMessage({ type: 'highlight', callIds: [0] }, '*'));
    await page.waitForSelector('.node[data-highlighted]');
    await page.fill('.lg-search', 'dense');
    await page.hover('.node[data-layer="dense"][data-call="0"]');
    assert.equal(await count(page, '.node.selected'), 1);
    assert.equal(await count(page, '.node.dimmed'), 2);
    const marked = await exportedSvg(page);
    // The same drawing as before any interaction, attribute for attribute.
    assert.equal(marked, plain);
    assert.doesNotMatch(marked, /\b(selected|highlighted|hovered|peer|match|dimmed)\b|data-highlighted/);
    // The live view still shows the user's state.
    assert.equal(await count(page, '.node.selected'), 1);
    assert.equal(await count(page, '.node[data-highlighted]'), 1);
    assert.equal(await count(page, '.node.match'), 2);
    assert.equal(await count(page, '.node.hovered'), 1);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('names with control characters, markup, "]]>" and "&" export to SVG an XML parser accepts, shown as text', async () => {
    const { page, problems } = await openPage();
    await send(page, update(fx.hostileNames()));
    // On screen: the names as text, no element made from them.
    assert.equal(await page.evaluate(() => document.querySelectorAll('svg script').length), 0);
    assert.deepEqual(await attrs(page, '.node', 'data-layer'), fx.HOSTILE_NAMES);
    assert.deepEqual(await page.locator('.node .lg-name').allTextContents(), ['ctl\u2401a', 'esc\u241b[31mred', '<script>alert(1)</script>', 'cdata]]>end', 'amp&amp;&lt;']);
    const svg = await exportedSvg(page);
    const parsed = await parseSvg(page, svg);
    assert.equal(parsed.error, null);
    assert.equal(parsed.scripts, 0);
    // Control characters become their visible Control Pictures; markup and entities stay literal text.
    assert.deepEqual(parsed.texts, ['ctl\u2401a', 'esc\u241b[31mred', '<script>alert(1)</script>', 'cdata]]>end', 'amp&amp;&lt;']);
    await shot(page, 'hostile-names-dark');
    fs.writeFileSync(path.join(ARTIFACTS, 'hostile-names.svg'), svg);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('webview: error text from structured fields', () => {
  it("builds the node's text from the diagnostic's detail and falls back to the message as it is", async () => {
    const { page } = await openPage();
    const result = fx.sharedDenseError();
    (result.diagnostics[0] as unknown as { detail: unknown }).detail = { kind: 'input-spec', axis: -1, expected: 5, received: [null, 10] };
    await send(page, update(result, 'file:///err.py'));
    const bad = page.locator('.node[data-error]');
    assert.equal((await bad.locator('.lg-error').allTextContents()).join(' '), 'axis -1: expected 5, received (None, 10)');
    // The full message stays in the tooltip and data-error.
    assert.equal(await bad.getAttribute('data-error'), fx.SCENARIO4_MESSAGE);
    await shot(page, 'error-from-detail-dark');
    // Fields the webview cannot show: the message, whole.
    const odd = fx.sharedDenseError();
    (odd.diagnostics[0] as unknown as { detail: unknown }).detail = { kind: 'input-spec', expected: { rank: 2 }, received: [null, 10] };
    await send(page, update(odd, 'file:///err.py'));
    const text = (await page.locator('.node[data-error] .lg-error').allTextContents()).join(' ');
    assert.equal(text, fx.SCENARIO4_MESSAGE);
    await page.close();
  });
});

describe('webview: a half-typed line', () => {
  it('an update with fewer nodes keeps zoom, selection and groups; a stale graph carries a badge', async () => {
    const { page, problems } = await openPage();
    const uri = 'file:///typing.py';
    await send(page, update(fx.sharedDense(), uri));
    await page.click('.node[data-layer="dense"][data-call="1"]');
    const box = (await page.locator('svg.lg-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(100);
    const zoomed = await page.getAttribute('.lg-viewport', 'transform');
    // Mid-edit the analysis sees only the input.
    const one = new IrBuilder('shared.py');
    one.input('input_layer', [null, 5], 1);
    await send(page, update(one.build(), uri));
    assert.equal(await count(page, '.node'), 1);
    assert.equal(await page.getAttribute('.lg-viewport', 'transform'), zoomed);
    await send(page, update(fx.sharedDense(), uri));
    assert.equal(await count(page, '.node'), 4);
    assert.equal(await page.getAttribute('.lg-viewport', 'transform'), zoomed);
    assert.equal(await count(page, '.node.selected[data-layer="dense"][data-call="1"]'), 1);

    const badge = page.locator('.lg-stale');
    assert.equal(await badge.isVisible(), false);
    const staleUpdate = update(fx.sharedDense(), uri, { stale: true });
    await send(page, staleUpdate);
    assert.equal(await badge.isVisible(), true);
    assert.equal(await badge.textContent(), 'last good graph — the file has a syntax error');
    assert.equal(await count(page, '.node'), 4);
    assert.equal(await page.getAttribute('.lg-viewport', 'transform'), zoomed);
    await shot(page, 'stale-badge-dark');
    // The host re-sends the same version once the file parses again: the badge goes, nothing else changes.
    await send(page, { ...(staleUpdate as object), stale: false }, false);
    assert.equal(await badge.isVisible(), false);
    await send(page, update(fx.sharedDense(), uri, { stale: true }));
    assert.equal(await badge.isVisible(), true);
    await send(page, update(fx.sharedDense(), uri));
    assert.equal(await badge.isVisible(), false);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

/** Screen rectangles of the canvas and of the drawing inside it. */
const rects = (page: Page) =>
  page.evaluate(() => {
    const r = (e: any) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const b = e.getBoundingClientRect();
      return { left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height };
    };
    // The graph's extent from the renderer: a big graph has only the part on screen in the DOM.
    const canvas = r(document.querySelector('svg.lg-canvas'));
    const g = window.__layergraph.graphRect();
    const left = canvas.left + g.x;
    const top = canvas.top + g.y;
    return { canvas, graph: { left, top, right: left + g.width, bottom: top + g.height, width: g.width, height: g.height } };
  });

/** The zoom factor of the main view. */
const scale = async (page: Page) => Number(/scale\(([\d.e-]+)/.exec((await page.getAttribute('.lg-viewport', 'transform')) ?? '')?.[1] ?? NaN);

const onScreen = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const c = document.querySelector('svg.lg-canvas').getBoundingClientRect();
    // Off screen on a big graph means not drawn at all.
    const e = document.querySelector(sel);
    if (!e) return false;
    const b = e.getBoundingClientRect();
    return b.bottom > c.top && b.top < c.bottom && b.right > c.left && b.left < c.right;
  }, selector);

for (const layers of [500, 2000]) {
  describe(`webview: a ${layers}-layer chain`, () => {
    it('Fit shows the whole graph; the overview marks the view and pans it by click and drag', async () => {
      const { page, problems } = await openPage('vscode-dark', { width: 1100, height: 760 });
      await send(page, update(fx.denseChain(layers, true), `file:///chain${layers}.py`));
      const s = (await stats(page))!;
      assert.equal(s.nodes, layers + 1);
      // Above a thousand nodes only what is on screen is drawn; fitted, that is all of it, painted on a canvas.
      const drawn = Number(await page.getAttribute('svg.lg-canvas', 'data-drawn'));
      if (layers <= 1000) assert.equal(await count(page, '.node'), layers + 1);
      else {
        assert.equal(await page.getAttribute('svg.lg-canvas', 'data-painter'), 'canvas');
        assert.equal(await count(page, '.node'), drawn);
      }
      console.log(`${layers}-layer chain: ${s.nodes} nodes, layout ${(+s.layoutMs).toFixed(0)} ms (${s.engine}), total ${(+s.totalMs).toFixed(0)} ms`);
      const within = async () => {
        const { canvas, graph } = await rects(page);
        return graph.top >= canvas.top - 1 && graph.bottom <= canvas.bottom + 1 && graph.left >= canvas.left - 1 && graph.right <= canvas.right + 1;
      };
      // The first view of a new document is fitted: the whole chain, first and last layer on screen.
      assert.ok(await within(), JSON.stringify(await rects(page)));
      const overview = page.locator('.lg-overview');
      assert.equal(await overview.isVisible(), true);
      assert.equal(await overview.getAttribute('data-errors'), '1');
      await shot(page, `chain${layers}-fit-dark`);

      // Zoomed in on the start, the last layer is off screen; Fit brings the whole graph back.
      const box = (await page.locator('svg.lg-canvas').boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + 40);
      for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -600);
      await page.waitForTimeout(150);
      assert.equal(await within(), false);
      await page.click('.lg-toolbar .lg-button:has-text("Fit")');
      assert.ok(await within());

      // Readable zoom, then a click near the bottom of the overview jumps to the end of the chain.
      await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
      for (let i = 0; i < 60 && (await scale(page)) < 0.9; i++) {
        await page.mouse.wheel(0, -200);
        await page.waitForTimeout(20);
      }
      assert.ok((await scale(page)) < 2);
      const last = `.node[data-layer="dense_${layers - 1}"]`;
      const ov = (await overview.boundingBox())!;
      // The very edge: on a 2,000-layer chain one overview pixel spans several layers.
      await page.mouse.click(ov.x + ov.width / 2, ov.y + ov.height - 0.5);
      assert.equal(await onScreen(page, last), true);
      assert.equal(await onScreen(page, '.node[data-layer="input_layer"]'), false);
      const mark = (await page.locator('.lg-overview-view').boundingBox())!;
      assert.ok(mark.y + mark.height / 2 > ov.y + ov.height * 0.8, JSON.stringify({ mark, ov }));
      await shot(page, `chain${layers}-overview-end-dark`);
      // Dragging back to the top of the overview pans to the input.
      await page.mouse.move(ov.x + ov.width / 2, ov.y + ov.height - 0.5);
      await page.mouse.down();
      await page.mouse.move(ov.x + ov.width / 2, ov.y + ov.height / 2, { steps: 4 });
      const middle = `.node[data-layer="dense_${Math.floor(layers / 2)}"]`;
      assert.equal(await onScreen(page, middle), true);
      await page.mouse.move(ov.x + ov.width / 2, ov.y + 0.5, { steps: 4 });
      await page.mouse.up();
      assert.equal(await onScreen(page, '.node[data-layer="input_layer"]'), true);
      assert.equal(await onScreen(page, last), false);
      await page.evaluate(() => (document.body.className = 'vscode-light'));
      await shot(page, `chain${layers}-overview-start-light`);
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
}

describe('webview: the overview stays out of the way', () => {
  it('is hidden for a graph that fits in a few screens', async () => {
    const { page } = await openPage();
    await send(page, update(fx.twoInTwoOut()));
    assert.equal(await page.locator('.lg-overview').isVisible(), false);
    await page.close();
  });
});

describe('webview: our layered layout on a flat residual network', () => {
  it('keeps 400 nodes apart and routes skip connections beside the chain', async () => {
    const { page, problems } = await openPage('vscode-dark', { width: 1100, height: 760 });
    await send(page, update(fx.residualNetwork(8, 10, 64, false), 'file:///flat.py'));
    assert.equal(await page.getAttribute('svg.lg-canvas', 'data-engine'), 'layered');
    assert.equal(await count(page, '.node'), 401);
    const overlaps = await page.$$eval('.node .frame', (frames) => {
      const boxes = frames.map((f) => f.getBoundingClientRect());
      let n = 0;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) n++;
        }
      return n;
    });
    assert.equal(overlaps, 0);
    // The skip edge into the first add passes no node: it leaves the chain and comes back.
    const skip = page.locator('.edge[data-to="c:add#0"][data-from="c:input_layer#0"] path');
    const d = (await skip.getAttribute('d')) ?? '';
    assert.ok(d.split(/[MLC]/).length > 3, d);
    // Zoom in on the top of the graph to look at it.
    const box = (await page.locator('svg.lg-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 30);
    for (let i = 0; i < 40 && (await scale(page)) < 0.7; i++) await page.mouse.wheel(0, -200);
    await page.waitForTimeout(100);
    await shot(page, 'layered-flat-resnet-dark');
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('webview: layout in a worker', () => {
  it('lays out off the UI thread, keeps the last picture while it runs, and drops a layout a newer graph overtakes', async () => {
    const { page, problems } = await openPage();
    const uri = 'file:///worker.py';
    await send(page, update(fx.sharedDense(), uri));
    assert.equal((await stats(page))!.worker, true);
    // A big graph, then at once a small one: the big layout is cancelled, never drawn; meanwhile the old picture
    // stays on screen.
    const before = await renders(page);
    const big = update(fx.denseChain(2000), uri);
    const small = update(fx.basicChain(), uri);
    const during = await page.evaluate(
      async ([a, b]) => {
        const probe = window.__layergraph;
        window.postMessage(a, '*');
        while (!probe.layingOut) await new Promise((r) => setTimeout(r, 0));
        const shown = document.querySelectorAll('.node').length;
        window.postMessage(b, '*');
        return shown;
      },
      [big, small],
    );
    assert.equal(during, 4);
    await page.waitForFunction((b) => (window as unknown as WindowProbe).__layergraph.renders > b, before);
    await page.waitForTimeout(300);
    assert.equal(await count(page, '.node'), 3);
    assert.deepEqual(await attrs(page, '.node', 'data-layer'), ['input_layer', 'dense', 'activation']);
    assert.equal(await renders(page), before + 1);
    assert.ok((await page.evaluate(() => (window as unknown as WindowProbe).__layergraph.cancelledLayouts)) >= 1);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('falls back to the UI thread where the CSP allows no worker', async () => {
    // The test page with the policy minus worker-src, served under another name.
    const strict = fs.readFileSync(path.join(ROOT, 'test/webview/index.html'), 'utf8').replace('; worker-src blob:', '');
    assert.doesNotMatch(strict, /worker-src/);
    await context.route('**/test/webview/no-worker.html', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: strict }));
    const { page } = await openPage('vscode-dark', { width: 1100, height: 760 }, '/test/webview/no-worker.html');
    await send(page, update(fx.sharedDense(), 'file:///fallback.py'));
    assert.equal(await count(page, '.node'), 4);
    assert.equal((await stats(page))!.worker, false);
    await send(page, update(fx.twoInTwoOut(), 'file:///fallback.py'));
    assert.equal(await count(page, '.node'), 9);
    await page.close();
    await context.unroute('**/test/webview/no-worker.html');
  });
});
