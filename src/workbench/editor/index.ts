/** The editor (Monaco, loaded on first use). Placeholder until the editor island lands. */
import type { Workbench } from '../runtime';

export function installEditor(el: HTMLElement, wb: Workbench): void {
  void el;
  void wb;
}
