// Layout pass: positions measured node boxes, edge routes and cluster boxes on plain records. Each expanded group is
// laid out on its own (inside-out) and placed as one box in its parent, so no single dagre run sees the whole graph.
// It never touches the DOM.

import dagre from '@dagrejs/dagre';
import type { LayoutDirection } from '../src/webview-protocol';

/** dagre recurses deeply (it overflows the stack near 2,100 nodes in a webview, 4,400 in Node) and takes seconds
 *  from a few hundred nodes on (bench: `npm run bench -- preview`); a level bigger than this gets our own layered
 *  layout instead, which is linear on chains and loops instead of recursing. */
export const MAX_DAGRE_NODES = 300;
/** Level layouts are cached by content, so expanding one group re-lays out only what changed. */
const LEVEL_CACHE_SIZE = 400;
const CLUSTER_PAD = 12;
const CLUSTER_HEADER = 18;
const SPACING = { nodesep: 28, ranksep: 40, edgesep: 12, margin: 20 };

export interface LayoutNodeInput {
  key: string;
  width: number;
  height: number;
  parent: string | null;
}
export interface LayoutEdgeInput {
  key: string;
  source: string;
  target: string;
  labelWidth: number;
  labelHeight: number;
}
export interface LayoutInput {
  nodes: LayoutNodeInput[];
  edges: LayoutEdgeInput[];
  clusters: { key: string; parent: string | null }[];
  direction: LayoutDirection;
  /** Forces one engine for every level (benchmarks and tests); by default dagre up to MAX_DAGRE_NODES a level. */
  engine?: Engine;
}
export type Engine = 'dagre' | 'layered';
export interface Box {
  x: number; // centre
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}
export interface LayoutResult {
  nodes: Map<string, Box>;
  edges: Map<string, { points: Point[]; label: Point }>;
  clusters: Map<string, Box>;
  width: number;
  height: number;
  engine: 'dagre' | 'layered';
  /** Number of separate level layouts run (cache misses) and reused. */
  levels: { computed: number; cached: number };
}

// ---- one level: a flat graph of boxes ----

interface LevelItem {
  key: string;
  width: number;
  height: number;
}
interface LevelEdge {
  source: string;
  target: string;
  labelWidth: number;
  labelHeight: number;
}
interface LevelResult {
  /** Centres, relative to the level's top-left corner. */
  items: Map<string, Point>;
  /** Keyed by `source\ttarget`. */
  routes: Map<string, { points: Point[]; label: Point }>;
  width: number;
  height: number;
  engine: 'dagre' | 'layered';
}

const pairKey = (s: string, t: string) => `${s}\t${t}`;

/** How far a self-loop (a shared layer fed by its own output, in the layer view) bulges out of its node. */
const LOOP = 28;

function layoutLevel(items: LevelItem[], edges: LevelEdge[], direction: LayoutDirection, forced?: Engine): LevelResult {
  // Self-loops are drawn by hand beside their node; the node is laid out wider (or taller) to leave them room,
  // since dagre routes them through its neighbours' space.
  const loops = edges.filter((e) => e.source === e.target);
  const lr = direction === 'LR';
  const grown = new Map(loops.map((e) => [e.source, lr ? 2 * (LOOP + e.labelHeight + 4) : 2 * (LOOP + e.labelWidth + 6)]));
  const laidOut = items.map((i) => (grown.has(i.key) ? { ...i, width: lr ? i.width : i.width + grown.get(i.key)!, height: lr ? i.height + grown.get(i.key)! : i.height } : i));
  const plain = edges.filter((e) => e.source !== e.target);
  const engine = forced ?? (laidOut.length > MAX_DAGRE_NODES ? 'layered' : 'dagre');
  const result = engine === 'layered' ? layeredLevel(laidOut, plain, direction) : dagreLevel(laidOut, plain, direction);
  const size = new Map(items.map((i) => [i.key, i]));
  for (const e of loops) {
    const c = result.items.get(e.source)!;
    const { width: w, height: h } = size.get(e.source)!;
    const points = lr
      ? [
          { x: c.x - w / 4, y: c.y + h / 2 },
          { x: c.x - w / 3, y: c.y + h / 2 + LOOP },
          { x: c.x + w / 3, y: c.y + h / 2 + LOOP },
          { x: c.x + w / 4, y: c.y + h / 2 },
        ]
      : [
          { x: c.x + w / 2, y: c.y - h / 4 },
          { x: c.x + w / 2 + LOOP, y: c.y - h / 3 },
          { x: c.x + w / 2 + LOOP, y: c.y + h / 3 },
          { x: c.x + w / 2, y: c.y + h / 4 },
        ];
    const label = lr ? { x: c.x, y: c.y + h / 2 + LOOP + e.labelHeight / 2 } : { x: c.x + w / 2 + LOOP + e.labelWidth / 2 + 2, y: c.y };
    result.routes.set(pairKey(e.source, e.target), { points, label });
  }
  return result;
}

