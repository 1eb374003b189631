/**
 * Issue 12 point 3: installable and offline. The service worker precaches the built app, so
 * with Parley's server stopped a reload still opens a working form; Direct mode sends to
 * another loopback server, the proxy says clearly it is unreachable; a new build shows
 * "New version" with a Reload button that switches to it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/app.ts';
import { useHarness } from './harness.ts';
import { loopbackContext } from './chromium.ts';
import { readEcho, send, setUrl, waitForForm } from './request-helpers.ts';
import { SAMPLE_JSON_BODY } from '../../src/core/model/defaults.ts';

const h = useHarness();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A copy of the built app served by its own server (so the test may stop or change it). */
async function ownServer(): Promise<{ server: RunningServer; dist: string }> {
  const dist = join(mkdtempSync(join(tmpdir(), 'parley-pwa-')), 'dist');
  cpSync(resolve(process.env.PARLEY_DIST ?? 'dist'), dist, { recursive: true });
  const server = await startServer({ host: '127.0.0.1', port: 0, distDir: dist });
  cleanups.push(() => rmSync(resolve(dist, '..'), { recursive: true, force: true }));
  return { server, dist };
}

/** Waits until the service worker is active and controls the page (the app is precached). */
async function controlled(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    return registration.active?.scriptURL ?? '';
  });
}

describe('offline (service worker)', () => {
  it('reopens with the server stopped: the form works, Direct sends, the proxy says it is unreachable', async () => {
    const { server } = await ownServer();
    const echo = await startServer({ host: '127.0.0.1', port: 0, distDir: null });
    cleanups.push(() => echo.close());
    const { context, blocked } = await loopbackContext(h.browser, { serviceWorkers: 'allow' });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    await page.goto(server.url + '/');
    await waitForForm(page);
    expect(await controlled(page)).toBe(`${server.url}/sw.js`);

    await server.close();
    await page.reload();
    await waitForForm(page);
    // The form is the app's, not an error page: the pre-filled example and its controls.
    expect(await page.getByRole('textbox', { name: 'URL' }).inputValue()).toBe(`${server.url}/echo/post/json`);
    await expect(page.getByRole('button', { name: 'Send' }).isEnabled()).resolves.toBe(true);

    await page.getByRole('radiogroup', { name: 'Send via' }).getByRole('radio', { name: 'Proxy' }).click();
    await setUrl(page, `${echo.url}/echo/offline?x=1`);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const alert = page.getByRole('region', { name: 'Response' }).getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Parley’s server is unreachable');
    expect(await alert.textContent()).toContain(
      "Parley's server could not be reached, so the request was not sent. Is Parley still running?",
    );

    await page.getByRole('radiogroup', { name: 'Send via' }).getByRole('radio', { name: 'Direct' }).click();
    expect(await send(page)).toBe('200 OK');
    const reply = await readEcho(page);
    expect([reply.method, reply.target, reply.body.text]).toEqual(['POST', '/echo/offline?x=1', SAMPLE_JSON_BODY]);
    expect(blocked).toEqual([]);
  });

  it('links a web app manifest whose icons are served', async () => {
    const { page, context } = await h.openApp();
    cleanups.push(() => context.close());
    await waitForForm(page);
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href ?? '';
      const json = (await (await fetch(href)).json()) as {
        name: string;
        start_url: string;
        display: string;
        icons: { src: string; sizes: string }[];
      };
      const icons = await Promise.all(
        json.icons.map(async (i) => {
          const r = await fetch(i.src);
          return [i.src, i.sizes, r.status, r.headers.get('Content-Type')];
        }),
      );
      return { href, name: json.name, start: json.start_url, display: json.display, icons };
    });
    expect(manifest).toEqual({
      href: `${h.server.url}/manifest.webmanifest`,
      name: 'Parley — HTTP request builder',
      start: '/',
      display: 'standalone',
      icons: [
        ['/icon-192.png', '192x192', 200, 'image/png'],
        ['/icon-512.png', '512x512', 200, 'image/png'],
        ['/icon-maskable-512.png', '512x512', 200, 'image/png'],
        ['/icon.svg', 'any', 200, 'image/svg+xml'],
      ],
    });
  });

  it('shows "new version" after an update, and Reload switches to it keeping the request', async () => {
    const { server, dist } = await ownServer();
    cleanups.push(() => server.close());
    const { context } = await loopbackContext(h.browser, { serviceWorkers: 'allow' });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    await page.goto(server.url + '/');
    await waitForForm(page);
    await controlled(page);
    expect(await page.getByRole('region', { name: 'New version' }).count()).toBe(0);
    await setUrl(page, `${server.url}/echo/kept-across-update`);

    // A new build: the worker script changes (its version does whenever the files do).
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    writeFileSync(join(dist, 'sw.js'), sw.replace(/^const VERSION = "[^"]*";/, 'const VERSION = "next-build";'));
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    const banner = page.getByRole('region', { name: 'New version' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('A new version of Parley is ready.');

    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
    await waitForForm(page);
    expect(await page.getByRole('textbox', { name: 'URL' }).inputValue()).toBe(`${server.url}/echo/kept-across-update`);
    expect(await page.getByRole('region', { name: 'New version' }).count()).toBe(0);
    expect(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('parley-')))).toEqual([
      'parley-next-build',
    ]);
  });
});
