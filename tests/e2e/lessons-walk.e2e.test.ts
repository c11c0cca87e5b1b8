/**
 * Every lesson, in both languages, walked in Chromium as a reader would: open it, press Run on each
 * shell block in order (stopping the endless curl loops with Ctrl+C after a while), and check that
 * the terminal never answers "command not found", "unknown command" or "unknown flag"—the commands
 * in the prose work verbatim. Time runs at 10x, and long waits are skipped ahead.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeBrowser, openLesson, Terminal, until, useBrowser, type Tab } from './harness';

const lessonsDir = join(__dirname, '..', '..', 'content', 'lessons');
const slugs = readdirSync(join(lessonsDir, 'en'))
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((f) => f.replace(/^\d+-/, '').replace(/\.mdx$/, ''));

const BROKEN =
  /command not found|unknown command|unknown flag|unknown shorthand flag|is not available in this sandbox|Uncaught|TypeError/;

async function runBlocks(tab: Tab): Promise<{ blocks: number; screens: string[] }> {
  const { page } = tab;
  await page.locator('button[data-speed="10"]').click();
  const buttons = page.locator('code-block button[data-run]');
  const count = await buttons.count();
  const term = new Terminal(tab);
  const screens: string[] = [];
  for (let i = 0; i < count; i++) {
    const button = buttons.nth(i);
    const block = page.locator('code-block', { has: page.locator('button[data-run]') }).nth(i);
    const source = await block.locator('pre').innerText();
    await button.scrollIntoViewIfNeeded();
    await button.click();
    if (/kubectl edit|^\s*(vi|vim|nano|code)\s/m.test(source)) {
      // The editor opens over the terminals: close it unchanged, as a reader who only looks would.
      await page.locator('[data-editor][data-editor-ready]').waitFor({ state: 'attached', timeout: 60_000 });
      await page.locator('button[data-editor-close]').click();
    } else if (/while true|kubectl get \S+ -w|--watch|\s-w\b|-f\s*$|logs -f/m.test(source)) {
      // Endless by design (a curl loop, a watch): let it run a little, then stop it like a reader.
      await page.waitForTimeout(1500);
      await term.focus();
      await term.press('Control+C');
    }
    await until(
      async () => {
        if ((await button.getAttribute('aria-busy')) !== 'true') return true;
        // Long waits (rollout status, sleep 60) are skipped ahead rather than sat through.
        await page.locator('button[data-skip="60"]').click();
        return false;
      },
      `block ${i + 1} to finish: ${source.slice(0, 80)}`,
      { timeout: 45_000, interval: 500, tab },
    );
    screens.push(await term.text());
  }
  return { blocks: count, screens };
}

describeBrowser('every lesson in both languages', () => {
  const browser = useBrowser();

  it('has the same lessons in English and Korean', () => {
    const ko = readdirSync(join(lessonsDir, 'ko')).filter((f) => f.endsWith('.mdx'));
    expect(ko.map((f) => f.replace(/^\d+-/, '').replace(/\.mdx$/, '')).sort()).toEqual([...slugs].sort());
  });

  for (const slug of slugs) {
    for (const prefix of ['', '/ko']) {
      it(`${prefix || '/en'} ${slug}: every code block runs`, async () => {
        const tab = await openLesson(browser, `${prefix}/lessons/${slug}/`);
        const { blocks, screens } = await runBlocks(tab);
        expect(blocks, 'runnable blocks in the lesson').toBeGreaterThan(0);
        for (const s of screens) expect(s).not.toMatch(BROKEN);
        expect(tab.errors).toEqual([]);
      }, 240_000);
    }
  }
});