function dagreLevel(items: LevelItem[], edges: LevelEdge[], direction: LayoutDirection): LevelResult {
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: direction, nodesep: SPACING.nodesep, ranksep: SPACING.ranksep, edgesep: SPACING.edgesep, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of items) g.setNode(n.key, { width: n.width, height: n.height });
  for (const e of edges) g.setEdge(e.source, e.target, { width: e.labelWidth, height: e.labelHeight, labelpos: 'c' });
  // Inputs side by side in the order the code creates them (dagre may otherwise swap input_1 and input_2).
  const targets = new Set(edges.map((e) => e.target));
  const sources = items.filter((i) => !targets.has(i.key) && !i.key.startsWith('<') && !i.key.startsWith('>'));
  const constraints = sources.slice(1).map((s, i) => ({ left: sources[i].key, right: s.key }));
  dagre.layout(g, constraints.length ? { constraints } : undefined);
  const out = new Map<string, Point>();
  for (const n of items) {
    const l = g.node(n.key);
    out.set(n.key, { x: l.x ?? 0, y: l.y ?? 0 });
  }
  const routes = new Map<string, { points: Point[]; label: Point }>();
  for (const e of edges) {
    const l = g.edge(e.source, e.target);
    const points: Point[] = (l?.points ?? []).map((p: Point) => ({ x: p.x, y: p.y }));
    routes.set(pairKey(e.source, e.target), { points, label: { x: l?.x ?? points[0]?.x ?? 0, y: l?.y ?? points[0]?.y ?? 0 } });
  }
  const graph = g.graph();
  return { items: out, routes, width: graph.width ?? 0, height: graph.height ?? 0, engine: 'dagre' };
}

/** Our own layered layout, for levels where dagre is slow or overflows its stack: longest-path ranks (Kahn's
 *  algorithm), one barycentre sweep to order each rank by where its inputs are, ranks centred on one axis, and edges
 *  that skip ranks routed down a lane beside the nodes they pass. Every step is a loop over nodes or edges (no
 *  recursion), so time is linear in the graph on chains, the shape networks have, and any depth works. */
