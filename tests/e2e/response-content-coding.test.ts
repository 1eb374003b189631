/**
 * Issue 10 point 5: a response with Content-Encoding gzip, deflate, br or zstd, relayed
 * compressed by the proxy, is decoded in the body worker for display; the sizes say which
 * is on the wire and which decoded; Download offers both; an unknown coding says so.
 */
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import { bodyRegion, sendGet, setBodyType, setMethod, setUrl, waitForForm } from './request-helpers.ts';
import { ENCODED_CODINGS, encodedSampleDocument } from '../../server/echo/encoded.ts';
import { formatBytes } from '../../src/components/format.ts';

const h = useHarness();
const doc = encodedSampleDocument();

const get = (page: Page, path: string): Promise<string> => sendGet(page, `${h.server.url}${path}`);

describe('Content-Encoding in the body viewer (via the proxy)', () => {
  it.each([
    ['gzip', 'gzip', gzipSync(doc).length],
    ['deflate', 'deflate', deflateSync(doc).length],
    ['deflate-raw', 'deflate', deflateRawSync(doc).length],
    ['br', 'br', brotliCompressSync(doc).length],
    ['zstd', 'zstd', ENCODED_CODINGS.zstd!.encode(doc).length],
  ])('%s: shows the decoded JSON and both sizes', async (route, coding, wire) => {
    const { page } = await h.openApp();
    expect(await get(page, `/echo/encoded/${route}`)).toBe('200 OK');
    await page.getByTestId('content-coding').waitFor();
    expect(await page.getByTestId('content-coding').textContent()).toBe(
      `content encoding: ${coding} — ${formatBytes(wire)} on the wire, 17.5 KB decoded`,
    );
    await bodyRegion(page).filter({ hasText: '"name": "item 119"' }).waitFor();
    expect(await page.getByRole('tablist', { name: 'Body view' }).getByRole('tab').allTextContents()).toEqual([
      'Pretty',
      'Raw',
      'Tree',
    ]);
    await page.context().close();
  });

  it('decodes while the content arrives: the decode worker starts before the last byte, and is the only one', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    // pause: the echo sends the first half of the gzip bytes, then the rest 1.5 s later.
    await setUrl(page, `${h.server.url}/echo/encoded/gzip?pause=1500`);
    const decodeWorkers: string[] = [];
    page.on('worker', (w) => {
      if (w.url().includes('body.worker')) decodeWorkers.push(w.url());
    });
    const started = page.waitForEvent('worker', { predicate: (w) => w.url().includes('body.worker') });
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await started;
    // The worker is there while the second half is still held back by the echo.
    const gz = gzipSync(doc);
    expect(await page.getByRole('status', { name: 'Content progress' }).textContent()).toMatch(
      new RegExp(`^Receiving (0 B|${formatBytes(Math.floor(gz.length / 2))}) of ${formatBytes(gz.length)}$`),
    );
    await page.getByTestId('content-coding').waitFor();
    expect(await page.getByTestId('content-coding').textContent()).toBe(
      `content encoding: gzip — ${formatBytes(gz.length)} on the wire, 17.5 KB decoded`,
    );
    await bodyRegion(page).filter({ hasText: '"name": "item 119"' }).waitFor();
    // The body viewer took the decode fed while the content arrived; it did not decode again.
    expect(decodeWorkers).toHaveLength(1);
    await page.context().close();
  });

  it('Download offers the decoded content and the bytes as received, byte-exact', async () => {
    const { page } = await h.openApp();
    expect(await get(page, '/echo/encoded/br')).toBe('200 OK');
    await page.getByTestId('content-coding').waitFor();
    const [decoded] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download decoded' }).click(),
    ]);
    expect(decoded.suggestedFilename()).toBe('br.json');
    expect((await readFile(await decoded.path())).equals(doc)).toBe(true);
    const [received] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as received' }).click(),
    ]);
    expect(received.suggestedFilename()).toBe('br.json.br');
    expect((await readFile(await received.path())).equals(brotliCompressSync(doc))).toBe(true);
    await page.context().close();
  });

  it('an unknown coding is shown as received and says so', async () => {
    const { page } = await h.openApp();
    expect(await get(page, '/echo/encoded/unknown')).toBe('200 OK');
    await page.getByTestId('content-coding').waitFor();
    expect(await page.getByTestId('content-coding').textContent()).toBe(
      'content encoding: x-parley-unknown — 17.5 KB on the wire, not decoded',
    );
    await page
      .getByText('Parley cannot decode the content coding x-parley-unknown; the content is shown as received.')
      .waitFor();
    await page.context().close();
  });
});

describe('Content-Encoding in direct mode', () => {
  it('the browser decodes gzip itself; the view says so and does not decode twice', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await page.getByRole('radiogroup', { name: 'Send via' }).getByRole('radio', { name: 'Direct' }).click();
    expect(await get(page, '/echo/encoded/gzip')).toBe('200 OK');
    await page.getByTestId('content-coding').waitFor();
    expect(await page.getByTestId('content-coding').textContent()).toBe(
      'content encoding: gzip — decoded by the browser, 17.5 KB decoded (the browser does not tell the size on the wire)',
    );
    await bodyRegion(page).filter({ hasText: '"name": "item 119"' }).waitFor();
    await page.context().close();
  });
});
