/** Issue 16 point 5 in the browser: the cookie jar through the proxy, its AUTO row, the manager, the switch. */
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import { echoHeader, openRequestTab, readEcho, send, sendGet, setUrl } from './request-helpers.ts';

const h = useHarness();

describe('cookie jar', () => {
  it('stores Set-Cookie, sends it back as an AUTO Cookie row, and the manager edits and deletes', async () => {
    const { page, blocked } = await h.openApp();
    expect(await sendGet(page, `${h.server.url}/echo/cookies?sid=abc&theme=dark`)).toBe('200 OK');

    await setUrl(page, `${h.server.url}/echo/cookies/check?sid=abc&theme=dark`);
    await openRequestTab(page, 'Headers');
    const headers = page.getByRole('table', { name: 'Headers' });
    await headers.getByText('sid=abc; theme=dark').waitFor();
    expect(await send(page)).toBe('200 OK');
    expect(echoHeader(await readEcho(page), 'Cookie')).toEqual(['sid=abc; theme=dark']);

    await page.getByRole('button', { name: 'Cookies', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Cookies' });
    const value = dialog.getByRole('textbox', { name: 'Value of cookie sid' });
    expect(await value.inputValue()).toBe('abc');
    await value.fill('edited');
    await value.press('Enter');
    await dialog.getByRole('button', { name: 'Delete cookie theme' }).click();
    await dialog.getByRole('button', { name: 'Delete cookie theme' }).waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Close' }).click();

    await setUrl(page, `${h.server.url}/echo/cookies/check?sid=edited`);
    expect(await send(page)).toBe('200 OK');
    expect(echoHeader(await readEcho(page), 'Cookie')).toEqual(['sid=edited']);

    // Per request (its Settings tab): Send cookies off → no Cookie field.
    await openRequestTab(page, 'Settings');
    await page.getByRole('checkbox', { name: 'Send cookies' }).uncheck();
    expect(await send(page)).toBe('400 Bad Request');

    // After a reload the jar is still there (localStorage) and the first Send carries it.
    await page.reload();
    await page.getByRole('textbox', { name: 'URL' }).waitFor();
    await setUrl(page, `${h.server.url}/echo/cookies/check?sid=edited`);
    await openRequestTab(page, 'Settings');
    await page.getByRole('checkbox', { name: 'Send cookies' }).check();
    expect(await send(page)).toBe('200 OK');
    expect(blocked).toEqual([]);
    await page.context().close();
  });
});
