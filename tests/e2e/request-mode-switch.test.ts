/**
 * QA defects 1–3 in the real app: switching Body type fixes the example's Content-Type row,
 * switching Auth type keeps the token, and a query row typed in the table keeps its text
 * after an unrelated URL edit. Sent through the proxy to the echo server.
 */
import { describe, expect, it } from 'vitest';
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

describe('switching body mode and auth type (QA defects 1–3)', () => {
  it('the example request switched to Multipart form sends multipart/form-data with its boundary', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setUrl(page, `${h.server.url}/echo/upload`);
    await setBodyType(page, 'Multipart form');
    await page.getByRole('textbox', { name: 'Part name' }).first().fill('note');
    await page.getByRole('textbox', { name: 'Part value' }).first().fill('Zoë');
    await openRequestTab(page, 'Headers');
    expect(await page.getByRole('textbox', { name: 'Header value' }).nth(1).inputValue()).toBe('multipart/form-data');

    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    const [contentType] = echoHeader(echo, 'Content-Type');
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(contentType ?? '')?.[1];
    expect(boundary).toBeDefined();
    expect(echoBodyBytes(echo).toString('utf8')).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nZoë\r\n--${boundary}--\r\n`,
    );
    await page.context().close();
  });

  it('the example request switched to Form URL-encoded sends application/x-www-form-urlencoded', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setUrl(page, `${h.server.url}/echo/form`);
    await setBodyType(page, 'Form URL-encoded');
    await page.getByRole('textbox', { name: 'Field name' }).first().fill('q');
    await page.getByRole('textbox', { name: 'Field value' }).first().fill('a b');
    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echoHeader(echo, 'Content-Type')).toEqual(['application/x-www-form-urlencoded']);
    expect(echoBodyBytes(echo).toString('latin1')).toBe('q=a+b');
    await page.context().close();
  });

  it('Bearer → No auth → Bearer keeps the token; Basic keeps the username', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await openRequestTab(page, 'Auth');
    const picker = page.getByRole('combobox', { name: 'Auth type' });
    const token = await page.getByRole('textbox', { name: 'Token' }).inputValue();
    expect(token).toBe('mF_9.B5f-4.1JqM');
    await picker.selectOption({ label: 'No auth' });
    await picker.selectOption({ label: 'Bearer token' });
    expect(await page.getByRole('textbox', { name: 'Token' }).inputValue()).toBe(token);
    await picker.selectOption({ label: 'Basic auth' });
    await page.getByRole('textbox', { name: 'Username' }).fill('user');
    await picker.selectOption({ label: 'API key' });
    await picker.selectOption({ label: 'Basic auth' });
    expect(await page.getByRole('textbox', { name: 'Username' }).inputValue()).toBe('user');
    await page.context().close();
  });

  it('a query row typed as tag=test#abc keeps its text after typing &z=1 in the URL', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/q`);
    await openRequestTab(page, 'Query');
    await page.getByRole('button', { name: 'Add parameter' }).click();
    const names = page.getByRole('textbox', { name: 'Parameter name' });
    const values = page.getByRole('textbox', { name: 'Parameter value' });
    await names.first().fill('tag');
    await values.first().fill('test#abc');
    const url = page.getByRole('textbox', { name: 'URL' });
    expect(await url.inputValue()).toBe(`${h.server.url}/echo/q?tag=test%23abc`);
    await url.press('End');
    await url.pressSequentially('&z=1');
    expect(await url.inputValue()).toBe(`${h.server.url}/echo/q?tag=test%23abc&z=1`);
    expect(await values.first().inputValue()).toBe('test#abc');
    expect(await names.nth(1).inputValue()).toBe('z');
    expect(await send(page)).toBe('200 OK');
    expect((await readEcho(page)).target).toBe('/echo/q?tag=test%23abc&z=1');
    await page.context().close();
  });
});
