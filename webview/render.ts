// Measure and update passes: sizes node and edge labels with real text metrics, then joins the laid-out graph into
// the SVG by stable keys (d3), keeping zoom, pan, selection and highlight. It does not decide what the graph is
// (graphModel.ts) nor where things go (layout.ts), and it never posts messages itself (main.ts wires callbacks).

import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { line, curveBasis } from 'd3-shape';
import type { LayoutDirection, WeightsArray } from '../src/webview-protocol';
import type { ViewEdge, ViewGraph, ViewNode } from './graphModel';
import { layoutGraph, type Box, type LayoutInput, type LayoutResult } from './layout';
import { t } from './strings';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Text classes and their line heights; font sizes live in main.css and must agree. */
const LINE = { name: 17, detail: 15, shape: 15, error: 14 } as const;
type LineKind = keyof typeof LINE;
const PAD_X = 14;
const PAD_Y = 8;
const MIN_NODE_WIDTH = 96;
const ERROR_WRAP = 46;
const ERROR_MAX_LINES = 4;
const EDGE_LABEL_PAD = 5;
const EDGE_LABEL_HEIGHT = 16;
/** Trained weights under a node's text: one histogram per array side by side, its name and shape below it. */
const HIST_WIDTH = 64;
const HIST_HEIGHT = 22;
const HIST_GAP = 10;
const HIST_LABEL = 13;
const WEIGHTS_BLOCK = 6 + HIST_HEIGHT + 2 + HIST_LABEL;

interface NodeLine {
  kind: LineKind;
  text: string;
}
interface MeasuredNode {
  node: ViewNode;
  /** Everything the node's children are drawn from: when it is unchanged, an update touches attributes only. */
  drawKey: string;
  lines: NodeLine[];
  /** Trained weights of the node's layer (the same arrays on every call of a shared layer), or null. */
  weights: WeightsArray[] | null;
  width: number;
  height: number;
}

export interface RenderStats {
  nodes: number;
  edges: number;
  measureMs: number;
  layoutMs: number;
  updateMs: number;
  engine: LayoutResult['engine'];
  /** Level layouts computed / reused from the cache. */
  levelsComputed: number;
  levelsCached: number;
}

export interface RenderCallbacks {
  onActivate(node: ViewNode): void;
  onHover(node: ViewNode | null): void;
  onToggleGroup(key: string): void;
  onZoom(transform: ZoomTransform): void;
}

/** Splits a diagnostic into a few short lines for the node; the full text stays in the tooltip and data-error. */
function weightLabel(w: WeightsArray): string {
  return `${w.name} ${w.shape.length === 0 ? '·' : w.shape.join('×')}`;
}

function statText(x: number): string {
  return Math.abs(x) >= 1000 || (x !== 0 && Math.abs(x) < 0.0005) ? x.toExponential(2) : x.toFixed(3);
}

function wrap(text: string, width: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const w of words) {
    if (current && current.length + 1 + w.length > width) {
      lines.push(current);
      current = w;
    } else current = current ? `${current} ${w}` : w;
  }
  if (current) lines.push(current);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] = `${lines[maxLines - 1].slice(0, width - 1)}…`;
  }
  return lines;
}

/** The zoom range users get with the wheel; Fit may go further out so that any graph fits whole. */
const MIN_SCALE = 0.05;
const MAX_SCALE = 4;
/** Below this zoom strokes stop scaling down (see .lg-far in main.css). */
const FAR_SCALE = 0.25;

/** Characters XML 1.0 forbids (C0 controls except tab/newline/return, lone surrogates, U+FFFE/U+FFFF): a name
 *  holding one would make an exported SVG unparseable. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Shows a forbidden character visibly instead: C0 controls as their Control Pictures (U+2400 + code, so ESC reads
 *  ␛), anything else as U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : '\uFFFD';
  });
}

/** The fields of a node its drawing depends on besides its text lines. */
function n0(n: ViewNode): unknown[] {
  return [n.kind, n.role, n.shared, n.colorIndex, n.repeat ?? 0, n.expandKey, n.error, n.name, n.detail, n.shapeText];
}

/** Above this many nodes only what is on screen, plus a margin, is in the DOM; zoom and pan update that set. */
export const VIRTUAL_ABOVE = 1000;
/** Above this many nodes in view (zoomed far out on a big graph) nodes and edges are painted on a canvas. */
export const CANVAS_ABOVE = 1500;
/** The margin drawn around the view, as a fraction of its size on each side, so that a short pan adds nothing. */
const VIEW_MARGIN = 0.5;

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const meets = (a: Rect, b: Rect) => a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1;
const contains = (outer: Rect, inner: Rect) => outer.x0 <= inner.x0 && outer.y0 <= inner.y0 && outer.x1 >= inner.x1 && outer.y1 >= inner.y1;

/** Classes that mark interaction state (selection, cursor highlight, hover, search) rather than the graph. */
const MARK_CLASSES = ['selected', 'highlighted', 'hovered', 'peer', 'match', 'dimmed'];

