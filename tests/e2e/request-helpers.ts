/** Shared steps for the request/response e2e tests (drive the UI by role and accessible name). */
import type { Page } from 'playwright-core';
import type { EchoReply } from '../../src/core/wire/echo.ts';

/**
 * Waits until the form is usable (the URL field shows the pre-filled example) and the library
 * has started (it may load just after the form on a first visit: docs/performance.md).
 */
export async function waitForForm(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'URL' }).waitFor();
  await page.locator('html[data-library="ready"]').waitFor({ state: 'attached' });
}

export async function setUrl(page: Page, url: string): Promise<void> {
  await page.getByRole('textbox', { name: 'URL' }).fill(url);
}

export async function setMethod(page: Page, method: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Method' });
  await box.fill(method);
  await box.press('Tab');
}

export async function openRequestTab(
  page: Page,
  name: 'Query' | 'Headers' | 'Auth' | 'Body' | 'Scripts' | 'Assertions' | 'Settings',
): Promise<void> {
  await page.getByRole('tablist', { name: 'Request' }).getByRole('tab', { name }).click();
}

export async function openResponseTab(page: Page, name: 'Body' | 'Headers' | 'Raw request'): Promise<void> {
  await page.getByRole('tablist', { name: 'Response views' }).getByRole('tab', { name }).click();
}

export async function setBodyType(page: Page, label: string): Promise<void> {
  await openRequestTab(page, 'Body');
  await page.getByRole('combobox', { name: 'Body type' }).selectOption({ label });
}

/**
 * Clicks Send and waits for the whole response (the button reads Send again); returns the
 * text of its status (e.g. `200 OK`), which shows as soon as the head arrives.
 */
export async function send(page: Page): Promise<string> {
  const status = page.getByRole('region', { name: 'Response' }).getByRole('status', { name: 'Response status' });
  // The status element is re-created for every send: wait for the previous one to go.
  const previous = (await status.count()) > 0 ? await status.elementHandle() : null;
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  if (previous) await previous.waitForElementState('hidden');
  await status.waitFor();
  await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
  return (await status.textContent()) ?? '';
}

/** Opens a fresh form, sends `GET url` with no body and returns the status text (`200 OK`). */
export async function sendGet(page: Page, url: string): Promise<string> {
  await waitForForm(page);
  await setMethod(page, 'GET');
  await setBodyType(page, 'None');
  await setUrl(page, url);
  return send(page);
}

/** The region that shows the response content. */
export const bodyRegion = (page: Page) => page.getByRole('region', { name: 'Response body' });

/** The echo server's reply, read from the Raw view of the response body. */
export async function readEcho(page: Page): Promise<EchoReply> {
  await openResponseTab(page, 'Body');
  await page.getByRole('tablist', { name: 'Body view' }).getByRole('tab', { name: 'Raw' }).click();
  const region = page.getByRole('region', { name: 'Response body' });
  // The body viewer may prepare its view asynchronously (worker); wait until the raw JSON is there.
  await region.filter({ hasText: /^\{/ }).waitFor();
  return JSON.parse((await region.textContent()) ?? '') as EchoReply;
}

/** Text of the Response body region once the viewer has rendered content that matches `pattern`. */
export async function responseBodyText(page: Page, pattern: RegExp): Promise<string> {
  const region = page.getByRole('region', { name: 'Response body' });
  await region.filter({ hasText: pattern }).waitFor();
  return (await region.textContent()) ?? '';
}

/** The exact octets the echo server received as content. */
export function echoBodyBytes(echo: EchoReply): Buffer {
  return Buffer.from(echo.body.base64, 'base64');
}

/** Header values of `name` (case-insensitive) as received by the echo, in order. */
export function echoHeader(echo: EchoReply, name: string): string[] {
  return echo.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
}

/** Waits until this browser tab's stored request tabs hold `text` (the debounced write happened). */
export async function storedTabsContain(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) => localStorage.getItem(`parley:v1:tabs:${sessionStorage.getItem('parley:v1:session')}`)?.includes(t) === true,
    text,
  );
}

/** The usual preamble: waits for the form, then sets method GET, body None and `url` (nothing is sent). */
export async function openGet(page: Page, url: string): Promise<void> {
  await waitForForm(page);
  await setMethod(page, 'GET');
  await setBodyType(page, 'None');
  await setUrl(page, url);
}
