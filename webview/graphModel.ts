// Build pass: turns an AnalysisResult into the plain view graph the webview draws (nodes, edges, clusters), for the
// calls view or Keras's layer view, with helper-function groups collapsed or expanded. Pure data: no DOM, no layout.

import type { AnalysisResult, CallIR, Diagnostic, Language, LayerIR, ModelIR, ScopeFrame, SourceRange } from '../src/graph/ir';
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
  /** The diagnostic's full message (tooltip, `data-error`). */
  error: string | null;
  /** What the node itself shows of it: built from the diagnostic's structured fields, or the message as is. */
  errorSummary: string | null;
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

/** Structured fields a diagnostic may carry beside its message (`detail`); all optional, any may be missing. */
interface DiagnosticDetail {
  kind?: unknown;
  axis?: unknown;
  expected?: unknown;
  received?: unknown;
}

function detailValue(v: unknown, language: Language): string | null {
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  if (v === null) return dimText(null, language === 'python');
  if (Array.isArray(v) && v.every((d) => d === null || typeof d === 'number' || typeof d === 'string')) return formatShape(v as Shape, language);
  return null;
}

/** The short form of a diagnostic for a node: "axis -1: expected 5, received (None, 10)" from its structured
 *  fields; without them the message as it is (never picked apart: its wording belongs to the analyzer). */
export function errorSummary(d: Diagnostic, language: Language): string {
  const detail = (d as Diagnostic & { detail?: DiagnosticDetail }).detail;
  if (typeof detail !== 'object' || detail === null) return d.message;
  const expected = detailValue(detail.expected, language);
  const received = detailValue(detail.received, language);
  if (expected === null || received === null) return d.message;
  return typeof detail.axis === 'number' ? t('errorAxisSummary', detail.axis, expected, received) : t('errorSummary', expected, received);
}

function groupKeyOf(scope: ScopeFrame[], depth: number): string {
  return scope
    .slice(0, depth + 1)
    .map((f) => `${f.name}@${f.invocation}`)
    .join('/');
}

/** Node keys use layer names, which survive edits that renumber ids (so zoom, selection and collapse state stick);
 *  half-typed code can give two layers one name, and then the later one also carries its id. */
