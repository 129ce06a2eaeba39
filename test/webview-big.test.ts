// Big models in the graph preview: repeated blocks folded into one "×N" group, nested models (functional and
// subclassed) opened in place with their inner shapes, search that opens its way to a match inside closed groups,
// keyboard navigation, and a 10,000-node graph of which only the part on screen is drawn. The view graph is checked in Node on real analyzer output (the analyzer runs, nothing is hand-built);
// the drawing in headless Chromium, with screenshots in test-artifacts/webview/. It does not test the host.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildSync } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { analyzeText } from '../src/analysis/analyze';
import type { AnalysisResult } from '../src/graph/ir';
import type { HostMessage, WebviewMessage } from '../src/webview-protocol';
import type * as GraphModel from '../webview/graphModel';
import { CHROMIUM, CHROMIUM_FLAGS, serveRepository } from './support/staticServer';
import * as fx from './support/webviewFixtures';

declare const window: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/webview');
const FIXTURES = path.join(ROOT, 'test/fixtures');

/** The webview's graph model bundled for Node (it is browser code that imports no DOM). */
function loadGraphModel(): typeof GraphModel {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layergraph-graphmodel-'));
  const file = path.join(dir, 'graphModel.js');
  try {
    buildSync({ absWorkingDir: ROOT, entryPoints: ['webview/graphModel.ts'], outfile: file, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
    return require(file) as typeof GraphModel;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const gm = loadGraphModel();

function analyze(relative: string): AnalysisResult {
  const file = path.join(FIXTURES, relative);
  return analyzeText(fs.readFileSync(file, 'utf8'), file);
}

const modelNamed = (r: AnalysisResult, name: string) => r.models.find((m) => m.name === name)!;
const view = (r: AnalysisResult, model: string, collapsedOverrides: Record<string, boolean> = {}) =>
  gm.buildViewGraph(r, { view: 'calls', model: modelNamed(r, model), collapsedOverrides });

describe('view graph: repeated blocks', () => {
  const resnet = analyze('cost/resnet50.py');
  // The whole network is built inside resnet50(); each stage() calls bottleneck() 3, 4, 6 and 3 times.
  const open: Record<string, boolean> = {};
  const top = view(resnet, 'resnet50');
  const helper = top.nodes.find((n) => n.kind === 'group')!.expandKey!;
  open[helper] = false;
  const stages = view(resnet, 'resnet50', open).nodes.filter((n) => n.kind === 'group');
  for (const s of stages) open[s.expandKey!] = false;

  it('folds the identical bottleneck() calls of each ResNet-50 stage, not the first one with its projection', () => {
    assert.equal(stages.length, 4);
    const g = view(resnet, 'resnet50', open);
    const repeats = g.nodes.filter((n) => n.repeat);
    assert.deepEqual(
      repeats.map((n) => n.repeat),
      [2, 3, 5, 2],
    );
    assert.deepEqual(
      repeats.map((n) => n.name),
      ['bottleneck() ×2', 'bottleneck() ×3', 'bottleneck() ×5', 'bottleneck() ×2'],
    );
    // An identity block is 10 calls; the first block of a stage (12, with the projection) stays on its own.
    assert.deepEqual(
      repeats.map((n) => n.callIds.length),
      [20, 30, 50, 20],
    );
    const firsts = g.nodes.filter((n) => n.kind === 'group' && !n.repeat);
    assert.deepEqual(
      firsts.map((n) => n.callIds.length),
      [12, 12, 12, 12],
    );
    // Still one chain: first block → folded rest → next stage's first block, with the stage's output shape.
    assert.deepEqual(
      repeats.map((n) => n.shapeText),
      ['(None, 56, 56, 256)', '(None, 28, 28, 512)', '(None, 14, 14, 1024)', '(None, 7, 7, 2048)'],
    );
    for (const r of repeats) {
      assert.equal(g.edges.filter((e) => e.target === r.key).length, 1, r.key);
      assert.equal(g.edges.filter((e) => e.source === r.key).length, 1, r.key);
    }
    assert.equal(g.nodes.reduce((k, n) => k + n.callIds.length, 0), 177);
  });

  it('opens a fold into its blocks, each its own group with the same ten calls', () => {
    const folded = view(resnet, 'resnet50', open);
    const conv4 = folded.nodes.find((n) => n.repeat === 5)!;
    const g = view(resnet, 'resnet50', { ...open, [conv4.expandKey!]: false });
    const cluster = g.clusters.find((c) => c.key === conv4.expandKey)!;
    assert.equal(cluster.label, 'bottleneck() ×5');
    const blocks = g.nodes.filter((n) => n.parent === cluster.key);
    assert.equal(blocks.length, 5);
    for (const b of blocks) assert.equal(b.callIds.length, 10);
    assert.ok(g.collapsedGroups.every((k) => k !== conv4.expandKey));
  });

  it('does not fold blocks whose layers differ in config, or a single block', () => {
    // The ten blocks of a 200-call model stop repeating when one of them has another width.
    const r = analyzeText(
      [
        'import keras',
        'from keras import layers',
        'def block(x, units):',
        '    return layers.Dense(units, activation="relu")(x)',
        'inputs = keras.Input(shape=(8,))',
        'x = block(inputs, 8)',
        'x = block(x, 8)',
        'x = block(x, 16)',
        'x = block(x, 16)',
        'x = block(x, 16)',
        'y = block(x, 4)',
        'model = keras.Model(inputs, y)',
      ].join('\n'),
      'blocks.py',
    );
    const g = gm.buildViewGraph(r, { view: 'calls', model: r.models[0], collapsedOverrides: {} });
    const clusters = g.clusters.filter((c) => c.key.startsWith('r:'));
    assert.deepEqual(
      clusters.map((c) => c.label),
      ['block() ×2', 'block() ×3'],
    );
    // Small graphs start open, so the folds are frames around their blocks, not single nodes.
    assert.equal(g.nodes.filter((n) => n.kind === 'call').length, 7);
  });
});

describe('view graph: nested models', () => {
  const gan = analyze('webview/gan.py');

  it("shows a nested model as one node until opened, then its inner calls on the outer call's tensors", () => {
    const closed = view(gan, 'gan');
    assert.deepEqual(
      closed.nodes.map((n) => [n.name, n.expandKey]),
      [
        ['input_layer_2', null],
        ['generator', 'n:generator#0'],
        ['discriminator', 'n:discriminator#0'],
      ],
    );
    const g = view(gan, 'gan', { 'n:generator#0': false });
    assert.deepEqual(g.clusters, [{ key: 'n:generator#0', label: 'generator · Functional', parent: null }]);
    const inner = g.nodes.filter((n) => n.parent === 'n:generator#0');
    assert.deepEqual(
      inner.map((n) => [n.name, n.shapeText]),
      [
        ['dense', '(None, 128)'],
        ['dense_1', '(None, 784)'],
        ['reshape', '(None, 28, 28, 1)'],
      ],
    );
    // The generator's own Input is the outer input: not drawn twice, and wired across the boundary both ways.
    assert.ok(!g.nodes.some((n) => n.name === 'input_layer'));
    const edge = (from: string, to: string) => g.edges.find((e) => e.source === from && e.target === to);
    assert.equal(edge('c:input_layer_2#0', 'c:generator#0/dense#0')?.shapeText, '(None, 100)');
    assert.equal(edge('c:generator#0/reshape#0', 'c:discriminator#0')?.shapeText, '(None, 28, 28, 1)');
    assert.equal(g.edges.length, 4);
  });

  it('opens both models of the GAN and joins the generator straight into the discriminator', () => {
    const g = view(gan, 'gan', { 'n:generator#0': false, 'n:discriminator#0': false });
    assert.equal(g.clusters.length, 2);
    const e = g.edges.find((x) => x.source === 'c:generator#0/reshape#0')!;
    assert.equal(e.target, 'c:discriminator#0/flatten#0');
    assert.equal(g.nodes.find((n) => n.key === 'c:discriminator#0/dense_3#0')?.role, 'inner');
    assert.equal(g.nodes.length, 1 + 3 + 3);
  });

  it('search finds layers inside a closed nested model, with the group to open', () => {
    const g = view(gan, 'gan');
    const hits = g.search.filter((s) => s.text.includes('flatten'));
    assert.deepEqual(hits, [{ key: 'c:discriminator#0/flatten#0', text: 'flatten flatten', groups: ['n:discriminator#0'] }]);
  });

  it('opens a subclassed model in place; a subclassed layer stays one node', () => {
    const r = analyze('webview/subclassed.py');
    const closed = view(r, 'with_custom');
    const tower = closed.nodes.find((n) => n.name === 'tower')!;
    assert.equal(tower.expandKey, 'n:tower#0');
    assert.equal(closed.nodes.find((n) => n.name === 'residual_block')!.expandKey, null);
    const g = view(r, 'with_custom', { 'n:tower#0': false });
    const inner = g.nodes.filter((n) => n.parent !== null && n.parent.endsWith('n:tower#0'));
    assert.deepEqual(
      inner.map((n) => [n.name, n.shapeText]),
      [
        ['dense_2', '(None, 16)'],
        ['dense_3', '(None, 16)'],
      ],
    );
    assert.ok(g.edges.some((e) => e.source === 'c:residual_block#0' && e.target === inner[0].key));
    assert.ok(g.edges.some((e) => e.source === inner[1].key && e.target === 'c:dense_4#0'));
  });
});

// ---- in Chromium ----

let server: http.Server;
let baseUrl = '';
let context: BrowserContext;
let userDataDir = '';
let version = 1;

before(async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-webview.mjs')], { cwd: ROOT });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  ({ server, baseUrl } = await serveRepository(ROOT));
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'layergraph-webview-groups-'));
  context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
});

after(async () => {
  await context?.close();
  server?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

async function openPage(size = { width: 1200, height: 820 }): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  await page.setViewportSize(size);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${baseUrl}/test/webview/index.html`);
  await page.waitForFunction(() => window.__posted?.some((m: WebviewMessage) => m.type === 'ready'));
  return { page, problems };
}

const renders = (page: Page): Promise<number> => page.evaluate(() => window.__layergraph.renders);
async function send(page: Page, message: HostMessage): Promise<void> {
  const b = await renders(page);
  await page.evaluate((m) => window.postMessage(m, '*'), message);
  await page.waitForFunction((n) => window.__layergraph.renders > n, b);
}
async function clickAndRender(page: Page, selector: string): Promise<void> {
  const b = await renders(page);
  // A deep graph runs off the screen: the click is dispatched to the node wherever it is.
  await page.locator(selector).first().dispatchEvent('click');
  await page.waitForFunction((n) => window.__layergraph.renders > n && !window.__layergraph.layingOut, b);
}
const update = (result: AnalysisResult, uri: string, selectedModel?: number): HostMessage => ({ type: 'update', uri, version: version++, result, selectedModel });
const count = (page: Page, selector: string) => page.locator(selector).count();
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

describe('webview: groups drawn', () => {
  it('a folded ResNet-50: each stage is its first block and one "×N" group that opens on click', async () => {
    const { page, problems } = await openPage({ width: 1300, height: 900 });
    const r = analyze('cost/resnet50.py');
    await send(page, update(r, 'file:///resnet50.py', modelNamed(r, 'resnet50').id));
    await clickAndRender(page, '.node.group');
    for (let i = 0; i < 4; i++) await clickAndRender(page, '.node.group[data-group$="/stage@2"], .node.group[data-group$="/stage@6"], .node.group[data-group$="/stage@11"], .node.group[data-group$="/stage@18"] >> nth=0');
    assert.equal(await count(page, '.node.repeat'), 4);
    assert.deepEqual(await page.$$eval('.node.repeat', (els) => els.map((e) => e.getAttribute('data-repeat'))), ['2', '3', '5', '2']);
    await page.click('.lg-toolbar .lg-button:has-text("Fit")');
    await shot(page, 'resnet50-folded');
    await clickAndRender(page, '.node.repeat[data-repeat="5"]');
    assert.equal(await count(page, '.cluster.repeat'), 1);
    assert.equal(await count(page, '.node.repeat'), 3);
    await page.click('.lg-toolbar .lg-button:has-text("Fit")');
    await shot(page, 'resnet50-conv4-unfolded');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("a GAN: the generator opens inside the combined model, with its shapes; the cluster closes it again", async () => {
    const { page, problems } = await openPage();
    const r = analyze('webview/gan.py');
    await send(page, update(r, 'file:///gan.py', modelNamed(r, 'gan').id));
    assert.equal(await count(page, '.node'), 3);
    assert.equal(await count(page, '.node.nested[data-collapsed="true"]'), 2);
    await clickAndRender(page, '.node[data-nested="n:generator#0"]');
    assert.equal(await count(page, '.cluster.nested'), 1);
    assert.deepEqual(await page.$$eval('.node[data-layer] .lg-shape', (els) => els.map((e) => e.textContent)), ['(None, 100)', '(None, 128)', '(None, 784)', '(None, 28, 28, 1)', '(None, 1)']);
    assert.equal(await count(page, '.edge'), 4);
    await page.click('.lg-toolbar .lg-button:has-text("Fit")');
    await shot(page, 'gan-generator-open');
    await clickAndRender(page, '.lg-cluster-label');
    assert.equal(await count(page, '.node'), 3);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('a subclassed model opens into the layers its call() uses', async () => {
    const { page, problems } = await openPage();
    const r = analyze('webview/subclassed.py');
    await send(page, update(r, 'file:///subclassed.py', modelNamed(r, 'with_custom').id));
    await clickAndRender(page, '.node[data-nested="n:tower#0"]');
    assert.equal(await count(page, '.cluster.nested'), 1);
    assert.equal(await count(page, '.node[data-layer="dense_2"]'), 1);
    await page.click('.lg-toolbar .lg-button:has-text("Fit")');
    await shot(page, 'subclassed-model-open');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('search opens the closed groups around a match; arrow keys walk the graph and Enter reveals the code', async () => {
    const { page, problems } = await openPage();
    const r = analyze('webview/gan.py');
    await send(page, update(r, 'file:///gan.py', modelNamed(r, 'gan').id));
    await page.fill('.lg-search', 'flatten');
    assert.equal(await page.textContent('.lg-search-status'), '0 of 1');
    // The discriminator's node holds the match until Enter opens it.
    assert.equal(await count(page, '.node.match[data-nested="n:discriminator#0"]'), 1);
    const b = await renders(page);
    await page.press('.lg-search', 'Enter');
    await page.waitForFunction((n) => window.__layergraph.renders > n, b);
    await page.waitForSelector('.node.selected[data-layer="flatten"]');
    assert.equal(await page.textContent('.lg-search-status'), '1 of 1');
    await shot(page, 'search-opened-discriminator');

    await page.fill('.lg-search', '');
    await page.focus('.node[data-layer="input_layer_2"]');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-layer')), 'generator');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-layer')), 'flatten');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-layer')), 'generator');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-layer')), 'input_layer_2');
    await page.keyboard.press('Enter');
    const reveal = (await page.evaluate(() => window.__posted as WebviewMessage[])).filter((m) => m.type === 'reveal').at(-1);
    assert.ok(reveal && reveal.type === 'reveal');
    assert.equal(reveal.range.line, 18);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('webview: 10,000 nodes', () => {
  it('paints the fitted overview on a canvas, draws only what is on screen when zoomed in, and follows a pan', async () => {
    const { page, problems } = await openPage({ width: 1200, height: 820 });
    // Flat (no helper groups): 1,000 residual blocks of 10 calls, every node on one level.
    const r = fx.residualNetwork(20, 100, 64, false);
    await send(page, update(r, 'file:///big.py'));
    const s = await page.evaluate(() => window.__layergraph.stats);
    assert.equal(s.nodes, 10_001);
    assert.equal(await page.getAttribute('svg.lg-canvas', 'data-painter'), 'canvas');
    assert.equal(await count(page, '.node'), 0);
    await shot(page, 'big10k-overview');

    // Zoom in on the middle until nodes are elements again: only a screenful of them.
    const box = (await page.locator('svg.lg-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 80 && (await page.getAttribute('svg.lg-canvas', 'data-painter')) !== 'svg'; i++) await page.mouse.wheel(0, -400);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -400);
    await page.waitForTimeout(100);
    assert.equal(await page.getAttribute('svg.lg-canvas', 'data-painter'), 'svg');
    const drawn = await count(page, '.node');
    assert.ok(drawn > 0 && drawn < 1500, String(drawn));
    // Every element drawn is near the screen: the renderer draws the view plus half a screen each side and keeps that
    // set while the view stays inside it, so a drawn node is at most one screen (plus a node's size) off screen.
    const inMargin = () =>
      page.evaluate(() => {
        const c = document.querySelector('svg.lg-canvas').getBoundingClientRect();
        return [...document.querySelectorAll('.node')].every((e: any) => { // eslint-disable-line @typescript-eslint/no-explicit-any
          const b = e.getBoundingClientRect();
          return b.right > c.left - c.width * 1.1 && b.left < c.right + c.width * 1.1 && b.bottom > c.top - c.height * 1.1 && b.top < c.bottom + c.height * 1.1;
        });
      });
    // Culling follows zoom and pan on the next frame(s): wait for it to settle (a loaded machine may take a while).
    const settled = async () => {
      for (let i = 0; i < 50; i++) {
        if (await inMargin()) return true;
        await page.waitForTimeout(100);
      }
      return false;
    };
    assert.equal(await settled(), true);
    const before = await page.$$eval('.node', (els) => els.map((e) => e.getAttribute('data-key')).sort().join());
    await shot(page, 'big10k-zoomed');
    // A long drag: other nodes come in, the ones left behind go.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 20);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 8 });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 20, { steps: 1 });
    await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 8 });
    await page.mouse.up();
    assert.equal(await settled(), true);
    assert.notEqual(await page.$$eval('.node', (els) => els.map((e) => e.getAttribute('data-key')).sort().join()), before);

    // Search jumps to a node far away: it is drawn, selected and on screen.
    await page.fill('.lg-search', 'dense_1900');
    await page.press('.lg-search', 'Enter');
    await page.waitForSelector('.node.selected[data-layer="dense_1900"]');
    await shot(page, 'big10k-search');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
