/** Issue 13 point 3 end to end: the last response of a tab, saved request and history entry survives a reload. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import { send, sendGet, setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Library' });
const responseRegion = (page: Page) => page.getByRole('region', { name: 'Response' });
const status = (page: Page) => responseRegion(page).getByRole('status', { name: 'Response status' });
const keptNote = (page: Page) => responseRegion(page).getByRole('note', { name: 'Kept response' });
const tabList = (page: Page) => page.getByRole('tablist', { name: 'Open tabs' });

/** Waits until IndexedDB holds a kept response whose target URI ends with `path`. */
async function keptInDb(page: Page, path: string): Promise<void> {
  await page.waitForFunction(
    (p) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('parley-responses');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('responses')) return resolve(false);
          const all = db.transaction('responses').objectStore('responses').getAll();
          all.onsuccess = () => resolve((all.result as { url: string }[]).some((r) => r.url.endsWith(p)));
          all.onerror = () => resolve(false);
        };
        open.onerror = () => resolve(false);
      }),
    path,
  );
}

describe('responses kept', () => {
  it('after a reload the tab shows its last response, marked with when; a saved request and a history entry too', async () => {
    const { page, context, blocked } = await h.openApp();
    expect(await sendGet(page, `${h.server.url}/echo/kept-1`)).toBe('200 OK');
    expect(await keptNote(page).count()).toBe(0);
    await keptInDb(page, '/echo/kept-1');
    await page.reload();
    await waitForForm(page);
    await keptNote(page).waitFor();
    expect(await keptNote(page).textContent()).toMatch(/^Last response, from \d/);
    expect(await status(page).textContent()).toBe('200 OK');
    expect(await page.getByRole('region', { name: 'Response body' }).textContent()).toContain('/echo/kept-1');

    // Save it, close its tab, open it again from the sidebar: its last response is there.
    await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Save request' });
    await dialog.getByRole('textbox', { name: 'Request name' }).fill('Kept');
    await dialog.getByRole('button', { name: 'Save request' }).click();
    expect(await sendGet(page, `${h.server.url}/echo/kept-2`)).toBe('200 OK');
    await page.keyboard.press('Control+s');
    await keptInDb(page, '/echo/kept-2');
    await page.locator('button[aria-label="Close Kept"]').click();
    expect(await status(page).count()).toBe(0);
    await sidebar(page).getByRole('button', { name: 'Open Kept', exact: true }).click();
    await keptNote(page).waitFor();
    expect(await status(page).textContent()).toBe('200 OK');
    expect(await page.getByRole('region', { name: 'Response body' }).textContent()).toContain('/echo/kept-2');

    // A history entry reopens with the response it got.
    await sidebar(page).getByRole('tab', { name: 'History' }).click();
    await sidebar(page)
      .getByRole('button', { name: `Reopen GET ${h.server.url}/echo/kept-1` })
      .click();
    await keptNote(page).waitFor();
    expect(await page.getByRole('region', { name: 'Response body' }).textContent()).toContain('/echo/kept-1');
    expect(await tabList(page).getByRole('tab').count()).toBe(2);
    expect(blocked).toEqual([]);
    await context.close();
  });

  it('a body over the size limit is not kept, and says so', async () => {
    const { page, context } = await h.openApp();
    await waitForForm(page);
    await sidebar(page).getByRole('tab', { name: 'History' }).click();
    await sidebar(page).getByRole('spinbutton', { name: 'Keep response bodies up to' }).fill('1');
    expect(await sendGet(page, `${h.server.url}/echo/bytes/2097152`)).toBe('200 OK');
    await keptInDb(page, '/echo/bytes/2097152');
    await setUrl(page, `${h.server.url}/echo/bytes/2097152`);
    await page.reload();
    await waitForForm(page);
    await keptNote(page).waitFor();
    expect(await keptNote(page).textContent()).toMatch(
      /^Last response, from .+ — body not kept \(2 MB > 1 MB limit\)$/,
    );
    expect(await status(page).textContent()).toBe('200 OK');
    await context.close();
  });

  it('Compare with previous response lists the JSON paths that changed', async () => {
    const { page, context } = await h.openApp();
    expect(await sendGet(page, `${h.server.url}/echo/cmp?n=1`)).toBe('200 OK');
    await keptInDb(page, '/echo/cmp?n=1');
    await setUrl(page, `${h.server.url}/echo/cmp?n=2`);
    expect(await send(page)).toBe('200 OK');
    await keptInDb(page, '/echo/cmp?n=2');
    await responseRegion(page).getByRole('button', { name: 'Compare with previous' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare with previous response' });
    const list = dialog.getByRole('list', { name: 'Changes' });
    await list.waitFor(); // the dialog opens once the previous response is read from IndexedDB
    const changes = await list.getByRole('listitem').allTextContents();
    expect(changes).toContain(`changed $['target']: "/echo/cmp?n=1" → "/echo/cmp?n=2"`);
    expect(changes.every((c) => /^(changed|added|removed) \$\[/.test(c))).toBe(true);
    await h.screenshot(page, 'compare-responses');
    await context.close();
  });
});
