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
  /** The group a click opens or closes: a closed group's own key, or a closed nested model's. */
  expandKey: string | null;
  /** For a closed run of identical blocks: how many. */
  repeat?: number;
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
  /** Groups drawn closed (as one node), nested models included. */
  collapsedGroups: string[];
  /** Every unit with the groups around it, open or not, so that a search can open its way to a match. */
  search: SearchEntry[];
  callCount: number;
}

export interface SearchEntry {
  /** The node key the match has once every group in `groups` is open. */
  key: string;
  text: string;
  groups: string[];
}

/** A box around units: a helper function's invocation, a run of identical blocks, or an open nested model. */
interface GroupFrame {
  key: string;
  kind: 'helper' | 'repeat' | 'nested';
  /** Helper function (or nested layer) name. */
  name: string;
  label: string;
  range: SourceRange | null;
  /** Blocks in a repeat group. */
  count: number;
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

  // Nested models (a model called like a layer, subclassed models included) open in place: their calls are drawn
  // inside a group on the outer call's inputs, in an instance context `ctx` ('' at the top, `generator#0/` inside a
  // call of `generator`), so one model called twice is two groups. Expanded by hand only: a closed one is today's
  // single node. An explicit work stack, not recursion, so a deep nesting cannot overflow.
  interface Instance {
    model: ModelIR;
    call: CallIR;
    parentCtx: string;
  }
  interface Placed {
    call: CallIR;
    ctx: string;
    frames: GroupFrame[];
    /** Key of the closed nested-model group this call stands for, if it is one. */
    expandKey: string | null;
  }
  const models = new Map(result.models.map((m) => [m.id, m]));
  const instances = new Map<string, Instance>();
  const expandedAt = new Map<string, string>();
  const nestedKeys: string[] = [];
  const search: SearchEntry[] = [];
  const placed: Placed[] = [];
  interface Work {
    calls: CallIR[];
    i: number;
    ctx: string;
    frames: GroupFrame[];
    ancestry: Set<number>;
    innerInputs: Set<number>;
    /** Helper frames every call of a nested model shares (where it was built, a subclass's call()): not drawn. */
    scopeSkip: number;
  }
  const work: Work[] = [{ calls: shownCalls, i: 0, ctx: '', frames: [], ancestry: new Set(model ? [model.id] : []), innerInputs: new Set(), scopeSkip: 0 }];
  while (work.length > 0) {
    const w = work[work.length - 1];
    if (w.i >= w.calls.length) {
      work.pop();
      continue;
    }
    const c = w.calls[w.i++];
    const layer = need(layers, c.layer, 'layer');
    // An inner model's InputLayer stands for the outer call's inputs, which are drawn outside already.
    if (w.ctx && layer.className === 'InputLayer' && c.outputs.every((x) => w.innerInputs.has(x))) continue;
    const frames = w.frames.concat(helperFrames(c.scope.slice(w.scopeSkip), w.ctx));
    const inner = options.view === 'calls' && layer.model !== undefined ? models.get(layer.model) : undefined;
    let expandKey: string | null = null;
    if (inner && !w.ancestry.has(inner.id) && inner.calls.length > 0) {
      const key = `n:${w.ctx}${layer.name}#${c.index}`;
      nestedKeys.push(key);
      const innerCtx = `${w.ctx}${layer.name}#${c.index}/`;
      const innerCalls = inner.calls.map((id) => need(calls, id, 'call'));
      if (options.collapsedOverrides[key] === false) {
        instances.set(innerCtx, { model: inner, call: c, parentCtx: w.ctx });
        expandedAt.set(`${w.ctx}|${c.id}`, innerCtx);
        const frame: GroupFrame = { key, kind: 'nested', name: layer.name, label: t('nestedGroup', layer.name, layer.className), range: c.range, count: 0 };
        work.push({ calls: innerCalls, i: 0, ctx: innerCtx, frames: [...frames, frame], ancestry: new Set([...w.ancestry, inner.id]), innerInputs: new Set(inner.inputs), scopeSkip: commonScope(innerCalls.filter((x) => !x.outputs.every((o) => inner.inputs.includes(o))).map((x) => x.scope)).length });
        continue;
      }
      expandKey = key;
      // Search finds layers inside a closed nested model, and opening it reveals them.
      for (const ic of innerCalls) {
        const il = need(layers, ic.layer, 'layer');
        if (il.className === 'InputLayer') continue;
        search.push({ key: `c:${innerCtx}${il.name}#${ic.index}`, text: `${il.name} ${il.className}`.toLowerCase(), groups: [...frames.map((f) => f.key), key] });
      }
    }
    placed.push({ call: c, ctx: w.ctx, frames, expandKey });
  }

