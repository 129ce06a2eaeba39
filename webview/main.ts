// Entry point of the graph preview webview: validates host messages, keeps the view state (model, view, direction,
// groups, zoom, selection), builds the toolbar and runs the render passes. It has no analysis logic and no VS Code
// API beyond acquireVsCodeApi's postMessage/getState/setState.

import type { AnalysisResult, ModelIR } from '../src/graph/ir';
import { isHostMessage, type GraphView, type HostMessage, type LayoutDirection, type WeightsArray, type WebviewMessage, type WebviewMessageBody } from '../src/webview-protocol';
import { CostView, type CostMode } from './costView';
import { buildViewGraph, type SearchEntry, type ViewGraph } from './graphModel';
import { LayoutCancelled, LayoutClient } from './layoutClient';
import { LossPanel } from './lossPanel';
import { Overview } from './overview';
import { GraphRenderer, type RenderStats } from './render';
import { setStrings, t, type StringKey } from './strings';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What survives a webview reload (the host's WebviewPanelSerializer hands it back). */
interface PersistedState {
  uri: string | null;
  direction: LayoutDirection;
  view: GraphView;
  collapsed: Record<string, boolean>;
  transform: { x: number; y: number; k: number } | null;
  selectedKey: string | null;
  modelName: string | null;
  costMode?: CostMode;
}

const vscode = acquireVsCodeApi();
/** Every message names the document whose graph is on screen, so the host can drop one about another document. */
const post = (m: WebviewMessageBody) => vscode.postMessage({ ...m, source: current?.uri ?? null } as WebviewMessage);

function restoreState(): PersistedState {
  const s = vscode.getState() as Partial<PersistedState> | undefined;
  return {
    uri: typeof s?.uri === 'string' ? s.uri : null,
    direction: s?.direction === 'LR' ? 'LR' : 'TB',
    view: s?.view === 'layers' ? 'layers' : 'calls',
    collapsed: s?.collapsed && typeof s.collapsed === 'object' ? s.collapsed : {},
    transform: s?.transform ?? null,
    selectedKey: typeof s?.selectedKey === 'string' ? s.selectedKey : null,
    modelName: typeof s?.modelName === 'string' ? s.modelName : null,
    costMode: s?.costMode === 'macs' || s?.costMode === 'activations' ? s.costMode : 'none',
  };
}

const state = restoreState();
let current: { uri: string; version: number; result: AnalysisResult; modelId: number | null; stale: boolean } | null = null;
let lastGraph: ViewGraph | null = null;
let needsFit = state.transform === null;
let renderQueued = false;
let highlight: number[] = [];
/** Matches among every unit, inside closed groups too (each with the groups to open to reach it). */
let searchHits: SearchEntry[] = [];
let searchCursor = -1;
/** Runs after the next render: a search hit whose groups were just opened. */
let pendingReveal: (() => void) | null = null;
/** Trained weights for one document version; shown only while that version is, dropped once a newer one arrives. */
let trained: { uri: string; version: number; byLayer: Map<number, WeightsArray[]> } | null = null;

/** Read by tests and the bench: timings of the last render and counters. */
const debug = {
  renders: 0,
  ignoredMessages: 0,
  cancelledLayouts: 0,
  /** True while a layout runs in the worker (the picture on screen is the previous one). */
  layingOut: false,
  lastError: null as string | null,
  lastStack: null as string | null,
  stats: null as (RenderStats & { buildMs: number; totalMs: number; worker: boolean }) | null,
};
(window as unknown as { __layergraph: typeof debug }).__layergraph = debug;
/** Where the whole laid-out graph is on screen (in the canvas's coordinates): on a big graph the DOM holds only
 *  part of it, so its elements' boxes do not say. */
(debug as unknown as { graphRect: () => { x: number; y: number; width: number; height: number } }).graphRect = () => {
  const tr = renderer.transform;
  const size = renderer.graphSize();
  return { x: tr.x, y: tr.y, width: size.width * tr.k, height: size.height * tr.k };
};
/** The bench's scripted pan: moves the view by (dx, dy) screen pixels, optionally at zoom `k` first. */
(debug as unknown as { panBy: (dx: number, dy: number, k?: number) => void }).panBy = (dx, dy, k) => {
  const tr = renderer.transform;
  renderer.setTransform(tr.x + dx, tr.y + dy, k ?? tr.k);
};

// ---- DOM skeleton (built with the DOM API: no innerHTML, no inline handlers, CSP-safe) ----
function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, parent: HTMLElement): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  parent.appendChild(e);
  return e;
}
const root = el('div', 'lg-root', document.body);
const toolbar = el('div', 'lg-toolbar', root);
toolbar.setAttribute('role', 'toolbar');
const modelPicker = el('select', 'lg-model', toolbar);
const viewGroup = el('div', 'lg-segmented', toolbar);
const callsButton = el('button', 'lg-button', viewGroup);
const layersButton = el('button', 'lg-button', viewGroup);
const directionButton = el('button', 'lg-button', toolbar);
const fitButton = el('button', 'lg-button', toolbar);
const expandButton = el('button', 'lg-button', toolbar);
const collapseButton = el('button', 'lg-button', toolbar);
const exportButton = el('button', 'lg-button', toolbar);
const search = el('input', 'lg-search', toolbar);
search.type = 'search';
const searchStatus = el('span', 'lg-search-status', toolbar);
const status = el('span', 'lg-status', toolbar);
const staleBadge = el('span', 'lg-stale', toolbar);
staleBadge.hidden = true;
const banner = el('div', 'lg-banner', root);
banner.setAttribute('role', 'alert');
const placeholder = el('div', 'lg-placeholder', root);
const canvasHost = el('div', 'lg-canvas-host', root);
const lossPanel = new LossPanel(canvasHost);

