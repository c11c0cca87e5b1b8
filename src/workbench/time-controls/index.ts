/** Pause, speeds, skip ahead and the virtual time. Placeholder until the time controls land. */
import type { Workbench } from '../runtime';

export function mountTimeControls(el: HTMLElement, wb: Workbench): void {
  void el;
  void wb;
}
