// The timeline strip under the graph: claims per month of publication as bars, undated claims counted beside
// them; dragging across bars brushes a date range, reported as filters (the core turns bins into dates).

import type { Timeline } from '../../../src/store/types.js';
import { brushedBins, brushRange, timelineBins, type TimelineBin } from '../core/timeline.js';
import { byId, h } from './dom.js';

export interface TimelineCallbacks {
  onBrush(range: { dateFrom: string; dateTo: string } | null): void;
}

const SVG = 'http://www.w3.org/2000/svg';
const PLAY_STEP_MS = 700;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export class TimelineView {
  private readonly root = byId('timeline');
  private bins: TimelineBin[] = [];
  private last: { timeline: Timeline; dateFrom?: string; dateTo?: string } | null = null;
  private width = 0;
  /** Playing through time: the month the range has grown to, and the timer that grows it. */
  private playing: { bin: number; timer: ReturnType<typeof setInterval> } | null = null;

  constructor(private readonly cb: TimelineCallbacks) {
    // The bars span the strip's width: draw again when it changes (window resize, the panel opening).
    new ResizeObserver(() => {
      if (this.last && this.root.clientWidth !== this.width)
        this.render(this.last.timeline, this.last.dateFrom, this.last.dateTo);
    }).observe(this.root);
  }

  /**
   * From the first month on, the range grows by one month every `PLAY_STEP_MS`: claims appear as they were
   * published. It stops at the last month, leaving the whole range brushed, or when paused.
   */
  private play(): void {
    if (this.bins.length < 2) return;
    const step = () => {
      const p = this.playing;
      if (!p) return;
      this.cb.onBrush(brushRange(this.bins, 0, p.bin));
      if (p.bin >= this.bins.length - 1) this.stop();
      else p.bin++;
    };
    this.playing = { bin: 0, timer: setInterval(step, PLAY_STEP_MS) };
    step();
  }

  private stop(): void {
    if (!this.playing) return;
    clearInterval(this.playing.timer);
    this.playing = null;
    if (this.last) this.render(this.last.timeline, this.last.dateFrom, this.last.dateTo);
  }

  render(timeline: Timeline, dateFrom?: string, dateTo?: string): void {
    this.last = { timeline, dateFrom, dateTo };
    // Measured while visible: a hidden strip is 0 px wide, and the chart would be drawn at its 200 px minimum.
    this.root.hidden = false;
    this.width = this.root.clientWidth;
    const { bins, yearOnly } = timelineBins(timeline);
    this.bins = bins;
    const undated = timeline.undated.claims + yearOnly;
    const clear = h('button', { 'data-testid': 'timeline-clear', title: 'Show all dates' }, 'all dates');
    clear.addEventListener('click', () => {
      this.stop();
      this.cb.onBrush(null);
    });
    const play = h(
      'button',
      { 'data-testid': 'timeline-play', title: 'Play through time: the graph as it grew, month by month' },
      this.playing ? '❚❚ pause' : '▶ play',
    );
    play.addEventListener('click', () => (this.playing ? this.stop() : this.play()));
    const label = h(
      'div',
      { class: 'timeline-label' },
      h('strong', {}, 'Claims per month'),
      h(
        'span',
        { 'data-testid': 'timeline-range' },
        dateFrom || dateTo ? ` ${dateFrom ?? '…'} – ${dateTo ?? '…'} ` : ' drag across the bars to filter ',
      ),
      bins.length > 1 ? play : null,
      dateFrom || dateTo ? clear : null,
      h('span', { class: 'count', 'data-testid': 'timeline-undated' }, `undated: ${undated} claims (always shown)`),
    );
    if (bins.length === 0) {
      this.root.replaceChildren(label, h('div', { class: 'muted' }, 'No dated documents.'));
      this.root.hidden = false;
      return;
    }
    const width = Math.max(this.width - 16, 200);
    const height = 46;
    const bw = width / bins.length;
    const max = Math.max(...bins.map((b) => b.claims), 1);
    const chart = svg('svg', { width, height: height + 14, 'data-testid': 'timeline-chart', class: 'timeline-chart' });
    const sel = brushedBins(bins, dateFrom, dateTo);
    if (sel)
      chart.append(svg('rect', { x: sel[0] * bw, y: 0, width: (sel[1] - sel[0] + 1) * bw, height, class: 'brush' }));
    bins.forEach((b, i) => {
      const bh = b.claims ? Math.max(2, (b.claims / max) * (height - 4)) : 0;
      const inRange = !sel || (i >= sel[0] && i <= sel[1]);
      const bar = svg('rect', {
        x: i * bw + 0.5,
        y: height - bh,
        width: Math.max(bw - 1, 1),
        height: bh,
        class: inRange ? 'bar' : 'bar out',
        'data-month': b.month,
      });
      const title = svg('title', {});
      title.textContent = `${b.month}: ${b.claims} claims in ${b.documents} documents`;
      bar.append(title);
      chart.append(bar);
    });
    // Year ticks: where January falls, or the first bin.
    bins.forEach((b, i) => {
      if (i === 0 || b.month.endsWith('-01')) {
        const t = svg('text', { x: i * bw + 2, y: height + 12, class: 'tick' });
        t.textContent = i === 0 ? b.month : b.month.slice(0, 4);
        chart.append(t);
      }
    });
    let startBin: number | null = null;
    const binAt = (e: PointerEvent) => (e.clientX - chart.getBoundingClientRect().left) / bw - 0.5;
    chart.addEventListener('pointerdown', (e) => {
      this.stop();
      startBin = binAt(e);
      chart.setPointerCapture(e.pointerId);
    });
    chart.addEventListener('pointerup', (e) => {
      if (startBin === null) return;
      const range = brushRange(this.bins, startBin, binAt(e));
      startBin = null;
      this.cb.onBrush(range);
    });
    this.root.replaceChildren(label, chart);
    this.root.hidden = false;
  }
}
