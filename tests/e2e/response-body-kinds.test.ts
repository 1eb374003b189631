/**
 * The body viewer with every kind of content, in Chromium against the real server + proxy:
 * an image preview, a Latin-1 text body, HTML whose script must not run, Set-Cookie entries,
 * and Download saving exactly the bytes the server sent.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import { bodyRegion, openRequestTab, sendGet, waitForForm } from './request-helpers.ts';

const h = useHarness();

const get = (page: Page, path: string): Promise<string> => sendGet(page, `${h.server.url}${path}`);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('response body kinds', () => {
  it('previews a PNG image', async () => {
    const { page } = await h.openApp();
    expect(await get(page, '/echo/image.png')).toBe('200 OK');
    const img = bodyRegion(page).getByRole('img', { name: 'Response image preview' });
    await img.waitFor();
    await page.waitForFunction(
      () => document.querySelector<HTMLImageElement>('img[alt="Response image preview"]')?.complete === true,
    );
    const size = await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight]);
    expect(size).toEqual([16, 16]);
    // A data: URL, never blob: (a blob URL opened in a tab carries Parley's origin).
    expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    await page.context().close();
  });

  it('decodes text/plain; charset=iso-8859-1 with the declared charset and says which', async () => {
    const { page } = await h.openApp();
    expect(await get(page, '/echo/charset/iso-8859-1')).toBe('200 OK');
    await expect.poll(() => bodyRegion(page).textContent()).toBe('Zürich café naïve');
    expect(await page.getByTestId('charset').textContent()).toBe('charset: iso-8859-1 (decoded as windows-1252)');
    await page.context().close();
  });

  it('previews HTML in a sandbox where its script does not run', async () => {
    const { context } = await h.newContext();
    await context.addInitScript(() => {
      const w = window as unknown as { __messages: unknown[] };
      w.__messages = [];
      // Monaco posts its own scheduling messages to the window; keep only what the echo page would send.
      window.addEventListener('message', (e) => {
        if (e.data === 'parley-echo-script-ran') w.__messages.push(e.data);
      });
    });
    const page = await context.newPage();
    await page.goto(h.server.url + '/');
    expect(await get(page, '/echo/html')).toBe('200 OK');
    const frame = bodyRegion(page).locator('iframe[title="HTML preview"]');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    // The page rendered (its heading is there) …
    const heading = page.frameLocator('iframe[title="HTML preview"]').getByRole('heading', { level: 1 });
    expect(await heading.textContent()).toBe('Hello from the echo server');
    // … but its script did not run: nothing changed in Parley's window, no message was posted.
    const observed = await page.evaluate(() => {
      const w = window as unknown as { __parleyEchoScriptRan?: boolean; __messages: unknown[] };
      return { ran: w.__parleyEchoScriptRan ?? false, messages: w.__messages, title: document.title };
    });
    expect(observed.ran).toBe(false);
    expect(observed.messages).toEqual([]);
    expect(observed.title).not.toBe('SCRIPT RAN');
    await page.getByRole('tablist', { name: 'Body view' }).getByRole('tab', { name: 'Source' }).click();
    await expect.poll(() => bodyRegion(page).textContent()).toContain('window.__parleyEchoScriptRan = true;');
    await context.close();
  });

  it('lists three Set-Cookie header fields as three entries with parsed attributes', async () => {
    const { page } = await h.openApp();
    expect(await get(page, '/echo/cookies')).toBe('200 OK');
    await page.getByRole('tablist', { name: 'Response views' }).getByRole('tab', { name: 'Cookies' }).click();
    const list = page.getByRole('list', { name: 'Cookies' });
    await list.waitFor(); // the view loads lazily
    const items = list.getByRole('listitem');
    expect(await items.count()).toBe(3);
    const texts = await items.allTextContents();
    expect(texts[0]).toBe('session=abc123Path/HttpOnlyyesSameSiteLax');
    expect(texts[1]).toBe('theme=darkPath/Max-Age3600 s');
    expect(texts[2]).toBe('lang=en-GBPath/echoExpiresWed, 21 Oct 2037 07:28:00 GMTSecureyes');
    await page.context().close();
  });

  it('downloads the exact bytes received (SHA-256) with the Content-Disposition name', async () => {
    const { page } = await h.openApp();
    expect(await get(page, '/echo/download?name=' + encodeURIComponent('résumé 2024.csv'))).toBe('200 OK');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      // exact: a tab's close button is named after its URL, e.g. "Close GET …/echo/download".
      page.getByRole('button', { name: 'Download', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('résumé 2024.csv');
    const saved = await readFile(await download.path());
    const sent = new Uint8Array(await (await fetch(`${h.server.url}/echo/download?name=x.csv`)).arrayBuffer());
    expect(sha256(saved)).toBe(sha256(sent));
    await page.context().close();
  });

  it('shows binary content as hex and downloads all 256 byte values exactly', async () => {
    const { page } = await h.openApp();
    expect(await get(page, '/echo/bytes/70000')).toBe('200 OK');
    const hex = bodyRegion(page).getByRole('region', { name: 'Hex dump' });
    await expect
      .poll(() => hex.locator('[data-row="0"]').textContent())
      .toBe('00000000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f  |................|');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      // exact: a tab's close button is named after its URL, e.g. "Close GET …/echo/download".
      page.getByRole('button', { name: 'Download', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('70000.bin');
    const saved = await readFile(await download.path());
    const expected = Uint8Array.from({ length: 70000 }, (_, i) => i & 0xff);
    expect(saved.length).toBe(70000);
    expect(sha256(saved)).toBe(sha256(expected));
    await page.context().close();
  });

  it('does not claim redirects when none were followed', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await openRequestTab(page, 'Settings');
    await page.getByRole('checkbox', { name: 'Follow redirects' }).check();
    expect(await get(page, '/echo/redirect/0')).toBe('200 OK');
    expect(
      await page
        .getByRole('region', { name: 'Response' })
        .getByRole('button', { name: /redirect/ })
        .count(),
    ).toBe(0);
    await page.context().close();
  });

  it('lists every redirect hop with its status and Location when the proxy follows redirects', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await openRequestTab(page, 'Settings');
    await page.getByRole('checkbox', { name: 'Follow redirects' }).check();
    expect(await get(page, '/echo/redirect/2?status=307')).toBe('200 OK');
    // Next to the status: the 200 came after redirects; the button opens the list of hops.
    const after = page.getByRole('region', { name: 'Response' }).getByRole('button', { name: 'after 2 redirects' });
    await after.click();
    expect(
      await page
        .getByRole('tablist', { name: 'Response views' })
        .getByRole('tab', { name: 'Timing' })
        .getAttribute('aria-selected'),
    ).toBe('true');
    const list = page.getByRole('list', { name: 'Redirects' });
    await list.waitFor(); // the view loads lazily
    const hops = await list.getByRole('listitem').allTextContents();
    expect(hops).toEqual([
      `307 Temporary Redirect GET ${h.server.url}/echo/redirect/2?status=307Location: /echo/redirect/1?status=307 → ${h.server.url}/echo/redirect/1?status=307`,
      `307 Temporary Redirect GET ${h.server.url}/echo/redirect/1?status=307Location: /echo/redirect/0?status=307 → ${h.server.url}/echo/redirect/0?status=307`,
      `Final: ${h.server.url}/echo/redirect/0?status=307`,
    ]);
    await h.screenshot(page, 'response-redirects');
    await page.context().close();
  });
});
