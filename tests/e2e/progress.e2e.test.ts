/**
 * Tasks tick themselves when their state check passes, progress survives a reload (the cluster
 * does not: it starts over), and "reset lesson" clears it.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, openLesson, until, useBrowser, waitForWorkbench } from './harness';

async function doneStates(page: Page): Promise<string[]> {
  return page
    .locator('li[data-task]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-done') ?? ''));
}

describeBrowser('lesson progress', () => {
  const browser = useBrowser();

  it('ticks tasks when "show me" solves the lesson, keeps them after a reload, and resets', async () => {
    const tab = await openLesson(browser);
    const { page } = tab;
    const start = await doneStates(page);
    expect(start.length).toBeGreaterThan(0);
    expect(
      start.every((d) => d === 'false'),
      'no task is done at the start',
    ).toBe(true);

    // The solution may sleep or wait for a rollout: 10x keeps the replay short.
    await page.locator('button[data-speed="10"]').click();
    await page.locator('button[data-show-me]').click();
    await until(async () => (await doneStates(page)).every((d) => d === 'true'), 'every task ticked', {
      timeout: 45_000,
      interval: 200,
      tab,
    });

    await page.reload();
    await waitForWorkbench(tab);
    expect(
      (await doneStates(page)).every((d) => d === 'true'),
      'progress kept across the reload',
    ).toBe(true);

    page.once('dialog', (d) => void d.accept());
    await page.locator('button[data-reset-lesson]').click();
    await until(async () => (await doneStates(page)).every((d) => d === 'false'), 'tasks cleared', { tab });
    await page.reload();
    await waitForWorkbench(tab);
    expect(
      (await doneStates(page)).every((d) => d === 'false'),
      'the reset is kept too',
    ).toBe(true);
  });
});
