/**
 * Sends that end before the response is complete, through the real app and proxy: a connection
 * dropped mid-content, Cancel mid-content, and Ctrl+Enter while a request is in flight (it sends
 * the current request instead of cancelling). The target is a local server whose every step the
 * test releases (no timing involved).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import { openResponseTab, setBodyType, setMethod, setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();

/** A request the target holds, so the test decides what it answers and when. */
interface Held {
  url: string;
  res: ServerResponse;
  closed: Promise<void>;
}

let target: Server;
let targetUrl = '';
const waiting: ((held: Held) => void)[] = [];
const nextRequest = (): Promise<Held> => new Promise((resolve) => waiting.push(resolve));

beforeAll(async () => {
  target = createServer((req: IncomingMessage, res: ServerResponse) => {
    const closed = new Promise<void>((resolve) => res.on('close', () => resolve()));
    waiting.shift()?.({ url: req.url ?? '', res, closed });
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});

afterAll(async () => {
  target.closeAllConnections();
  await new Promise((resolve) => target.close(resolve));
});

const responseRegion = (page: Page) => page.getByRole('region', { name: 'Response' });
/** The row next to the Response heading: status, progress or time and size. */
const statusStrip = (page: Page) => responseRegion(page).locator('> div').first();

async function openGet(url: string) {
  const { page } = await h.openApp();
  await waitForForm(page);
  await setMethod(page, 'GET');
  await setBodyType(page, 'None');
  await setUrl(page, url);
  return page;
}

describe('a send that ends before the content is complete', () => {
  it('a dropped connection says how much content arrived, and no progress remains', async () => {
    const page = await openGet(`${targetUrl}/drop`);
    const arrived = nextRequest();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const held = await arrived;
    held.res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
    held.res.write('{"a"');
    const progress = responseRegion(page).getByRole('status', { name: 'Content progress' });
    await progress.filter({ hasText: 'Receiving 4 B of 100 B' }).waitFor();
    expect(await statusStrip(page).textContent()).toBe('Response200 OKReceiving 4 B of 100 B…via proxy');
    held.res.socket?.destroy();

    const alert = page.getByRole('alert', { name: 'Send error' });
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'Response incomplete: the connection was lost after 4 B of 100 B of content arrived' +
        'connection-reset' +
        'The connection was lost while the response content was arriving.',
    );
    expect(await statusStrip(page).textContent()).toBe('Response200 OKvia proxy');
    await openResponseTab(page, 'Body');
    const panel = responseRegion(page).getByRole('tabpanel');
    expect(await panel.textContent()).toBe(
      '4 B of 100 B of content arrived before the connection was lost; the partial content was discarded.',
    );
    await page.context().close();
  });

  it('Cancel mid-content says how much content arrived, and no progress remains', async () => {
    const page = await openGet(`${targetUrl}/cancel`);
    const arrived = nextRequest();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const held = await arrived;
    held.res.writeHead(200, { 'Content-Type': 'text/plain' }); // chunked: no declared length
    held.res.write('y'.repeat(40));
    await responseRegion(page)
      .getByRole('status', { name: 'Content progress' })
      .filter({ hasText: 'Receiving 40 B' })
      .waitFor();
    expect(await statusStrip(page).textContent()).toBe('Response200 OKReceiving 40 B…via proxy');

    await responseRegion(page).getByRole('button', { name: 'Cancel request' }).click();
    const alert = page.getByRole('alert', { name: 'Send error' });
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'CancelledRequest cancelled while the response content was arriving; the content received so far was discarded.',
    );
    expect(await statusStrip(page).textContent()).toBe('Response200 OKvia proxy');
    const panel = responseRegion(page).getByRole('tabpanel');
    expect(await panel.textContent()).toBe('Cancelled after 40 B of content; the partial content was discarded.');
    await held.closed;
    await page.context().close();
  });
});

describe('Ctrl+Enter while a request is in flight', () => {
  it('cancels it and sends the current request; history records only the one sent', async () => {
    const page = await openGet(`${targetUrl}/slow?n=1`);
    const first = nextRequest();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const held1 = await first;
    expect(held1.url).toBe('/slow?n=1');
    await page.getByRole('button', { name: 'Cancel', exact: true }).waitFor();

    await setUrl(page, `${targetUrl}/slow?n=2`);
    const second = nextRequest();
    await page.getByRole('textbox', { name: 'URL' }).press('Control+Enter');
    const held2 = await second;
    expect(held2.url).toBe('/slow?n=2');
    await held1.closed; // the first request was cancelled
    held2.res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '3' });
    held2.res.end('n=2');

    await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
    expect(await responseRegion(page).getByRole('status', { name: 'Response status' }).textContent()).toBe('200 OK');
    expect(await page.getByRole('alert', { name: 'Send error' }).count()).toBe(0);
    const bar = await responseRegion(page).locator('span[title$="bytes of content"]').getAttribute('title');
    expect(bar).toBe('3 bytes of content');

    const sidebar = page.getByRole('complementary', { name: 'Library' });
    await sidebar.getByRole('tab', { name: 'History' }).click();
    const entries = sidebar.getByRole('list', { name: 'History' }).getByRole('button');
    await entries.first().waitFor();
    expect(await entries.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toEqual([
      `Reopen GET ${targetUrl}/slow?n=2`,
    ]);
    await page.context().close();
  });
});

describe('the empty URL of a new request', () => {
  const EMPTY_URL = 'Enter a URL, such as https://api.example.com/users.';

  it('is flagged only after a send attempt, or after typing and clearing the field', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    const url = page.getByRole('textbox', { name: 'URL' });
    await page.getByRole('complementary', { name: 'Library' }).getByRole('button', { name: 'New request' }).click();
    await url.filter({ hasText: '' }).waitFor();
    expect(await url.inputValue()).toBe('');
    expect(await page.getByText(EMPTY_URL).count()).toBe(0);
    expect(await url.getAttribute('aria-invalid')).toBeNull();

    // Typed, then cleared: now it is a mistake worth pointing out.
    await url.fill('h');
    await url.fill('');
    await page.getByText(EMPTY_URL).waitFor();
    expect(await url.getAttribute('aria-invalid')).toBe('true');

    // A fresh blank draft again, then Send: the blocked notice lists it.
    await page.getByRole('complementary', { name: 'Library' }).getByRole('button', { name: 'New request' }).click();
    await url.press('Control+Enter');
    const notice = page.getByRole('alert').filter({ hasText: 'Not sent' });
    await notice.waitFor();
    expect(await notice.textContent()).toBe(`Not sent — fix these first:${EMPTY_URL}✕`);
    await page.context().close();
  });
});