function saveState(): void {
  vscode.setState(state);
}

const renderer = new GraphRenderer(canvasHost, {
  onActivate(node) {
    state.selectedKey = node.key;
    saveState();
    if (node.range) post({ type: 'reveal', range: node.range });
  },
  onHover(node) {
    post({ type: 'hoverLayer', layerId: node?.layerId ?? null });
  },
  onToggleGroup(key) {
    const collapsedNow = lastGraph?.collapsedGroups.includes(key) ?? false;
    state.collapsed[key] = !collapsedNow;
    saveState();
    scheduleRender();
  },
  onZoom(tr) {
    state.transform = { x: tr.x, y: tr.y, k: tr.k };
    saveState();
  },
});
renderer.selectedKey = state.selectedKey;
const costView = new CostView(toolbar, canvasHost, (mode) => {
  state.costMode = mode;
  saveState();
  scheduleRender();
});
costView.setMode(state.costMode ?? 'none');
renderer.cost = costView;
const overview = new Overview(canvasHost, renderer);
const layoutClient = new LayoutClient();
renderer.onViewChange = () => overview.follow();
window.addEventListener('resize', () => overview.draw());

function applyStrings(): void {
  const label = (b: HTMLElement, text: StringKey, title?: StringKey) => {
    b.textContent = t(text);
    if (title) b.title = t(title);
  };
  label(callsButton, 'calls', 'callsTitle');
  label(layersButton, 'layers', 'layersTitle');
  label(directionButton, state.direction === 'TB' ? 'directionTB' : 'directionLR', 'directionTitle');
  label(fitButton, 'fit', 'fitTitle');
  label(expandButton, 'expandAll');
  label(collapseButton, 'collapseAll');
  label(exportButton, 'exportSvg');
  staleBadge.textContent = t('staleBadge');
  staleBadge.title = t('staleTitle');
  search.placeholder = t('search');
  search.title = t('searchTitle');
  modelPicker.title = t('model');
  modelPicker.setAttribute('aria-label', t('model'));
  callsButton.setAttribute('aria-pressed', String(state.view === 'calls'));
  layersButton.setAttribute('aria-pressed', String(state.view === 'layers'));
  if (!current) placeholder.textContent = t('waiting');
  lossPanel.applyStrings();
  overview.applyStrings();
  costView.applyStrings();
}

function selectedModel(): ModelIR | null {
  if (!current) return null;
  return current.result.models.find((m) => m.id === current!.modelId) ?? null;
}

function refreshModelPicker(): void {
  const models = current?.result.models ?? [];
  modelPicker.hidden = models.length < 2;
  while (modelPicker.firstChild) modelPicker.removeChild(modelPicker.firstChild);
  for (const m of models) {
    const o = document.createElement('option');
    o.value = String(m.id);
    o.textContent = m.variable ? `${m.variable} (${m.name})` : m.name;
    o.selected = m.id === current?.modelId;
    modelPicker.appendChild(o);
  }
}

function scheduleRender(): void {
  // The first graph is drawn at once; later updates coalesce into one render per frame.
  if (debug.renders === 0 && renderSeq === 0) return void render();
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    void render();
  });
}

