/**
 * Two terminal panes on one cluster: the lesson's endless `curl` loop runs in one pane while the
 * other keeps working, and Ctrl+C stops the loop and gives the prompt back.
 */
import { expect, it } from 'vitest';
import { describeBrowser, openLesson, Terminal, useBrowser } from './harness';

/** The loop the lessons use (the first LoadBalancer Service gets the article's address). */
const FALLBACK_LOOP = 'while true; do curl -s http://34.64.140.187; sleep 1; done';
// kubia answers "This is v1 running in pod kubia-v1-zb8sj".
const HIT = /running in pod kubia-/;

describeBrowser('terminal panes', () => {
  const browser = useBrowser();

  it('runs a curl loop in one pane, keeps the other usable, and stops the loop with Ctrl+C', async () => {
    const tab = await openLesson(browser);
    const lessonLoop = tab.page.locator('code-block pre').filter({ hasText: /while true; do curl/ });
    const loop = (await lessonLoop.count())
      ? (await lessonLoop.first().innerText()).trim().split('\n')[0]
      : FALLBACK_LOOP;

    const loopPane = new Terminal(tab, 1);
    await loopPane.run(loop);
    await loopPane.waitFor(HIT, 15_000);

    // Meanwhile the first pane talks to the same cluster.
    const other = new Terminal(tab, 0);
    await other.run('kubectl get svc');
    await other.waitFor(/NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP/);

    // The loop kept answering while the other pane worked (one request a second at 1x): its screen
    // moves. (Screens are compared whole: once the pane is full, counting lines would saturate.)
    await loopPane.focus();
    const running = await loopPane.text();
    await tab.page.waitForTimeout(2500);
    expect(await loopPane.text()).not.toBe(running);

    await loopPane.press('Control+C');
    await loopPane.waitFor('^C');
    await tab.page.waitForTimeout(500); // the prompt follows the ^C
    const stopped = await loopPane.text();
    await tab.page.waitForTimeout(2500);
    expect(await loopPane.text(), 'no more requests after Ctrl+C').toBe(stopped);

    // The prompt is back: the pane runs the next command.
    await loopPane.run('echo loop-stopped');
    await loopPane.waitFor(/^loop-stopped$/m);
  });
});
