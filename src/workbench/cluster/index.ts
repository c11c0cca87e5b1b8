/** The cluster view and rollout chart. Placeholder until the cluster view lands. */
import type { Workbench } from '../runtime';

export function mountClusterView(el: HTMLElement, wb: Workbench): void {
  void el;
  void wb;
}
