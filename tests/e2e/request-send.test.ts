/** Issue 2 end to end: the pre-filled example, custom methods, cancel and errors, through the proxy. */
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import { SAMPLE_JSON_BODY, SAMPLE_TOKEN } from '../../src/core/model/defaults.ts';
import {
  echoBodyBytes,
  echoHeader,
  openResponseTab,
  readEcho,
  responseBodyText,
  send,
  setBodyType,
  setMethod,
  setUrl,
  waitForForm,
} from './request-helpers.ts';

const h = useHarness();

describe('sending the pre-filled example', () => {
  it('sends exactly the example body and bearer token, and shows 200 OK', async () => {
    const { page, blocked } = await h.openApp();
    await waitForForm(page);
    expect(await page.getByRole('textbox', { name: 'URL' }).inputValue()).toBe(`${h.server.url}/echo/post/json`);
    expect(await page.getByRole('combobox', { name: 'Method' }).inputValue()).toBe('POST');

    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echo.method).toBe('POST');
    expect(echo.target).toBe('/echo/post/json');
    expect(echoBodyBytes(echo).toString('latin1')).toBe(SAMPLE_JSON_BODY);
    expect(echoHeader(echo, 'Authorization')).toEqual([`Bearer ${SAMPLE_TOKEN}`]);
    expect(echoHeader(echo, 'Content-Type')).toEqual(['application/json']);
    expect(echoHeader(echo, 'Accept')).toEqual(['application/json']);
    expect(echoHeader(echo, 'Content-Length')).toEqual(['53']);

    await openResponseTab(page, 'Raw request');
    const raw = (await page.getByRole('region', { name: 'Raw request' }).textContent()) ?? '';
    expect(raw).toContain('POST /echo/post/json HTTP/1.1');
    expect(raw).toContain('Content-Length: 53');
    expect(raw).toContain(`Authorization: Bearer ${SAMPLE_TOKEN}`);
    expect(raw).toContain(SAMPLE_JSON_BODY);

    // Monaco arrives from the local bundle (the editor is labelled) and nothing left loopback.
    await page.locator('.monaco-editor').first().waitFor();
    await page.getByRole('textbox', { name: 'Request body' }).waitFor({ state: 'attached' });
    await openResponseTab(page, 'Body');
    await h.screenshot(page, 'request-send-example');
    expect(blocked).toEqual([]);
    await page.context().close();
  });

  it('sends on Ctrl+Enter from inside the body editor', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await page.locator('.monaco-editor').first().waitFor();
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('Control+Enter');
    await page.getByRole('status', { name: 'Response status' }).waitFor();
    const echo = await readEcho(page);
    // Monaco did not insert a line: the body is still the example.
    expect(echoBodyBytes(echo).toString('latin1')).toBe(SAMPLE_JSON_BODY);
    await page.context().close();
  });
});

describe('the body editor without Monaco', () => {
  it('is a plain labelled textarea until Monaco loads, and stays usable if Monaco never arrives', async () => {
    const { context } = await h.newContext();
    await context.route(/MonacoCodeEditor-[^/]*\.js$/, (route) => route.abort('blockedbyclient'));
    const page = await context.newPage();
    await page.goto(h.server.url + '/');
    await waitForForm(page);
    const body = page.getByRole('textbox', { name: 'Request body' });
    expect(await body.evaluate((el) => el.tagName)).toBe('TEXTAREA');
    expect(await body.inputValue()).toBe(SAMPLE_JSON_BODY);
    await body.fill('{"name":"Zoë 😀"}');
    expect(await send(page)).toBe('200 OK');
    expect(echoBodyBytes(await readEcho(page)).toString('utf8')).toBe('{"name":"Zoë 😀"}');
    expect(await page.locator('.monaco-editor').count()).toBe(0);
    await context.close();
  });
});

