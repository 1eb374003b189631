/** Issue 4 end to end: share links carry the request (not its secrets), open in a fresh browser, never send by themselves. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import { blankDraft, SAMPLE_JSON_BODY, SAMPLE_TOKEN } from '../../src/core/model/defaults.ts';
import { encodeShare } from '../../src/core/share/codec.ts';
import {
  echoBodyBytes,
  echoHeader,
  openRequestTab,
  readEcho,
  send,
  setMethod,
  setUrl,
  storedTabsContain,
  waitForForm,
} from './request-helpers.ts';

const h = useHarness();

async function shareLink(page: Page, includeSecrets = false): Promise<{ link: string; omitted: string[] }> {
  await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share request' });
  if (includeSecrets) await dialog.getByRole('checkbox', { name: 'Include secrets' }).check();
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  const omitted = await dialog
    .getByRole('list', { name: 'Left out of the link' })
    .getByRole('listitem')
    .allTextContents()
    .catch(() => []);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { link, omitted: includeSecrets ? [] : omitted };
}

describe('share links', () => {
  it('the example request → link without the token → fresh browser → same request, not sent → fill in → Send', async () => {
    const { page, context } = await h.openApp();
    await waitForForm(page);
    const { link, omitted } = await shareLink(page);
    expect(link.startsWith(`${h.server.url}/#r=1.`)).toBe(true);
    expect(omitted).toEqual(['Auth: Token']);
    expect(link).not.toContain(SAMPLE_TOKEN);
    console.log(
      `share link for the example request: ${link.length} characters (fragment ${link.length - h.server.url.length - 2})`,
    );
    // Change it so the receiver's own example request cannot pass for the shared one.
    await setMethod(page, 'PUT');
    await setUrl(page, `${h.server.url}/echo/shared?q=Zo%C3%AB`);
    const changed = await shareLink(page);
    expect(changed.omitted).toEqual(['Auth: Token']);
    await context.close();

    const fresh = await h.newContext();
    const other = await fresh.context.newPage();
    let sent = 0;
    other.on('request', (r) => {
      if (r.url().includes('/api/proxy') || r.url().includes('/echo/')) sent++;
    });
    await other.goto(changed.link);
    await waitForForm(other);
    const notice = other.getByRole('status', { name: 'Shared request' });
    expect(await notice.textContent()).toContain('fill in and enable before sending: Auth: Token');
    expect(await other.getByRole('textbox', { name: 'URL' }).inputValue()).toBe(
      `${h.server.url}/echo/shared?q=Zo%C3%AB`,
    );
    expect(await other.getByRole('combobox', { name: 'Method' }).inputValue()).toBe('PUT');
    expect(await other.evaluate(() => location.hash)).toBe('');
    expect(await other.getByRole('img', { name: 'Unsaved changes' }).count()).toBe(1);
    await openRequestTab(other, 'Auth');
    const token = other.getByRole('textbox', { name: 'Token' });
    expect(await token.inputValue()).toBe('');
    expect(sent).toBe(0);
    expect(await other.getByRole('status', { name: 'Response status' }).count()).toBe(0);

    await token.fill('filled-in');
    expect(await send(other)).toBe('200 OK');
    const echo = await readEcho(other);
    expect([echo.method, echo.target]).toEqual(['PUT', '/echo/shared?q=Zo%C3%AB']);
    expect(echoHeader(echo, 'Authorization')).toEqual(['Bearer filled-in']);
    expect(echoHeader(echo, 'Accept')).toEqual(['application/json']);
    expect(echoBodyBytes(echo).toString('latin1')).toBe(SAMPLE_JSON_BODY);

    // A reload does not import the link again over the edits.
    await storedTabsContain(other, 'filled-in');
    await other.reload();
    await waitForForm(other);
    await openRequestTab(other, 'Auth');
    expect(await other.getByRole('textbox', { name: 'Token' }).inputValue()).toBe('filled-in');
    expect(fresh.blocked).toEqual([]);
    await fresh.context.close();
  });

  it('Ctrl+U opens the dialog; Include secrets keeps the token and the api_key query value', async () => {
    const { page, context } = await h.openApp();
    await waitForForm(page);
    await setUrl(page, `${h.server.url}/echo/share?a=1&api_key=K`);
    await page.getByRole('textbox', { name: 'URL' }).click();
    await page.keyboard.press('Control+u');
    const dialog = page.getByRole('dialog', { name: 'Share request' });
    await dialog.waitFor();
    expect(
      await dialog.getByRole('list', { name: 'Left out of the link' }).getByRole('listitem').allTextContents(),
    ).toEqual(['Auth: Token', 'Query parameter: api_key']);
    await dialog.getByRole('checkbox', { name: 'Include secrets' }).check();
    await dialog.getByText(/Anyone who gets this link can read/).waitFor();
    const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
    await context.close();

    const fresh = await h.newContext();
    const other = await fresh.context.newPage();
    await other.goto(link);
    await waitForForm(other);
    await other.getByRole('status', { name: 'Shared request' }).waitFor();
    expect(await other.getByRole('textbox', { name: 'URL' }).inputValue()).toBe(
      `${h.server.url}/echo/share?a=1&api_key=K`,
    );
    await openRequestTab(other, 'Auth');
    expect(await other.getByRole('textbox', { name: 'Token' }).inputValue()).toBe(SAMPLE_TOKEN);
    await fresh.context.close();
  });

  it('left-out header and query rows arrive disabled: Send carries no empty Cookie, Proxy-Authorization or ?access_token=&sig=', async () => {
    const row = (id: string, name: string, value: string) => ({ id, name, value, enabled: true });
    const { fragment, omitted } = encodeShare({
      ...blankDraft(),
      url: `${h.server.url}/echo/secrets`,
      query: [row('q1', 'page', '2'), row('q2', 'access_token', 'AT'), row('q3', 'sig', 'S')],
      headers: [
        row('h1', 'Cookie', 'sid=1'),
        row('h2', 'Proxy-Authorization', 'Basic eDp5'),
        row('h3', 'X-Kept', 'yes'),
      ],
    });
    expect(omitted.map((o) => o.name)).toEqual(['access_token', 'sig', 'Cookie', 'Proxy-Authorization']);
    const fresh = await h.newContext();
    const other = await fresh.context.newPage();
    await other.goto(`${h.server.url}/#${fragment}`);
    await waitForForm(other);
    expect(await other.getByRole('status', { name: 'Shared request' }).textContent()).toContain(
      'fill in and enable before sending: Query parameter: access_token, Query parameter: sig, Header: Cookie, Header: Proxy-Authorization',
    );
    expect(await send(other)).toBe('200 OK');
    const echo = await readEcho(other);
    expect(echo.target).toBe('/echo/secrets?page=2');
    expect(echoHeader(echo, 'Cookie')).toEqual([]);
    expect(echoHeader(echo, 'Proxy-Authorization')).toEqual([]);
    expect(echoHeader(echo, 'X-Kept')).toEqual(['yes']);
    expect(fresh.blocked).toEqual([]);
    await fresh.context.close();
  });

  it('the Copy link button keeps its label on one line, at desktop and phone widths', async () => {
    const { page, context } = await h.openApp();
    await waitForForm(page);
    for (const width of [1280, 420]) {
      await page.setViewportSize({ width, height: 800 });
      // Below 768 px the actions are in the toolbar's More menu (docs/layout-and-theme.md).
      if (width < 768) await page.getByRole('button', { name: 'More' }).click();
      await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Share', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Share request' });
      // One line box for the label (a wrapped label has two).
      const lines = await dialog.getByRole('button', { name: 'Copy link' }).evaluate((b) => {
        const range = document.createRange();
        range.selectNodeContents(b);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines).toBe(1);
      await h.screenshot(page, `share-dialog-${width}`);
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    await context.close();
  });

  it('a damaged link shows a clear message and changes nothing', async () => {
    const { page, context } = await h.openApp();
    await waitForForm(page);
    const before = await page.getByRole('textbox', { name: 'URL' }).inputValue();
    await page.goto(`${h.server.url}/#r=1.q1YqU7IyNDLTUcpLzE0FMjM`);
    await waitForForm(page);
    const alert = page.getByRole('alert', { name: 'Share link' });
    expect(await alert.textContent()).toContain('This share link is cut off');
    expect(await page.getByRole('textbox', { name: 'URL' }).inputValue()).toBe(before);
    await page.goto(`${h.server.url}/#r=9.abc`);
    await waitForForm(page);
    expect(await page.getByRole('alert', { name: 'Share link' }).textContent()).toContain('format version 9');
    expect(await page.getByRole('textbox', { name: 'URL' }).inputValue()).toBe(before);
    await context.close();
  });
});

describe('long share links', () => {
  it('warns above 8,000 characters', async () => {
    const { page, context } = await h.openApp();
    await waitForForm(page);
    // Random-looking text does not compress, so the link grows with it.
    let seed = 7;
    const noise = Array.from({ length: 11000 }, () => ((seed = (seed * 48271) % 2147483647) % 36).toString(36)).join(
      '',
    );
    await setUrl(page, `${h.server.url}/echo/${noise}`);
    await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share request' });
    const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link.length).toBeGreaterThan(8000);
    expect(await dialog.textContent()).toContain(
      `This link is ${link.length.toLocaleString('en')} characters long. Some chat tools`,
    );
    await context.close();
  });
});
