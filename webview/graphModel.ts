// Build pass: turns an AnalysisResult into the plain view graph the webview draws (nodes, edges, clusters), for the
// calls view or Keras's layer view, with helper-function groups collapsed or expanded. Pure data: no DOM, no layout.

import type { AnalysisResult, CallIR, Language, LayerIR, ModelIR, SourceRange } from '../src/graph/ir';
import type { Dim, Shape } from '../src/graph/shape';
import type { GraphView } from '../src/webview-protocol';
import { t } from './strings';

/** Above this many calls, helper-function groups start collapsed so the first layout stays small and fast. */
export const COLLAPSE_THRESHOLD = 150;
/** Number of distinct colours for shared layers (the --vscode-charts-* palette minus red, kept for errors). */
export const SHARED_PALETTE_SIZE = 5;

export type NodeRole = 'input' | 'output' | 'inner';

export interface ViewNode {
  key: string;
  kind: 'call' | 'layer' | 'group';
  /** Layer name (`data-layer`); for groups the helper function's name. */
  name: string;
  /** Second label line: class (and call k/N for shared calls), or the group's size. */
  detail: string;
  /** Output shape text; empty for groups without a single output. */
  shapeText: string;
  /** `data-call`: the call index in the layer; in the layer view all of them, comma-separated. */
  callIndex: string;
  layerId: number | null;
  callIds: number[];
  role: NodeRole;
  /** Number of calls of a shared layer, 0 when not shared. */
  shared: number;
  colorIndex: number;
  error: string | null;
  range: SourceRange | null;
  /** Key of the expanded group (cluster) this node is drawn inside. */
  parent: string | null;
  /** Lower-cased text the search box matches against. */
  searchText: string;
}

export interface ViewEdge {
  key: string;
  source: string;
  target: string;
  shapeText: string;
  /** The edge feeds a call that raised an error (shape mismatches are about inputs). */
  error: boolean;
}

export interface ViewCluster {
  key: string;
  label: string;
  parent: string | null;
}

export interface ViewGraph {
  nodes: ViewNode[];
  edges: ViewEdge[];
  clusters: ViewCluster[];
  /** Every helper-function group key of the shown calls (for expand/collapse all). */
  groupKeys: string[];
  callCount: number;
}

export interface BuildOptions {
  view: GraphView;
  model: ModelIR | null;
  /** Explicit user choices per group key; groups without one follow the size rule. */
  collapsedOverrides: Readonly<Record<string, boolean>>;
}

/** Raised for an IR whose ids do not line up; the renderer keeps its previous graph and reports it. */
export class InconsistentResultError extends Error {}

// Shape text mirrors src/graph/shape.ts (formatShapePython / formatShapeJs); the webview is a separate program that
// imports only types from src/, so the two tiny printers are repeated here.
function dimText(d: Dim, python: boolean): string {
  if (d === null) return python ? 'None' : 'null';
  return String(d);
}

export function formatShape(shape: Shape | null, language: Language): string {
  if (!shape) return t('unknownShape');
  if (language === 'python') {
    const parts = shape.map((d) => dimText(d, true));
    return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
  }
  return `[${shape.map((d) => dimText(d, false)).join(',')}]`;
}

function groupKeyOf(call: CallIR, depth: number): string {
  return call.scope
    .slice(0, depth + 1)
    .map((f) => `${f.name}@${f.invocation}`)
    .join('/');
}

export function callKey(layer: LayerIR, call: CallIR): string {
  return `c:${layer.name}#${call.index}`;
}

