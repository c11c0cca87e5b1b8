/**
 * The sample lesson as a reader meets it: the page opens with its prose and a working terminal, a
 * code block runs with one click (and copies), `kubectl get po` answers in the terminal, and the
 * language switch leads to the Korean lesson, which works the same.
 */
import { expect, it } from 'vitest';
import {
  describeBrowser,
  LESSON,
  LESSON_KO,
  openLesson,
  Terminal,
  until,
  useBrowser,
  waitForWorkbench,
} from './harness';

describeBrowser('sample lesson', () => {
  const browser = useBrowser();

  it('opens with its prose, two terminal panes and the cluster view', async () => {
    const tab = await openLesson(browser);
    const { page } = tab;
    expect(await page.locator('h1').first().innerText()).not.toBe('');
    expect(await page.locator('code-block').count()).toBeGreaterThan(0);
    // Two panes on one cluster: the lessons run a curl loop in one while changing the cluster in the other.
    await page.locator('[data-terminal-pane]').nth(1).waitFor({ state: 'attached' });
    expect(await page.locator('[data-terminal-pane]').count()).toBeGreaterThanOrEqual(2);
    await page.locator('[data-cluster-view]').waitFor({ state: 'visible' });
  });

  it('answers `kubectl get po` typed in the terminal', async () => {
    const tab = await openLesson(browser);
    const term = new Terminal(tab);
    await term.run('kubectl get po');
    const screen = await term.waitFor(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    // The lesson starts with the kubia app running.
    expect(screen).toMatch(/kubia-\S+\s+1\/1\s+Running\s+0\s+\S+/);
  });

  it('runs a code block in the terminal with one click', async () => {
    const tab = await openLesson(browser);
    const block = tab.page.locator('code-block', { has: tab.page.locator('button[data-run]') }).filter({
      hasText: /^\s*kubectl get/,
    });
    expect(await block.count(), 'a runnable `kubectl get ...` block in the lesson').toBeGreaterThan(0);
    const command = (await block.first().locator('pre').innerText()).trim().split('\n')[0];
    await block.first().locator('button[data-run]').click();
    const term = new Terminal(tab);
    // The command is echoed at the prompt as if typed, and kubectl's table follows it.
    await term.waitFor(command);
    await term.waitFor(/NAME\s+/);
  });

  it('copies a code block to the clipboard', async () => {
    const tab = await openLesson(browser, LESSON, { permissions: ['clipboard-read', 'clipboard-write'] });
    const block = tab.page.locator('code-block').first();
    const text = (await block.locator('pre').innerText()).trim();
    await block.hover();
    await block.locator('button[data-copy]').click();
    const copied = await until(
      () => tab.page.evaluate(() => navigator.clipboard.readText()),
      'clipboard text',
      { tab },
    );
    expect(copied.trim()).toBe(text);
  });

  it('switches to the Korean lesson, which works the same', async () => {
    const tab = await openLesson(browser);
    await tab.page.locator('a[data-lang-switch]').first().click();
    await tab.page.waitForURL((url) => url.pathname === LESSON_KO);
    expect(await tab.page.locator('html').getAttribute('lang')).toBe('ko');
    // Korean prose, not an English page under a Korean URL.
    expect(await tab.page.locator('main').innerText()).toMatch(/[\uac00-\ud7a3]{2,}/);
    await waitForWorkbench(tab);
    const term = new Terminal(tab);
    await term.run('kubectl get po');
    await term.waitFor(/kubia-\S+\s+1\/1\s+Running/);
    // And back.
    await tab.page.locator('a[data-lang-switch]').first().click();
    await tab.page.waitForURL((url) => url.pathname === LESSON);
    expect(await tab.page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('stacks the workbench under the prose on a narrow screen, where the terminal still works', async () => {
    const tab = await openLesson(browser, LESSON, { viewport: { width: 390, height: 844 } });
    const { page } = tab;
    const prose = await page.locator('h1').first().boundingBox();
    const bench = await page.locator('[data-workbench]').boundingBox();
    expect(prose && bench, 'title and workbench are laid out').toBeTruthy();
    // Stacked, not side by side: the workbench spans the screen and starts below the title.
    expect(bench!.y).toBeGreaterThan(prose!.y);
    expect(bench!.width).toBeGreaterThan(390 * 0.85);
    // Nothing makes the page scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const term = new Terminal(tab);
    await term.run('kubectl get po');
    await term.waitFor(/kubia-\S+\s+1\/1\s+Running/);
  });

  it('switches between light and dark themes', async () => {
    const tab = await openLesson(browser);
    const background = () => tab.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const before = await background();
    await tab.page.locator('button[data-theme-toggle]').first().click();
    await until(async () => (await background()) !== before, 'the page background to change', { tab });
    // Let a colour transition settle before taking the value the reload must keep.
    await tab.page.waitForTimeout(600);
    const chosen = await background();
    await tab.page.reload();
    expect(await background()).toBe(chosen);
  });
});