describe('methods and responses through the proxy', () => {
  it('sends a custom method (PURGE)', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'PURGE');
    await setUrl(page, `${h.server.url}/echo/cache/item`);
    await setBodyType(page, 'None');
    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echo.method).toBe('PURGE');
    expect(echo.target).toBe('/echo/cache/item');
    // What you see is what is sent: the raw view and the echo agree on Content-Length.
    const received = echoHeader(echo, 'Content-Length');
    await openResponseTab(page, 'Raw request');
    const raw = (await page.getByRole('region', { name: 'Raw request' }).textContent()) ?? '';
    expect(raw).toContain('PURGE /echo/cache/item HTTP/1.1');
    expect(raw.includes('Content-Length: 0')).toBe(received.includes('0'));
    await page.context().close();
  });

  it('shows two Set-Cookie header fields as two rows, in order', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/cookies?session=abc&theme=dark`);
    expect(await send(page)).toBe('200 OK');
    await openResponseTab(page, 'Headers');
    const rows = page.getByRole('table', { name: 'Response headers' }).getByRole('row');
    const texts = (await rows.allTextContents()).filter((t) => t.toLowerCase().startsWith('set-cookie'));
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/^set-cookiesession=abc/i);
    expect(texts[1]).toMatch(/^set-cookietheme=dark/i);
    await page.context().close();
  });

  it('shows "No body" for HEAD even with a Content-Length', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'HEAD');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/head`);
    expect(await send(page)).toBe('200 OK');
    expect(await responseBodyText(page, /No body/)).toBe(
      'No body. A response to HEAD has no content, whatever its Content-Length says (RFC 9112 §6.3).',
    );
    await page.context().close();
  });

  it('cancels a slow request: the button returns to Send and says cancelled', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/delay/10000`);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
    await cancel.waitFor();
    await cancel.click();
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
    const alert = page.getByRole('alert', { name: 'Send error' });
    expect(await alert.textContent()).toContain('Request cancelled');
    expect(await page.getByRole('status', { name: 'Response status' }).count()).toBe(0);
    await page.context().close();
  });

  it('shows the status and header fields as soon as they arrive, with the content progress and Cancel in the body area', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    // head=now: the echo sends its status line and header fields at once and holds the content for 60 s.
    await setUrl(page, `${h.server.url}/echo/delay/60000?head=now`);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const status = page.getByRole('region', { name: 'Response' }).getByRole('status', { name: 'Response status' });
    await status.waitFor();
    expect(await status.textContent()).toBe('200 OK');
    // The content is still on its way: the body area says so and offers Cancel.
    const progress = page.getByRole('status', { name: 'Content progress' });
    expect(await progress.textContent()).toMatch(/^Receiving 0 B of \d+ B$/);
    await openResponseTab(page, 'Headers');
    const headers = page.getByRole('table', { name: 'Response headers' });
    expect(await headers.getByRole('row').allTextContents()).toContain('Content-Typeapplication/json; charset=utf-8');
    await openResponseTab(page, 'Body');
    await page.getByRole('region', { name: 'Response' }).getByRole('button', { name: 'Cancel request' }).click();
    const alert = page.getByRole('alert', { name: 'Send error' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Request cancelled while the response content was arriving');
    // What did arrive stays on screen.
    expect(await status.textContent()).toBe('200 OK');
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
    await page.context().close();
  });

  it('explains a refused connection and keeps the URL', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    const url = 'http://127.0.0.1:9/nothing-here';
    await setUrl(page, url);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const alert = page.getByRole('alert', { name: 'Send error' });
    await alert.waitFor();
    // One sentence naming the address, under the title and the proxy's error code.
    expect(await alert.textContent()).toBe(
      'No responseconnection-refusedConnection refused by 127.0.0.1:9 — nothing is listening there.',
    );
    // The alert already says no response came: the body area does not add "No response yet."
    expect(await page.getByRole('region', { name: 'Response' }).textContent()).not.toContain('No response yet');
    expect(await page.getByRole('textbox', { name: 'URL' }).inputValue()).toBe(url);
    await page.context().close();
  });

  it('blocks an invalid URL with a message and keeps what was typed', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setUrl(page, 'localhost:8080/echo');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Not sent' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/URL/);
    expect(await page.getByRole('textbox', { name: 'URL' }).inputValue()).toBe('localhost:8080/echo');
    await page.context().close();
  });
});