function layeredLevel(items: LevelItem[], edges: LevelEdge[], direction: LayoutDirection): LevelResult {
  const lr = direction === 'LR';
  const n = items.length;
  const index = new Map(items.map((item, i) => [item.key, i]));
  const outgoing: number[][] = items.map(() => []);
  const incoming: number[][] = items.map(() => []);
  const pending = new Array<number>(n).fill(0);
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    outgoing[s].push(t);
    incoming[t].push(s);
    pending[t]++;
  }
  // Nodes left over by Kahn's algorithm (cycles, which a valid IR never has) keep rank 0.
  const rank = new Array<number>(n).fill(0);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (pending[i] === 0) queue.push(i);
  for (let q = 0; q < queue.length; q++) {
    for (const t of outgoing[queue[q]]) {
      rank[t] = Math.max(rank[t], rank[queue[q]] + 1);
      if (--pending[t] === 0) queue.push(t);
    }
  }
  const ranks: number[][] = [];
  for (let i = 0; i < n; i++) (ranks[rank[i]] ??= []).push(i);
  // Order within a rank: the mean position of a node's inputs in the ranks above (input order breaks ties).
  const position = new Array<number>(n).fill(0);
  for (const members of ranks) {
    if (!members) continue;
    const weight = new Map<number, number>();
    for (const i of members) {
      const from = incoming[i].filter((s) => rank[s] < rank[i]);
      weight.set(i, from.length ? from.reduce((a, s) => a + position[s], 0) / from.length : i);
    }
    if (members.length > 1) members.sort((a, b) => weight.get(a)! - weight.get(b)! || a - b);
    members.forEach((i, p) => (position[i] = p));
  }
  const breadthOf = (i: number) => (lr ? items[i].height : items[i].width);
  const depthOf = (i: number) => (lr ? items[i].width : items[i].height);
  const rankBreadth = ranks.map((members) => (members ? members.reduce((b, i) => b + breadthOf(i), 0) + SPACING.nodesep * (members.length - 1) : 0));
  const across = rankBreadth.reduce((a, b) => Math.max(a, b), 0);
  // Ranks are centred on one axis, so that a chain of nodes of different widths runs straight.
  const centre = new Array<Point>(n);
  const rankStart: number[] = [];
  const rankDepth: number[] = [];
  let along = 0;
  ranks.forEach((members, r) => {
    rankStart[r] = along;
    rankDepth[r] = 0;
    if (!members) return;
    let depth = 0;
    for (const i of members) depth = Math.max(depth, depthOf(i));
    rankDepth[r] = depth;
    let offset = (across - rankBreadth[r]) / 2;
    for (const i of members) {
      const c = along + depth / 2;
      const m = offset + breadthOf(i) / 2;
      centre[i] = lr ? { x: c, y: m } : { x: m, y: c };
      offset += breadthOf(i) + SPACING.nodesep;
    }
    along += depth + SPACING.ranksep;
  });
  const out = new Map<string, Point>();
  items.forEach((item, i) => out.set(item.key, centre[i]));
  const routes = new Map<string, { points: Point[]; label: Point }>();
  // Lanes for rank-skipping edges sit right of the widest rank; each such edge gets its own, nearest first.
  let lanes = 0;
  let extent = across;
  const toPoint = (c: number, m: number): Point => (lr ? { x: c, y: m } : { x: m, y: c });
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    const a = centre[s];
    const b = centre[t];
    const aAlong = lr ? a.x : a.y;
    const bAlong = lr ? b.x : b.y;
    const from = toPoint(aAlong + depthOf(s) / 2, lr ? a.y : a.x);
    const to = toPoint(bAlong - depthOf(t) / 2, lr ? b.y : b.x);
    if (rank[t] - rank[s] <= 1) {
      routes.set(pairKey(e.source, e.target), { points: [from, to], label: { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 } });
      continue;
    }
    const lane = across + SPACING.edgesep * (2 + (lanes++ % 4)) + e.labelWidth / 2;
    extent = Math.max(extent, lane + e.labelWidth / 2 + SPACING.edgesep);
    const down = rankStart[rank[s]] + rankDepth[rank[s]] + SPACING.ranksep / 2;
    const up = rankStart[rank[t]] - SPACING.ranksep / 2;
    const points = [from, toPoint(down, lane), toPoint(up, lane), to];
    routes.set(pairKey(e.source, e.target), { points, label: toPoint((down + up) / 2, lane) });
  }
  const length = Math.max(0, along - SPACING.ranksep);
  return { items: out, routes, width: lr ? length : extent, height: lr ? extent : length, engine: 'layered' };
}

/** Cached level layouts are stored by position, not by key: repeated blocks (forty identical res_block() groups)
 *  share one entry even though their node keys differ. */
interface CachedLevel {
  items: Point[];
  routes: { points: Point[]; label: Point }[];
  width: number;
  height: number;
  engine: LevelResult['engine'];
}
const levelCache = new Map<string, CachedLevel>();

/** For benchmarks: the next layouts start cold. */
export function clearLayoutCache(): void {
  levelCache.clear();
}

