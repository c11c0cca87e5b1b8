/**
 * What the browser tests share: the built site's address, one chromium (started by global-setup.ts)
 * that every file connects to, contexts that record every request and fail the test when one goes to
 * another origin, and helpers to drive a lesson page the way a reader does (keyboard and clicks).
 */
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject } from 'vitest';

export const e2e = inject('e2e');

export const LESSON = '/lessons/meet-the-cluster/';
export const LESSON_KO = '/ko/lessons/meet-the-cluster/';
/** Long enough for a lesson page to build its cluster on a busy 2-core machine. */
export const READY_TIMEOUT = 20_000;

/** `describe` for browser tests: skipped, with the reason in its title, when there is no chromium. */
export function describeBrowser(name: string, fn: () => void): void {
  if (e2e.skip) describe.skip(`${name} (${e2e.skip})`, fn);
  else describe(name, fn);
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Requests (and websockets) to any origin but the site's. */
  foreign: string[];
  /** Uncaught page errors and console errors, quoted when a wait fails. */
  errors: string[];
}

const siteOrigin = (): string => new URL(e2e.baseURL).origin;

/** Requests the built site may make: its own origin, plus URLs that never leave the browser. */
export function isForeign(url: string): boolean {
  const u = new URL(url);
  if (['data:', 'blob:', 'about:', 'chrome-extension:', 'chrome:'].includes(u.protocol)) return false;
  const origin =
    u.protocol === 'ws:' ? `http://${u.host}` : u.protocol === 'wss:' ? `https://${u.host}` : u.origin;
  return origin !== siteOrigin();
}

/**
 * Per test file: connect to the shared browser; every context opened through the returned helpers
 * is closed after each test, and the test fails if any of its pages asked another origin.
 */
export function useBrowser(): {
  newTab(opts?: { viewport?: { width: number; height: number }; permissions?: string[] }): Promise<Tab>;
  open(
    path: string,
    opts?: { viewport?: { width: number; height: number }; permissions?: string[] },
  ): Promise<Tab>;
} {
  let browser: Browser | undefined;
  const tabs: Tab[] = [];
  beforeAll(async () => {
    browser = await chromium.connect(e2e.wsEndpoint);
  });
  afterEach(async () => {
    const open = tabs.splice(0);
    await Promise.all(open.map((t) => t.context.close().catch(() => undefined)));
    for (const t of open) expect(t.foreign, 'the site asked another origin').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function newTab(opts: { viewport?: { width: number; height: number }; permissions?: string[] } = {}) {
    if (!browser) throw new Error('browser not connected');
    const context = await browser.newContext({
      baseURL: e2e.baseURL,
      viewport: opts.viewport ?? { width: 1440, height: 900 },
      permissions: opts.permissions ?? [],
      serviceWorkers: 'allow',
    });
    const tab: Tab = { context, page: await context.newPage(), foreign: [], errors: [] };
    context.on('request', (r) => {
      if (isForeign(r.url())) tab.foreign.push(`${r.method()} ${r.url()}`);
    });
    context.on('page', (p) => watchPage(p, tab));
    watchPage(tab.page, tab);
    tabs.push(tab);
    return tab;
  }

  return {
    newTab,
    async open(path, opts) {
      const tab = await newTab(opts);
      await tab.page.goto(path);
      return tab;
    },
  };
}

function watchPage(page: Page, tab: Tab): void {
  page.on('websocket', (ws) => {
    if (isForeign(ws.url())) tab.foreign.push(`WS ${ws.url()}`);
  });
  page.on('pageerror', (err) => tab.errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') tab.errors.push(`console: ${msg.text()}`);
  });
}

/** Poll `probe` until it returns a truthy value; fail with `what` (and the last value) on timeout. */
export async function until<T>(
  probe: () => Promise<T>,
  what: string,
  opts: { timeout?: number; interval?: number; tab?: Tab } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (opts.timeout ?? 10_000);
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline) {
      const errors = opts.tab?.errors.length ? `\npage errors:\n${opts.tab.errors.join('\n')}` : '';
      throw new Error(`timed out waiting for ${what}${errors}`);
    }
    await new Promise((r) => setTimeout(r, opts.interval ?? 100));
  }
}