function layerKeyPart(layer: LayerIR, firstIdByName: Map<string, number>): string {
  const first = firstIdByName.get(layer.name);
  if (first === undefined) firstIdByName.set(layer.name, layer.id);
  return first === undefined || first === layer.id ? layer.name : `${layer.name}~${layer.id}`;
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
  const errorSummaryOf = (c: CallIR): string | null => {
    if (c.error === undefined) return null;
    const d = result.diagnostics[c.error];
    return d ? errorSummary(d, result.language) : t('errorPrefix', String(c.error));
  };
  const outputShapeText = (c: CallIR): string => {
    const shapes = c.outputs.map((x) => formatShape(need(tensors, x, 'tensor').shape, python));
    return shapes.length === 1 ? shapes[0] : `[${shapes.join(', ')}]`;
  };
  const producerOf = (tensorId: number): CallIR | null => {
    const p = need(tensors, tensorId, 'tensor').producer;
    return p && shownIds.has(p.call) ? need(calls, p.call, 'call') : null;
  };

  // A unit is what one node stands for when no group around it is collapsed: a call, or (layer view) a layer.
  interface Unit {
    node: ViewNode;
    scope: ScopeFrame[];
  }
  const units: Unit[] = [];
  const firstIdByName = new Map<string, number>();
  const unitOfCall = new Map<number, Unit>();
  if (options.view === 'layers') {
    const byLayer = new Map<number, Unit>();
    for (const c of shownCalls) {
      const layer = need(layers, c.layer, 'layer');
      let unit = byLayer.get(layer.id);
      const role = roleOfCall(c);
      if (!unit) {
        const shownOfLayer = layer.calls.filter((id) => shownIds.has(id)).map((id) => need(calls, id, 'call'));
        unit = {
          // A shared layer called from several helper invocations belongs to the scope they have in common.
          scope: commonScope(shownOfLayer.map((x) => x.scope)),
          node: {
            key: `l:${layerKeyPart(layer, firstIdByName)}`,
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
            errorSummary: null,
            range: layer.range,
            parent: null,
            searchText: `${layer.name} ${layer.className}`.toLowerCase(),
          },
        };
        byLayer.set(layer.id, unit);
        units.push(unit);
      } else if (unit.node.role === 'inner' && role !== 'inner') {
        unit.node.role = role;
      }
      unit.node.callIds.push(c.id);
      unit.node.error ??= errorOf(c);
      unit.node.errorSummary ??= errorSummaryOf(c);
      unitOfCall.set(c.id, unit);
    }
  } else {
    for (const c of shownCalls) {
      const layer = need(layers, c.layer, 'layer');
      const unit: Unit = {
        scope: c.scope,
        node: {
          key: `c:${layerKeyPart(layer, firstIdByName)}#${c.index}`,
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
          errorSummary: errorSummaryOf(c),
          range: c.range,
          parent: null,
          searchText: `${layer.name} ${layer.className}`.toLowerCase(),
        },
      };
      units.push(unit);
      unitOfCall.set(c.id, unit);
    }
  }

  const groupSize = new Map<string, number>();
  for (const u of units)
    for (let d = 0; d < u.scope.length; d++) {
      const k = groupKeyOf(u.scope, d);
      groupSize.set(k, (groupSize.get(k) ?? 0) + 1);
    }
  const collapsedByDefault = units.length > COLLAPSE_THRESHOLD;
  const isCollapsed = (k: string) => options.collapsedOverrides[k] ?? collapsedByDefault;

  // Each unit is drawn as itself, or as the outermost collapsed group around it; it sits inside the deepest
  // expanded group before that.
  const repOf = new Map<Unit, string>();
  const nodes = new Map<string, ViewNode>();
  const clusters = new Map<string, ViewCluster>();
  for (const u of units) {
    let parent: string | null = null;
    let collapsedAt = -1;
    for (let d = 0; d < u.scope.length; d++) {
      const k = groupKeyOf(u.scope, d);
      if (isCollapsed(k)) {
        collapsedAt = d;
        break;
      }
      if (!clusters.has(k)) clusters.set(k, { key: k, label: t('group', u.scope[d].name), parent });
      parent = k;
    }
    if (collapsedAt < 0) {
      u.node.parent = parent;
      nodes.set(u.node.key, u.node);
      repOf.set(u, u.node.key);
      continue;
    }
    const k = groupKeyOf(u.scope, collapsedAt);
    const frame = u.scope[collapsedAt];
    let g = nodes.get(`g:${k}`);
    if (!g) {
      g = {
        key: `g:${k}`,
        kind: 'group',
        name: t('group', frame.name),
        detail: t(options.view === 'layers' ? 'groupLayers' : 'groupCalls', groupSize.get(k) ?? 0),
        shapeText: '',
        callIndex: '',
        layerId: null,
        callIds: [],
        role: 'inner',
        shared: 0,
        colorIndex: -1,
        error: null,
        errorSummary: null,
        range: frame.callRange,
        parent,
        searchText: frame.name.toLowerCase(),
      };
      nodes.set(g.key, g);
    }
    g.callIds.push(...u.node.callIds);
    g.error ??= u.node.error;
    g.errorSummary ??= u.node.errorSummary;
    g.searchText += ` ${u.node.searchText}`;
    // A group's shape is that of the last unit inside it, usually what the helper returns.
    g.shapeText = u.node.shapeText;
    if (u.node.role !== 'inner') g.role = u.node.role;
    repOf.set(u, g.key);
  }

  const edges = new Map<string, ViewEdge>();
  for (const c of shownCalls) {
    const target = repOf.get(unitOfCall.get(c.id)!)!;
    for (const x of c.inputs) {
      const p = producerOf(x);
      if (!p) continue;
      const source = repOf.get(unitOfCall.get(p.id)!)!;
      // Inside one collapsed group there is nothing to draw; a layer feeding itself (shared) is a real loop.
      if (source === target && target.startsWith('g:')) continue;
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

/** The longest run of helper frames that every scope starts with. */
function commonScope(scopes: ScopeFrame[][]): ScopeFrame[] {
  if (scopes.length === 0) return [];
  let n = scopes[0].length;
  for (const s of scopes.slice(1)) {
    let i = 0;
    while (i < n && i < s.length && s[i].name === scopes[0][i].name && s[i].invocation === scopes[0][i].invocation) i++;
    n = i;
  }
  return scopes[0].slice(0, n);
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
