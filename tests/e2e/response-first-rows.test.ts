/**
 * Issue 12 point 5: the first rows of a response show while its content is still arriving
 * (and while the worker prepares the full view), not only once everything is formatted.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import { setBodyType, setMethod, setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();

describe('first rows of a response', () => {
  it('shows the first rows of the content received so far, before the rest arrives', async () => {
    // The second half of this document comes 30 s after the first (x-parley-unknown: bytes as sent).
    const url = `${h.server.url}/echo/encoded/unknown?pause=30000`;
    const whole = new Uint8Array(await (await fetch(`${h.server.url}/echo/encoded/unknown`)).arrayBuffer());
    const firstHalf = new TextDecoder().decode(whole.subarray(0, Math.floor(whole.length / 2)));
    const expectedFirstLine = firstHalf.split(/\r\n|\n|\r/)[0]!.slice(0, 2000);
    expect(expectedFirstLine.length).toBeGreaterThan(0);

    const { page, context } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, url);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const response = page.getByRole('region', { name: 'Response' });
    const rows = response.getByRole('region', { name: 'First rows' });
    await expect.poll(() => rows.locator('[data-row="0"]').textContent(), { timeout: 20_000 }).toBe(expectedFirstLine);
    // Still receiving: the button reads Cancel, and the full view is not there yet.
    expect(await page.getByRole('button', { name: 'Cancel', exact: true }).count()).toBe(1);
    expect(await response.getByRole('region', { name: 'Body text' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await rows.waitFor({ state: 'detached' });
    await context.close();
  });
});