/** Each render gets a number; a render overtaken by a newer one (its layout cancelled) changes nothing. */
let renderSeq = 0;

async function render(): Promise<void> {
  if (!current) return;
  const t0 = performance.now();
  const seq = ++renderSeq;
  let cancelled = false;
  try {
    const graph = buildViewGraph(current.result, { view: state.view, model: selectedModel(), collapsedOverrides: state.collapsed });
    costView.prepare(graph);
    const showWeights = trained !== null && trained.uri === current.uri && trained.version === current.version;
    renderer.weights = showWeights ? trained!.byLayer : new Map();
    document.body.dataset.weightsVersion = showWeights ? String(trained!.version) : '';
    const t1 = performance.now();
    const usesWorker = layoutClient.usesWorker;
    const stats = await renderer.render(graph, state.direction, (input) => {
      debug.layingOut = true;
      return layoutClient.layout(input);
    });
    debug.layingOut = false;
    lastGraph = graph;
    debug.stats = { ...stats, buildMs: t1 - t0, totalMs: performance.now() - t0, worker: usesWorker && layoutClient.usesWorker };
    debug.lastError = null;
    banner.hidden = true;
    placeholder.textContent = graph.nodes.length === 0 ? t('empty') : '';
    placeholder.hidden = graph.nodes.length > 0;
    status.textContent = t('stats', stats.nodes, stats.edges);
    status.title = `build ${debug.stats.buildMs.toFixed(1)} ms · measure ${stats.measureMs.toFixed(1)} ms · layout ${stats.layoutMs.toFixed(1)} ms (${stats.engine}) · update ${stats.updateMs.toFixed(1)} ms`;
    if (stats.engine === 'layered') {
      banner.hidden = false;
      banner.textContent = t('graphTooBig', stats.nodes);
    }
    expandButton.hidden = collapseButton.hidden = graph.groupKeys.length === 0;
    if (needsFit) {
      renderer.fit();
      needsFit = false;
    }
    overview.draw();
    renderer.setHighlight(highlight);
    if (search.value) {
      const keep = searchCursor;
      runSearch();
      searchCursor = keep;
    }
    const reveal = pendingReveal;
    pendingReveal = null;
    reveal?.();
  } catch (err) {
    // A newer graph took over: it will draw (or explain) itself.
    if (seq === renderSeq) debug.layingOut = false;
    if (err instanceof LayoutCancelled || seq !== renderSeq) {
      cancelled = true;
      debug.cancelledLayouts++;
      return;
    }
    // Keep the previous good graph on screen and say why the new one is missing.
    debug.lastError = err instanceof Error ? err.message : String(err);
    debug.lastStack = err instanceof Error ? (err.stack ?? null) : null;
    banner.hidden = false;
    banner.textContent = t('renderFailed', debug.lastError);
  } finally {
    if (!cancelled) {
      debug.renders++;
      document.body.dataset.renders = String(debug.renders);
    }
  }
}

/** The host kept the last good graph because the file does not parse now: say so, without hiding the graph. */
function setStale(stale: boolean): void {
  staleBadge.hidden = !stale;
  document.body.dataset.stale = String(stale);
}

function runSearch(): void {
  renderer.setSearch(search.value);
  const q = search.value.trim().toLowerCase();
  searchHits = q && lastGraph ? lastGraph.search.filter((e) => e.text.includes(q)) : [];
  searchCursor = -1;
  searchStatus.textContent = search.value.trim() ? (searchHits.length ? t('searchMatches', 0, searchHits.length) : t('searchNone')) : '';
}

