/**
 * Build the page's workbench and mount each island in its region. One island failing must not take
 * the others down, so each mount is isolated and its error logged.
 */
import { createWorkbench, type Workbench, type WorkbenchConfig } from '../../workbench/runtime';
import { mountClusterView } from '../../workbench/cluster/index';
import { installEditor } from '../../workbench/editor/index';
import { mountTerminals } from '../../workbench/terminal/index';
import { mountTimeControls } from '../../workbench/time-controls/index';

type Mount = (el: HTMLElement, wb: Workbench) => unknown;

const ISLANDS: [selector: string, mount: Mount][] = [
  ['[data-time-controls]', mountTimeControls],
  ['[data-terminals]', mountTerminals],
  ['[data-editor]', installEditor],
  ['[data-cluster-view]', mountClusterView],
];

export async function startWorkbench(root: HTMLElement): Promise<void> {
  // Marks for bench/site.ts and the performance panel: how long the lesson's cluster takes to start.
  performance.mark('rollout-lab:workbench-start');
  const status = root.querySelector<HTMLElement>('[data-workbench-status]');
  let wb: Workbench;
  try {
    const config = JSON.parse(root.dataset.config ?? '{}') as WorkbenchConfig;
    wb = await createWorkbench(config);
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
  await Promise.all(
    ISLANDS.map(async ([selector, mount]) => {
      const el = root.querySelector<HTMLElement>(selector);
      if (!el) return;
      try {
        await mount(el, wb);
      } catch (err) {
        console.error(`workbench: mounting ${selector} failed`, err);
      }
    }),
  );
}
