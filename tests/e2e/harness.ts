/**
 * End-to-end harness: starts Parley's server (serving the built app from PARLEY_DIST or ./dist)
 * on a free loopback port and drives Debian's Chromium with playwright-core. Every request
 * that is not to a loopback address is aborted, so the app must work offline.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.ts';
import { launchChromium, loopbackContext } from './chromium.ts';

export const SCREENSHOT_DIR = resolve('test-results');

export interface Harness {
  server: RunningServer;
  browser: Browser;
  /** A fresh context with non-loopback requests blocked; `blocked` collects what was refused. */
  newContext(): Promise<{ context: BrowserContext; blocked: string[] }>;
  /** A page in a fresh context, opened at `path` (default `/`). */
  openApp(path?: string): Promise<{ page: Page; context: BrowserContext; blocked: string[] }>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    distDir: resolve(process.env.PARLEY_DIST ?? 'dist'),
  });
  const browser = await launchChromium();
  const newContext = () => loopbackContext(browser);
  return {
    server,
    browser,
    newContext,
    async openApp(path = '/') {
      const { context, blocked } = await newContext();
      const page = await context.newPage();
      await page.goto(server.url + path);
      return { page, context, blocked };
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = resolve(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Starts the harness before this file's tests and closes it after them. The returned object
 * stands for the harness inside tests (it throws if used before `beforeAll` ran).
 */
export function useHarness(): Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });
  const get = (): Harness => {
    if (!h) throw new Error('The e2e harness starts in beforeAll: use it inside tests.');
    return h;
  };
  return {
    get server() {
      return get().server;
    },
    get browser() {
      return get().browser;
    },
    newContext: () => get().newContext(),
    openApp: (path) => get().openApp(path),
    screenshot: (page, name) => get().screenshot(page, name),
    close: () => get().close(),
  };
}
