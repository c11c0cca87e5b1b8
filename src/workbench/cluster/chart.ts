/**
 * The rollout chart: pods per ReplicaSet over virtual time as stacked step areas coloured by
 * version, the Deployment's bounds (replicas + maxSurge above, replicas − maxUnavailable for the
 * available pods below) as dashed lines, ready pods as a line, and a marker at "now". Geometry is
 * pure (`chartGeometry`) so it can be tested; `renderChart` writes it into the SVG.
 */
import { versionColor } from './colors';
import type { RolloutHistory, Sample, Series } from './rollout-history';
import type { Strings } from './strings';

/** Drawing size in CSS pixels: the SVG's viewBox follows its box, so text keeps its size. */
export interface Size {
  width: number;
  height: number;
}
export const DEFAULT_SIZE: Size = { width: 480, height: 170 };
const M = { left: 28, right: 12, top: 8, bottom: 22 };
/** The chart shows the last two minutes of virtual time, and at least 30 s. */
export const SPAN_MS = 120_000;
const MIN_SPAN_MS = 30_000;

export interface Geometry {
  from: number;
  to: number;
  yMax: number;
  areas: { series: Series; d: string }[];
  terminating: string;
  ready: string;
  maxPods: string;
  minAvailable: string;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  nowX: number;
  /** Right and bottom edges of the plot. */
  x1: number;
  y0: number;
}

const x0 = M.left;
const y1 = M.top;

/** Step function points [(t, v)] as an SVG path: horizontal to the next sample, then vertical. */
function stepPath(points: [number, number][], sx: (t: number) => number, sy: (v: number) => number): string {
  let d = '';
  let prev: number | undefined;
  for (const [t, v] of points) {
    const X = sx(t).toFixed(1);
    const Y = sy(v).toFixed(1);
    d += prev === undefined ? `M${X},${Y}` : `H${X}V${Y}`;
    prev = v;
  }
  return d;
}

function band(
  lower: [number, number][],
  upper: [number, number][],
  sx: (t: number) => number,
  sy: (v: number) => number,
): string {
  const top = stepPath(upper, sx, sy);
  // Walk the lower edge backwards as a step function too.
  let back = '';
  for (let i = lower.length - 1; i >= 0; i--) {
    const [t, v] = lower[i];
    back += `H${sx(t).toFixed(1)}V${sy(v).toFixed(1)}`;
    if (i > 0) back += `V${sy(lower[i - 1][1]).toFixed(1)}`;
  }
  return `${top}V${sy(lower[lower.length - 1][1]).toFixed(1)}${back}Z`;
}

function bound(samples: Sample[], pick: (s: Sample) => number | undefined): [number, number][] | undefined {
  const pts: [number, number][] = [];
  for (const s of samples) {
    const v = pick(s);
    if (v === undefined) return undefined;
    pts.push([s.t, v]);
  }
  return pts;
}

/** Seconds between x ticks: about one label per 70 px. */
function tickStep(spanS: number, width: number): number {
  const most = Math.max(2, Math.floor(width / 70));
  for (const step of [5, 10, 15, 30, 60, 120]) if (spanS / step <= most) return step;
  return 300;
}

