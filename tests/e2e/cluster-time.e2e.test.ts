/**
 * The cluster view and the clock: a rolling update seen as pod chips changing version (with the new
 * ReplicaSet and the rollout chart), and time that stops when paused, runs faster at 10x, skips ahead,
 * and freezes a running `sleep` along with everything else.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, openLesson, Terminal, until, useBrowser, virtualSeconds } from './harness';

interface Chip {
  name: string;
  state: string;
  version: string;
}

async function chips(page: Page, prefix: string): Promise<Chip[]> {
  return page.locator(`[data-cluster-view] [data-pod^="${prefix}"]`).evaluateAll((els) =>
    els.map((el) => ({
      name: el.getAttribute('data-pod') ?? '',
      state: el.getAttribute('data-state') ?? '',
      version: el.getAttribute('data-version') ?? '',
    })),
  );
}

const isVersion = (chip: Chip, v: string) => new RegExp(`(^|[^0-9a-z])${v}$`).test(chip.version);

describeBrowser('cluster view and time', () => {
  const browser = useBrowser();

  it('shows a rolling update as pod chips changing version', async () => {
    const tab = await openLesson(browser);
    const { page } = tab;
    const term = new Terminal(tab);
    // A Deployment of its own, so the lesson's objects do not matter; 10x makes the rollout quick.
    await page.locator('button[data-speed="10"]').click();
    await term.run('kubectl create deployment roll --image=luksa/kubia:v1 --replicas=3');
    await term.waitFor('deployment.apps/roll created');
    await until(
      async () => {
        const now = await chips(page, 'roll-');
        return now.length === 3 && now.every((c) => isVersion(c, 'v1') && c.state === 'ready');
      },
      'three ready v1 chips',
      { timeout: 20_000, tab },
    );
    const firstRs = await page.locator('[data-cluster-view] [data-replicaset^="roll-"]').count();
    expect(firstRs).toBe(1);

    await term.run("kubectl set image deployment/roll '*=luksa/kubia:v2'");
    let sawMix = false;
    await until(
      async () => {
        const now = await chips(page, 'roll-');
        if (now.some((c) => isVersion(c, 'v1')) && now.some((c) => isVersion(c, 'v2'))) sawMix = true;
        const live = now.filter((c) => c.state !== 'terminating');
        return live.length === 3 && live.every((c) => isVersion(c, 'v2') && c.state === 'ready');
      },
      'three ready v2 chips',
      { timeout: 30_000, interval: 50, tab },
    );
    // A rolling update, not a swap: old and new pods served side by side for a while.
    expect(sawMix).toBe(true);
    expect(await page.locator('[data-cluster-view] [data-replicaset^="roll-"]').count()).toBe(2);
    await expect.poll(() => page.locator('svg[data-rollout-chart]').count()).toBeGreaterThan(0);
  });

  it('pauses, speeds up and skips virtual time', async () => {
    const tab = await openLesson(browser);
    const { page } = tab;
    await page.locator('[data-virtual-time]').first().waitFor({ state: 'visible' });

    // Paused: the clock does not move.
    await page.locator('button[data-speed="0"]').click();
    const pausedAt = await virtualSeconds(page);
    await page.waitForTimeout(2000);
    expect(await virtualSeconds(page)).toBe(pausedAt);

    // Skip ahead one minute while paused: exactly 60 s later.
    await page.locator('button[data-skip="60"]').click();
    await expect.poll(() => virtualSeconds(page)).toBeGreaterThanOrEqual(pausedAt + 60);
    expect(await virtualSeconds(page)).toBeLessThan(pausedAt + 61);

    // 1x for two real seconds, then 10x for two real seconds: about ten times the distance.
    await page.locator('button[data-speed="1"]').click();
    const oneStart = await virtualSeconds(page);
    await page.waitForTimeout(2000);
    const oneX = (await virtualSeconds(page)) - oneStart;
    await page.locator('button[data-speed="10"]').click();
    const tenStart = await virtualSeconds(page);
    await page.waitForTimeout(2000);
    const tenX = (await virtualSeconds(page)) - tenStart;
    expect(oneX).toBeGreaterThanOrEqual(1);
    expect(oneX).toBeLessThanOrEqual(4);
    expect(tenX).toBeGreaterThanOrEqual(12);
    expect(tenX).toBeLessThanOrEqual(30);
  });

  it('freezes a running sleep while paused', async () => {
    const tab = await openLesson(browser);
    const { page } = tab;
    const term = new Terminal(tab);
    await page.locator('button[data-speed="0"]').click();
    await term.run('sleep 3; echo woke-up');
    await page.waitForTimeout(4000);
    expect(await term.text()).not.toMatch(/^woke-up$/m);
    await page.locator('button[data-speed="10"]').click();
    await term.waitFor(/^woke-up$/m, 5000);
  });
});
