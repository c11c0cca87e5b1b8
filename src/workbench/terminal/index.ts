/** Terminal panes (xterm) on the page's workbench. Placeholder until the terminal island lands. */
import type { Workbench } from '../runtime';

export function mountTerminals(el: HTMLElement, wb: Workbench): void {
  void el;
  void wb;
}