function cachedLevel(items: LevelItem[], edges: LevelEdge[], direction: LayoutDirection, counts: LayoutResult['levels'], forced?: Engine): LevelResult {
  const index = new Map(items.map((item, i) => [item.key, i]));
  const key = JSON.stringify([
    direction,
    forced ?? 'auto',
    items.map((i) => [i.width, i.height]),
    edges.map((e) => [index.get(e.source), index.get(e.target), e.labelWidth, e.labelHeight]),
  ]);
  let entry = levelCache.get(key);
  if (entry) {
    counts.cached++;
    levelCache.delete(key); // re-inserted below: Map order doubles as LRU order
  } else {
    counts.computed++;
    const r = layoutLevel(items, edges, direction, forced);
    entry = {
      items: items.map((i) => r.items.get(i.key)!),
      routes: edges.map((e) => r.routes.get(pairKey(e.source, e.target))!),
      width: r.width,
      height: r.height,
      engine: r.engine,
    };
  }
  levelCache.set(key, entry);
  if (levelCache.size > LEVEL_CACHE_SIZE) levelCache.delete(levelCache.keys().next().value!);
  const cached = entry;
  return {
    items: new Map(items.map((item, i) => [item.key, cached.items[i]])),
    routes: new Map(edges.map((e, i) => [pairKey(e.source, e.target), cached.routes[i]])),
    width: cached.width,
    height: cached.height,
    engine: cached.engine,
  };
}

// ---- the hierarchy ----

const ROOT = '';

/**
 * Lays out every container (the root and each expanded group) as a flat graph of its direct children, innermost
 * first, so that a group's box size is known when its parent is laid out. An edge crossing group borders is routed
 * in pieces: in the lowest container holding both ends (with its label), and inside each group it enters or leaves
 * from or to an invisible port, so it bends around the group's own nodes.
 */
