/**
 * Issue 10: the response on screen belongs to the request on screen (point 6), and dynamic
 * variables are resolved once per send: the raw view shows the values that went out (point 1).
 * Direct mode's raw view names the fields the browser adds (point 3).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import { openResponseTab, readEcho, send, setBodyType, setMethod, setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Library' });
const ownerNote = (page: Page) => page.getByRole('note', { name: 'Response owner' });

async function get(page: Page, url: string): Promise<string> {
  await setMethod(page, 'GET');
  await setBodyType(page, 'None');
  await setUrl(page, url);
  return send(page);
}

describe('the response belongs to the request on screen', () => {
  it('reopening a request from history shows its own kept response, not the last one; a refused Send is labelled', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    expect(await get(page, `${h.server.url}/echo/first`)).toBe('200 OK');
    expect(await get(page, `${h.server.url}/echo/second`)).toBe('200 OK');
    expect(await ownerNote(page).count()).toBe(0);
    await sidebar(page).getByRole('tab', { name: 'History' }).click();
    await sidebar(page)
      .getByRole('button', { name: `Reopen GET ${h.server.url}/echo/first` })
      .click();
    // It opens in a tab of its own (issue 13), with the response that request got.
    const kept = page.getByRole('region', { name: 'Response' }).getByRole('note', { name: 'Kept response' });
    await kept.waitFor();
    expect(await ownerNote(page).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Response body' }).textContent()).toContain('/echo/first');
    // The raw view shows the request on screen, not the one that was sent before.
    await openResponseTab(page, 'Raw request');
    const raw = (await page.getByRole('region', { name: 'Raw request' }).textContent()) ?? '';
    expect(raw.split('\r\n')[0]).toBe('GET /echo/first HTTP/1.1');

    expect(await send(page)).toBe('200 OK');
    expect(await ownerNote(page).count()).toBe(0);
    await setUrl(page, `${h.server.url}/echo/{{undefinedVariable}}`);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await ownerNote(page).waitFor();
    expect(await ownerNote(page).textContent()).toBe(
      `Last response of GET ${h.server.url}/echo/first — the request on screen was not sent: see the problems next to Send.`,
    );
    await page.context().close();
  });
});

describe('dynamic variables: one set of values per send', () => {
  it('the raw view shows the values the echo received, and the next send makes new ones', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    const seen: string[] = [];
    for (let i = 0; i < 2; i++) {
      expect(await get(page, `${h.server.url}/echo/dyn?id={{$guid}}&t={{$timestamp}}&n={{$randomInt}}`)).toBe('200 OK');
      const echo = await readEcho(page);
      expect(echo.target).toMatch(
        /^\/echo\/dyn\?id=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}&t=\d{10}&n=\d{1,4}$/,
      );
      const n = Number(new URLSearchParams(echo.target.split('?')[1]).get('n'));
      expect(n >= 0 && n <= 1000).toBe(true);
      await openResponseTab(page, 'Raw request');
      const raw = (await page.getByRole('region', { name: 'Raw request' }).textContent()) ?? '';
      expect(raw.split('\r\n')[0]).toBe(`GET ${echo.target} HTTP/1.1`);
      seen.push(echo.target);
    }
    expect(seen[0]).not.toBe(seen[1]);
    await page.context().close();
  });
});

describe('proxy mode: the query as typed', () => {
  it("sends ' and the other sub-delims raw, and the raw view shows that same target", async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    expect(await get(page, `${h.server.url}/echo/typed?q=it's&f=(a)!*$,;:@/?[]`)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echo.target).toBe("/echo/typed?q=it's&f=(a)!*$,;:@/?[]");
    await openResponseTab(page, 'Raw request');
    const raw = (await page.getByRole('region', { name: 'Raw request' }).textContent()) ?? '';
    expect(raw.split('\r\n')[0]).toBe(`GET ${echo.target} HTTP/1.1`);
    await page.context().close();
  });
});

describe('direct mode raw view', () => {
  it('names the fields the browser adds instead of "As sent by the browser"', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await page.getByRole('radiogroup', { name: 'Send via' }).getByRole('radio', { name: 'Direct' }).click();
    expect(await get(page, `${h.server.url}/echo/direct-note?q=it's`)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echo.target).toBe('/echo/direct-note?q=it%27s');
    await openResponseTab(page, 'Raw request');
    const about = (await page.getByLabel('About this message').textContent()) ?? '';
    expect(about).toBe(
      'As sent by the browser (direct). The browser also adds header fields this page can neither see nor set: User-Agent; Accept-Encoding; Accept-Language; sec-ch-ua, sec-ch-ua-mobile, sec-ch-ua-platform; Sec-Fetch-Site, Sec-Fetch-Mode, Sec-Fetch-Dest; Referer (as the page’s referrer policy allows); Connection. They are not shown below.' +
        "The browser sends %27 for ' in the query (WHATWG URL parser); through the proxy it is sent as typed.",
    );
    // Every field the browser added that the view names is in the echo's list.
    const names = echo.headers.map(([n]) => n.toLowerCase());
    for (const n of ['user-agent', 'accept-encoding', 'accept-language', 'sec-fetch-mode', 'connection'])
      expect(names).toContain(n);
    await page.context().close();
  });
});