export class GraphRenderer {
  readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly viewport: Selection<SVGGElement, unknown, null, undefined>;
  private readonly clusterLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly edgeLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly nodeLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly clusterLabelLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly measureText: SVGTextElement;
  private readonly widthCache = new Map<string, number>();
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private layout: LayoutResult | null = null;
  private graph: ViewGraph | null = null;
  private measured: MeasuredNode[] = [];
  private labelWidths = new Map<string, number>();
  /** Bounding boxes of edge routes (with their labels), for culling. */
  private edgeBoxes = new Map<string, Rect>();
  /** The graph region the DOM holds now (null: everything), and the scale it was drawn at. */
  private drawnRegion: { rect: Rect; k: number } | null = null;
  private readonly paintCanvas: HTMLCanvasElement;
  selectedKey: string | null = null;
  private highlighted = new Set<number>();
  private searchMatches = new Set<string>();
  private searchActive = false;
  private direction: LayoutDirection = 'TB';
  /** Trained weights by LayerIR id (main.ts sets them and re-renders; node sizes depend on them). */
  weights = new Map<number, WeightsArray[]>();
  /** Colouring by cost (costView.ts): a fill and a `data-cost` per node, a total per expanded group's label. */
  cost: { fill(n: ViewNode): string | null; costAttr(n: ViewNode): string | null; clusterTotal(g: ViewGraph, key: string): string } | null = null;

  constructor(
    host: HTMLElement,
    private readonly callbacks: RenderCallbacks,
  ) {
    // Under the SVG: where a big graph seen from far is painted (see CANVAS_ABOVE).
    this.paintCanvas = select(host).append('canvas').attr('class', 'lg-paint').attr('aria-hidden', 'true').node()!;
    this.paintCanvas.hidden = true;
    this.svg = select(host).append('svg').attr('class', 'lg-canvas').attr('role', 'img') as never;
    const defs = this.svg.append('defs');
    for (const [id, cls] of [
      ['lg-arrow', 'arrow'],
      ['lg-arrow-error', 'arrow error'],
    ]) {
      defs
        .append('marker')
        .attr('id', id)
        .attr('viewBox', '0 0 10 10')
        .attr('refX', 9)
        .attr('refY', 5)
        .attr('markerWidth', 7)
        .attr('markerHeight', 7)
        .attr('orient', 'auto-start-reverse')
        .append('path')
        .attr('class', cls)
        .attr('d', 'M0,0 L10,5 L0,10 z');
    }
    this.viewport = this.svg.append('g').attr('class', 'lg-viewport');
    this.clusterLayer = this.viewport.append('g').attr('class', 'lg-clusters');
    this.edgeLayer = this.viewport.append('g').attr('class', 'lg-edges');
    // Group titles sit above the edges that enter their group, so an edge never strikes through one.
    this.clusterLabelLayer = this.viewport.append('g').attr('class', 'lg-cluster-labels');
    this.nodeLayer = this.viewport.append('g').attr('class', 'lg-nodes');
    // Measuring happens off to the side so a failed render never disturbs the graph on screen.
    this.measureText = this.svg.append('text').attr('class', 'lg-measure').attr('aria-hidden', 'true').node()!;
    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([MIN_SCALE, MAX_SCALE])
      .on('zoom', (event: { transform: ZoomTransform }) => {
        this.viewport.attr('transform', event.transform.toString());
        // Zoomed far out, outlines keep one screen pixel so that the graph's outline stays visible.
        this.svg.classed('lg-far', event.transform.k < FAR_SCALE);
        this.callbacks.onZoom(event.transform);
        this.drawVisible();
        this.onViewChange?.();
      });
    this.svg.call(this.zoomBehavior).on('dblclick.zoom', null);
  }

  get transform(): ZoomTransform {
    const el = this.svg.node()!;
    return (el as unknown as { __zoom?: ZoomTransform }).__zoom ?? zoomIdentity;
  }

  setTransform(x: number, y: number, k: number): void {
    // A view restored from a fitted deep graph may be further out than the wheel's usual limit.
    const [min, max] = this.zoomBehavior.scaleExtent();
    if (k < min) this.zoomBehavior.scaleExtent([k, max]);
    this.svg.call(this.zoomBehavior.transform, zoomIdentity.translate(x, y).scale(k));
  }

  /** Runs measure → layout → update; `layout` may run elsewhere (a worker). Throws (rejects) before touching the
   *  visible graph if measuring or layout fails or is cancelled, so the last good picture stays. */
  async render(graph: ViewGraph, direction: LayoutDirection, layout: (input: LayoutInput) => LayoutResult | Promise<LayoutResult> = layoutGraph): Promise<RenderStats> {
    const t0 = performance.now();
    const anchor = this.anchor;
    const measured = graph.nodes.map((n) => this.measureNode(n));
    const labelWidths = new Map(graph.edges.map((e) => [e.key, this.textWidth('edge', e.shapeText) + 2 * EDGE_LABEL_PAD]));
    const t1 = performance.now();
    const laidOut = await layout({
      nodes: measured.map((m) => ({ key: m.node.key, width: m.width, height: m.height, parent: m.node.parent })),
      edges: graph.edges.map((e) => ({
        key: e.key,
        source: e.source,
        target: e.target,
        labelWidth: labelWidths.get(e.key)!,
        labelHeight: EDGE_LABEL_HEIGHT,
      })),
      clusters: graph.clusters,
      direction,
    });
    const t2 = performance.now();
    if (this.anchor === anchor) this.anchor = null;
    this.update(graph, measured, laidOut, labelWidths);
    this.layout = laidOut;
    this.graph = graph;
    this.direction = direction;
    if (anchor) this.restoreAnchor(anchor);
    const t3 = performance.now();
    return {
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      measureMs: t1 - t0,
      layoutMs: t2 - t1,
      updateMs: t3 - t2,
      engine: laidOut.engine,
      levelsComputed: laidOut.levels.computed,
      levelsCached: laidOut.levels.cached,
    };
  }

