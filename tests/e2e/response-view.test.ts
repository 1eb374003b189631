/** The Response region: lossless JSON, no-body responses, the raw request, and direct-mode failures. */
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import {
  openRequestTab,
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

describe('response view', () => {
  it('pretty-prints JSON losslessly: big integers keep every digit', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/json/big?mb=0.0001`);
    expect(await send(page)).toBe('200 OK');
    const pretty = await responseBodyText(page, /"id": 1000000000000003023/);
    expect(pretty).toContain('"id": 1000000000000003023,');
    expect(pretty).toContain('"big": 9007199254740993,');
    expect(pretty).toContain('"price": 19.99,');
    expect(pretty).not.toContain('1000000000000003000');
    await page.getByRole('tablist', { name: 'Body view' }).getByRole('tab', { name: 'Raw' }).click();
    expect(await responseBodyText(page, /^\{"count"/)).toMatch(/^\{"count":1,"items":\[\{"id":1000000000000003023,/);
    await page.context().close();
  });

  it('shows "No body" for a 204 and its reason phrase', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/status/204`);
    expect(await send(page)).toBe('204 No Content');
    expect(await responseBodyText(page, /No body/)).toBe('No body. A 204 response has no content (RFC 9112 §6.3).');
    await page.context().close();
  });

  it('shows the raw request with Content-Length in octets (Zoë 😀 is 20 octets)', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setUrl(page, `${h.server.url}/echo/raw`);
    await page.locator('.monaco-editor').first().waitFor();
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{"name":"Zoë 😀"}');
    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(Buffer.from(echo.body.base64, 'base64').toString('utf8')).toBe('{"name":"Zoë 😀"}');
    await openResponseTab(page, 'Raw request');
    const raw = (await page.getByRole('region', { name: 'Raw request' }).textContent()) ?? '';
    const host = new URL(h.server.url).host;
    expect(raw.replace(/\r\n/g, '\n')).toBe(
      `POST /echo/raw HTTP/1.1\nHost: ${host}\nAccept: application/json\nContent-Type: application/json\nAuthorization: Bearer mF_9.B5f-4.1JqM\nContent-Length: 20\nConnection: keep-alive\n\n{"name":"Zoë 😀"}`,
    );
    // The raw view is the wire: its header lines are the echo's raw header list, Node's additions included.
    const lines = raw.split('\r\n\r\n')[0]!.split('\r\n').slice(1);
    expect(lines).toEqual(echo.headers.map(([n, v]) => `${n}: ${v}`));
    await page.context().close();
  });

  it('explains a direct-mode fetch failure and offers the proxy, which then reports the real error', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await page.getByRole('radiogroup', { name: 'Send via' }).getByRole('radio', { name: 'Direct' }).click();
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    // Port 2: closed, and not one of the ports browsers block (9 is: Parley would not even send it directly).
    await setUrl(page, 'http://127.0.0.1:2/');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const alert = page.getByRole('alert', { name: 'Send error' });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('The browser could not complete the request and did not show a response.');
    expect(text).toContain('CORS');
    expect(text).not.toMatch(/Network Error/i);
    await alert.getByRole('button', { name: "Retry through Parley's proxy" }).click();
    await alert.filter({ hasText: 'Connection refused' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'URL' }).inputValue()).toBe('http://127.0.0.1:2/');
    await page.context().close();
  });

  it('works in direct mode against a CORS-enabled server and says what the browser hides', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await page.getByRole('radiogroup', { name: 'Send via' }).getByRole('radio', { name: 'Direct' }).click();
    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echo.method).toBe('POST');
    expect(Buffer.from(echo.body.base64, 'base64').toString('utf8')).toBe(
      '{"employee":{"name":"Emma","age":28,"city":"Boston"}}',
    );
    await openResponseTab(page, 'Headers');
    expect(await page.getByRole('region', { name: 'Response' }).textContent()).toContain(
      'Direct mode: the browser shows only the header fields the server exposes',
    );
    await page.context().close();
  });

  it('shows a redirect as received, and follows it when asked', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/redirect/2`);
    expect(await send(page)).toBe('302 Found');
    await openRequestTab(page, 'Settings');
    await page.getByRole('checkbox', { name: 'Follow redirects' }).check();
    expect(await send(page)).toBe('200 OK');
    expect((await readEcho(page)).target).toBe('/echo/redirect/0');
    await page.context().close();
  });
});
