/**
 * Once per `npm run test:e2e`: build the site into a temporary directory (or reuse `E2E_DIST`),
 * serve it on 127.0.0.1, and start one headless Debian chromium that every test file connects to.
 * Without /usr/bin/chromium the whole suite is skipped with a message saying so.
 */
import { rm } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { buildSite, chromiumAvailable, CHROMIUM, CHROMIUM_ARGS } from './build-site';
import { serveStatic } from './static-server';

export interface E2eContext {
  /** Why the suite is skipped (no browser); unset when it runs. */
  skip?: string;
  baseURL: string;
  wsEndpoint: string;
  /** The built site's directory (tests compare the service worker's cache with it). */
  dist: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!(await chromiumAvailable())) {
    const skip = `${CHROMIUM} is missing: browser tests skipped (apt-get install chromium to run them)`;
    console.warn(`\n*** e2e: ${skip} ***\n`);
    project.provide('e2e', { skip, baseURL: '', wsEndpoint: '', dist: '' });
    return async () => {};
  }
  const reuse = process.env.E2E_DIST;
  const started = performance.now();
  const dist = await buildSite(reuse ? { reuse } : {});
  if (!reuse)
    console.log(`e2e: site built in ${((performance.now() - started) / 1000).toFixed(1)} s (${dist})`);
  const server = await serveStatic(dist);
  const browser = await chromium.launchServer({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  project.provide('e2e', { baseURL: server.url, wsEndpoint: browser.wsEndpoint(), dist });
  return async () => {
    await browser.close();
    await server.close();
    if (!reuse) await rm(dist, { recursive: true, force: true });
  };
}
