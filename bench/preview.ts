// Bench: time from a document change to the updated graph painted in the preview (analysis of the new text, the
// update message, the webview's build/measure/layout/update, and the next animation frame), in headless Chromium,
// for the small shared-layer scenario, a generated ~200-layer model and flat chains of 1,000 and 10,000 layers (a
// one-layer edit each). Medians of repeated edits. Then frames per second while panning a 10,000-node graph, fitted
// (painted on a canvas) and at a readable zoom (only the nodes on screen drawn). First, the layout pass alone at
// 177 to 10,000 nodes beside dagre and elkjs (bench/layout.ts).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { analyzeText } from '../src/analysis/analyze';
import { CHROMIUM, CHROMIUM_FLAGS, serveRepository } from '../test/support/staticServer';
import { residualNetwork } from '../test/support/webviewFixtures';
import { pythonFlat, pythonResNetLike } from './generate';
import { benchLayout } from './layout';

const ROOT = path.join(__dirname, '..', '..');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchPreview(runs = 9): Promise<void> {
  await benchLayout();
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`\nPreview: skipped (${CHROMIUM} missing; bash scripts/setup.sh installs it)`);
    return;
  }
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-webview.mjs')], { cwd: ROOT });
  const { server, baseUrl } = await serveRepository(ROOT);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'layergraph-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  try {
    const scenario = fs.readFileSync(path.join(ROOT, 'examples/python/scenario3_shared_dense.py'), 'utf8');
    const flat = (n: number) => {
      const text = pythonFlat(n);
      const mid = Math.floor(n / 2);
      const layer = `Dense(${32 + (mid % 5) * 8}, activation="relu", name="dense_${mid}")`;
      return (i: number) => text.replace(layer, `Dense(${33 + (mid % 5) * 8 + (i % 2)}, activation="relu", name="dense_${mid}")`);
    };
    const cases: [string, (i: number) => string, number][] = [
      ['scenario 3 (shared Dense, 4 nodes)', (i) => scenario.replace('Dense(5)', `Dense(${5 + (i % 2)})`), runs],
      ['generated ResNet-like, 213 layers (groups collapsed)', (i) => pythonResNetLike(30).replace('Dense(10', `Dense(${10 + (i % 2)}`), runs],
      ['flat chain, 1,000 layers, one layer edited', flat(1000), runs],
      ['flat chain, 10,000 layers, one layer edited', flat(10000), 3],
    ];
    console.log(`\nPreview: document change → graph painted (headless Chromium), load average ${os.loadavg()[0].toFixed(1)}:`);
    console.log(`${'model'.padEnd(54)} ${'analyze ms'.padStart(10)} ${'render ms'.padStart(10)} ${'total ms'.padStart(9)}`);
    for (const [name, text, caseRuns] of cases) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1100, height: 760 });
      await page.goto(`${baseUrl}/test/webview/index.html`);
      await page.waitForFunction(() => (window as unknown as { __posted?: { type: string }[] }).__posted?.some((m) => m.type === 'ready'));
      const analyze: number[] = [];
      const render: number[] = [];
      const total: number[] = [];
      for (let i = 0; i <= caseRuns; i++) {
        const t0 = performance.now();
        const result = analyzeText(text(i), 'bench.py', { version: i + 1 });
        const t1 = performance.now();
        // In the page: post the update, wait for the render it causes, then for the frame that paints it.
        const rendered = await page.evaluate(async (message) => {
          const probe = window as unknown as { __layergraph: { renders: number; stats: { totalMs: number } | null } };
          const before = probe.__layergraph.renders;
          window.postMessage(message, '*');
          while (probe.__layergraph.renders === before) await new Promise((r) => setTimeout(r, 0));
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          return probe.__layergraph.stats?.totalMs ?? NaN;
        }, { type: 'update', uri: 'file:///bench.py', version: i + 1, result });
        if (i === 0) continue; // warm-up
        analyze.push(t1 - t0);
        render.push(rendered);
        total.push(performance.now() - t0);
      }
      console.log(`${name.padEnd(54)} ${median(analyze).toFixed(1).padStart(10)} ${median(render).toFixed(1).padStart(10)} ${median(total).toFixed(1).padStart(9)}`);
      await page.close();
    }
    await benchPan(context, baseUrl);
  } finally {
    await context.close();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** Frames per second over a scripted pan (a step every animation frame for two seconds) on a flat 10,000-node
 *  residual network: fitted, then at zoom 1 where nodes are elements again. */
async function benchPan(context: import('playwright-core').BrowserContext, baseUrl: string): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(`${baseUrl}/test/webview/index.html`);
  await page.waitForFunction(() => (window as unknown as { __posted?: { type: string }[] }).__posted?.some((m) => m.type === 'ready'));
  const result = residualNetwork(20, 100, 64, false);
  await page.evaluate(async (message) => {
    const probe = window as unknown as { __layergraph: { renders: number } };
    window.postMessage(message, '*');
    while (probe.__layergraph.renders === 0) await new Promise((r) => setTimeout(r, 10));
  }, { type: 'update', uri: 'file:///pan.py', version: 1, result });
  console.log(`\nPanning a ${result.calls.length}-node graph in headless Chromium (a step every frame for 2 s):`);
  for (const [name, zoom] of [
    ['fitted (canvas)', null],
    ['zoom 1 (DOM: nodes on screen only)', 1],
  ] as const) {
    const r = await page.evaluate(async (k) => {
      const lg = (window as unknown as { __layergraph: { panBy(dx: number, dy: number, k?: number): void } }).__layergraph;
      if (k !== null) lg.panBy(0, 0, k);
      const svg = document.querySelector('svg.lg-canvas')!;
      let frames = 0;
      const start = performance.now();
      await new Promise<void>((done) => {
        const step = () => {
          frames++;
          lg.panBy(0, k === null ? 3 : -40);
          if (performance.now() - start < 2000) requestAnimationFrame(step);
          else done();
        };
        requestAnimationFrame(step);
      });
      const seconds = (performance.now() - start) / 1000;
      return { fps: frames / seconds, painter: svg.getAttribute('data-painter'), drawn: svg.getAttribute('data-drawn') };
    }, zoom);
    console.log(`  ${name.padEnd(40)} ${r.fps.toFixed(1).padStart(6)} fps (target ≥ 30: ${(r.fps / 30).toFixed(2)}×), painter ${r.painter}, ${r.drawn} nodes in the DOM`);
  }
  await page.close();
}

if (require.main === module) void benchPreview();
