/**
 * A slow response through the real app: status and header fields show as soon as the head
 * arrives, the progress moves with every chunk, and Cancel mid-content says what was received.
 * The target is a local server whose chunks the test releases one by one (no timing involved),
 * with a Content-Length and with chunked transfer coding.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import { openResponseTab, setBodyType, setMethod, setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();

const CHUNK = 'x'.repeat(999) + '\n'; // 1,000 bytes
const CHUNKS = 5;

/** The response being sent, so the test can release its next chunk, and whether the client left. */
interface Trickle {
  res: ServerResponse;
  closed: Promise<void>;
}

let target: Server;
let targetUrl = '';
const pending: ((t: Trickle) => void)[] = [];

function nextTrickle(): Promise<Trickle> {
  return new Promise((resolve) => pending.push(resolve));
}

beforeAll(async () => {
  target = createServer((req: IncomingMessage, res: ServerResponse) => {
    const headers: Record<string, string> = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Trickle': 'yes' };
    if (req.url === '/with-length') headers['Content-Length'] = String(CHUNK.length * CHUNKS);
    res.writeHead(200, headers);
    res.flushHeaders();
    const closed = new Promise<void>((resolve) => res.on('close', () => resolve()));
    pending.shift()?.({ res, closed });
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});

afterAll(async () => {
  target.closeAllConnections();
  await new Promise((resolve) => target.close(resolve));
});

describe('a slow response', () => {
  for (const { path, total } of [
    { path: '/with-length', total: ' of 5,000 B' },
    { path: '/chunked', total: '' },
  ]) {
    it(`shows the head at once, the progress per chunk, and can be cancelled mid-content (${path})`, async () => {
      const { page } = await h.openApp();
      await waitForForm(page);
      await setMethod(page, 'GET');
      await setBodyType(page, 'None');
      await setUrl(page, targetUrl + path);
      const arrived = nextTrickle();
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      const trickle = await arrived;

      // Only the head has been sent: status and header fields are on screen already.
      const response = page.getByRole('region', { name: 'Response' });
      const status = response.getByRole('status', { name: 'Response status' });
      await status.waitFor();
      expect(await status.textContent()).toBe('200 OK');
      const progress = response.getByRole('status', { name: 'Content progress' });
      await progress.filter({ hasText: `Receiving 0 B${total}` }).waitFor();
      expect(await progress.textContent()).toBe(`Receiving 0 B${total}`);

      // Each chunk moves the progress line.
      for (let i = 1; i <= 3; i++) {
        trickle.res.write(CHUNK);
        const expected = `Receiving ${(i * CHUNK.length).toLocaleString('en-US')} B${total}`;
        await progress.filter({ hasText: expected }).waitFor();
        expect(await progress.textContent()).toBe(expected);
      }
      await h.screenshot(page, `response-streaming${path.replace('/', '-')}`);

      await openResponseTab(page, 'Headers');
      const rows = await page.getByRole('table', { name: 'Response headers' }).getByRole('row').allTextContents();
      expect(rows).toContain('X-Trickleyes');
      await openResponseTab(page, 'Body');

      await response.getByRole('button', { name: 'Cancel request' }).click();
      const alert = page.getByRole('alert', { name: 'Send error' });
      await alert.waitFor();
      expect(await alert.textContent()).toBe(
        'CancelledRequest cancelled while the response content was arriving; the content received so far was discarded.',
      );
      expect(await alert.textContent()).not.toContain('No response was received');
      // The head that did arrive stays, and the target sees the connection closed.
      expect(await status.textContent()).toBe('200 OK');
      await trickle.closed;
      await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
      await page.context().close();
    });
  }

  it('completes normally when the last chunk arrives', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${targetUrl}/chunked`);
    const arrived = nextTrickle();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const trickle = await arrived;
    await page.getByRole('status', { name: 'Response status' }).waitFor();
    for (let i = 0; i < CHUNKS; i++) trickle.res.write(CHUNK);
    trickle.res.end();
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
    const bar = await page
      .getByRole('region', { name: 'Response' })
      .locator('span[title$="bytes of content"]')
      .getAttribute('title');
    expect(bar).toBe('5,000 bytes of content');
    await page.context().close();
  });
});
