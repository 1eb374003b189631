/**
 * Issue 13 points 1–2 end to end: request tabs (preview, dirty close, shortcuts, reorder,
 * reload) and one session per browser tab (two pages editing one saved request lose nothing).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import { openRequestTab, send, setMethod, setUrl, storedTabsContain, waitForForm } from './request-helpers.ts';

const h = useHarness();

const urlField = (page: Page) => page.getByRole('textbox', { name: 'URL' });
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Library' });
const tabList = (page: Page) => page.getByRole('tablist', { name: 'Open tabs' });
const tabs = (page: Page) => tabList(page).getByRole('tab');
const tabNames = async (page: Page) => (await tabs(page).allTextContents()).map((t) => t.trim());
const selectedName = async (page: Page) =>
  (await tabList(page).getByRole('tab', { selected: true }).textContent())?.trim();

/** Saves the active tab as a new request `name` in collection `collection` (created on first use). */
async function saveAs(page: Page, name: string, collection = 'Tabs'): Promise<void> {
  await page.bringToFront();
  await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save request' });
  await dialog.getByRole('textbox', { name: 'Request name' }).fill(name);
  const picker = dialog.getByRole('combobox', { name: 'Collection' });
  const labels = await picker.locator('option').allTextContents();
  if (labels.includes(collection)) await picker.selectOption({ label: collection });
  else {
    await picker.selectOption({ label: 'New collection…' });
    await dialog.getByRole('textbox', { name: 'New collection name' }).fill(collection);
  }
  await dialog.getByRole('button', { name: 'Save request' }).click();
  await dialog.waitFor({ state: 'detached' });
}

interface Keys {
  key: string;
  code?: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}
/** Dispatches a keydown (the browser keeps Ctrl+T/W/Tab for itself when pressed for real). */
const key = (page: Page, init: Keys) =>
  page.evaluate((i) => {
    document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...i }));
  }, init);

/** Clicks `Open <name>` in the sidebar; returns the tab that shows it. */
async function openSaved(page: Page, name: string): Promise<Locator> {
  await sidebar(page)
    .getByRole('button', { name: `Open ${name}`, exact: true })
    .click();
  return tabList(page).getByRole('tab', { name: new RegExp(`^${name}(\\(|$)`) });
}

