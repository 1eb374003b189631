/** Issue 13: leaving a request tab does not cancel its send; the response lands in its own tab, never another's. */
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import { openGet, readEcho, send, setUrl } from './request-helpers.ts';

const h = useHarness();

describe('a send in a tab left', () => {
  it('goes on, and its response shows in its own tab only', async () => {
    const { page, blocked } = await h.openApp();
    await openGet(page, `${h.server.url}/echo/delay/1500`);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('button', { name: 'Cancel', exact: true }).first().waitFor();
    await page.keyboard.press('Alt+T');
    // The new tab shows no response and its own Send.
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
    await setUrl(page, `${h.server.url}/echo/second`);
    expect(await send(page)).toBe('200 OK');
    await page.waitForTimeout(1700);
    expect((await readEcho(page)).target).toBe('/echo/second');
    await page.getByRole('tablist', { name: 'Open tabs' }).getByRole('tab').first().click();
    expect((await readEcho(page)).target).toBe('/echo/delay/1500');
    await h.screenshot(page, 'workspace-background-send');
    expect(blocked).toEqual([]);
    await page.context().close();
  });
});
