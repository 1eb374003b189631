/** Issue 4 end to end: saved requests survive reloads, two tabs saving at once both keep their work. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import { send, setMethod, setUrl, storedTabsContain, waitForForm } from './request-helpers.ts';

const h = useHarness();

const urlField = (page: Page) => page.getByRole('textbox', { name: 'URL' });
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Library' });

/** Opens the Save dialog and fills it; returns the dialog's confirm button (not clicked). */
async function fillSaveDialog(page: Page, name: string, collection: string | { new: string }) {
  // Background pages get throttled animation frames, which slows Playwright's actionability checks.
  await page.bringToFront();
  await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save request' });
  await dialog.getByRole('textbox', { name: 'Request name' }).fill(name);
  const picker = dialog.getByRole('combobox', { name: 'Collection' });
  if (typeof collection === 'string') await picker.selectOption({ label: collection });
  else {
    await picker.selectOption({ label: 'New collection…' });
    await dialog.getByRole('textbox', { name: 'New collection name' }).fill(collection.new);
  }
  return dialog.getByRole('button', { name: 'Save request' });
}

async function savedNames(page: Page): Promise<string[]> {
  const items = sidebar(page)
    .getByRole('region', { name: 'Saved requests' })
    .getByRole('button', { name: /^Open / });
  return (await items.allTextContents()).map((t) => t.replace(/^(GET|POST|PUT|PATCH|DELETE)/, ''));
}