describe('request tabs', () => {
  it('preview tab is replaced by the next open until edited or double-clicked; tabs survive a reload', async () => {
    const { page, context, blocked } = await h.openApp();
    await waitForForm(page);
    expect(await tabNames(page)).toEqual([`POST ${h.server.url.replace('http://', '')}/echo/post/json`]);
    for (const name of ['One', 'Two', 'Three']) {
      await page.getByRole('button', { name: 'New tab' }).click();
      await setUrl(page, `${h.server.url}/echo/${name.toLowerCase()}`);
      await saveAs(page, name);
    }
    // Close the three saved tabs: nothing unsaved, so no question.
    for (let i = 0; i < 3; i++) await key(page, { key: 'w', code: 'KeyW', altKey: true });
    expect(await tabs(page).count()).toBe(1);

    await openSaved(page, 'One');
    const preview = tabList(page).getByRole('tab', { name: 'One (preview)' });
    expect(await preview.locator('.italic').count()).toBe(1);
    // The next open replaces the preview.
    await openSaved(page, 'Two');
    expect(await tabNames(page)).toEqual([expect.stringMatching(/^POST /), 'Two(preview)']);
    expect(await urlField(page).inputValue()).toBe(`${h.server.url}/echo/two`);
    // Double-click keeps it: the next open gets a tab of its own.
    await tabList(page).getByRole('tab', { name: /^Two/ }).dblclick();
    await openSaved(page, 'Three');
    expect(await tabNames(page)).toEqual([expect.stringMatching(/^POST /), 'Two', 'Three(preview)']);
    // Editing keeps a preview too, and marks it dirty.
    await setUrl(page, `${h.server.url}/echo/three-edited`);
    expect(await selectedName(page)).toBe('Three(unsaved changes)');
    await openSaved(page, 'One');
    expect(await tabNames(page)).toEqual([
      expect.stringMatching(/^POST /),
      'Two',
      'Three(unsaved changes)',
      'One(preview)',
    ]);
    // Opening a request that is open already switches to its tab; each tab kept its draft.
    await openSaved(page, 'Three');
    expect(await urlField(page).inputValue()).toBe(`${h.server.url}/echo/three-edited`);
    await openRequestTab(page, 'Headers');

    await storedTabsContain(page, '/echo/three-edited');
    await page.reload();
    await waitForForm(page);
    expect(await tabNames(page)).toEqual([
      expect.stringMatching(/^POST /),
      'Two',
      'Three(unsaved changes)',
      'One(preview)',
    ]);
    expect(await selectedName(page)).toBe('Three(unsaved changes)');
    expect(await urlField(page).inputValue()).toBe(`${h.server.url}/echo/three-edited`);
    // The selected sub-tab is per tab and survives too.
    expect(
      await page.getByRole('tablist', { name: 'Request' }).getByRole('tab', { selected: true }).textContent(),
    ).toMatch(/^Headers/);
    await tabList(page).getByRole('tab', { name: /^Two/ }).click();
    expect(await urlField(page).inputValue()).toBe(`${h.server.url}/echo/two`);
    expect(
      await page.getByRole('tablist', { name: 'Request' }).getByRole('tab', { selected: true }).textContent(),
    ).toMatch(/^Body/);
    expect(blocked).toEqual([]);
    await h.screenshot(page, 'workspace-tabs');
    await context.close();
  });

  it('closing a dirty tab asks Save / Discard / Cancel; shortcuts switch, reopen and reorder', async () => {
    const { page, context } = await h.openApp();
    await waitForForm(page);
    await key(page, { key: 't', code: 'KeyT', ctrlKey: true });
    await setUrl(page, `${h.server.url}/echo/b`);
    await key(page, { key: 't', code: 'KeyT', altKey: true });
    await setMethod(page, 'PUT');
    await setUrl(page, `${h.server.url}/echo/c`);
    const host = h.server.url.replace('http://', '');
    expect(await tabNames(page)).toEqual([
      `POST ${host}/echo/post/json`,
      `GET ${host}/echo/b(unsaved changes)`,
      `PUT ${host}/echo/c(unsaved changes)`,
    ]);

    // Ctrl+Tab wraps to the first; Ctrl+Shift+Tab and Ctrl+PgUp go back.
    await key(page, { key: 'Tab', ctrlKey: true });
    expect(await urlField(page).inputValue()).toBe(`${h.server.url}/echo/post/json`);
    await key(page, { key: 'Tab', ctrlKey: true, shiftKey: true });
    expect(await urlField(page).inputValue()).toBe(`${h.server.url}/echo/c`);
    await key(page, { key: 'PageUp', ctrlKey: true });
    expect(await urlField(page).inputValue()).toBe(`${h.server.url}/echo/b`);

    // Roving focus: arrows move focus and selection, Home/End jump.
    await tabList(page).getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`PUT ${host}/echo/c(unsaved changes)`);
    expect(await urlField(page).inputValue()).toBe(`${h.server.url}/echo/c`);
    await page.keyboard.press('Home');
    expect(await selectedName(page)).toBe(`POST ${host}/echo/post/json`);
    await page.keyboard.press('End');
    expect(await selectedName(page)).toBe(`PUT ${host}/echo/c(unsaved changes)`);

    // Ctrl+W on a dirty tab asks. Cancel keeps it; Discard closes it; Ctrl+Shift+T brings it back.
    await key(page, { key: 'w', code: 'KeyW', ctrlKey: true });
    const ask = page.getByRole('dialog', { name: 'Close tab with unsaved changes?' });
    await ask.getByRole('button', { name: 'Cancel' }).click();
    expect(await tabs(page).count()).toBe(3);
    await tabList(page)
      .getByRole('tab', { name: /echo\/c/ })
      .click({ button: 'middle' });
    await ask.getByRole('button', { name: 'Discard' }).click();
    expect(await tabs(page).count()).toBe(2);
    expect(await urlField(page).inputValue()).toBe(`${h.server.url}/echo/b`);
    await key(page, { key: 'T', code: 'KeyT', ctrlKey: true, shiftKey: true });
    expect(await tabNames(page)).toEqual([
      `POST ${host}/echo/post/json`,
      `GET ${host}/echo/b(unsaved changes)`,
      `PUT ${host}/echo/c(unsaved changes)`,
    ]);
    expect(await urlField(page).inputValue()).toBe(`${h.server.url}/echo/c`);

    // Save from the question: a new request asks for a name, then the tab closes.
    await page.locator(`button[aria-label="Close PUT ${host}/echo/c"]`).click();
    await ask.getByRole('button', { name: 'Save' }).click();
    await saveAsFromOpenDialog(page, 'Saved C');
    expect(await tabs(page).count()).toBe(2);
    await sidebar(page).getByRole('button', { name: 'Open Saved C' }).waitFor();

    // Drag the first tab after the second; Ctrl+Shift+PgUp moves the active one back.
    await tabs(page)
      .first()
      .dragTo(tabList(page).getByRole('tab', { name: /echo\/b/ }));
    expect(await tabNames(page)).toEqual([`GET ${host}/echo/b(unsaved changes)`, `POST ${host}/echo/post/json`]);
    await tabList(page)
      .getByRole('tab', { name: `POST ${host}/echo/post/json` })
      .click();
    await key(page, { key: 'PageUp', ctrlKey: true, shiftKey: true });
    expect(await tabNames(page)).toEqual([`POST ${host}/echo/post/json`, `GET ${host}/echo/b(unsaved changes)`]);
    await context.close();
  });

  it('each tab keeps its own response; New request and history open in tabs, replacing nothing', async () => {
    const { page, context } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setUrl(page, `${h.server.url}/echo/first`);
    expect(await send(page)).toBe('200 OK');
    await sidebar(page).getByRole('button', { name: 'New request' }).click();
    expect(await tabs(page).count()).toBe(2);
    const status = page.getByRole('region', { name: 'Response' }).getByRole('status', { name: 'Response status' });
    expect(await status.count()).toBe(0);
    await setUrl(page, `${h.server.url}/echo/status/404`);
    expect(await send(page)).toMatch(/^404/);
    await tabs(page).first().click();
    expect(await status.textContent()).toBe('200 OK');
    expect(await page.getByRole('region', { name: 'Response body' }).textContent()).toContain('/echo/first');
    await tabs(page).nth(1).click();
    expect(await status.textContent()).toMatch(/^404/);

    await sidebar(page).getByRole('tab', { name: 'History' }).click();
    await sidebar(page)
      .getByRole('button', { name: `Reopen GET ${h.server.url}/echo/first` })
      .click();
    expect(await tabs(page).count()).toBe(3);
    expect(await selectedName(page)).toBe(`GET ${h.server.url.replace('http://', '')}/echo/first(preview)`);
    expect(await urlField(page).inputValue()).toBe(`${h.server.url}/echo/first`);
    await context.close();
  });
});