function handle(msg: HostMessage): void {
  switch (msg.type) {
    case 'update': {
      const sameDoc = current?.uri === msg.uri;
      const stale = msg.stale === true;
      // Older version of the shown document, or unchanged: nothing to do (beyond the stale badge, which can change
      // without a new version when the host re-sends the last good graph).
      if (sameDoc && current && (msg.version < current.version || (msg.version === current.version && msg.selectedModel === undefined))) {
        if (msg.version === current.version) setStale((current.stale = stale));
        return;
      }
      const previousModelName = selectedModel()?.name ?? state.modelName;
      let modelId = msg.selectedModel ?? null;
      if (modelId === null || !msg.result.models.some((m) => m.id === modelId)) {
        modelId = (msg.result.models.find((m) => m.name === previousModelName) ?? msg.result.models[0])?.id ?? null;
      }
      if (!sameDoc && state.uri !== msg.uri) {
        // A different document: start from a fitted, unselected view (the previous one was someone else's).
        needsFit = true;
        state.selectedKey = renderer.selectedKey = null;
        state.collapsed = {};
        highlight = [];
      } else if (!current && state.transform) {
        // Restored after a reload: put the saved zoom back instead of fitting.
        renderer.setTransform(state.transform.x, state.transform.y, state.transform.k);
      }
      // Weights trained from an older version describe code that has changed since: drop them.
      if (trained && (trained.uri !== msg.uri || msg.version > trained.version)) trained = null;
      if (!sameDoc) lossPanel.hide();
      current = { uri: msg.uri, version: msg.version, result: msg.result, modelId, stale };
      costView.setCosts(msg.callCosts);
      setStale(stale);
      state.uri = msg.uri;
      state.modelName = selectedModel()?.name ?? null;
      saveState();
      refreshModelPicker();
      scheduleRender();
      return;
    }
    case 'highlight':
      highlight = msg.callIds;
      renderer.setHighlight(highlight);
      return;
    case 'setOptions':
      setOptions(msg.direction, msg.view);
      return;
    case 'setStrings':
      setStrings(msg.strings);
      applyStrings();
      scheduleRender();
      return;
    case 'requestSvg':
      post({ type: 'exportSvg', svg: renderer.exportSvg() });
      return;
    case 'trainProgress':
      // Progress of another document's training is not this graph's.
      if (current && current.uri !== msg.uri) return;
      lossPanel.show(msg);
      return;
    case 'weights': {
      if (current && current.uri !== msg.uri) return;
      // Late weights of a version older than the one shown are stale on arrival.
      if (current && msg.version < current.version) return;
      trained = msg.layers.length === 0 ? null : { uri: msg.uri, version: msg.version, byLayer: new Map(msg.layers.map((l) => [l.layerId, l.arrays])) };
      scheduleRender();
      return;
    }
  }
}

function setOptions(direction: LayoutDirection | undefined, view: GraphView | undefined): void {
  const changed = (direction !== undefined && direction !== state.direction) || (view !== undefined && view !== state.view);
  if (direction) state.direction = direction;
  if (view) state.view = view;
  if (!changed) return;
  needsFit = true;
  saveState();
  applyStrings();
  scheduleRender();
}

window.addEventListener('message', (event: MessageEvent) => {
  if (!isHostMessage(event.data)) {
    debug.ignoredMessages++;
    return;
  }
  try {
    handle(event.data);
  } catch (err) {
    // A bug here must not take the page down; the next update starts afresh.
    debug.lastError = err instanceof Error ? err.message : String(err);
  }
});

callsButton.addEventListener('click', () => setOptions(undefined, 'calls'));
layersButton.addEventListener('click', () => setOptions(undefined, 'layers'));
directionButton.addEventListener('click', () => setOptions(state.direction === 'TB' ? 'LR' : 'TB', undefined));
fitButton.addEventListener('click', () => renderer.fit());
exportButton.addEventListener('click', () => post({ type: 'exportSvg', svg: renderer.exportSvg() }));
const setAllGroups = (collapsed: boolean) => {
  for (const k of lastGraph?.groupKeys ?? []) state.collapsed[k] = collapsed;
  saveState();
  scheduleRender();
};
expandButton.addEventListener('click', () => setAllGroups(false));
collapseButton.addEventListener('click', () => setAllGroups(true));
modelPicker.addEventListener('change', () => {
  if (!current) return;
  const id = Number(modelPicker.value);
  current.modelId = id;
  state.modelName = selectedModel()?.name ?? null;
  needsFit = true;
  saveState();
  post({ type: 'selectModel', modelId: id });
  scheduleRender();
});
search.addEventListener('input', runSearch);
search.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || searchHits.length === 0) return;
  const cursor = (searchCursor + 1) % searchHits.length;
  const hit = searchHits[cursor];
  // Open every closed group on the way to the match, then show it once it is drawn.
  const closed = hit.groups.filter((g) => lastGraph?.collapsedGroups.includes(g) || state.collapsed[g] === true);
  const show = () => {
    searchCursor = cursor;
    renderer.ensureVisible(hit.key, true);
    renderer.focusNode(hit.key);
    search.focus();
    searchStatus.textContent = t('searchMatches', cursor + 1, searchHits.length);
  };
  if (closed.length === 0) return show();
  for (const g of closed) state.collapsed[g] = false;
  saveState();
  pendingReveal = show;
  scheduleRender();
});

applyStrings();
banner.hidden = true;
post({ type: 'ready' });