/** Wait until the workbench has built its cluster and the first terminal pane takes input. */
export async function waitForWorkbench(tab: Tab, timeout = READY_TIMEOUT): Promise<void> {
  const { page } = tab;
  try {
    await page.locator('[data-workbench][data-workbench-ready]').waitFor({ state: 'attached', timeout });
    await page
      .locator('[data-terminal-pane][data-terminal-ready]')
      .first()
      .waitFor({ state: 'visible', timeout });
  } catch (err) {
    const errors = tab.errors.length ? `\npage errors:\n${tab.errors.join('\n')}` : '';
    throw new Error(`${(err as Error).message}${errors}`, { cause: err });
  }
}

/** Open a lesson page and wait for its terminal. */
export async function openLesson(
  browser: ReturnType<typeof useBrowser>,
  path = LESSON,
  opts?: Parameters<ReturnType<typeof useBrowser>['open']>[1],
): Promise<Tab> {
  const tab = await browser.open(path, opts);
  await waitForWorkbench(tab);
  return tab;
}

/** One terminal pane, driven through the real keyboard and read from what xterm renders. */
export class Terminal {
  readonly pane: Locator;
  constructor(
    readonly tab: Tab,
    index = 0,
  ) {
    this.pane = tab.page.locator('[data-terminal-pane]').nth(index);
  }

  async focus(): Promise<void> {
    await this.pane.waitFor({ state: 'visible' });
    await this.pane.locator('.xterm-screen').click();
  }

  /** Type text as keystrokes (no Enter). */
  async type(text: string): Promise<void> {
    await this.focus();
    await this.tab.page.keyboard.type(text);
  }

  /** Type a command line and press Enter. */
  async run(line: string): Promise<void> {
    await this.type(line);
    await this.tab.page.keyboard.press('Enter');
  }

  async press(key: string): Promise<void> {
    await this.tab.page.keyboard.press(key);
  }

  /** The visible screen as text, one line per row, trailing spaces trimmed. */
  async text(): Promise<string> {
    const raw = await this.pane.locator('.xterm-rows').innerText();
    return raw
      .replace(/\u00a0/g, ' ')
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n');
  }

  /** Wait until the screen matches; returns the screen text. */
  async waitFor(pattern: RegExp | string, timeout = 10_000): Promise<string> {
    const test = (s: string) => (typeof pattern === 'string' ? s.includes(pattern) : pattern.test(s));
    try {
      return await until(
        async () => {
          const s = await this.text();
          return test(s) ? s : '';
        },
        `terminal text ${String(pattern)}`,
        { timeout, tab: this.tab },
      );
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- terminal screen ---\n${await this.text()}`, {
        cause: err,
      });
    }
  }

  /** How many times the screen shows `pattern` (global regex). */
  async count(pattern: RegExp): Promise<number> {
    return (await this.text()).match(new RegExp(pattern.source, 'g'))?.length ?? 0;
  }
}

/**
 * Read `[data-virtual-time]` as seconds. Accepts the shapes a clock display takes: `1:02:03`,
 * `02:03`, `1h 2m 3s`, `2m 3.5s`, `63 s`; a `datetime`/`data-seconds` attribute wins when present.
 */
export async function virtualSeconds(page: Page): Promise<number> {
  const el = page.locator('[data-virtual-time]').first();
  const attr = (await el.getAttribute('data-seconds')) ?? (await el.getAttribute('datetime'));
  if (attr) {
    const iso = /^P(?:T)?(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(attr);
    if (iso) return Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0);
    if (Number.isFinite(Number(attr))) return Number(attr);
  }
  return parseClock(await el.innerText());
}

export function parseClock(text: string): number {
  const colon = /(\d+):(\d{2})(?::(\d{2}))?(?:\.(\d+))?/.exec(text);
  if (colon) {
    const parts = [colon[1], colon[2], colon[3]].filter((p): p is string => p !== undefined).map(Number);
    const whole = parts.reduce((acc, p) => acc * 60 + p, 0);
    return whole + (colon[4] ? Number(`0.${colon[4]}`) : 0);
  }
  const units = [...text.matchAll(/(\d+(?:\.\d+)?)\s*(h|m|s)\b/g)];
  if (units.length) {
    return units.reduce((acc, [, n, u]) => acc + Number(n) * (u === 'h' ? 3600 : u === 'm' ? 60 : 1), 0);
  }
  throw new Error(`cannot read a time from "${text}"`);
}
