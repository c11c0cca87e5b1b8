/**
 * The cluster view island: the live picture of the lesson's cluster (Deployments, ReplicaSets,
 * pods, Services), the rollout chart and a text summary for screen readers. The sandbox worker
 * sends a snapshot and the chart's samples when the cluster changed (`engine/cluster-feed.ts`);
 * the view draws at most once per animation frame, and moves the chart's "now" with the clock.
 * Objects and chart are drawn in separate frames (together they can make one long task), and
 * neither while the view is scrolled far out of sight (a phone shows the prose first); the
 * screen-reader summary keeps up either way.
 */
import type { ClusterUpdate, Workbench } from '../runtime';
import { DEFAULT_SIZE, renderChart, type Size } from './chart';
import { versionColor } from './colors';
import { el, reconcile, setText } from './dom';
import { POD_STATES } from './pod-state';
import { chartSubject, RolloutHistory } from './rollout-history';
import type { ClusterSnapshot } from './snapshot';
import { clusterStrings, type Strings } from './strings';
import { summarize, summarizeDeployment } from './summary';
import { ClusterView } from './view';
import './cluster.css';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Screen readers hear the summary at most this often (real ms). */
const SUMMARY_EVERY_MS = 4000;
/** The chart redraws at most this often (real ms): it moves slowly, and SVG paths are not free. */
const CHART_EVERY_MS = 250;
const reducedMotion = (): boolean => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Light a chip (or endpoint dot) for a moment. The Web Animations API restarts a running flash
 * without the forced layout a CSS-class restart needs (that cost whole frames with a busy page).
 */
function flash(node: HTMLElement): void {
  node.classList.add('cv-lit');
  const frames: Keyframe[] = reducedMotion()
    ? [{ boxShadow: '0 0 0 4px var(--accent)' }, { boxShadow: '0 0 0 0 transparent' }]
    : [
        { boxShadow: '0 0 0 4px var(--accent)', transform: 'scale(1.2)' },
        { boxShadow: '0 0 0 0 transparent', transform: 'scale(1)' },
      ];
  for (const a of node.getAnimations()) if (a.id === 'cv-flash') a.cancel();
  const anim = node.animate(frames, { duration: 800, easing: 'ease-out', id: 'cv-flash' });
  anim.onfinish = () => node.classList.remove('cv-lit');
}

function legend(s: Strings): HTMLElement {
  const box = el('div', 'cv-legend');
  box.setAttribute('aria-hidden', 'true');
  const versions = el('span', 'cv-legend-group');
  versions.append(el('span', 'cv-legend-title', s('cluster.legend.versions')));
  for (const v of ['v1', 'v2', 'v3', 'v4']) {
    const item = el('span', 'cv-legend-item');
    const chip = el('span', 'cv-chip');
    chip.dataset.state = 'ready';
    chip.style.setProperty('--chip', versionColor(v));
    item.append(chip, document.createTextNode(v));
    versions.append(item);
  }
  const states = el('span', 'cv-legend-group');
  states.append(el('span', 'cv-legend-title', s('cluster.legend.states')));
  for (const st of POD_STATES) {
    if (st === 'succeeded') continue;
    const item = el('span', 'cv-legend-item');
    const chip = el('span', 'cv-chip');
    chip.dataset.state = st;
    chip.style.setProperty('--chip', 'var(--muted)');
    chip.textContent = {
      pending: '…',
      creating: '+',
      running: '○',
      ready: '✓',
      terminating: '×',
      failing: '!',
    }[st];
    item.append(chip, document.createTextNode(s(`state.${st}`)));
    states.append(item);
  }
  box.append(versions, states);
  return box;
}

class ChartPanel {
  readonly root = el('figure', 'cv-chart');
  private readonly title = el('figcaption', 'cv-chart-title');
  private readonly svg = document.createElementNS(SVG_NS, 'svg');
  private readonly keys = el('ul', 'cv-chart-legend');
  private readonly keyNodes = new Map<string, HTMLElement>();
  private readonly step = el('p', 'cv-step');

  constructor(private readonly s: Strings) {
    this.svg.setAttribute('viewBox', `0 0 ${DEFAULT_SIZE.width} ${DEFAULT_SIZE.height}`);
    this.svg.setAttribute('data-rollout-chart', '');
    this.svg.setAttribute('role', 'img');
    this.svg.setAttribute('aria-label', s('chart.desc'));
    const axis = el('p', 'cv-axis', s('chart.axis'));
    axis.setAttribute('aria-hidden', 'true');
    this.root.append(this.title, this.svg, axis, this.keys, this.step);
    this.root.hidden = true;
  }

  /** The plot's box in CSS pixels (a fixed aspect while the figure is hidden or not laid out). */
  private size(): Size {
    const width = Math.round(this.svg.clientWidth);
    if (width < 200) return DEFAULT_SIZE;
    return { width, height: Math.round(Math.min(200, Math.max(140, width * 0.4))) };
  }

  get shown(): boolean {
    return !this.root.hidden;
  }