/** The Save dialog is open: name the request and save it in a new "Tabs" collection. */
async function saveAsFromOpenDialog(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Save request' });
  await dialog.getByRole('textbox', { name: 'Request name' }).fill(name);
  await dialog.getByRole('button', { name: 'Save request' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('two browser tabs', () => {
  it('a new browser tab starts fresh; a save over a request changed in the other tab asks and loses nothing', async () => {
    const { context } = await h.newContext();
    const a = await context.newPage();
    await a.goto(h.server.url);
    await waitForForm(a);
    await setUrl(a, `${h.server.url}/echo/shared`);
    await saveAs(a, 'Shared');
    await setUrl(a, `${h.server.url}/echo/a-unsaved`);
    await storedTabsContain(a, '/echo/a-unsaved');

    const b = await context.newPage();
    await b.goto(h.server.url);
    await waitForForm(b);
    // Not A's drafts: the example request in one tab.
    expect(await urlField(b).inputValue()).toBe(`${h.server.url}/echo/post/json`);
    expect(await tabs(b).count()).toBe(1);
    await openSaved(b, 'Shared');
    await setUrl(b, `${h.server.url}/echo/from-b`);
    await b.keyboard.press('Control+s');
    await a.bringToFront();
    // A saves its own edit of the same request: asked, not overwritten.
    await a.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = a.getByRole('dialog', { name: 'Changed in another tab' });
    await conflict.getByRole('button', { name: 'Save as copy' }).click();
    const stored = await a.evaluate(() =>
      Object.entries<string>(localStorage)
        .filter(([k]) => k.startsWith('parley:v1:request:'))
        .map(([, v]) => JSON.parse(v) as { name: string; draft: { url: string } })
        .map((r) => [r.name, r.draft.url])
        .sort(),
    );
    expect(stored).toEqual([
      ['Shared (copy)', `${h.server.url}/echo/a-unsaved`],
      ['Shared', `${h.server.url}/echo/from-b`],
    ]);

    // Reload: the other version in the editor, Undo brings this tab's edit back.
    await setUrl(a, `${h.server.url}/echo/a-again`);
    await b.bringToFront();
    await setUrl(b, `${h.server.url}/echo/from-b-2`);
    await b.keyboard.press('Control+s');
    await a.bringToFront();
    await openSaved(a, 'Shared');
    await setUrl(a, `${h.server.url}/echo/a-third`);
    await b.bringToFront();
    await setUrl(b, `${h.server.url}/echo/from-b-3`);
    await b.keyboard.press('Control+s');
    await a.bringToFront();
    await a.keyboard.press('Control+s');
    await conflict.getByRole('button', { name: 'Reload' }).click();
    expect(await urlField(a).inputValue()).toBe(`${h.server.url}/echo/from-b-3`);
    await a.getByRole('status', { name: 'Notification' }).getByRole('button', { name: 'Undo' }).click();
    expect(await urlField(a).inputValue()).toBe(`${h.server.url}/echo/a-third`);
    // Keep mine: A's version is saved over B's.
    await a.keyboard.press('Control+s');
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    expect(
      await a.evaluate(
        () =>
          Object.values<string>(localStorage)
            .map((v) => JSON.parse(v) as { name?: string; draft?: { url: string } })
            .find((r) => r.name === 'Shared')?.draft?.url,
      ),
    ).toBe(`${h.server.url}/echo/a-third`);
    await context.close();
  });
});
