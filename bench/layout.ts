// Bench: the webview's layout pass (webview/layout.ts, bundled for Node with esbuild) on ResNet-like chains with skip
// connections and a transformer-like stack at 177, 881, 4,401 and 10,000 nodes: our layered layout beside
// @dagrejs/dagre and elkjs (a dev dependency, bench only) in the same run (both overflow the stack on the big ones,
// which is reported, not hidden), with the ratio of each to ours.

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

/** Median ms of 3 runs after a warm-up, or why there is none (a stack overflow is a result, not a crash). */
async function timeRuns(run: () => Promise<number> | number, runs = 3): Promise<number | string> {
  try {
    await run(); // warm-up
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) xs.push(await run());
    xs.sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)];
  } catch (err) {
    return err instanceof RangeError || /call stack/i.test(String(err)) ? 'stack overflow' : `failed (${err instanceof Error ? err.message : String(err)})`;
  }
}

function timeLayout(m: LayoutModule, g: Graph, engine: 'dagre' | 'layered'): Promise<number | string> {
  return timeRuns(() => {
    m.clearLayoutCache();
    const t = performance.now();
    m.layoutGraph({ nodes: g.nodes, edges: g.edges, clusters: [], direction: 'TB', engine });
    return performance.now() - t;
  });
}

interface Elk {
  layout(graph: unknown): Promise<unknown>;
}

/** elkjs's layered algorithm on the same graph (its synchronous bundled build, in this process). */
function timeElk(g: Graph): Promise<number | string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ELK = require('elkjs/lib/elk.bundled.js') as new () => Elk;
  const elk = new ELK();
  const graph = () => ({
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'DOWN' },
    children: g.nodes.map((n) => ({ id: n.key, width: n.width, height: n.height })),
    edges: g.edges.map((e) => ({ id: e.key, sources: [e.source], targets: [e.target], labels: [{ text: '', width: e.labelWidth, height: e.labelHeight }] })),
  });
  return timeRuns(async () => {
    const input = graph();
    const t = performance.now();
    await elk.layout(input);
    return performance.now() - t;
  }, 1);
}

const cell = (x: number | string) => (typeof x === 'number' ? `${x.toFixed(1)} ms` : x);
const ratio = (x: number | string, ours: number | string) => (typeof x === 'number' && typeof ours === 'number' ? ` (${(x / ours).toFixed(1)}×)` : '');

export async function benchLayout(sizes = [177, 881, 4401, 10000]): Promise<void> {
  const m = loadLayout();
  console.log(`\nLayout pass (webview/layout.ts in Node, one flat level; ours and dagre medians of 3 after a warm-up, elkjs one run after one), load average ${os.loadavg()[0].toFixed(1)}:`);
  console.log(`${'graph'.padEnd(34)} ${'nodes'.padStart(6)} ${'edges'.padStart(6)} ${'layered'.padStart(12)} ${'dagre (× ours)'.padStart(24)} ${'elkjs (× ours)'.padStart(24)}`);
  for (const [name, make] of [
    ['ResNet-like (chain + skips)', resnetLike],
    ['transformer-like stack', transformerLike],
  ] as const) {
    for (const size of sizes) {
      const g = make(size);
      const ours = await timeLayout(m, g, 'layered');
      // dagre and elkjs beyond a few thousand nodes take many seconds before they overflow; one try says enough.
      const dagre = g.nodes.length > 5000 ? 'skipped (> 5,000)' : await timeLayout(m, g, 'dagre');
      const elk = g.nodes.length > 5000 ? 'skipped (> 5,000)' : await timeElk(g);
      console.log(
        `${name.padEnd(34)} ${String(g.nodes.length).padStart(6)} ${String(g.edges.length).padStart(6)} ${cell(ours).padStart(12)} ${(cell(dagre) + ratio(dagre, ours)).padStart(24)} ${(cell(elk) + ratio(elk, ours)).padStart(24)}`,
      );
    }
  }
}

if (require.main === module) void benchLayout();
