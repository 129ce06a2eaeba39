// Bench: time from a document change to the updated graph painted in the preview (analysis of the new text, the
// update message, the webview's build/measure/layout/update, and the next animation frame), in headless Chromium,
// for the small shared-layer scenario and a generated ~200-layer model. Medians of repeated edits. First, the layout
// pass alone at 177 to 10,000 nodes beside dagre (bench/layout.ts).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { analyzeText } from '../src/analysis/analyze';
import { CHROMIUM, CHROMIUM_FLAGS, serveRepository } from '../test/support/staticServer';
import { pythonResNetLike } from './generate';
import { benchLayout } from './layout';

const ROOT = path.join(__dirname, '..', '..');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchPreview(runs = 9): Promise<void> {
  benchLayout();
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
    const cases: [string, (i: number) => string][] = [
      ['scenario 3 (shared Dense, 4 nodes)', (i) => scenario.replace('Dense(5)', `Dense(${5 + (i % 2)})`)],
      ['generated ResNet-like, 213 layers (groups collapsed)', (i) => pythonResNetLike(30).replace('Dense(10', `Dense(${10 + (i % 2)}`)],
    ];
    console.log(`\nPreview: document change → graph painted (headless Chromium), load average ${os.loadavg()[0].toFixed(1)}:`);
    console.log(`${'model'.padEnd(54)} ${'analyze ms'.padStart(10)} ${'render ms'.padStart(10)} ${'total ms'.padStart(9)}`);
    for (const [name, text] of cases) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1100, height: 760 });
      await page.goto(`${baseUrl}/test/webview/index.html`);
      await page.waitForFunction(() => (window as unknown as { __posted?: { type: string }[] }).__posted?.some((m) => m.type === 'ready'));
      const analyze: number[] = [];
      const render: number[] = [];
      const total: number[] = [];
      for (let i = 0; i <= runs; i++) {
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
  } finally {
    await context.close();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchPreview();
