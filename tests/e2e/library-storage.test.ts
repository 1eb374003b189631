/** Issue 4 end to end: a corrupt stored record is set aside and reported; a full quota loses nothing. */
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import { setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();

describe('stored data problems', () => {
  it('sets a corrupt record aside, reports it, and loads the rest', async () => {
    const { page, context } = await h.openApp();
    await waitForForm(page);
    await page.evaluate(() => {
      localStorage.setItem('parley:v1:collection:c1', JSON.stringify({ v: 1, id: 'c1', name: 'Kept', createdAt: 1 }));
      localStorage.setItem(
        'parley:v1:request:good',
        JSON.stringify({
          v: 1,
          id: 'good',
          name: 'Good one',
          collectionId: 'c1',
          createdAt: 1,
          updatedAt: 1,
          draft: { method: 'GET', url: 'http://127.0.0.1:1/x' },
        }),
      );
      localStorage.setItem('parley:v1:request:bad', '{"v":1,"id":"bad","name":"Bro');
      // A version-0 record (before records carried `v`): migrated, not set aside.
      localStorage.setItem(
        'parley:v1:request:old',
        JSON.stringify({
          id: 'old',
          name: 'From 0.x',
          method: 'DELETE',
          url: 'http://127.0.0.1:1/y?z=1',
          headers: { 'X-A': '1' },
        }),
      );
    });
    await page.reload();
    await waitForForm(page);
    const banner = page.getByRole('alert', { name: 'Stored data set aside' });
    expect(await banner.textContent()).toContain(
      'parley:v1:request:bad — not valid JSON; kept under parley:recovery:parley:v1:request:bad',
    );
    const library = page.getByRole('complementary', { name: 'Library' });
    await library.getByRole('button', { name: 'Open Good one' }).waitFor();
    await library.getByRole('button', { name: 'Open From 0.x' }).click();
    expect(await page.getByRole('textbox', { name: 'URL' }).inputValue()).toBe('http://127.0.0.1:1/y?z=1');
    expect(await page.evaluate(() => localStorage.getItem('parley:recovery:parley:v1:request:bad'))).toBe(
      '{"v":1,"id":"bad","name":"Bro',
    );
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    expect(await banner.count()).toBe(0);
    await page.reload();
    await waitForForm(page);
    expect(await page.getByRole('alert', { name: 'Stored data set aside' }).count()).toBe(0);
    await context.close();
  });

  it('a full quota shows a clear message, keeps the saved data and the request in the editor', async () => {
    const { page, context } = await h.openApp();
    await waitForForm(page);
    await setUrl(page, `${h.server.url}/echo/kept`);
    const save = page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Save', exact: true });
    await save.click();
    await page.getByRole('dialog', { name: 'Save request' }).getByRole('button', { name: 'Save request' }).click();
    const before = await page.evaluate(() =>
      Object.entries(localStorage).filter(([k]) => k.startsWith('parley:v1:request:')),
    );
    expect(before).toHaveLength(1);

    // Fill the origin's real quota with filler until the browser refuses.
    const filled = await page.evaluate(() => {
      let i = 0;
      let size = 1 << 20;
      for (;;) {
        try {
          localStorage.setItem(`filler:${i++}`, 'x'.repeat(size));
        } catch (e) {
          if (size <= 16) return (e as DOMException).name;
          size >>= 1;
        }
      }
    });
    expect(filled).toBe('QuotaExceededError');

    await page.getByRole('complementary', { name: 'Library' }).getByRole('button', { name: 'New request' }).click();
    await setUrl(page, `${h.server.url}/echo/unsaved-${'z'.repeat(200)}`);
    await save.click();
    const dialog = page.getByRole('dialog', { name: 'Save request' });
    await dialog.getByRole('button', { name: 'Save request' }).click();
    expect(await dialog.textContent()).toContain('Browser storage is full, so this was not saved.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('textbox', { name: 'URL' }).inputValue()).toBe(
      `${h.server.url}/echo/unsaved-${'z'.repeat(200)}`,
    );
    const after = await page.evaluate(() =>
      Object.entries(localStorage).filter(([k]) => k.startsWith('parley:v1:request:')),
    );
    expect(after).toEqual(before);
    expect(await page.getByRole('alert', { name: 'Library message' }).textContent()).toContain(
      'Browser storage is full',
    );

    await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('filler:'))
        .forEach((k) => localStorage.removeItem(k)),
    );
    await context.close();
  });
});