  // A unit is what one node stands for when no group around it is closed: a call, or (layer view) a layer.
  interface Unit {
    node: ViewNode;
    /** What search matches for this unit alone (a closed nested model's node also matches its insides). */
    ownText: string;
    frames: GroupFrame[];
    /** The call it stands for (the first one in the layer view): what block signatures compare. */
    call: CallIR;
  }
  const units: Unit[] = [];
  const firstIdByName = new Map<string, number>();
  const unitOfPlaced = new Map<string, Unit>();
  if (options.view === 'layers') {
    const byLayer = new Map<number, Unit>();
    for (const { call: c } of placed) {
      const layer = need(layers, c.layer, 'layer');
      let unit = byLayer.get(layer.id);
      const role = roleOfCall(c);
      if (!unit) {
        const shownOfLayer = layer.calls.filter((id) => shownIds.has(id)).map((id) => need(calls, id, 'call'));
        unit = {
          ownText: `${layer.name} ${layer.className}`.toLowerCase(),
          // A shared layer called from several helper invocations belongs to the scope they have in common.
          frames: helperFrames(commonScope(shownOfLayer.map((x) => x.scope)), ''),
          call: c,
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
            expandKey: null,
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
      unitOfPlaced.set(`|${c.id}`, unit);
    }
  } else {
    for (const p of placed) {
      const c = p.call;
      const layer = need(layers, c.layer, 'layer');
      const inner = p.expandKey !== null && layer.model !== undefined ? models.get(layer.model) : undefined;
      const innerCount = inner ? inner.calls.length - inner.inputs.length : 0;
      const unit: Unit = {
        ownText: `${layer.name} ${layer.className}`.toLowerCase(),
        frames: p.frames,
        call: c,
        node: {
          key: `c:${p.ctx}${layerKeyPart(layer, p.ctx ? new Map() : firstIdByName)}#${c.index}`,
          kind: 'call',
          name: layer.name,
          detail: inner
            ? t('nestedClosed', layer.className, innerCount)
            : layer.calls.length > 1
              ? `${layer.className} · ${t('callOf', c.index + 1, layer.calls.length)}`
              : layer.className,
          shapeText: outputShapeText(c),
          callIndex: String(c.index),
          layerId: layer.id,
          callIds: [c.id],
          role: p.ctx ? 'inner' : roleOfCall(c),
          shared: layer.calls.length > 1 ? layer.calls.length : 0,
          colorIndex: sharedColour.get(layer.id) ?? -1,
          error: errorOf(c),
          errorSummary: errorSummaryOf(c),
          range: c.range,
          parent: null,
          searchText: `${layer.name} ${layer.className}`.toLowerCase(),
          expandKey: p.expandKey,
        },
      };
      if (inner) for (const id of inner.layers) unit.node.searchText += ` ${need(layers, id, 'layer').name.toLowerCase()}`;
      units.push(unit);
      unitOfPlaced.set(`${p.ctx}|${c.id}`, unit);
    }
  }

  foldRepeats(units, (u) => {
    const layer = need(layers, u.call.layer, 'layer');
    return `${layer.className}|${configSignature(layer.config)}|${u.node.shapeText}`;
  });
  for (const u of units) search.push({ key: u.node.key, text: u.ownText, groups: u.frames.map((f) => f.key) });

  const groupSize = new Map<string, number>();
  for (const u of units) for (const f of u.frames) groupSize.set(f.key, (groupSize.get(f.key) ?? 0) + 1);
  const collapsedByDefault = units.length > COLLAPSE_THRESHOLD;
  // A nested-model frame exists only while that model is open.
  const isCollapsed = (f: GroupFrame) => f.kind !== 'nested' && (options.collapsedOverrides[f.key] ?? collapsedByDefault);

  // Each unit is drawn as itself, or as the outermost closed group around it; it sits inside the deepest open
  // group before that.
  const repOf = new Map<Unit, string>();
  const nodes = new Map<string, ViewNode>();
  const clusters = new Map<string, ViewCluster>();
  const collapsedGroups = new Set<string>();
  for (const u of units) {
    let parent: string | null = null;
    let closed: GroupFrame | null = null;
    for (const f of u.frames) {
      if (isCollapsed(f)) {
        closed = f;
        break;
      }
      if (!clusters.has(f.key)) clusters.set(f.key, { key: f.key, label: f.label, parent });
      parent = f.key;
    }
    if (!closed) {
      u.node.parent = parent;
      nodes.set(u.node.key, u.node);
      repOf.set(u, u.node.key);
      if (u.node.expandKey) collapsedGroups.add(u.node.expandKey);
      continue;
    }
    collapsedGroups.add(closed.key);
    let g = nodes.get(`g:${closed.key}`);
    if (!g) {
      g = {
        key: `g:${closed.key}`,
        kind: 'group',
        name: closed.label,
        detail: t(options.view === 'layers' ? 'groupLayers' : 'groupCalls', groupSize.get(closed.key) ?? 0),
        shapeText: '',
        callIndex: '',
        layerId: null,
        callIds: [],
        role: 'inner',
        shared: 0,
        colorIndex: -1,
        error: null,
        errorSummary: null,
        range: closed.range,
        parent,
        searchText: closed.name.toLowerCase(),
        expandKey: closed.key,
      };
      if (closed.kind === 'repeat') g.repeat = closed.count;
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

  // The unit a tensor comes from: across a nested model's boundary, an inner input is the outer call's input and an
  // open nested call's output is its model's output. Bounded, so a malformed IR cannot loop.
  const sourceOf = (x: number, ctx: string): Unit | null => {
    for (let steps = 0; steps < 100_000; steps++) {
      const inst = ctx ? instances.get(ctx) : undefined;
      const i = inst ? inst.model.inputs.indexOf(x) : -1;
      if (inst && i >= 0) {
        const outer = inst.call.inputs[i];
        if (outer === undefined) return null;
        x = outer;
        ctx = inst.parentCtx;
        continue;
      }
      const p = need(tensors, x, 'tensor').producer;
      if (!p) return null;
      const innerCtx = expandedAt.get(`${ctx}|${p.call}`);
      if (innerCtx !== undefined) {
        const j = need(calls, p.call, 'call').outputs.indexOf(x);
        const y = instances.get(innerCtx)!.model.outputs[j];
        if (y === undefined) return null;
        x = y;
        ctx = innerCtx;
        continue;
      }
      return unitOfPlaced.get(`${ctx}|${p.call}`) ?? null;
    }
    return null;
  };

  const edges = new Map<string, ViewEdge>();
  for (const p of placed) {
    const unit = unitOfPlaced.get(`${options.view === 'layers' ? '' : p.ctx}|${p.call.id}`);
    if (!unit) continue;
    const target = repOf.get(unit)!;
    for (const x of p.call.inputs) {
      const from = sourceOf(x, p.ctx);
      if (!from) continue;
      const source = repOf.get(from)!;
      // Inside one collapsed group there is nothing to draw; a layer feeding itself (shared) is a real loop.
      if (source === target && target.startsWith('g:')) continue;
      addEdge(edges, source, target, formatShape(need(tensors, x, 'tensor').shape, python), p.call.error !== undefined);
    }
  }
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    clusters: [...clusters.values()],
    groupKeys: [...groupSize.keys(), ...nestedKeys.filter((k) => !groupSize.has(k))],
    collapsedGroups: [...collapsedGroups],
    search,
    callCount: shownCalls.length,
  };
}

/** Helper-function frames of a scope as group frames, keyed within their nested-model instance. */
function helperFrames(scope: ScopeFrame[], ctx: string): GroupFrame[] {
  return scope.map((f, d) => ({ key: ctx + groupKeyOf(scope, d), kind: 'helper', name: f.name, label: t('group', f.name), range: f.callRange, count: 0 }));
}

/** A layer's config without its name, as text: two layers with equal ones compute the same thing. */
function configSignature(config: Record<string, unknown>): string {
  const { name: _name, ...rest } = config;
  try {
    return JSON.stringify(rest);
  } catch {
    return '?';
  }
}

/**
 * Folds runs of consecutive sibling helper groups that compute the same thing — same helper, and unit by unit the
 * same layer class, config and output shape, wired the same way inside — into one repeat group ("res_block() ×16"),
 * by inserting a repeat frame above theirs. Linear in units times nesting depth; no recursion.
 */
function foldRepeats<Unit extends { frames: GroupFrame[]; call: CallIR }>(units: Unit[], unitSignature: (u: Unit) => string): void {
  interface TreeNode {
    frame: GroupFrame | null;
    children: (TreeNode | Unit)[];
    units: Unit[];
  }
  const root: TreeNode = { frame: null, children: [], units: [] };
  const byKey = new Map<string, TreeNode>();
  for (const u of units) {
    let parent = root;
    for (const f of u.frames) {
      let n = byKey.get(f.key);
      if (!n) {
        n = { frame: f, children: [], units: [] };
        byKey.set(f.key, n);
        parent.children.push(n);
      }
      n.units.push(u);
      parent = n;
    }
    parent.children.push(u);
  }
  const base = new Map<Unit, string>();
  const signature = (n: TreeNode): string => {
    const position = new Map<number, number>();
    n.units.forEach((u, i) => position.set(u.call.id, i));
    const producer = new Map<number, number>();
    for (const u of n.units) for (const x of u.call.outputs) producer.set(x, position.get(u.call.id)!);
    return n.units
      .map((u) => {
        let b = base.get(u);
        if (b === undefined) base.set(u, (b = unitSignature(u)));
        // Inputs as positions inside the block (or "from outside"), so the wiring is compared, not the names.
        return `${b}<${u.call.inputs.map((x) => producer.get(x) ?? '-').join(',')}`;
      })
      .join(';');
  };
  const inserts: { nodes: TreeNode[]; name: string }[] = [];
  for (const n of [root, ...byKey.values()]) {
    let run: TreeNode[] = [];
    let runSig = '';
    const flush = () => {
      if (run.length >= 2) inserts.push({ nodes: run, name: run[0].frame!.name });
      run = [];
    };
    for (const child of n.children) {
      const isBlock = 'frame' in child && child.frame?.kind === 'helper';
      if (!isBlock) {
        flush();
        continue;
      }
      const sig = `${child.frame!.name}\u0000${signature(child)}`;
      if (run.length > 0 && sig !== runSig) flush();
      if (run.length === 0) runSig = sig;
      run.push(child);
    }
    flush();
  }
  for (const { nodes, name } of inserts) {
    const first = nodes[0].frame!;
    const frame: GroupFrame = { key: `r:${first.key}`, kind: 'repeat', name, label: t('repeatGroup', name, nodes.length), range: first.range, count: nodes.length };
    for (const n of nodes)
      for (const u of n.units) {
        const at = u.frames.findIndex((f) => f.key === n.frame!.key);
        if (at >= 0) u.frames.splice(at, 0, frame);
      }
  }
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
