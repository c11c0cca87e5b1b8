/**
 * Static and offline: after the first visit the service worker has every file of the build (Monaco
 * included) and the lesson works with the network off; and the built site never asks another origin.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { expect, it } from 'vitest';
import {
  describeBrowser,
  e2e,
  LESSON,
  LESSON_KO,
  openLesson,
  Terminal,
  useBrowser,
  waitForWorkbench,
} from './harness';

async function filesOf(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return out;
}

describeBrowser('offline and static', () => {
  const browser = useBrowser();

  it('keeps working offline after the first visit', async () => {
    const tab = await openLesson(browser);
    const { page, context } = tab;
    // The first visit installs the worker, which precaches the whole build before it activates.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      }
      return urls;
    });
    const built = (await filesOf(e2e.dist)).filter((f) => !/(^|\/)(sw\.js|\.gitkeep)$|\.map$/.test(f));
    const missing = built.filter((f) => !cached.includes(`/${f}`));
    expect(missing, 'built files the service worker did not precache').toEqual([]);

    await context.setOffline(true);
    await page.reload();
    await waitForWorkbench(tab);
    const term = new Terminal(tab);
    await term.run('kubectl get po');
    await term.waitFor(/kubia-\S+\s+1\/1\s+Running/);

    // Other pages too, and the editor (Monaco comes from the cache).
    await page.goto(LESSON_KO);
    await waitForWorkbench(tab);
    await page.goto(LESSON);
    await waitForWorkbench(tab);
    const again = new Terminal(tab);
    await again.run(
      'kubectl get deploy kubia >/dev/null 2>&1 || kubectl create deployment kubia --image=luksa/kubia:v1',
    );
    await again.run('kubectl edit deployment kubia');
    await page.locator('[data-editor][data-editor-ready]').waitFor({ state: 'visible', timeout: 20_000 });
  });

  it('makes no request to another origin on any page, the editor included', async () => {
    const tab = await browser.open('/');
    const { page } = tab;
    const sameOrigin: string[] = [];
    page.on('request', (r) => sameOrigin.push(r.url()));
    await page.goto('/ko/');
    await page.goto('/lessons/');
    await page.goto(LESSON_KO);
    await waitForWorkbench(tab);
    await page.goto(LESSON);
    await waitForWorkbench(tab);
    const term = new Terminal(tab);
    await term.run(
      'kubectl get deploy kubia >/dev/null 2>&1 || kubectl create deployment kubia --image=luksa/kubia:v1',
    );
    await term.run('kubectl edit deployment kubia');
    await page.locator('[data-editor][data-editor-ready]').waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    // The recorder saw the site's own requests (scripts, styles, Monaco) ...
    expect(sameOrigin.some((u) => u.endsWith('.js'))).toBe(true);
    // ... and none elsewhere: links, fonts, analytics or CDNs would show here.
    expect(tab.foreign).toEqual([]);
  });
});
