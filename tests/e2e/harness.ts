/**
 * End-to-end harness: starts Parley's server (serving the built app from PARLEY_DIST or ./dist)
 * on a free loopback port and drives Debian's Chromium with playwright-core. Every request
 * that is not to a loopback address is aborted, so the app must work offline.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { startServer, type RunningServer } from '../../server/app.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve('test-results');

const LOOPBACK = /^(https?|wss?):\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//;

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
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (LOOPBACK.test(url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    return { context, blocked };
  };
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
