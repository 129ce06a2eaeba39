// The live loss curve of "Train & Show Weights": a small panel over the graph's corner. Each `trainProgress` message
// brings only the epochs since the last one (or the whole curve, from 0); the panel keeps the run's points and draws
// at most a few per pixel column (min and max of each), so a 1M-epoch run draws as fast as a 1k one. It trains
// nothing, posts nothing.

import { line } from 'd3-shape';
import type { TrainProgressMessage } from '../src/webview-protocol';
import { decimate, finiteRange, LossCurve } from './lossCurve';
import { t } from './strings';

const SVG_NS = 'http://www.w3.org/2000/svg';
const WIDTH = 260;
const HEIGHT = 96;
/** Room for the y labels on the left and the epoch labels below. */
const PAD = { left: 46, right: 10, top: 8, bottom: 18 };

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, parent: Element, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent.appendChild(e);
  return e;
}

function lossText(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 1000 || (x !== 0 && Math.abs(x) < 0.001) ? x.toExponential(2) : x.toFixed(4);
}

export class LossPanel {
  readonly element: HTMLDivElement;
  private readonly title: HTMLSpanElement;
  private readonly close: HTMLButtonElement;
  private readonly svg: SVGSVGElement;
  private last: TrainProgressMessage | null = null;
  private readonly curve = new LossCurve();

  constructor(host: HTMLElement) {
    this.element = document.createElement('div');
    this.element.className = 'lg-loss';
    this.element.hidden = true;
    this.element.setAttribute('role', 'status');
    const header = document.createElement('div');
    header.className = 'lg-loss-header';
    this.title = document.createElement('span');
    this.title.className = 'lg-loss-title';
    this.close = document.createElement('button');
    this.close.className = 'lg-loss-close';
    this.close.textContent = '×';
    this.close.addEventListener('click', () => (this.element.hidden = true));
    header.append(this.title, this.close);
    this.element.appendChild(header);
    this.svg = svgEl('svg', this.element, { class: 'lg-loss-chart', width: WIDTH, height: HEIGHT, viewBox: `0 0 ${WIDTH} ${HEIGHT}` });
    host.appendChild(this.element);
    this.applyStrings();
  }

  applyStrings(): void {
    this.close.title = t('trainClose');
    this.close.setAttribute('aria-label', t('trainClose'));
    if (this.last) this.show(this.last);
  }

  hide(): void {
    this.element.hidden = true;
    this.last = null;
    this.curve.clear();
  }

  show(m: TrainProgressMessage): void {
    // A new run starting reopens a panel the user closed; later epochs of that run do not fight the close button.
    if (m.epoch === 0 || this.last === null || this.last.model !== m.model) this.element.hidden = false;
    this.curve.add(m);
    this.last = m;
    const el = this.element;
    el.dataset.status = m.status;
    el.dataset.epoch = String(m.epoch);
    el.dataset.epochs = String(m.epochs);
    el.dataset.points = String(this.curve.points.length);
    const lossValue = m.loss === null ? null : Number(m.loss);
    el.dataset.loss = lossValue === null ? '' : String(lossValue);
    const loss = lossValue === null ? '' : ` · ${t('trainLoss', lossText(lossValue))}`;
    const head =
      m.status === 'running'
        ? t('trainRunning', m.model, m.epoch, m.epochs)
        : m.status === 'done'
          ? t('trainDone', m.model, m.epoch)
          : m.status === 'cancelled'
            ? t('trainCancelled', m.model)
            : t('trainFailed', m.model);
    this.title.textContent = head + loss;
    this.draw(m, this.curve.points);
  }

  private draw(m: TrainProgressMessage, values: number[]): void {
    const svg = this.svg;
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const x0 = PAD.left;
    const x1 = WIDTH - PAD.right;
    const y0 = PAD.top;
    const y1 = HEIGHT - PAD.bottom;
    svgEl('line', svg, { class: 'axis', x1: x0, y1: y1, x2: x1, y2: y1 });
    svgEl('line', svg, { class: 'axis', x1: x0, y1: y0, x2: x0, y2: y1 });
    // The x axis spans every planned epoch, so the curve grows to the right as training goes on.
    const epochs = Math.max(1, m.epochs, values.length);
    const label = (x: number, y: number, text: string, anchor: string) => {
      const e = svgEl('text', svg, { class: 'lg-loss-label', x, y, 'text-anchor': anchor });
      e.textContent = text;
    };
    label(x0, HEIGHT - 4, '1', 'middle');
    label(x1, HEIGHT - 4, String(epochs), 'middle');
    label((x0 + x1) / 2, HEIGHT - 4, t('trainEpochAxis'), 'middle');
    const range = finiteRange(values);
    if (!range) return;
    let { lo, hi } = range;
    if (lo === hi) {
      lo -= Math.abs(lo) * 0.1 || 1;
      hi += Math.abs(hi) * 0.1 || 1;
    }
    label(x0 - 4, y0 + 8, lossText(hi), 'end');
    label(x0 - 4, y1, lossText(lo), 'end');
    const px = (i: number) => (epochs === 1 ? (x0 + x1) / 2 : x0 + (i / (epochs - 1)) * (x1 - x0));
    const py = (v: number) => y1 - ((v - lo) / (hi - lo)) * (y1 - y0 - 4);
    // NaN/Infinity epochs sit on the top edge: a diverged run is visible, not a gap or a crash.
    const points = decimate(values, x1 - x0).map((i) => ({ x: px(i), y: Number.isFinite(values[i]) ? py(values[i]) : y0 }));
    const path = line<{ x: number; y: number }>()
      .x((p) => p.x)
      .y((p) => p.y)(points);
    svgEl('path', svg, { class: 'curve', d: path ?? '' });
    // Dots only while they can be told apart; a long run is a line.
    if (points.length <= 40) for (const p of points) svgEl('circle', svg, { class: 'dot', cx: p.x, cy: p.y, r: 2.5 });
  }
}