  render(history: RolloutHistory, snap: ClusterSnapshot): void {
    const subject = chartSubject(snap);
    this.root.hidden = !subject;
    if (!subject) return;
    setText(
      this.title,
      subject.deployment
        ? this.s('chart.title', { name: subject.deployment })
        : this.s('chart.titleControllers'),
    );
    renderChart(this.svg, history, this.s, this.size());
    const last = history.samples[history.samples.length - 1];
    type Key = { key: string; cls: string; color?: string; label: string };
    const items: Key[] = history
      .orderedSeries()
      .filter((x) => history.samples.some((sm) => (sm.pods[x.name] ?? 0) > 0))
      .map((x) => ({
        key: `s:${x.name}`,
        cls: 'swatch',
        color: versionColor(x.version),
        label: `${x.name} (${x.version})`,
      }));
    if (history.samples.some((x) => x.terminating > 0))
      items.push({ key: 'terminating', cls: 'swatch terminating', label: this.s('chart.terminating') });
    items.push({ key: 'ready', cls: 'ready', label: this.s('chart.ready') });
    if (last?.maxPods !== undefined)
      items.push({ key: 'max', cls: 'max', label: this.s('chart.maxPods', { n: last.maxPods }) });
    if (last?.minAvailable !== undefined)
      items.push({ key: 'min', cls: 'min', label: this.s('chart.minAvailable', { n: last.minAvailable }) });
    reconcile(
      this.keys,
      items,
      (k) => k.key,
      () => {
        const li = el('li');
        li.append(el('span', 'cv-key'), el('span'));
        return li;
      },
      (li, k) => {
        const mark = li.firstElementChild as HTMLElement;
        mark.className = `cv-key ${k.cls}`;
        if (k.color) mark.style.setProperty('--chip', k.color);
        setText(li.lastElementChild!, k.label);
      },
      this.keyNodes,
    );
    setText(
      this.step,
      subject.deployment
        ? this.s('chart.step', { text: summarizeDeployment(snap, subject.deployment, this.s) })
        : '',
    );
  }
}

export function mountClusterView(el_: HTMLElement, wb: Workbench): () => void {
  const s = clusterStrings(document.documentElement.lang || 'en');
  const root = el('div', 'cv');
  const view = new ClusterView(s);
  const chart = new ChartPanel(s);
  const summary = el('p', 'visually-hidden');
  summary.setAttribute('aria-live', 'polite');
  summary.dataset.clusterSummary = '';
  view.root.setAttribute('aria-hidden', 'true');
  root.append(legend(s), view.root, chart.root, summary);
  // The wrapper is the size container: the grid switches to two columns when the region is wide.
  const wrap = el('div', 'cv-wrap');
  wrap.append(root);
  el_.replaceChildren(wrap);

  const history = new RolloutHistory();
  let snap: ClusterSnapshot | undefined;
  let frame = 0;
  /** The objects changed since the view last drew them. */
  let dirty = false;
  /** The chart must be drawn at the next frame (its data changed or its box did). */
  let chartDue = false;
  /** Near the viewport; the observer's first report (right after it starts) says. */
  let visible = false;
  let lastChart = 0;
  let lastSummary = 0;
  let summaryTimer: ReturnType<typeof setTimeout> | undefined;
  const lit = new Set<string>();

  const take = (update: ClusterUpdate): void => {
    snap = update.snapshot;
    history.load(update.chart);
    dirty = true;
    if (summaryTimer === undefined) {
      const wait = SUMMARY_EVERY_MS - (performance.now() - lastSummary);
      summaryTimer = setTimeout(speak, Math.max(0, wait));
    }
  };

  const speak = (): void => {
    summaryTimer = undefined;
    if (!snap) return;
    lastSummary = performance.now();
    setText(summary, summarize(snap, s));
  };

  const schedule = (): void => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  function draw(): void {
    frame = 0;
    if (!snap || !visible) {
      lit.clear();
      return;
    }
    if (dirty) {
      dirty = false;
      view.update(snap);
      chartDue = true;
      // A chart that is about to appear comes with the objects (the grid makes room for it once).
      if (chart.shown) schedule();
    }
    if (!frame) {
      // The chart ends at the clock's now, which moves between the worker's pushes.
      history.now = Math.max(wb.time.now(), snap.at);
      const now = performance.now();
      if (chartDue || now - lastChart >= CHART_EVERY_MS) {
        chartDue = false;
        lastChart = now;
        chart.render(history, snap);
      }
    }
    for (const pod of lit) for (const node of view.nodesOf(pod)) flash(node);
    lit.clear();
  }

  const offTime = wb.time.onChange(schedule);
  const offCluster = wb.clusterUpdates.on((update) => {
    take(update);
    schedule();
  });
  const offRequests = wb.requests.on((pod) => {
    lit.add(pod);
    schedule();
  });
  const offResets = wb.resets.on(() => {
    history.clear();
    snap = undefined;
    lit.clear();
    schedule();
  });
  if (wb.cluster) take(wb.cluster);
  // A new width means a new viewBox (text keeps its size); redraw even while paused.
  const resized = new ResizeObserver(() => {
    chartDue = true;
    schedule();
  });
  resized.observe(root);
  // Drawn a screen ahead of being scrolled to, so it is never seen stale.
  const seen = new IntersectionObserver(
    (entries) => {
      visible = entries.some((e) => e.isIntersecting);
      if (visible) schedule();
    },
    { rootMargin: '100% 0px 100% 0px' },
  );
  seen.observe(root);
  schedule();

  return () => {
    resized.disconnect();
    seen.disconnect();
    offTime();
    offCluster();
    offRequests();
    offResets();
    if (frame) cancelAnimationFrame(frame);
    if (summaryTimer !== undefined) clearTimeout(summaryTimer);
    wrap.remove();
  };
}