export function layoutGraph(input: LayoutInput): LayoutResult {
  const counts = { computed: 0, cached: 0 };
  const clusterParent = new Map(input.clusters.map((c) => [c.key, c.parent ?? ROOT]));
  const nodeParent = new Map(input.nodes.map((n) => [n.key, n.parent ?? ROOT]));
  const chainCache = new Map<string, string[]>();
  /** Containers from the root down to (and including) `container`. */
  const chainOf = (container: string): string[] => {
    let chain = chainCache.get(container);
    if (!chain) {
      chain = container === ROOT ? [ROOT] : [...chainOf(clusterParent.get(container) ?? ROOT), container];
      chainCache.set(container, chain);
    }
    return chain;
  };

  const levelItems = new Map<string, LevelItem[]>([[ROOT, []]]);
  const levelEdges = new Map<string, Map<string, LevelEdge>>([[ROOT, new Map()]]);
  for (const c of input.clusters) {
    levelItems.set(c.key, []);
    levelEdges.set(c.key, new Map());
  }
  // A group is a box in its parent's level; its size is filled in once its own level is laid out.
  for (const c of input.clusters) levelItems.get(c.parent ?? ROOT)!.push({ key: c.key, width: 0, height: 0 });
  for (const n of input.nodes) levelItems.get(n.parent ?? ROOT)!.push({ key: n.key, width: n.width, height: n.height });
  const addLevelEdge = (level: string, source: string, target: string, labelWidth = 0, labelHeight = 0) => {
    const edges = levelEdges.get(level)!;
    const k = pairKey(source, target);
    const e = edges.get(k);
    if (e) e.labelWidth = Math.max(e.labelWidth, labelWidth);
    else edges.set(k, { source, target, labelWidth, labelHeight });
  };
  const ports = new Map<string, Set<string>>();
  const addPort = (level: string, port: string) => {
    let set = ports.get(level);
    if (!set) ports.set(level, (set = new Set()));
    set.add(port);
  };

  // Each original edge becomes a list of (level, source, target) pieces, in drawing order.
  const pieces = new Map<string, { level: string; source: string; target: string; main: boolean }[]>();
  for (const e of input.edges) {
    const cu = chainOf(nodeParent.get(e.source) ?? ROOT);
    const cv = chainOf(nodeParent.get(e.target) ?? ROOT);
    let i = 0;
    while (i + 1 < cu.length && i + 1 < cv.length && cu[i + 1] === cv[i + 1]) i++;
    const list: { level: string; source: string; target: string; main: boolean }[] = [];
    const outPort = `>${e.source}`;
    const inPort = `<${e.source}`;
    for (let j = cu.length - 1; j > i; j--) {
      const inner = j + 1 < cu.length ? cu[j + 1] : e.source;
      addPort(cu[j], outPort);
      addLevelEdge(cu[j], inner, outPort);
      list.push({ level: cu[j], source: inner, target: outPort, main: false });
    }
    const repU = i + 1 < cu.length ? cu[i + 1] : e.source;
    const repV = i + 1 < cv.length ? cv[i + 1] : e.target;
    addLevelEdge(cu[i], repU, repV, e.labelWidth, e.labelHeight);
    list.push({ level: cu[i], source: repU, target: repV, main: true });
    for (let j = i + 1; j < cv.length; j++) {
      const inner = j + 1 < cv.length ? cv[j + 1] : e.target;
      addPort(cv[j], inPort);
      addLevelEdge(cv[j], inPort, inner);
      list.push({ level: cv[j], source: inPort, target: inner, main: false });
    }
    pieces.set(e.key, list);
  }
  for (const [level, set] of ports) for (const p of set) levelItems.get(level)!.push({ key: p, width: 1, height: 1 });

  // Innermost containers first, so that child group sizes are known.
  const containers = [ROOT, ...input.clusters.map((c) => c.key)].sort((a, b) => chainOf(b).length - chainOf(a).length);
  const levels = new Map<string, LevelResult>();
  const clusterSize = new Map<string, { width: number; height: number }>();
  let engine: LayoutResult['engine'] = 'dagre';
  for (const k of containers) {
    const items = levelItems.get(k)!;
    for (const item of items) {
      const size = clusterSize.get(item.key);
      if (size) Object.assign(item, size);
    }
    const level = cachedLevel(items, [...levelEdges.get(k)!.values()], input.direction, counts, input.engine);
    if (level.engine === 'layered') engine = 'layered';
    levels.set(k, level);
    if (k !== ROOT) clusterSize.set(k, { width: level.width + 2 * CLUSTER_PAD, height: level.height + 2 * CLUSTER_PAD + CLUSTER_HEADER });
  }

  // Top-down: absolute origins of each container's inner coordinate system.
  const origin = new Map<string, Point>([[ROOT, { x: SPACING.margin, y: SPACING.margin }]]);
  const clusters = new Map<string, Box>();
  for (const k of [...containers].reverse()) {
    const o = origin.get(k)!;
    for (const [key, p] of levels.get(k)!.items) {
      const size = clusterSize.get(key);
      if (!size) continue;
      const box = { x: o.x + p.x, y: o.y + p.y, ...size };
      clusters.set(key, box);
      origin.set(key, { x: box.x - box.width / 2 + CLUSTER_PAD, y: box.y - box.height / 2 + CLUSTER_PAD + CLUSTER_HEADER });
    }
  }
  const nodes = new Map<string, Box>();
  for (const n of input.nodes) {
    const o = origin.get(n.parent ?? ROOT)!;
    const p = levels.get(n.parent ?? ROOT)!.items.get(n.key)!;
    nodes.set(n.key, { x: o.x + p.x, y: o.y + p.y, width: n.width, height: n.height });
  }
  const edges = new Map<string, { points: Point[]; label: Point }>();
  for (const e of input.edges) {
    const points: Point[] = [];
    let label: Point = { x: 0, y: 0 };
    for (const piece of pieces.get(e.key)!) {
      const o = origin.get(piece.level)!;
      const route = levels.get(piece.level)!.routes.get(pairKey(piece.source, piece.target));
      if (!route) continue;
      for (const p of route.points) points.push({ x: o.x + p.x, y: o.y + p.y });
      if (piece.main) label = { x: o.x + route.label.x, y: o.y + route.label.y };
    }
    edges.set(e.key, { points, label });
  }
  const root = levels.get(ROOT)!;
  return {
    nodes,
    edges,
    clusters,
    width: root.width + 2 * SPACING.margin,
    height: root.height + 2 * SPACING.margin,
    engine,
    levels: counts,
  };
}
