/**
 * Build the page's workbench and mount each island in its region. The sandbox worker starts the
 * lesson's cluster on its own thread while the page builds the terminals; the other islands mount
 * once the cluster is up, each in a task of its own so the page stays responsive while they do.
 * One island failing must not take the others down, so each mount is isolated and its error logged.
 *
 * The terminals (xterm: most of the page's JavaScript and its costliest start-up work) are built
 * when their region comes within a screen of the viewport: at once beside the prose on a wide
 * screen; on a phone, where the workbench follows the prose, as the reader scrolls toward it (or
 * jumps there, or runs a code block), and otherwise a few seconds after the cluster is up.
 */
// The terminals' styles come with the page: CSS imported only by a lazily loaded chunk can be dropped.
import '@xterm/xterm/css/xterm.css';
import '../../workbench/terminal/terminal.css';
import { createWorkbench, type Workbench, type WorkbenchConfig } from '../../workbench/runtime';
import { mountClusterView } from '../../workbench/cluster/index';
import { installEditor } from '../../workbench/editor/index';
import { mountTimeControls } from '../../workbench/time-controls/index';

type Mount = (el: HTMLElement, wb: Workbench) => unknown;

/** In this order, after the cluster is up (the terminals mount before). */
const ISLANDS: [selector: string, mount: Mount][] = [
  ['[data-time-controls]', mountTimeControls],
  ['[data-editor]', installEditor],
  ['[data-cluster-view]', mountClusterView],
];

/** Let the browser handle input and paint between two pieces of start-up work. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** After the page's first frame: its first layout is done, so the terminals' layouts stay small. */
const afterFirstFrame = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Terminals out of view are built this long after the cluster is up, if not scrolled to before: past
 * the five quiet seconds that end a page's start-up (time to interactive), so their build never
 * competes with the page's own.
 */
const OFFSCREEN_TERMINALS_MS = 6000;

/** Settles when `el` comes within a screen of the viewport, or when `otherwise` settles. */
function nearView(el: HTMLElement, otherwise: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const seen = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && done(), {
      rootMargin: '100% 0px 100% 0px',
    });
    const done = (): void => {
      seen.disconnect();
      resolve();
    };
    seen.observe(el);
    otherwise.then(done, done);
  });
}

function mountIsolated(root: HTMLElement, selector: string, mount: (el: HTMLElement) => unknown): void {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) return;
  try {
    mount(el);
  } catch (err) {
    console.error(`workbench: mounting ${selector} failed`, err);
  }
}

async function startTerminals(root: HTMLElement, ready: Promise<Workbench>): Promise<void> {
  try {
    // xterm's chunk is evaluated in a task of its own, after the page's first frame.
    const [{ mountTerminals }] = await Promise.all([
      import('../../workbench/terminal/index'),
      afterFirstFrame(),
    ]);
    await nextTask();
    mountIsolated(root, '[data-terminals]', (el) => mountTerminals(el, ready));
  } catch (err) {
    console.error('workbench: the terminals could not load', err);
  }
}

export async function startWorkbench(root: HTMLElement): Promise<void> {
  // Marks for bench/site.ts and the performance panel: how long the lesson's cluster takes to start.
  performance.mark('rollout-lab:workbench-start');
  const status = root.querySelector<HTMLElement>('[data-workbench-status]');
  let ready: Promise<Workbench>;
  try {
    const config = JSON.parse(root.dataset.config ?? '{}') as WorkbenchConfig;
    ready = createWorkbench(config);
  } catch (err) {
    ready = Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
  // Swallowed here, reported below: the terminals only wait on it.
  ready.catch(() => undefined);
  const terminalsEl = root.querySelector<HTMLElement>('[data-terminals]');
  if (terminalsEl) {
    const later = ready.then(() => new Promise((resolve) => setTimeout(resolve, OFFSCREEN_TERMINALS_MS)));
    void nearView(terminalsEl, later).then(() => startTerminals(root, ready));
  }
  let wb: Workbench;
  try {
    wb = await ready;
  } catch (err) {
    console.error('workbench: the lesson could not start', err);
    if (status) {
      status.dataset.failed = '';
      status.textContent = (root.dataset.labelFailed ?? '{message}').replace(
        '{message}',
        err instanceof Error ? err.message : String(err),
      );
    }
    return;
  }
  performance.mark('rollout-lab:workbench-ready');
  root.dataset.workbenchReady = '';
  status?.remove();
  for (const [selector, mount] of ISLANDS) {
    await nextTask();
    mountIsolated(root, selector, (el) => mount(el, wb));
  }
}