export function buildViewGraph(result: AnalysisResult, options: BuildOptions): ViewGraph {
  const layers = new Map(result.layers.map((l) => [l.id, l]));
  const calls = new Map(result.calls.map((c) => [c.id, c]));
  const tensors = new Map(result.tensors.map((x) => [x.id, x]));
  const need = <K, V>(map: Map<K, V>, id: K, what: string): V => {
    const v = map.get(id);
    if (v === undefined) throw new InconsistentResultError(`${what} ${String(id)} is missing`);
    return v;
  };

  const model = options.model;
  const shownCalls = (model ? model.calls : result.calls.map((c) => c.id)).map((id) => need(calls, id, 'call'));
  const shownIds = new Set(shownCalls.map((c) => c.id));
  const python = result.language;

  // Inputs and outputs: the model's when there is one, otherwise InputLayers and calls whose outputs nobody uses.
  const consumed = new Set<number>();
  for (const c of shownCalls) for (const x of c.inputs) consumed.add(x);
  const outputTensors = new Set(model ? model.outputs : shownCalls.flatMap((c) => c.outputs).filter((x) => !consumed.has(x)));
  const inputTensors = new Set(model ? model.inputs : []);
  const roleOfCall = (c: CallIR): NodeRole => {
    const layer = need(layers, c.layer, 'layer');
    if (layer.className === 'InputLayer' || c.outputs.some((x) => inputTensors.has(x))) return 'input';
    if (c.outputs.some((x) => outputTensors.has(x))) return 'output';
    return 'inner';
  };

  const sharedColour = new Map<number, number>();
  for (const c of shownCalls) {
    const layer = need(layers, c.layer, 'layer');
    if (layer.calls.length > 1 && !sharedColour.has(layer.id)) sharedColour.set(layer.id, sharedColour.size % SHARED_PALETTE_SIZE);
  }
  const errorOf = (c: CallIR): string | null => {
    if (c.error === undefined) return null;
    return result.diagnostics[c.error]?.message ?? t('errorPrefix', String(c.error));
  };
  const outputShapeText = (c: CallIR): string => {
    const shapes = c.outputs.map((x) => formatShape(need(tensors, x, 'tensor').shape, python));
    return shapes.length === 1 ? shapes[0] : `[${shapes.join(', ')}]`;
  };
  const producerOf = (tensorId: number): CallIR | null => {
    const p = need(tensors, tensorId, 'tensor').producer;
    return p && shownIds.has(p.call) ? need(calls, p.call, 'call') : null;
  };

  if (options.view === 'layers') return buildLayerView();
  return buildCallView();

  function buildLayerView(): ViewGraph {
    const nodes = new Map<number, ViewNode>();
    for (const c of shownCalls) {
      const layer = need(layers, c.layer, 'layer');
      let node = nodes.get(layer.id);
      const role = roleOfCall(c);
      if (!node) {
        const shownOfLayer = layer.calls.filter((id) => shownIds.has(id)).map((id) => need(calls, id, 'call'));
        node = {
          key: `l:${layer.name}`,
          kind: 'layer',
          name: layer.name,
          detail: layer.params !== null && layer.params > 0 ? `${layer.className} · ${t('params', layer.params)}` : layer.className,
          // Keras's plot_model shows one shape per inbound node; we list the distinct ones.
          shapeText: [...new Set(shownOfLayer.map(outputShapeText))].join(' | '),
          callIndex: shownOfLayer.map((x) => x.index).join(','),
          layerId: layer.id,
          callIds: [],
          role,
          shared: layer.calls.length > 1 ? layer.calls.length : 0,
          colorIndex: sharedColour.get(layer.id) ?? -1,
          error: null,
          range: layer.range,
          parent: null,
          searchText: `${layer.name} ${layer.className}`.toLowerCase(),
        };
        nodes.set(layer.id, node);
      } else if (node.role === 'inner' && role !== 'inner') {
        node.role = role;
      }
      node.callIds.push(c.id);
      node.error ??= errorOf(c);
    }
    const edges = new Map<string, ViewEdge>();
    for (const c of shownCalls) {
      const target = nodes.get(c.layer)!;
      for (const x of c.inputs) {
        const p = producerOf(x);
        if (!p) continue;
        addEdge(edges, nodes.get(p.layer)!.key, target.key, formatShape(need(tensors, x, 'tensor').shape, python), c.error !== undefined);
      }
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()], clusters: [], groupKeys: [], callCount: shownCalls.length };
  }

  function buildCallView(): ViewGraph {
    const groupSize = new Map<string, number>();
    for (const c of shownCalls)
      for (let d = 0; d < c.scope.length; d++) {
        const k = groupKeyOf(c, d);
        groupSize.set(k, (groupSize.get(k) ?? 0) + 1);
      }
    const collapsedByDefault = shownCalls.length > COLLAPSE_THRESHOLD;
    const isCollapsed = (k: string) => options.collapsedOverrides[k] ?? collapsedByDefault;

    // Each call is drawn as itself, or as the outermost collapsed group around it; it sits inside the deepest
    // expanded group before that.
    const repOf = new Map<number, string>();
    const nodes = new Map<string, ViewNode>();
    const clusters = new Map<string, ViewCluster>();
    for (const c of shownCalls) {
      const layer = need(layers, c.layer, 'layer');
      let parent: string | null = null;
      let collapsedAt = -1;
      for (let d = 0; d < c.scope.length; d++) {
        const k = groupKeyOf(c, d);
        if (isCollapsed(k)) {
          collapsedAt = d;
          break;
        }
        if (!clusters.has(k)) clusters.set(k, { key: k, label: t('group', c.scope[d].name), parent });
        parent = k;
      }
      if (collapsedAt >= 0) {
        const k = groupKeyOf(c, collapsedAt);
        const frame = c.scope[collapsedAt];
        let g = nodes.get(`g:${k}`);
        if (!g) {
          g = {
            key: `g:${k}`,
            kind: 'group',
            name: t('group', frame.name),
            detail: t('groupLayers', groupSize.get(k) ?? 0),
            shapeText: '',
            callIndex: '',
            layerId: null,
            callIds: [],
            role: 'inner',
            shared: 0,
            colorIndex: -1,
            error: null,
            range: frame.callRange,
            parent,
            searchText: frame.name.toLowerCase(),
          };
          nodes.set(g.key, g);
        }
        g.callIds.push(c.id);
        g.error ??= errorOf(c);
        g.searchText += ` ${layer.name} ${layer.className}`.toLowerCase();
        // A group's shape is that of the last call made inside it, usually what the helper returns.
        g.shapeText = outputShapeText(c);
        const role = roleOfCall(c);
        if (role !== 'inner') g.role = role;
        repOf.set(c.id, g.key);
        continue;
      }
      const node: ViewNode = {
        key: callKey(layer, c),
        kind: 'call',
        name: layer.name,
        detail: layer.calls.length > 1 ? `${layer.className} · ${t('callOf', c.index + 1, layer.calls.length)}` : layer.className,
        shapeText: outputShapeText(c),
        callIndex: String(c.index),
        layerId: layer.id,
        callIds: [c.id],
        role: roleOfCall(c),
        shared: layer.calls.length > 1 ? layer.calls.length : 0,
        colorIndex: sharedColour.get(layer.id) ?? -1,
        error: errorOf(c),
        range: c.range,
        parent,
        searchText: `${layer.name} ${layer.className}`.toLowerCase(),
      };
      nodes.set(node.key, node);
      repOf.set(c.id, node.key);
    }
    const edges = new Map<string, ViewEdge>();
    for (const c of shownCalls) {
      const target = repOf.get(c.id)!;
      for (const x of c.inputs) {
        const p = producerOf(x);
        if (!p) continue;
        const source = repOf.get(p.id)!;
        if (source === target) continue; // inside one collapsed group
        addEdge(edges, source, target, formatShape(need(tensors, x, 'tensor').shape, python), c.error !== undefined);
      }
    }
    return {
      nodes: [...nodes.values()],
      edges: [...edges.values()],
      clusters: [...clusters.values()],
      groupKeys: [...groupSize.keys()],
      callCount: shownCalls.length,
    };
  }
}

/** One edge per (source, target) pair, as plot_model draws; several tensors between one pair list their shapes. */
function addEdge(edges: Map<string, ViewEdge>, source: string, target: string, shapeText: string, error: boolean): void {
  const key = `${source}->${target}`;
  const existing = edges.get(key);
  if (!existing) {
    edges.set(key, { key, source, target, shapeText, error });
    return;
  }
  if (!existing.shapeText.split(' | ').includes(shapeText)) existing.shapeText += ` | ${shapeText}`;
  existing.error ||= error;
}
