/**
 * Debian's Chromium, launched as DESIGN §7 says, and browser contexts that refuse every
 * request leaving loopback (the app must work offline). Used by the e2e harness and by bench/.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { DEBIAN_CHROMIUM, findBrowser } from '../../scripts/find-browser.ts';

/**
 * The browser found by scripts/find-browser.ts: `CHROME_PATH` (or its older name `CHROMIUM_PATH`),
 * `/usr/bin/chromium`, then `chromium` or `google-chrome` on PATH. Null when there is none.
 */
const found = findBrowser();
export const CHROMIUM_PATH = found.path ?? DEBIAN_CHROMIUM;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const LOOPBACK = /^(https?|wss?):\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//;

/** Launches headless Chromium with the standard flags plus `extraArgs`; rejects with a one-line hint when there is no browser. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (found.path === null) return Promise.reject(new Error(found.message));
  return chromium.launch({ executablePath: found.path, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * A fresh context (cold cache, 1720×1000) where every non-loopback request is aborted; `blocked` lists them.
 * Service workers are blocked unless `serviceWorkers: 'allow'` (the offline tests and the bench): a
 * worker answers page requests itself, which would bypass the routes below and make tests depend on
 * what an earlier page cached.
 */
export async function loopbackContext(
  browser: Browser,
  { serviceWorkers = 'block' }: { serviceWorkers?: 'allow' | 'block' } = {},
): Promise<{ context: BrowserContext; blocked: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1720, height: 1000 }, serviceWorkers });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (LOOPBACK.test(url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return { context, blocked };
}