  private textWidth(kind: LineKind | 'edge' | 'badge' | 'weights', text: string): number {
    const cacheKey = `${kind}\u0000${text}`;
    let w = this.widthCache.get(cacheKey);
    if (w === undefined) {
      this.measureText.setAttribute('class', `lg-measure lg-${kind}`);
      this.measureText.textContent = text;
      w = this.measureText.getComputedTextLength();
      this.widthCache.set(cacheKey, w);
    }
    return w;
  }

  private measureNode(node: ViewNode): MeasuredNode {
    // Text from the code is shown as text; a control character in it is drawn as its visible picture.
    const lines: NodeLine[] = [
      { kind: 'name', text: xmlSafe(node.name) },
      { kind: 'detail', text: xmlSafe(node.detail) },
    ];
    if (node.shapeText) lines.push({ kind: 'shape', text: xmlSafe(node.shapeText) });
    if (node.error) for (const l of wrap(xmlSafe(node.errorSummary ?? node.error), ERROR_WRAP, ERROR_MAX_LINES)) lines.push({ kind: 'error', text: l });
    let width = MIN_NODE_WIDTH;
    for (const l of lines) width = Math.max(width, this.textWidth(l.kind, l.text) + 2 * PAD_X);
    // Room for the ×N badge and the error marker riding on the corners.
    if (node.shared) width = Math.max(width, this.textWidth('name', lines[0].text) + 2 * PAD_X + 2 * (this.textWidth('badge', t('sharedBadge', node.shared)) + 8));
    const weights = node.kind !== 'group' && node.layerId !== null ? (this.weights.get(node.layerId) ?? null) : null;
    if (weights && weights.length > 0) {
      const slots = weights.map((w) => Math.max(HIST_WIDTH, this.textWidth('weights', weightLabel(w))));
      width = Math.max(width, slots.reduce((a, b) => a + b, 0) + HIST_GAP * (weights.length - 1) + 2 * PAD_X);
    }
    const height = lines.reduce((h, l) => h + LINE[l.kind], 0) + 2 * PAD_Y + (node.error ? 4 : 0) + (weights?.length ? WEIGHTS_BLOCK : 0);
    const drawKey = JSON.stringify([
      n0(node),
      lines,
      weights?.map((w) => [w.name, w.shape, w.histogram, w.stats]) ?? null,
      Math.ceil(width),
      Math.ceil(height),
    ]);
    return { node, drawKey, lines, weights: weights?.length ? weights : null, width: Math.ceil(width), height: Math.ceil(height) };
  }

