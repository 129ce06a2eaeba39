// Bench: the webview's layout pass (webview/layout.ts, bundled for Node with esbuild) on ResNet-like chains with skip
// connections and a transformer-like stack at 177, 881, 4,401 and 10,000 nodes: our layered layout beside
// @dagrejs/dagre in the same run (dagre overflows the stack on the big ones, which is reported, not hidden).

import { buildSync } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

interface LayoutModule {
  layoutGraph(input: unknown): { width: number; height: number; engine: string };
  clearLayoutCache(): void;
}

function loadLayout(): LayoutModule {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layergraph-layout-'));
  const file = path.join(dir, 'layout.js');
  try {
    buildSync({ absWorkingDir: ROOT, entryPoints: ['webview/layout.ts'], outfile: file, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', nodePaths: [path.join(ROOT, 'node_modules')] });
    return require(file) as LayoutModule;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface Graph {
  nodes: { key: string; width: number; height: number; parent: null }[];
  edges: { key: string; source: string; target: string; labelWidth: number; labelHeight: number }[];
}

function graph(): Graph & { add(key: string, inputs: string[]): string } {
  const g: Graph = { nodes: [], edges: [] };
  return {
    ...g,
    add(key, inputs) {
      g.nodes.push({ key, width: 110 + (key.length % 5) * 8, height: 54, parent: null });
      for (const i of inputs) g.edges.push({ key: `${i}>${key}`, source: i, target: key, labelWidth: 72, labelHeight: 16 });
      return key;
    },
  };
}

/** Input, then blocks of conv → bn → relu → conv → bn → add(skip) → relu, plus a projection on every fourth block:
 *  8 nodes a block on average, so 1 + 8·b nodes. */
function resnetLike(nodes: number): Graph {
  const g = graph();
  let x = g.add('input', []);
  let count = 1;
  for (let b = 0; count < nodes; b++) {
    const skipIn = x;
    let h = g.add(`conv${b}a`, [x]);
    h = g.add(`bn${b}a`, [h]);
    h = g.add(`relu${b}a`, [h]);
    h = g.add(`conv${b}b`, [h]);
    h = g.add(`bn${b}b`, [h]);
    const skip = b % 4 === 0 ? g.add(`proj${b}`, [skipIn]) : skipIn;
    h = g.add(`add${b}`, [h, skip]);
    x = g.add(`out${b}`, [h]);
    count += b % 4 === 0 ? 8 : 7;
  }
  return g;
}

/** Input, then blocks of ln → q, k, v → attention → proj → add → ln → ff → ff → add: 11 nodes a block. */
function transformerLike(nodes: number): Graph {
  const g = graph();
  let x = g.add('input', []);
  for (let b = 0; 1 + 11 * b < nodes; b++) {
    const n1 = g.add(`ln${b}a`, [x]);
    const q = g.add(`q${b}`, [n1]);
    const k = g.add(`k${b}`, [n1]);
    const v = g.add(`v${b}`, [n1]);
    const att = g.add(`att${b}`, [q, k, v]);
    const a = g.add(`add${b}a`, [g.add(`proj${b}`, [att]), x]);
    const f = g.add(`ff${b}b`, [g.add(`ff${b}a`, [g.add(`ln${b}b`, [a])])]);
    x = g.add(`add${b}b`, [f, a]);
  }
  return g;
}

function timeLayout(m: LayoutModule, g: Graph, engine: 'dagre' | 'layered'): string {
  const run = () => {
    m.clearLayoutCache();
    const t = performance.now();
    m.layoutGraph({ nodes: g.nodes, edges: g.edges, clusters: [], direction: 'TB', engine });
    return performance.now() - t;
  };
  try {
    run(); // warm-up
    const xs = [run(), run(), run()].sort((a, b) => a - b);
    return `${xs[1].toFixed(1)} ms`;
  } catch (err) {
    return err instanceof RangeError ? 'stack overflow' : `failed (${err instanceof Error ? err.message : String(err)})`;
  }
}

export function benchLayout(sizes = [177, 881, 4401, 10000]): void {
  const m = loadLayout();
  console.log(`\nLayout pass (webview/layout.ts in Node, one flat level, medians of 3 after a warm-up), load average ${os.loadavg()[0].toFixed(1)}:`);
  console.log(`${'graph'.padEnd(34)} ${'nodes'.padStart(6)} ${'edges'.padStart(6)} ${'layered'.padStart(12)} ${'dagre'.padStart(16)}`);
  for (const [name, make] of [
    ['ResNet-like (chain + skips)', resnetLike],
    ['transformer-like stack', transformerLike],
  ] as const) {
    for (const size of sizes) {
      const g = make(size);
      // dagre beyond a few thousand nodes takes many seconds before it overflows; one try says enough.
      const dagre = g.nodes.length > 5000 ? 'skipped (> 5,000)' : timeLayout(m, g, 'dagre');
      console.log(`${name.padEnd(34)} ${String(g.nodes.length).padStart(6)} ${String(g.edges.length).padStart(6)} ${timeLayout(m, g, 'layered').padStart(12)} ${dagre.padStart(16)}`);
    }
  }
}

if (require.main === module) benchLayout();
