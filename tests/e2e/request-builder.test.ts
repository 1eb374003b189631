/**
 * Issue 3 end to end, through the proxy to the echo server, comparing what the echo
 * received byte for byte: multipart with a file, form-urlencoded, Basic auth with
 * non-ASCII, an API key in the query, and an environment variable.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import {
  echoBodyBytes,
  echoHeader,
  openRequestTab,
  readEcho,
  send,
  setBodyType,
  setMethod,
  setUrl,
  waitForForm,
} from './request-helpers.ts';

const h = useHarness();

async function noAuth(page: Page): Promise<void> {
  await openRequestTab(page, 'Auth');
  await page.getByRole('combobox', { name: 'Auth type' }).selectOption({ label: 'No auth' });
}

describe('request builder (issue 3)', () => {
  it('uploads a multipart form with a text field and a file, bytes exact', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await noAuth(page);
    await setUrl(page, `${h.server.url}/echo/upload`);
    await setBodyType(page, 'Multipart form');
    await page.getByRole('textbox', { name: 'Part name' }).first().fill('note');
    await page.getByRole('textbox', { name: 'Part value' }).first().fill('Zoë ✓');
    await page.getByRole('button', { name: '+ Add file' }).click();
    await page.getByRole('textbox', { name: 'Part name' }).nth(1).fill('file');
    const fileBytes = Buffer.from([0x00, 0x01, 0xff, 0x0d, 0x0a, 0x2d, 0x2d, 0x80, 0x7f]);
    await page
      .getByLabel('File for part 2')
      .setInputFiles({ name: 'data.bin', mimeType: 'application/x-test', buffer: fileBytes });
    const chosen = page.locator('label', { has: page.getByLabel('File for part 2') });
    await chosen.getByText('data.bin', { exact: true }).waitFor();
    expect(await chosen.getByText('9 B', { exact: true }).count()).toBe(1);
    // The JSON Content-Type header row of the example would win over the multipart default: remove it.
    await openRequestTab(page, 'Headers');
    await page.getByRole('button', { name: 'Remove row 2' }).click();

    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    const [contentType] = echoHeader(echo, 'Content-Type');
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(contentType ?? '')?.[1];
    expect(boundary).toBeDefined();
    const expected = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nZoë ✓\r\n`, 'utf8'),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="data.bin"\r\nContent-Type: application/x-test\r\n\r\n`,
        'utf8',
      ),
      fileBytes,
      Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
    ]);
    expect(echoBodyBytes(echo).equals(expected)).toBe(true);
    expect(echoHeader(echo, 'Content-Length')).toEqual([String(expected.length)]);
    await page.context().close();
  });

  it('sends a form-urlencoded body as UTF-8: q=테스트', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await noAuth(page);
    await setUrl(page, `${h.server.url}/echo/form`);
    await openRequestTab(page, 'Headers');
    await page.getByRole('button', { name: 'Remove row 2' }).click(); // the example's Content-Type row
    await setBodyType(page, 'Form URL-encoded');
    await page.getByRole('textbox', { name: 'Field name' }).first().fill('q');
    await page.getByRole('textbox', { name: 'Field value' }).first().fill('테스트');
    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echoBodyBytes(echo).toString('latin1')).toBe('q=%ED%85%8C%EC%8A%A4%ED%8A%B8');
    expect(echoHeader(echo, 'Content-Type')).toEqual(['application/x-www-form-urlencoded']);
    await page.context().close();
  });

  it('sends Basic auth with a non-ASCII password as UTF-8 (RFC 7617)', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/basic`);
    await openRequestTab(page, 'Auth');
    await page.getByRole('combobox', { name: 'Auth type' }).selectOption({ label: 'Basic auth' });
    await page.getByRole('textbox', { name: 'Username' }).fill('user');
    await page.getByRole('textbox', { name: 'Password' }).fill('päss');
    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echoHeader(echo, 'Authorization')).toEqual(['Basic dXNlcjpww6Rzcw==']);
    await page.context().close();
  });

  it('sends an API key in the query, encoded', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/key?page=2`);
    await openRequestTab(page, 'Auth');
    await page.getByRole('combobox', { name: 'Auth type' }).selectOption({ label: 'API key' });
    await page.getByRole('textbox', { name: 'Key' }).fill('api_key');
    await page.getByRole('textbox', { name: 'Value' }).fill('k 1&2');
    await page.getByLabel('Add to').selectOption({ label: 'Query parameters' });
    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echo.target).toBe('/echo/key?page=2&api_key=k%201%262');
    expect(echoHeader(echo, 'Authorization')).toEqual([]);
    await page.context().close();
  });

  it('keeps the query table and the URL in sync and sends rows encoded', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/q?ver=1.2.3&sig=abc==#top`);
    await page.getByText('is a fragment').waitFor();
    await openRequestTab(page, 'Query');
    const names = page.getByRole('textbox', { name: 'Parameter name' });
    const values = page.getByRole('textbox', { name: 'Parameter value' });
    expect(await names.nth(1).inputValue()).toBe('sig');
    expect(await values.nth(1).inputValue()).toBe('abc==');
    await page.getByRole('button', { name: 'Add parameter' }).click();
    await names.nth(2).fill('city');
    await values.nth(2).fill('Zürich');
    expect(await page.getByRole('textbox', { name: 'URL' }).inputValue()).toBe(
      `${h.server.url}/echo/q?ver=1.2.3&sig=abc==&city=Zürich#top`,
    );
    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echo.target).toBe('/echo/q?ver=1.2.3&sig=abc==&city=Z%C3%BCrich');
    await page.context().close();
  });

  it('substitutes an environment variable {{host}} and blocks unresolved ones', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    const host = new URL(h.server.url).host;
    await setUrl(page, 'http://{{host}}/echo/env?x={{missing}}');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const blockedAlert = page.getByRole('alert').filter({ hasText: 'Not sent' });
    await blockedAlert.waitFor();
    expect(await blockedAlert.textContent()).toContain('missing');

    await page.getByRole('button', { name: 'Environments' }).click();
    const dialog = page.getByRole('dialog', { name: 'Environments' });
    await dialog.getByRole('button', { name: '+ New environment' }).click();
    await dialog.getByRole('textbox', { name: 'Environment name' }).fill('Local');
    await dialog.getByRole('button', { name: '+ Add variable' }).click();
    await dialog.getByRole('textbox', { name: 'Variable name' }).fill('host');
    await dialog.getByRole('textbox', { name: 'Variable value' }).fill(host);
    await dialog.getByRole('button', { name: '+ Add variable' }).click();
    await dialog.getByRole('textbox', { name: 'Variable name' }).nth(1).fill('missing');
    await dialog.getByRole('checkbox', { name: 'Secret variable 2' }).check();
    await dialog.getByRole('textbox', { name: 'Variable value' }).nth(1).fill('s3cr€t');
    expect(await dialog.getByRole('textbox', { name: 'Variable value' }).nth(1).getAttribute('type')).toBe('password');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await page.getByRole('combobox', { name: 'Environment' }).locator('option:checked').textContent()).toBe(
      'Local',
    );

    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echo.target).toBe('/echo/env?x=s3cr%E2%82%ACt');
    expect(echoHeader(echo, 'Host')).toEqual([host]);
    await page.context().close();
  });

  it('flags a header the browser forbids in direct mode, never claims it was sent, and sends it through the proxy', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await page.getByRole('radiogroup', { name: 'Send via' }).getByRole('radio', { name: 'Direct' }).click();
    await setUrl(page, `${h.server.url}/echo/cookie`);
    await openRequestTab(page, 'Headers');
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByRole('textbox', { name: 'Header name' }).nth(2).fill('Cookie');
    await page.getByRole('textbox', { name: 'Header value' }).nth(2).fill('session=abc');
    const table = page.getByRole('table', { name: 'Headers' });
    expect(await table.textContent()).toContain('Use the proxy to send it.');

    expect(await send(page)).toBe('200 OK');
    expect(echoHeader(await readEcho(page), 'Cookie')).toEqual([]);
    await page.getByRole('tablist', { name: 'Response views' }).getByRole('tab', { name: 'Raw request' }).click();
    expect(await page.getByRole('region', { name: 'Raw request' }).textContent()).not.toContain('Cookie:');

    await page.getByRole('button', { name: 'Use the proxy' }).click();
    expect(await page.getByRole('radio', { name: 'Proxy' }).getAttribute('aria-checked')).toBe('true');
    expect(await send(page)).toBe('200 OK');
    expect(echoHeader(await readEcho(page), 'Cookie')).toEqual(['session=abc']);
    await page.context().close();
  });

  it('substitutes a path variable, encoded as one segment', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/users/:id/posts`);
    await openRequestTab(page, 'Query');
    await page.getByRole('textbox', { name: 'Path variable id' }).fill('a/b c');
    expect(await send(page)).toBe('200 OK');
    expect((await readEcho(page)).target).toBe('/echo/users/a%2Fb%20c/posts');
    await page.context().close();
  });

  it('beautifies the JSON body losslessly and sends the beautified text', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await openRequestTab(page, 'Body');
    await page.getByRole('button', { name: 'Beautify' }).click();
    expect(await send(page)).toBe('200 OK');
    expect(echoBodyBytes(await readEcho(page)).toString('utf8')).toBe(
      '{\n  "employee": {\n    "name": "Emma",\n    "age": 28,\n    "city": "Boston"\n  }\n}',
    );
    await page.getByRole('button', { name: 'Minify' }).click();
    expect(await send(page)).toBe('200 OK');
    expect(echoBodyBytes(await readEcho(page)).toString('utf8')).toBe(
      '{"employee":{"name":"Emma","age":28,"city":"Boston"}}',
    );
    await page.context().close();
  });

  it('flags an invalid header name and a value outside Latin-1 on their rows, blocks Send, and keeps the input', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await openRequestTab(page, 'Headers');
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByRole('textbox', { name: 'Header name' }).nth(2).fill('X Bad');
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByRole('textbox', { name: 'Header name' }).nth(3).fill('X-Emoji');
    await page.getByRole('textbox', { name: 'Header value' }).nth(3).fill('Zoë 😀');
    const table = page.getByRole('table', { name: 'Headers' });
    expect(await table.textContent()).toContain('The header name "X Bad" contains space');
    expect(await table.textContent()).toContain('The value of header "X-Emoji" contains');
    expect(await table.textContent()).toContain('outside Latin-1');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Not sent' });
    await alert.waitFor();
    expect(await alert.locator('li').count()).toBe(2);
    expect(await page.getByRole('textbox', { name: 'Header value' }).nth(3).inputValue()).toBe('Zoë 😀');
    expect(await page.getByRole('status', { name: 'Response status' }).count()).toBe(0);
    await page.context().close();
  });
});