export function chartGeometry(history: RolloutHistory, s: Strings, size: Size = DEFAULT_SIZE): Geometry {
  const x1 = size.width - M.right;
  const y0 = size.height - M.bottom;
  const to = history.now;
  const all = history.samples;
  const first = all[0]?.t ?? to;
  const from = Math.min(to - MIN_SPAN_MS, Math.max(first, to - SPAN_MS));
  // Samples in view: the last one before `from` holds the value at the left edge.
  let start = 0;
  while (start + 1 < all.length && all[start + 1].t <= from) start++;
  const inView = all.slice(start).map((x) => ({ ...x, t: Math.max(x.t, from) }));
  const series = history.orderedSeries();
  let yMax = 1;
  for (const x of inView) {
    const total = Object.values(x.pods).reduce((a, b) => a + b, 0) + x.terminating;
    yMax = Math.max(yMax, total, x.maxPods ?? 0);
  }
  yMax += 1;
  const sx = (t: number): number => x0 + ((t - from) / (to - from)) * (x1 - x0);
  const sy = (v: number): number => y0 - (v / yMax) * (y0 - y1);
  const areas: Geometry['areas'] = [];
  let terminating = '';
  let ready = '';
  let maxPods = '';
  let minAvailable = '';
  if (inView.length > 0) {
    // The last value lasts until now.
    const closed = [...inView, { ...inView[inView.length - 1], t: to }];
    let base = closed.map((x) => [x.t, 0] as [number, number]);
    for (const ser of series) {
      if (!closed.some((x) => (x.pods[ser.name] ?? 0) > 0)) continue;
      const upper = closed.map((x, i) => [x.t, base[i][1] + (x.pods[ser.name] ?? 0)] as [number, number]);
      areas.push({ series: ser, d: band(base, upper, sx, sy) });
      base = upper;
    }
    if (closed.some((x) => x.terminating > 0)) {
      const upper = closed.map((x, i) => [x.t, base[i][1] + x.terminating] as [number, number]);
      terminating = band(base, upper, sx, sy);
    }
    ready = stepPath(
      closed.map((x) => [x.t, x.ready]),
      sx,
      sy,
    );
    const max = bound(closed, (x) => x.maxPods);
    if (max) maxPods = stepPath(max, sx, sy);
    const min = bound(closed, (x) => x.minAvailable);
    if (min) minAvailable = stepPath(min, sx, sy);
  }
  const spanS = (to - from) / 1000;
  const step = tickStep(spanS, size.width);
  const xTicks: Geometry['xTicks'] = [];
  for (let ago = 0; ago <= spanS + 1e-9; ago += step) {
    xTicks.push({ x: sx(to - ago * 1000), label: ago === 0 ? s('chart.now') : `−${ago}` });
  }
  const yStep = yMax > 12 ? Math.ceil(yMax / 6) : yMax > 6 ? 2 : 1;
  const yTicks: Geometry['yTicks'] = [];
  for (let v = 0; v <= yMax; v += yStep) yTicks.push({ y: sy(v), label: String(v) });
  return {
    from,
    to,
    yMax,
    areas,
    terminating,
    ready,
    maxPods,
    minAvailable,
    xTicks,
    yTicks,
    nowX: sx(to),
    x1,
    y0,
  };
}

function esc(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderChart(svg: SVGSVGElement, history: RolloutHistory, s: Strings, size: Size): void {
  const g = chartGeometry(history, s, size);
  const { x1, y0 } = g;
  const box = `0 0 ${size.width} ${size.height}`;
  if (svg.getAttribute('viewBox') !== box) svg.setAttribute('viewBox', box);
  const parts: string[] = [];
  for (const t of g.yTicks) {
    parts.push(
      `<line class="grid" x1="${x0}" x2="${x1}" y1="${t.y.toFixed(1)}" y2="${t.y.toFixed(1)}"/>`,
      `<text class="tick" x="${x0 - 6}" y="${(t.y + 4).toFixed(1)}" text-anchor="end">${t.label}</text>`,
    );
  }
  for (const t of g.xTicks) {
    parts.push(
      `<line class="grid" x1="${t.x.toFixed(1)}" x2="${t.x.toFixed(1)}" y1="${y1}" y2="${y0}"/>`,
      `<text class="tick" x="${t.x.toFixed(1)}" y="${y0 + 16}" text-anchor="middle">${esc(t.label)}</text>`,
    );
  }
  for (const a of g.areas) {
    parts.push(
      `<path class="area" d="${a.d}" style="fill:${versionColor(a.series.version)}" data-series="${esc(a.series.name)}"/>`,
    );
  }
  if (g.terminating) parts.push(`<path class="area terminating" d="${g.terminating}"/>`);
  if (g.ready) parts.push(`<path class="ready" d="${g.ready}"/>`);
  if (g.maxPods) parts.push(`<path class="max" d="${g.maxPods}" data-bound="max"/>`);
  if (g.minAvailable) parts.push(`<path class="min" d="${g.minAvailable}" data-bound="min"/>`);
  parts.push(
    `<line class="axis" x1="${x0}" x2="${x1}" y1="${y0}" y2="${y0}"/>`,
    `<line class="now" x1="${g.nowX.toFixed(1)}" x2="${g.nowX.toFixed(1)}" y1="${y1}" y2="${y0}"/>`,
  );
  svg.innerHTML = parts.join('');
}