describe('saved requests', () => {
  it('save → edit → reload keeps the unsaved edit → reopen keeps the edit → Ctrl+S saves it', async () => {
    const { page, context } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'PUT');
    await setUrl(page, `${h.server.url}/echo/items?x=1`);
    await (await fillSaveDialog(page, 'Alpha', { new: 'Team' })).click();
    await sidebar(page).getByRole('button', { name: 'Open Alpha' }).waitFor();
    const current = page.getByRole('status', { name: 'Current request' });
    expect(await current.textContent()).toBe('Alpha');

    // An unsaved edit is marked, and survives a reload.
    await setUrl(page, `${h.server.url}/echo/changed`);
    await current.getByRole('img', { name: 'Unsaved changes' }).waitFor();
    await storedTabsContain(page, '/echo/changed');
    await page.reload();
    await waitForForm(page);
    expect(await urlField(page).inputValue()).toBe(`${h.server.url}/echo/changed`);
    expect(await current.textContent()).toBe('Alpha');
    await current.getByRole('img', { name: 'Unsaved changes' }).waitFor();

    // Reopening the saved request switches to the tab that has it: the edit is kept (issue 13).
    await sidebar(page).getByRole('button', { name: 'Open Alpha' }).click();
    expect(await page.getByRole('tablist', { name: 'Open tabs' }).getByRole('tab').count()).toBe(1);
    expect(await urlField(page).inputValue()).toBe(`${h.server.url}/echo/changed`);
    expect(await page.getByRole('combobox', { name: 'Method' }).inputValue()).toBe('PUT');

    // Ctrl+S saves in place (no dialog) and the browser's "save page" does not open.
    await urlField(page).click();
    await page.keyboard.press('Control+s');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await current.getByRole('img', { name: 'Unsaved changes' }).count()).toBe(0);
    await page.reload();
    await waitForForm(page);
    await sidebar(page).getByRole('button', { name: 'Open Alpha' }).click();
    expect(await urlField(page).inputValue()).toBe(`${h.server.url}/echo/changed`);
    const keys = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('parley:v1:'))
        .sort(),
    );
    expect(keys.filter((k) => !k.includes(':history:'))).toEqual([
      expect.stringMatching(/^parley:v1:collection:/),
      'parley:v1:recently-closed',
      expect.stringMatching(/^parley:v1:request:/),
      expect.stringMatching(/^parley:v1:tabs:/),
    ]);
    // The window's tabs went on the recently-closed list as the page went away; the reload took them back.
    expect(await page.evaluate(() => localStorage.getItem('parley:v1:recently-closed'))).toBe('[]');
    await context.close();
  });

  it('renames, duplicates, searches, deletes with undo', async () => {
    const { page, context } = await h.openApp();
    await waitForForm(page);
    await setUrl(page, `${h.server.url}/echo/users`);
    await (await fillSaveDialog(page, 'Users', { new: 'API' })).click();
    await sidebar(page).getByRole('button', { name: 'Actions for Users' }).click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await sidebar(page).getByRole('button', { name: 'Open Users (copy)' }).waitFor();
    await sidebar(page).getByRole('button', { name: 'Actions for Users (copy)' }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    const rename = sidebar(page).getByRole('textbox', { name: 'New name for Users (copy)' });
    await rename.fill('Orders');
    await rename.press('Enter');
    expect(await savedNames(page)).toEqual(['Orders', 'Users']);

    await sidebar(page).getByRole('searchbox', { name: 'Search saved requests' }).fill('ord');
    expect(await savedNames(page)).toEqual(['Orders']);
    await sidebar(page).getByRole('searchbox', { name: 'Search saved requests' }).fill('post echo/users');
    expect(await savedNames(page)).toEqual(['Orders', 'Users']);
    await sidebar(page).getByRole('searchbox', { name: 'Search saved requests' }).fill('');

    await sidebar(page).getByRole('button', { name: 'Actions for Orders' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    expect(await savedNames(page)).toEqual(['Users']);
    await page.getByRole('status', { name: 'Notification' }).getByRole('button', { name: 'Undo' }).click();
    expect(await savedNames(page)).toEqual(['Orders', 'Users']);
    await page.reload();
    await waitForForm(page);
    expect(await savedNames(page)).toEqual(['Orders', 'Users']);
    await context.close();
  });

  it('records every send in history and reopens it', async () => {
    const { page, context } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setUrl(page, `${h.server.url}/echo/history-check?n=1`);
    expect(await send(page)).toBe('200 OK');
    await setUrl(page, `${h.server.url}/echo/other`);
    await sidebar(page).getByRole('tab', { name: 'History' }).click();
    const entry = sidebar(page).getByRole('button', { name: `Reopen GET ${h.server.url}/echo/history-check?n=1` });
    await entry.waitFor();
    expect(await entry.textContent()).toMatch(/^GET.*200\d+ ms\d+(\.\d)? (B|KB)/);
    expect(await sidebar(page).getByRole('spinbutton', { name: 'History size' }).inputValue()).toBe('100');
    await entry.click();
    expect(await urlField(page).inputValue()).toBe(`${h.server.url}/echo/history-check?n=1`);
    // No response content in storage.
    const stored = await page.evaluate(() =>
      Object.entries<string>(localStorage)
        .filter(([k]) => k.includes(':history:'))
        .map(([, v]) => v),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain('"target"');
    await context.close();
  });
});

describe('two tabs', () => {
  it('two tabs saving their first request at the same moment make one "My requests" collection', async () => {
    const { context } = await h.newContext();
    const [a, b] = [await context.newPage(), await context.newPage()];
    await Promise.all([a.goto(h.server.url), b.goto(h.server.url)]);
    await Promise.all([waitForForm(a), waitForForm(b)]);
    await setUrl(a, `${h.server.url}/echo/first-a`);
    await setUrl(b, `${h.server.url}/echo/first-b`);
    for (const [p, name] of [
      [a, 'First A'],
      [b, 'First B'],
    ] as const) {
      await p.bringToFront();
      await p.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Save', exact: true }).click();
      const dialog = p.getByRole('dialog', { name: 'Save request' });
      // With nothing saved yet, the dialog proposes a new collection named "My requests".
      expect(await dialog.getByRole('textbox', { name: 'New collection name' }).inputValue()).toBe('My requests');
      await dialog.getByRole('textbox', { name: 'Request name' }).fill(name);
    }
    const at = Date.now() + 250;
    await Promise.all(
      [a, b].map((p) =>
        p.evaluate(
          (t) =>
            new Promise<void>((done) =>
              setTimeout(() => {
                document.querySelector<HTMLButtonElement>('dialog[open] button[type="submit"]')!.click();
                done();
              }, t - Date.now()),
            ),
          at,
        ),
      ),
    );
    await sidebar(a).getByRole('button', { name: 'Open First B' }).waitFor();
    await sidebar(b).getByRole('button', { name: 'Open First A' }).waitFor();
    const collections = await a.evaluate(() =>
      Object.entries<string>(localStorage)
        .filter(([k]) => k.startsWith('parley:v1:collection:'))
        .map(([k, v]) => [k, (JSON.parse(v) as { name: string }).name]),
    );
    expect(collections).toEqual([['parley:v1:collection:default', 'My requests']]);
    for (const p of [a, b]) {
      expect(
        await sidebar(p)
          .getByRole('treeitem', { name: /^Collection / })
          .count(),
      ).toBe(1);
      expect((await savedNames(p)).sort()).toEqual(['First A', 'First B']);
    }
    await context.close();
  });

  it('saving different requests at the same moment keeps both, and each tab shows the other without reload', async () => {
    const { context } = await h.newContext();
    const [a, b] = [await context.newPage(), await context.newPage()];
    await Promise.all([a.goto(h.server.url), b.goto(h.server.url)]);
    await Promise.all([waitForForm(a), waitForForm(b)]);
    const ROUNDS = 5;
    for (let i = 0; i < ROUNDS; i++) {
      await setUrl(a, `${h.server.url}/echo/from-a/${i}`);
      await setUrl(b, `${h.server.url}/echo/from-b/${i}`);
      const [saveA, saveB] = [
        await fillSaveDialog(a, `A${i}`, i === 0 ? { new: 'Shared' } : 'Shared'),
        await fillSaveDialog(b, `B${i}`, i === 0 ? { new: 'Shared B' } : 'Shared B'),
      ];
      await Promise.all([saveA.waitFor(), saveB.waitFor()]);
      // Both tabs click Save at the same wall-clock instant (same machine clock), not one after the other.
      const at = Date.now() + 250;
      await Promise.all(
        [a, b].map((p) =>
          p.evaluate(
            (t) =>
              new Promise<void>((done) =>
                setTimeout(() => {
                  document.querySelector<HTMLButtonElement>('dialog[open] button[type="submit"]')!.click();
                  done();
                }, t - Date.now()),
              ),
            at,
          ),
        ),
      );
      await Promise.all(
        [a, b].map((p) => p.getByRole('dialog', { name: 'Save request' }).waitFor({ state: 'detached' })),
      );
      // Start the next round from a new, unsaved request in each tab.
      await sidebar(a).getByRole('button', { name: 'New request' }).click();
      await sidebar(b).getByRole('button', { name: 'New request' }).click();
    }
    const expected = [...Array(ROUNDS).keys()].flatMap((i) => [`A${i}`, `B${i}`]).sort();
    expect((await savedNames(a)).sort()).toEqual(expected);
    expect((await savedNames(b)).sort()).toEqual(expected);

    // Live: a save in one tab appears in the other with no reload.
    await setUrl(a, `${h.server.url}/echo/live`);
    await setUrl(b, `${h.server.url}/echo/live-b`);
    const [liveA, liveB] = [await fillSaveDialog(a, 'Live A', 'Shared'), await fillSaveDialog(b, 'Live B', 'Shared B')];
    await Promise.all([liveA.click(), liveB.click()]);
    await sidebar(a).getByRole('button', { name: 'Open Live B' }).waitFor();
    await sidebar(b).getByRole('button', { name: 'Open Live A' }).waitFor();
    const records = await a.evaluate(() =>
      Object.entries<string>(localStorage)
        .filter(([k]) => k.startsWith('parley:v1:request:'))
        .map(([, v]) => JSON.parse(v) as { name: string; createdAt: number; draft: { url: string } }),
    );
    expect(records).toHaveLength(ROUNDS * 2 + 2);
    for (let i = 0; i < ROUNDS; i++) {
      expect(records.find((r) => r.name === `A${i}`)?.draft.url).toBe(`${h.server.url}/echo/from-a/${i}`);
      expect(records.find((r) => r.name === `B${i}`)?.draft.url).toBe(`${h.server.url}/echo/from-b/${i}`);
    }
    const gaps = [...Array(ROUNDS).keys()].map((i) =>
      Math.abs(records.find((r) => r.name === `A${i}`)!.createdAt - records.find((r) => r.name === `B${i}`)!.createdAt),
    );
    console.log(
      `concurrent saves: ${ROUNDS} rounds of two tabs saving at once (write gaps ${gaps.join(', ')} ms) + 1 live round → ` +
        `${records.length}/${ROUNDS * 2 + 2} kept; each tab listed the other's without reload`,
    );
    await context.close();
  });
});
