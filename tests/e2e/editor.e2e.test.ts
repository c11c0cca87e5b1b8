/**
 * `kubectl edit` through Monaco: the editor opens with the live object, saving a change applies it
 * (`deployment.apps/kubia edited`), closing without changes cancels.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, openLesson, Terminal, useBrowser, type Tab } from './harness';

/** The lesson may or may not start with a `kubia` Deployment; make sure there is one. */
const ENSURE_KUBIA =
  'kubectl get deploy kubia >/dev/null 2>&1 || kubectl create deployment kubia --image=luksa/kubia:v1 --replicas=3';

async function replicas(term: Terminal, marker: string): Promise<number> {
  await term.run(`echo ${marker}=$(kubectl get deploy kubia -o jsonpath='{.spec.replicas}')`);
  const screen = await term.waitFor(new RegExp(`^${marker}=(\\d+)$`, 'm'));
  return Number(new RegExp(`^${marker}=(\\d+)$`, 'm').exec(screen)?.[1]);
}

async function openEditor(tab: Tab, term: Terminal): Promise<Page> {
  await term.run('kubectl edit deployment kubia');
  const { page } = tab;
  await page.locator('[data-editor][data-editor-ready]').waitFor({ state: 'visible', timeout: 20_000 });
  await page.locator('[data-editor] .monaco-editor').waitFor({ state: 'visible' });
  return page;
}

describeBrowser('editor', () => {
  const browser = useBrowser();

  it('edits a Deployment with `kubectl edit` in Monaco and applies it on save', async () => {
    const tab = await openLesson(browser);
    const term = new Terminal(tab);
    await term.run(ENSURE_KUBIA);
    const before = await replicas(term, 'before');
    const after = before + 2;

    const page = await openEditor(tab, term);
    // The live object is in the editor, as kubectl edit shows it.
    await expect
      .poll(() => page.locator('[data-editor] .view-lines').innerText())
      .toMatch(/kind:\s*Deployment/);

    // Find `replicas: N` (spec comes before status in kubectl's YAML) and type over the selection.
    await page.locator('[data-editor] .view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+F');
    await page.keyboard.type(`replicas: ${before}`);
    await page.keyboard.press('Escape');
    await page.keyboard.type(`replicas: ${after}`);
    await page.locator('button[data-editor-save]').click();

    await term.waitFor('deployment.apps/kubia edited', 15_000);
    // The editor panel closes and the terminal is back.
    await page.locator('[data-editor-panel]').waitFor({ state: 'hidden' });
    expect(await replicas(term, 'after')).toBe(after);
  });

  it('cancels the edit when the editor is closed without changes', async () => {
    const tab = await openLesson(browser);
    const term = new Terminal(tab);
    await term.run(ENSURE_KUBIA);
    const page = await openEditor(tab, term);
    await page.locator('button[data-editor-close]').click();
    await term.waitFor('Edit cancelled, no changes made.', 15_000);
  });
});