  private update(graph: ViewGraph, measured: MeasuredNode[], layout: LayoutResult, labelWidths: Map<string, number>): void {
    const self = this;
    this.svg.attr('data-engine', layout.engine);

    const shownClusters = graph.clusters.filter((c) => layout.clusters.has(c.key));
    const topLeft = (key: string) => {
      const box = layout.clusters.get(key)!;
      return { x: box.x - box.width / 2, y: box.y - box.height / 2, box };
    };
    this.clusterLayer
      .selectAll<SVGGElement, { key: string; label: string }>('g.cluster')
      .data(shownClusters, (d) => d.key)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'cluster');
        g.append('rect').attr('rx', 6);
        g.append('title');
        g.on('click', (event: MouseEvent, d) => {
          event.stopPropagation();
          self.toggleGroup(d.key);
        });
        return g;
      })
      .attr('data-group', (d) => d.key)
      .attr('data-collapsed', 'false')
      .classed('nested', (d) => d.key.startsWith('n:'))
      .classed('repeat', (d) => d.key.startsWith('r:'))
      .each(function (d) {
        const { x, y, box } = topLeft(d.key);
        const g = select(this);
        g.select('rect').attr('x', x).attr('y', y).attr('width', box.width).attr('height', box.height);
        g.select('title').text(t('groupCollapse'));
      });
    this.clusterLabelLayer
      .selectAll<SVGTextElement, { key: string; label: string }>('text')
      .data(shownClusters, (d) => d.key)
      .join((enter) =>
        enter
          .append('text')
          .attr('class', 'lg-cluster-label')
          .on('click', (event: MouseEvent, d) => {
            event.stopPropagation();
            self.toggleGroup(d.key);
          }),
      )
      .attr('data-group', (d) => d.key)
      .attr('x', (d) => topLeft(d.key).x + 8)
      .attr('y', (d) => topLeft(d.key).y + 13)
      .text((d) => `▾ ${d.label}${self.cost?.clusterTotal(graph, d.key) ?? ''}`);

    this.measured = measured;
    this.labelWidths = labelWidths;
    this.edgeBoxes = new Map();
    for (const e of graph.edges) {
      const route = layout.edges.get(e.key);
      if (!route) continue;
      const w = (labelWidths.get(e.key) ?? 0) / 2;
      const r: Rect = { x0: route.label.x - w, y0: route.label.y - EDGE_LABEL_HEIGHT, x1: route.label.x + w, y1: route.label.y + EDGE_LABEL_HEIGHT };
      for (const p of route.points) {
        r.x0 = Math.min(r.x0, p.x);
        r.y0 = Math.min(r.y0, p.y);
        r.x1 = Math.max(r.x1, p.x);
        r.y1 = Math.max(r.y1, p.y);
      }
      this.edgeBoxes.set(e.key, r);
    }
    this.layout = layout;
    this.graph = graph;
    this.drawnRegion = null;
    this.drawVisible(true);
  }

  /** The graph region on screen, widened by `margin` of the view's size on each side. */
  private viewRect(margin: number): Rect {
    const { width, height } = this.viewSize();
    const tr = this.transform;
    const [x0, y0] = tr.invert([-width * margin, -height * margin]);
    const [x1, y1] = tr.invert([width * (1 + margin), height * (1 + margin)]);
    return { x0, y0, x1, y1 };
  }

  /** Puts into the DOM what is on screen (everything for a small graph), or paints it on the canvas when that is
   *  too much for elements. After a pan that stays inside the drawn margin, and at the same zoom, nothing changes. */
  private drawVisible(force = false, everything = false): void {
    const graph = this.graph;
    const layout = this.layout;
    if (!graph || !layout) return;
    const virtual = !everything && graph.nodes.length > VIRTUAL_ABOVE;
    if (virtual && !force && this.drawnRegion) {
      const k = this.transform.k;
      const region = this.drawnRegion;
      if (contains(region.rect, this.viewRect(0)) && k / region.k < 1.5 && region.k / k < 1.5) {
        if (!this.paintCanvas.hidden) this.paint();
        return;
      }
    }
    let measured = this.measured;
    let edges = graph.edges;
    if (virtual) {
      const rect = this.viewRect(VIEW_MARGIN);
      const nodeRect = (m: MeasuredNode): Rect => {
        const b = layout.nodes.get(m.node.key)!;
        return { x0: b.x - b.width / 2, y0: b.y - b.height / 2, x1: b.x + b.width / 2, y1: b.y + b.height / 2 };
      };
      measured = measured.filter((m) => layout.nodes.has(m.node.key) && meets(rect, nodeRect(m)));
      edges = edges.filter((e) => {
        const b = this.edgeBoxes.get(e.key);
        return b !== undefined && meets(rect, b);
      });
      this.drawnRegion = { rect, k: this.transform.k };
    } else this.drawnRegion = null;
    const onCanvas = virtual && measured.length > CANVAS_ABOVE;
    this.svg.attr('data-painter', onCanvas ? 'canvas' : 'svg');
    this.paintCanvas.hidden = !onCanvas;
    if (onCanvas) {
      this.canvasItems = { nodes: measured, edges };
      this.joinEdges([], layout);
      this.joinNodes([], layout);
      this.paint();
    } else {
      this.canvasItems = null;
      this.joinEdges(edges, layout);
      this.joinNodes(measured, layout);
    }
    this.svg.attr('data-drawn', onCanvas ? 0 : measured.length);
  }

  private canvasItems: { nodes: MeasuredNode[]; edges: ViewEdge[] } | null = null;

  /** Boxes and straight route segments on the canvas, in the theme's colours; no text (it would be unreadable at
   *  this scale anyway). */
  private paint(): void {
    const items = this.canvasItems;
    const layout = this.layout;
    if (!items || !layout) return;
    const { width, height } = this.viewSize();
    const dpr = window.devicePixelRatio || 1;
    const c = this.paintCanvas;
    if (c.width !== Math.round(width * dpr) || c.height !== Math.round(height * dpr)) {
      c.width = Math.round(width * dpr);
      c.height = Math.round(height * dpr);
    }
    const ctx = c.getContext('2d');
    if (!ctx) return;
    const css = getComputedStyle(this.svg.node()!);
    const colour = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    const tr = this.transform;
    ctx.setTransform(dpr * tr.k, 0, 0, dpr * tr.k, dpr * tr.x, dpr * tr.y);
    ctx.lineWidth = 1 / tr.k;
    ctx.strokeStyle = colour('--lg-edge', '#888');
    ctx.beginPath();
    for (const e of items.edges) {
      const pts = layout.edges.get(e.key)?.points;
      if (!pts || pts.length === 0) continue;
      ctx.moveTo(pts[0].x, pts[0].y);
      for (let i = 1; i < pts.length; i++) ctx.lineTo(pts[i].x, pts[i].y);
    }
    ctx.stroke();
    const fill = colour('--lg-node', '#333');
    const border = colour('--lg-border', '#777');
    const error = colour('--lg-error', '#f44');
    ctx.fillStyle = fill;
    ctx.strokeStyle = border;
    ctx.beginPath();
    const bad: Box[] = [];
    for (const m of items.nodes) {
      const b = layout.nodes.get(m.node.key)!;
      if (m.node.error) bad.push(b);
      ctx.rect(b.x - b.width / 2, b.y - b.height / 2, b.width, b.height);
    }
    ctx.fill();
    ctx.stroke();
    ctx.strokeStyle = error;
    ctx.lineWidth = 2 / tr.k;
    ctx.beginPath();
    for (const b of bad) ctx.rect(b.x - b.width / 2, b.y - b.height / 2, b.width, b.height);
    ctx.stroke();
  }

  private joinEdges(edges: ViewEdge[], layout: LayoutResult): void {
    const labelWidths = this.labelWidths;
    const path = line<{ x: number; y: number }>()
      .x((p) => p.x)
      .y((p) => p.y)
      .curve(curveBasis);
    this.edgeLayer
      .selectAll<SVGGElement, ViewEdge>('g.edge')
      .data(edges, (d) => d.key)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'edge');
        g.append('path');
        const label = g.append('g').attr('class', 'edge-label');
        label.append('rect');
        label.append('text').attr('class', 'lg-edge');
        return g;
      })
      .attr('data-shape', (d) => d.shapeText)
      .attr('data-from', (d) => d.source)
      .attr('data-to', (d) => d.target)
      .classed('error', (d) => d.error)
      .each(function (d) {
        const route = layout.edges.get(d.key);
        const g = select(this);
        if (!route) return;
        g.select('path')
          .attr('d', path(route.points) ?? '')
          .attr('marker-end', d.error ? 'url(#lg-arrow-error)' : 'url(#lg-arrow)');
        const w = labelWidths.get(d.key)!;
        const label = g.select('g.edge-label').attr('transform', `translate(${route.label.x},${route.label.y})`);
        label
          .select('rect')
          .attr('x', -w / 2)
          .attr('y', -EDGE_LABEL_HEIGHT / 2)
          .attr('width', w)
          .attr('height', EDGE_LABEL_HEIGHT)
          .attr('rx', 3);
        label.select('text').attr('y', 4).text(d.shapeText);
      });
  }

  private joinNodes(measured: MeasuredNode[], layout: LayoutResult): void {
    const self = this;
    this.nodeLayer
      .selectAll<SVGGElement, MeasuredNode>('g.node')
      .data(measured, (d) => d.node.key)
      .join((enter) =>
        enter
          .append('g')
          .attr('tabindex', 0)
          .attr('role', 'button')
          .on('click', (event: MouseEvent, d) => {
            event.stopPropagation();
            self.activate(d.node);
          })
          .on('keydown', (event: KeyboardEvent, d) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              self.activate(d.node);
            } else if (self.step(d.node, event.key)) event.preventDefault();
          })
          .on('mouseenter', (_event: MouseEvent, d) => self.hover(d.node))
          .on('mouseleave', () => self.hover(null)),
      )
      .attr('data-key', (d) => d.node.key)
      .attr('transform', (d) => {
        const box = layout.nodes.get(d.node.key)!;
        return `translate(${box.x},${box.y})`;
      })
      .each(function (d) {
        self.drawNode(select(this), d);
      });
    this.applyMarks();
  }

  private drawNode(g: Selection<SVGGElement, MeasuredNode, null, undefined>, m: MeasuredNode): void {
    const n = m.node;
    const el = g.node()!;
    const cls = ['node', n.kind, `role-${n.role}`];
    if (n.shared) cls.push('shared', `shared-c${n.colorIndex}`);
    if (n.repeat) cls.push('repeat');
    if (n.kind !== 'group' && n.expandKey) cls.push('nested');
    if (n.error) cls.push('has-error');
    el.setAttribute('class', cls.join(' '));
    const attrs: Record<string, string | null> = {
      'data-layer': n.kind === 'group' ? null : n.name,
      'data-call': n.kind === 'group' ? null : n.callIndex,
      'data-group': n.kind === 'group' ? n.key.slice(2) : null,
      'data-nested': n.kind !== 'group' && n.expandKey ? n.expandKey : null,
      'data-repeat': n.repeat ? String(n.repeat) : null,
      'data-collapsed': n.expandKey ? 'true' : null,
      'data-role': n.role,
      'data-shared': n.shared ? String(n.shared) : null,
      'data-error': n.error,
      'data-class': n.kind === 'group' ? null : n.detail.split(' · ')[0],
      'data-weights': m.weights ? m.weights.map(weightLabel).join(', ') : null,
      'data-cost': this.cost?.costAttr(n) ?? null,
      'aria-label': [n.name, n.detail, n.shapeText, n.error ? t('errorPrefix', n.error) : ''].filter(Boolean).join(', '),
    };
    for (const [k, v] of Object.entries(attrs)) if (v === null) el.removeAttribute(k);
    else el.setAttribute(k, v);

    // Children are rebuilt only when what they show changed; the element itself (focus, hover) always survives.
    const drawn = el as unknown as { __lgDrawn?: string };
    if (drawn.__lgDrawn === m.drawKey) return;
    drawn.__lgDrawn = m.drawKey;
    while (el.firstChild) el.removeChild(el.firstChild);
    const w = m.width;
    const h = m.height;
    const rx = n.role === 'input' ? Math.min(h / 2, 16) : n.kind === 'group' ? 2 : 5;
    g.append('title').text([n.name, n.detail, n.shapeText, n.shared ? t('sharedTitle', n.shared) : '', n.error ? t('errorPrefix', n.error) : ''].filter(Boolean).join('\n'));
    if (n.repeat) {
      // A deeper stack for a run of identical blocks.
      g.append('rect').attr('class', 'stack').attr('x', -w / 2 + 8).attr('y', -h / 2 + 8).attr('width', w).attr('height', h).attr('rx', rx);
    }
    if (n.kind === 'group' || n.expandKey) {
      // A stacked look says "there is more inside".
      g.append('rect').attr('class', 'stack').attr('x', -w / 2 + 4).attr('y', -h / 2 + 4).attr('width', w).attr('height', h).attr('rx', rx);
    }
    g.append('rect').attr('class', 'frame').attr('x', -w / 2).attr('y', -h / 2).attr('width', w).attr('height', h).attr('rx', rx).style('fill', () => this.cost?.fill(n) ?? null);
    if (n.role === 'output') {
      g.append('rect').attr('class', 'frame-inner').attr('x', -w / 2 + 3).attr('y', -h / 2 + 3).attr('width', w - 6).attr('height', h - 6).attr('rx', 3);
    }
    let y = -h / 2 + PAD_Y;
    for (const l of m.lines) {
      g.append('text')
        .attr('class', `lg-${l.kind}`)
        .attr('y', y + LINE[l.kind] * 0.75)
        .text(l.text);
      y += LINE[l.kind];
    }
    if (m.weights) this.drawWeights(g, m.weights, y + 6 + (n.error ? 4 : 0), w);
    if (n.shared) {
      const text = t('sharedBadge', n.shared);
      const bw = this.textWidth('badge', text) + 10;
      const badge = g.append('g').attr('class', 'badge').attr('transform', `translate(${w / 2 - bw / 2 - 4},${-h / 2})`);
      badge.append('rect').attr('x', -bw / 2).attr('y', -8).attr('width', bw).attr('height', 16).attr('rx', 8);
      badge.append('text').attr('class', 'lg-badge').attr('y', 4).text(text);
    }
    if (n.error) {
      const marker = g.append('g').attr('class', 'error-marker').attr('transform', `translate(${-w / 2 + 2},${-h / 2 + 2})`);
      marker.append('circle').attr('r', 8);
      marker.append('text').attr('class', 'lg-badge').attr('y', 4).text('!');
    }
    if (n.role !== 'inner') {
      const text = t(n.role === 'input' ? 'input' : 'output');
      const tw = this.textWidth('badge', text) + 10;
      const tag = g.append('g').attr('class', 'role-tag').attr('transform', `translate(0,${n.role === 'input' ? -h / 2 : h / 2})`);
      tag.append('rect').attr('x', -tw / 2).attr('y', -7).attr('width', tw).attr('height', 14).attr('rx', 7);
      tag.append('text').attr('class', 'lg-badge').attr('y', 3.5).text(text);
    }
  }

  /** Histograms of a layer's trained weight arrays, centred in the node below its text. Bars are counts scaled to
   *  the fullest bin; the tooltip has the numbers, since a histogram without them says shape, not size. */
  private drawWeights(g: Selection<SVGGElement, MeasuredNode, null, undefined>, arrays: WeightsArray[], top: number, nodeWidth: number): void {
    const slots = arrays.map((a) => Math.max(HIST_WIDTH, this.textWidth('weights', weightLabel(a))));
    const total = slots.reduce((a, b) => a + b, 0) + HIST_GAP * (arrays.length - 1);
    let x = -Math.min(total, nodeWidth - 2 * PAD_X) / 2;
    const block = g.append('g').attr('class', 'weights');
    arrays.forEach((a, i) => {
      const cx = x + slots[i] / 2;
      const hist = block.append('g').attr('class', 'hist').attr('data-name', a.name).attr('data-shape', a.shape.join('x')).attr('data-bins', a.histogram.join(','));
      hist.append('title').text(t('weightsTitle', a.name, a.shape.join('×'), statText(a.stats.mean), statText(a.stats.std), statText(a.stats.min), statText(a.stats.max)));
      hist.append('rect').attr('class', 'hist-bg').attr('x', cx - HIST_WIDTH / 2).attr('y', top).attr('width', HIST_WIDTH).attr('height', HIST_HEIGHT);
      const peak = Math.max(1, ...a.histogram);
      const bw = HIST_WIDTH / Math.max(1, a.histogram.length);
      a.histogram.forEach((c, b) => {
        if (c === 0) return;
        const h = Math.max(1, (c / peak) * (HIST_HEIGHT - 2));
        hist.append('rect').attr('class', 'bar').attr('x', cx - HIST_WIDTH / 2 + b * bw + 0.5).attr('y', top + HIST_HEIGHT - h).attr('width', Math.max(1, bw - 1)).attr('height', h);
      });
      hist.append('text').attr('class', 'lg-weights').attr('x', cx).attr('y', top + HIST_HEIGHT + 2 + HIST_LABEL * 0.75).text(weightLabel(a));
      x += slots[i] + HIST_GAP;
    });
  }

  /** Remembers where a group is on screen before it is expanded or collapsed, so that it stays put. */
  private anchor: { key: string; screen: [number, number] } | null = null;

  private boxOf(groupKey: string) {
    const closed = this.graph?.nodes.find((n) => n.expandKey === groupKey)?.key ?? `g:${groupKey}`;
    return this.layout?.clusters.get(groupKey) ?? this.layout?.nodes.get(closed);
  }

  private rememberAnchor(groupKey: string): void {
    const box = this.boxOf(groupKey);
    if (box) this.anchor = { key: groupKey, screen: this.transform.apply([box.x - box.width / 2, box.y - box.height / 2]) };
  }

  private restoreAnchor(anchor: { key: string; screen: [number, number] }): void {
    const box = this.boxOf(anchor.key);
    if (!box) return;
    const k = this.transform.k;
    this.setTransform(anchor.screen[0] - (box.x - box.width / 2) * k, anchor.screen[1] - (box.y - box.height / 2) * k, k);
  }

  private toggleGroup(groupKey: string): void {
    this.rememberAnchor(groupKey);
    this.callbacks.onToggleGroup(groupKey);
  }

  private activate(node: ViewNode): void {
    if (node.expandKey !== null) {
      this.toggleGroup(node.expandKey);
      return;
    }
    this.selectedKey = node.key;
    this.applyMarks();
    this.callbacks.onActivate(node);
  }

  /** Keyboard navigation: down/up follow the edges to a consumer/producer, left/right go to the neighbour in
   *  drawing order. Returns whether the key was one of those. */
  private step(from: ViewNode, key: string): boolean {
    if (!this.graph) return false;
    let next: string | undefined;
    if (key === 'ArrowDown') next = this.graph.edges.find((e) => e.source === from.key)?.target;
    else if (key === 'ArrowUp') next = this.graph.edges.find((e) => e.target === from.key)?.source;
    else if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const i = this.graph.nodes.findIndex((n) => n.key === from.key);
      next = this.graph.nodes[i + (key === 'ArrowLeft' ? -1 : 1)]?.key;
    } else return false;
    if (next) this.focusNode(next);
    return true;
  }

  /** Selects and focuses a drawn node, panning it into view. */
  focusNode(key: string): void {
    if (!this.layout?.nodes.has(key)) return;
    this.selectedKey = key;
    this.ensureVisible(key);
    this.applyMarks();
    const el = this.nodeLayer.selectAll<SVGGElement, MeasuredNode>('g.node').filter((d) => d.node.key === key).node();
    el?.focus({ preventScroll: true });
  }

  private hover(node: ViewNode | null): void {
    const layerId = node?.layerId ?? null;
    this.nodeLayer
      .selectAll<SVGGElement, MeasuredNode>('g.node')
      .classed('hovered', (d) => node !== null && d.node.key === node.key)
      .classed('peer', (d) => layerId !== null && d.node.layerId === layerId && d.node.key !== node!.key);
    this.callbacks.onHover(node);
  }

  setHighlight(callIds: number[]): void {
    this.highlighted = new Set(callIds);
    this.applyMarks();
    // From the graph, not the DOM: on a big graph the highlighted node may be off screen and not drawn.
    const first = this.graph?.nodes.find((n) => n.callIds.some((id) => this.highlighted.has(id)));
    if (first) this.ensureVisible(first.key);
  }

  /** Marks matches of `query` (name or class, case-insensitive); returns the matching keys in drawing order. */
  setSearch(query: string): string[] {
    const q = query.trim().toLowerCase();
    this.searchActive = q.length > 0;
    this.searchMatches = new Set(this.searchActive && this.graph ? this.graph.nodes.filter((n) => n.searchText.includes(q)).map((n) => n.key) : []);
    this.applyMarks();
    return [...this.searchMatches];
  }

  private applyMarks(): void {
    this.nodeLayer
      .selectAll<SVGGElement, MeasuredNode>('g.node')
      .classed('selected', (d) => d.node.key === this.selectedKey)
      .classed('highlighted', (d) => d.node.callIds.some((id) => this.highlighted.has(id)))
      .attr('data-highlighted', (d) => (d.node.callIds.some((id) => this.highlighted.has(id)) ? 'true' : null))
      .classed('match', (d) => this.searchMatches.has(d.node.key))
      .classed('dimmed', (d) => this.searchActive && !this.searchMatches.has(d.node.key));
  }

  /** Pans (keeping the zoom level) so that the node is on screen; does nothing if it already is. */
  ensureVisible(key: string, force = false): void {
    const box = this.layout?.nodes.get(key);
    if (!box) return;
    const { width, height } = this.svg.node()!.getBoundingClientRect();
    const tr = this.transform;
    const [sx, sy] = tr.apply([box.x, box.y]);
    if (!force && sx > 0 && sy > 0 && sx < width && sy < height) return;
    this.setTransform(width / 2 - box.x * tr.k, height / 2 - box.y * tr.k, tr.k);
  }

  /** The size of the drawing area on screen. */
  viewSize(): { width: number; height: number } {
    const { width, height } = this.svg.node()!.getBoundingClientRect();
    return { width, height };
  }

  /** Width and height of the whole laid-out graph (0 before the first layout). */
  graphSize(): { width: number; height: number } {
    return { width: this.layout?.width ?? 0, height: this.layout?.height ?? 0 };
  }

  /** Every drawn node's box, and whether it carries an error (what the overview draws). */
  *nodeBoxes(): Iterable<{ box: Box; error: boolean }> {
    if (!this.layout || !this.graph) return;
    for (const n of this.graph.nodes) {
      const box = this.layout.nodes.get(n.key);
      if (box) yield { box, error: n.error !== null };
    }
  }

  /** Called after every pan or zoom (the overview follows the view). */
  onViewChange: (() => void) | null = null;

  /** Centres the view on a point of the graph, keeping the zoom level. */
  centerOn(x: number, y: number): void {
    const { width, height } = this.viewSize();
    const k = this.transform.k;
    this.setTransform(width / 2 - x * k, height / 2 - y * k, k);
  }

  /** Shows the whole graph, however small that makes it: on a deep network the overview is the point of Fit. */
  fit(): void {
    if (!this.layout) return;
    const { width, height } = this.viewSize();
    const gw = Math.max(this.layout.width, 1);
    const gh = Math.max(this.layout.height, 1);
    if (width === 0 || height === 0) return;
    const k = Math.min(1.25, (width * 0.95) / gw, (height * 0.95) / gh);
    // The wheel's lower limit follows, so that the user can zoom back out to this view after zooming in.
    this.zoomBehavior.scaleExtent([Math.min(MIN_SCALE, k), MAX_SCALE]);
    this.setTransform((width - gw * k) / 2, (height - gh * k) / 2, k);
  }

  /** The drawing as a standalone SVG document: computed theme colours copied onto each element. */
  exportSvg(): string {
    // The export is the whole graph, also where only the part on screen is drawn.
    if ((this.graph?.nodes.length ?? 0) <= VIRTUAL_ABOVE) return this.exportDrawn();
    this.drawVisible(true, true);
    try {
      return this.exportDrawn();
    } finally {
      this.drawVisible(true);
    }
  }

  private exportDrawn(): string {
    const source = this.svg.node()!;
    // Selection, the editor cursor's highlight, hover and search are the user's state, not the graph: clear them
    // while styles are copied so that the export shows the graph as it is, then put them back.
    const marked = MARK_CLASSES.map((c) => [c, Array.from(source.querySelectorAll(`.${c}`))] as const);
    for (const [c, els] of marked) for (const e of els) e.classList.remove(c);
    const focused = source.contains(document.activeElement) ? (document.activeElement as HTMLElement | SVGElement) : null;
    focused?.blur();
    let clone: SVGSVGElement;
    try {
      clone = source.cloneNode(true) as SVGSVGElement;
      const props = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor'];
      const originals = source.querySelectorAll('*');
      const copies = clone.querySelectorAll('*');
      originals.forEach((el, i) => {
        const style = getComputedStyle(el);
        for (const p of props) copies[i].setAttribute(p, style.getPropertyValue(p));
      });
    } finally {
      for (const [c, els] of marked) for (const e of els) e.classList.add(c);
      focused?.focus({ preventScroll: true });
    }
    clone.removeAttribute('data-highlighted');
    for (const e of Array.from(clone.querySelectorAll('[data-highlighted]'))) e.removeAttribute('data-highlighted');
    for (const e of Array.from(clone.querySelectorAll('[tabindex]'))) e.removeAttribute('tabindex');
    // Names come from the code and may hold characters XML forbids; the serializer would write them raw.
    const walker = document.createTreeWalker(clone, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n: Node | null = clone; n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) n.nodeValue = xmlSafe(n.nodeValue ?? '');
      else
        for (const a of Array.from((n as Element).attributes)) {
          const safe = xmlSafe(a.value);
          if (safe !== a.value) a.value = safe;
        }
    }
    clone.querySelector('.lg-measure')?.remove();
    const b = this.layout;
    clone.setAttribute('xmlns', SVG_NS);
    clone.querySelector('.lg-viewport')?.removeAttribute('transform');
    if (b) {
      clone.setAttribute('viewBox', `0 0 ${b.width} ${b.height}`);
      clone.setAttribute('width', String(b.width));
      clone.setAttribute('height', String(b.height));
    }
    // A background rectangle rather than a style attribute, which the webview's CSP would refuse.
    const bg = document.createElementNS(SVG_NS, 'rect');
    bg.setAttribute('width', '100%');
    bg.setAttribute('height', '100%');
    bg.setAttribute('fill', getComputedStyle(document.body).backgroundColor);
    clone.insertBefore(bg, clone.firstChild);
    return new XMLSerializer().serializeToString(clone);
  }
}
