/**
 * Issue 16 point 1 in the browser against the echo OAuth 2.0 server: client credentials, and
 * authorization code with PKCE S256 through a popup that lands on Parley's /oauth/callback;
 * then the protected resource answers 200 with the token sent as `Authorization: Bearer …`.
 */
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, useHarness } from './harness.ts';
import { openRequestTab, send, setBodyType, setMethod, setUrl, waitForForm } from './request-helpers.ts';
import type { Page } from 'playwright-core';

const h = useHarness();

async function configure(page: Page, grant: string, clientId: string, secret: string) {
  await waitForForm(page);
  await setMethod(page, 'GET');
  await setBodyType(page, 'None');
  await setUrl(page, `${h.server.url}/echo/oauth/resource`);
  await openRequestTab(page, 'Auth');
  await page.getByRole('combobox', { name: 'Auth type' }).selectOption({ label: 'OAuth 2.0' });
  await page.getByLabel('Grant type', { exact: true }).selectOption({ label: grant });
  if (grant === 'Authorization code')
    await page.getByLabel('Authorization URL', { exact: true }).fill(`${h.server.url}/echo/oauth/authorize`);
  await page.getByLabel('Token URL', { exact: true }).fill(`${h.server.url}/echo/oauth/token`);
  await page.getByLabel('Client ID', { exact: true }).fill(clientId);
  if (secret) await page.getByLabel('Client secret', { exact: true }).fill(secret);
  await page.getByLabel('Scope', { exact: true }).fill('read');
}

async function resourceAnswer(page: Page) {
  expect(await send(page)).toBe('200 OK');
  const text = (await page.getByRole('region', { name: 'Response body' }).textContent()) ?? '';
  return text;
}

describe('OAuth 2.0', () => {
  it('client credentials: Get new token, then the protected resource returns 200', async () => {
    const { page, blocked } = await h.openApp();
    await configure(page, 'Client credentials', 'parley-client', 'parley-secret');
    const panel = page.getByRole('region', { name: 'OAuth 2.0 token' });
    await panel.getByText('No token yet for this configuration in this environment.').waitFor();
    await panel.getByRole('button', { name: 'Get new token' }).click();
    await panel.getByLabel('Access token', { exact: true }).waitFor();
    const token = await panel.getByLabel('Access token', { exact: true }).inputValue();
    expect(token.split('.')).toHaveLength(3);
    expect((await panel.textContent()) ?? '').toContain(
      'Last token request: POST ' + `${h.server.url}/echo/oauth/token (grant_type=client_credentials) via proxy → 200`,
    );
    const body = await resourceAnswer(page);
    expect(body).toContain('"sub": "parley-client"');
    expect(body).toContain('"scope": "read"');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/oauth2-client-credentials.png` });
    expect(blocked).toEqual([]);
    await page.context().close();
  });

  it('authorization code + PKCE: popup to the authorize URL, back through /oauth/callback, token, 200', async () => {
    const { page, blocked } = await h.openApp();
    await configure(page, 'Authorization code', 'parley-public', '');
    const panel = page.getByRole('region', { name: 'OAuth 2.0 token' });
    expect((await panel.textContent()) ?? '').toContain(`${h.server.url}/oauth/callback`);
    const popupOpened = page.waitForEvent('popup');
    await panel.getByRole('button', { name: 'Get new token' }).click();
    const popup = await popupOpened;
    await popup.waitForEvent('close', { timeout: 15_000 }).catch(() => undefined);
    await panel.getByLabel('Access token', { exact: true }).waitFor();
    expect((await panel.textContent()) ?? '').toContain('(grant_type=authorization_code) via proxy → 200');
    const body = await resourceAnswer(page);
    expect(body).toContain('"sub": "alice"');
    expect(body).toContain('"client_id": "parley-public"');
    expect(blocked).toEqual([]);
    await page.context().close();
  });
});
