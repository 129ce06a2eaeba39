// The overview (minimap): a small canvas drawing of the whole laid-out graph with the rectangle the main view shows;
// clicking or dragging in it pans the main view there. Shown only when the graph is bigger than a few screens. It
// neither lays out nor zooms (it reads boxes from the renderer and asks it to centre on a point).

import type { Box } from './layout';
import { t } from './strings';

/** The overview appears once the graph at zoom 1 is this many view heights (or widths) big. */
export const OVERVIEW_SCREENS = 3;
const MAX_WIDTH = 150;
const MAX_HEIGHT = 420;
/** A side thinner than this is stretched (a long chain would be a hairline at one uniform scale). */
const MIN_SIDE = 56;
const MIN_VIEW_MARK = 4;

export interface OverviewSource {
  viewSize(): { width: number; height: number };
  graphSize(): { width: number; height: number };
  nodeBoxes(): Iterable<{ box: Box; error: boolean }>;
  readonly transform: { x: number; y: number; k: number };
  centerOn(x: number, y: number): void;
}

export class Overview {
  private readonly frame: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly mark: HTMLDivElement;
  /** Overview pixels per graph unit, per axis. */
  private sx = 1;
  private sy = 1;
  private dragging = false;

  constructor(
    host: HTMLElement,
    private readonly source: OverviewSource,
  ) {
    this.frame = document.createElement('div');
    this.frame.className = 'lg-overview';
    this.frame.hidden = true;
    this.frame.setAttribute('role', 'img');
    this.canvas = document.createElement('canvas');
    this.mark = document.createElement('div');
    this.mark.className = 'lg-overview-view';
    this.frame.append(this.canvas, this.mark);
    host.appendChild(this.frame);
    this.applyStrings();
    this.frame.addEventListener('pointerdown', (e) => {
      this.dragging = true;
      this.frame.setPointerCapture(e.pointerId);
      this.panTo(e);
      e.preventDefault();
      e.stopPropagation();
    });
    this.frame.addEventListener('pointermove', (e) => {
      if (this.dragging) this.panTo(e);
    });
    const stop = (e: PointerEvent) => {
      this.dragging = false;
      if (this.frame.hasPointerCapture(e.pointerId)) this.frame.releasePointerCapture(e.pointerId);
    };
    this.frame.addEventListener('pointerup', stop);
    this.frame.addEventListener('pointercancel', stop);
    // The main view's zoom must not see wheel or clicks meant for the overview.
    this.frame.addEventListener('wheel', (e) => e.stopPropagation());
  }

  applyStrings(): void {
    this.frame.title = t('overviewTitle');
    this.frame.setAttribute('aria-label', t('overviewTitle'));
  }

  get visible(): boolean {
    return !this.frame.hidden;
  }

  /** Redraws the overview after a layout (or hides it when the graph fits in a few screens). */
  draw(): void {
    const view = this.source.viewSize();
    const graph = this.source.graphSize();
    const big = view.width > 0 && (graph.height > OVERVIEW_SCREENS * view.height || graph.width > OVERVIEW_SCREENS * view.width);
    this.frame.hidden = !big;
    this.frame.dataset.shown = String(big);
    if (!big) return;
    const maxH = Math.min(MAX_HEIGHT, view.height * 0.6);
    const s = Math.min(MAX_WIDTH / graph.width, maxH / graph.height);
    this.sx = graph.width * s < MIN_SIDE ? Math.min(MAX_WIDTH, MIN_SIDE) / graph.width : s;
    this.sy = graph.height * s < MIN_SIDE ? Math.min(maxH, MIN_SIDE) / graph.height : s;
    const w = Math.max(1, Math.round(graph.width * this.sx));
    const h = Math.max(1, Math.round(graph.height * this.sy));
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(w * dpr);
    this.canvas.height = Math.round(h * dpr);
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${h}px`;
    this.frame.style.width = `${w}px`;
    this.frame.style.height = `${h}px`;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const style = getComputedStyle(this.frame);
    const colour = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const fill = colour('--lg-overview-node', '#888');
    const error = colour('--lg-error', '#f85149');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    let errors = 0;
    for (const { box, error: bad } of this.source.nodeBoxes()) {
      ctx.fillStyle = bad ? error : fill;
      if (bad) errors++;
      // At least a pixel each way, so that every node leaves a trace however small the scale.
      const bw = Math.max(1, box.width * this.sx);
      const bh = Math.max(1, box.height * this.sy);
      ctx.fillRect((box.x - box.width / 2) * this.sx, (box.y - box.height / 2) * this.sy, bw, bh);
    }
    this.frame.dataset.errors = String(errors);
    this.follow();
  }

  /** Moves the rectangle that marks what the main view shows (after every pan or zoom). */
  follow(): void {
    if (this.frame.hidden) return;
    const view = this.source.viewSize();
    const tr = this.source.transform;
    const x = (-tr.x / tr.k) * this.sx;
    const y = (-tr.y / tr.k) * this.sy;
    const w = Math.max(MIN_VIEW_MARK, (view.width / tr.k) * this.sx);
    const h = Math.max(MIN_VIEW_MARK, (view.height / tr.k) * this.sy);
    this.mark.style.transform = `translate(${x}px, ${y}px)`;
    this.mark.style.width = `${w}px`;
    this.mark.style.height = `${h}px`;
  }

  private panTo(e: PointerEvent): void {
    const r = this.canvas.getBoundingClientRect();
    const x = Math.min(Math.max(e.clientX - r.left, 0), r.width);
    const y = Math.min(Math.max(e.clientY - r.top, 0), r.height);
    this.source.centerOn(x / this.sx, y / this.sy);
  }
}
