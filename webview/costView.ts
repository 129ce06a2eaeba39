// Colouring the graph by cost: a toolbar switch (no colour / MACs / activation size), one fill colour per node on a
// log scale between the cheapest and the dearest node shown, a legend, and totals per helper-function group (on a
// collapsed group's node and an expanded group's label). The figures come from the host, per call id; this module
// computes no cost and draws no node: render.ts asks it for a fill, main.ts hands it each view graph.

import type { CallCostFigures } from '../src/webview-protocol';
import type { ViewGraph, ViewNode } from './graphModel';
import { t } from './strings';

export type CostMode = 'none' | 'macs' | 'activations';

/** Hue from blue (cheap) to red (dear); the alpha keeps the node's text readable in every theme. */
function colourAt(f: number): string {
  const hue = Math.round(220 - 220 * Math.min(1, Math.max(0, f)));
  return `hsla(${hue}, 80%, 50%, 0.55)`;
}

/** `1.23 G`, `456 K`, `12`: three significant digits and an SI prefix. */
export function shortNumber(n: number): string {
  const units = ['', ' K', ' M', ' G', ' T', ' P'];
  let unit = 0;
  let v = n;
  while (unit < units.length - 1 && Math.abs(v) >= 1000) {
    v /= 1000;
    unit++;
  }
  return `${Number(v.toPrecision(3))}${units[unit]}`;
}

/** Bytes in binary units, as the summary prints them (`1.50 MB`). */
export function shortBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let unit = 0;
  let v = n;
  while (unit < units.length - 1 && v >= 1024) {
    v /= 1024;
    unit++;
  }
  return `${unit === 0 ? v : v.toFixed(2)} ${units[unit]}`;
}

export class CostView {
  mode: CostMode = 'none';
  readonly select: HTMLSelectElement;
  readonly legend: HTMLDivElement;
  private costs: readonly CallCostFigures[] = [];
  /** Per node key: its figure in the current mode (null: unknown); filled by `prepare`. */
  private values = new Map<string, number | null>();
  private scale: { lo: number; hi: number } | null = null;

  constructor(toolbar: HTMLElement, canvasHost: HTMLElement, onChange: (mode: CostMode) => void) {
    this.select = document.createElement('select');
    this.select.className = 'lg-cost-mode';
    toolbar.insertBefore(this.select, toolbar.querySelector('.lg-search'));
    for (const mode of ['none', 'macs', 'activations'] as const) {
      const o = document.createElement('option');
      o.value = mode;
      this.select.appendChild(o);
    }
    this.select.addEventListener('change', () => {
      this.mode = this.select.value === 'macs' || this.select.value === 'activations' ? this.select.value : 'none';
      onChange(this.mode);
    });
    this.legend = document.createElement('div');
    this.legend.className = 'lg-cost-legend';
    this.legend.hidden = true;
    canvasHost.appendChild(this.legend);
    this.applyStrings();
  }

  setMode(mode: CostMode): void {
    this.mode = mode;
    this.select.value = mode;
  }

  /** The host's figures for the document shown (absent: an older host; every node is then unknown). */
  setCosts(costs: readonly CallCostFigures[] | undefined): void {
    this.costs = costs ?? [];
  }

  applyStrings(): void {
    const labels: Record<CostMode, string> = { none: t('costNone'), macs: t('costMacs'), activations: t('costActivations') };
    for (const o of Array.from(this.select.options)) o.textContent = labels[o.value as CostMode];
    this.select.title = t('costTitle');
    this.select.setAttribute('aria-label', t('costTitle'));
  }

  private figure(callId: number): number | null {
    const c = this.costs[callId];
    if (!c) return null;
    return this.mode === 'macs' ? c.macs : c.activationBytes;
  }

  private format(v: number): string {
    return this.mode === 'macs' ? `${shortNumber(v)} MACs` : shortBytes(v);
  }

  /** Sums each node's calls, gives collapsed groups their total in the detail line, and sets the scale and legend.
   *  Call it on each new view graph before drawing it. */
  prepare(graph: ViewGraph): void {
    this.values.clear();
    this.scale = null;
    this.legend.hidden = this.mode === 'none';
    if (this.mode === 'none') return;
    let lo = Infinity;
    let hi = 0;
    for (const n of graph.nodes) {
      let sum: number | null = 0;
      for (const id of n.callIds) {
        const f = this.figure(id);
        sum = sum === null || f === null ? null : sum + f;
      }
      if (n.callIds.length === 0) sum = null;
      this.values.set(n.key, sum);
      if (sum !== null && sum > 0) {
        lo = Math.min(lo, sum);
        hi = Math.max(hi, sum);
      }
      if (n.kind === 'group') n.detail = `${n.detail} · ${sum === null ? '?' : this.format(sum)}`;
    }
    if (hi > 0) this.scale = { lo, hi };
    this.drawLegend();
  }

  /** An expanded group's total, for its label: the sum over every node drawn inside it (nested groups included). */
  clusterTotal(graph: ViewGraph, clusterKey: string): string {
    if (this.mode === 'none') return '';
    const parents = new Map(graph.clusters.map((c) => [c.key, c.parent]));
    let sum: number | null = 0;
    for (const n of graph.nodes) {
      let p = n.parent;
      while (p !== null && p !== clusterKey) p = parents.get(p) ?? null;
      if (p !== clusterKey) continue;
      const v = this.values.get(n.key) ?? null;
      sum = sum === null || v === null ? null : sum + v;
    }
    return ` · ${sum === null ? '?' : this.format(sum)}`;
  }

  /** The node's figure as the renderer marks it (`data-cost`): a number, `?`, or null when colouring is off. */
  costAttr(node: ViewNode): string | null {
    if (this.mode === 'none') return null;
    const v = this.values.get(node.key);
    return v === undefined || v === null ? '?' : String(v);
  }

  /** The fill for a node, or null to keep the theme's (colouring off, unknown cost, or zero cost). */
  fill(node: ViewNode): string | null {
    if (this.mode === 'none' || !this.scale) return null;
    const v = this.values.get(node.key);
    if (v === undefined || v === null || v <= 0) return null;
    const { lo, hi } = this.scale;
    return colourAt(hi === lo ? 1 : (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)));
  }

  private drawLegend(): void {
    while (this.legend.firstChild) this.legend.removeChild(this.legend.firstChild);
    const title = document.createElement('div');
    title.className = 'lg-cost-legend-title';
    title.textContent = this.mode === 'macs' ? t('costLegendMacs') : t('costLegendActivations');
    this.legend.appendChild(title);
    if (!this.scale) {
      const none = document.createElement('div');
      none.textContent = t('costLegendNone');
      this.legend.appendChild(none);
      return;
    }
    const bar = document.createElement('div');
    bar.className = 'lg-cost-legend-bar';
    // CSSOM, not a style attribute: the webview's CSP allows the one and not the other.
    bar.style.background = `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map(colourAt).join(', ')})`;
    this.legend.appendChild(bar);
    const ends = document.createElement('div');
    ends.className = 'lg-cost-legend-ends';
    for (const v of [this.scale.lo, this.scale.hi]) {
      const s = document.createElement('span');
      s.textContent = this.format(v);
      ends.appendChild(s);
    }
    this.legend.appendChild(ends);
  }
}
