/** Issue 13 point 4 end to end: folders in the sidebar tree, moves, delete with undo, folder defaults and inherited auth. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import {
  echoHeader,
  openRequestTab,
  readEcho,
  send,
  setBodyType,
  setMethod,
  setUrl,
  waitForForm,
} from './request-helpers.ts';

const h = useHarness();
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Library' });
const tree = (page: Page) => sidebar(page).getByRole('tree', { name: 'Collections' });

async function save(page: Page, name: string, collection: string | { new: string }) {
  await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save request' });
  await dialog.getByRole('textbox', { name: 'Request name' }).fill(name);
  const picker = dialog.getByRole('combobox', { name: 'Collection' });
  if (typeof collection === 'string') await picker.selectOption({ label: collection });
  else {
    await picker.selectOption({ label: 'New collection…' });
    await dialog.getByRole('textbox', { name: 'New collection name' }).fill(collection.new);
  }
  await dialog.getByRole('button', { name: 'Save request' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function menu(page: Page, of: string, item: string) {
  await sidebar(page)
    .getByRole('button', { name: `Actions for ${of}`, exact: true })
    .click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** Names of the requests inside the folder treeitem `folder`. */
async function inFolder(page: Page, folder: string): Promise<string[]> {
  const items = tree(page)
    .getByRole('treeitem', { name: `Folder ${folder}`, exact: true })
    .getByRole('button', { name: /^Open / });
  return (await items.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).map((t) => t.slice(5));
}

/** Makes collection API with folder Users holding "List users", and "Health" at the collection's top level. */
async function setUp(page: Page) {
  await waitForForm(page);
  await setMethod(page, 'GET');
  await setBodyType(page, 'None');
  await setUrl(page, `${h.server.url}/echo/users`);
  await save(page, 'List users', { new: 'API' });
  await setUrl(page, `${h.server.url}/echo/health`);
  await sidebar(page).getByRole('button', { name: 'New request' }).click();
  await setUrl(page, `${h.server.url}/echo/health`);
  await save(page, 'Health', 'API');
  await menu(page, 'API', 'New folder');
  await menu(page, 'New folder', 'Rename');
  const rename = sidebar(page).getByRole('textbox', { name: 'New name for folder New folder' });
  await rename.fill('Users');
  await rename.press('Enter');
  await sidebar(page).getByRole('button', { name: 'Actions for List users' }).click();
  await sidebar(page).getByRole('combobox', { name: 'Move List users to' }).selectOption({ label: 'API / Users' });
}

describe('folders in the sidebar', () => {
  it('nests a request in a folder (Move to…), keeps it over a reload, deletes the folder with undo', async () => {
    const { page, context } = await h.openApp();
    await setUp(page);
    expect(await inFolder(page, 'Users')).toEqual(['List users']);
    const folder = tree(page).getByRole('treeitem', { name: 'Folder Users' });
    expect(await folder.getAttribute('aria-level')).toBe('2');
    expect(await folder.getByRole('treeitem', { name: 'List users' }).getAttribute('aria-level')).toBe('3');
    await page.reload();
    await waitForForm(page);
    expect(await inFolder(page, 'Users')).toEqual(['List users']);

    await menu(page, 'Users', 'Delete');
    await tree(page).getByRole('treeitem', { name: 'Folder Users' }).waitFor({ state: 'detached' });
    expect(await tree(page).getByRole('button', { name: 'Open List users' }).count()).toBe(0);
    await page.getByRole('status', { name: 'Notification' }).getByRole('button', { name: 'Undo' }).click();
    expect(await inFolder(page, 'Users')).toEqual(['List users']);
    await page.reload();
    await waitForForm(page);
    expect(await inFolder(page, 'Users')).toEqual(['List users']);
    await context.close();
  });

  it('drag and drop moves a request into a folder; the keyboard moves between rows', async () => {
    const { page, context } = await h.openApp();
    await setUp(page);
    await tree(page)
      .getByRole('treeitem', { name: 'Health' })
      .dragTo(
        tree(page)
          .getByRole('treeitem', { name: 'Folder Users' })
          .getByRole('button', { name: 'Collapse Folder Users' }),
      );
    // Dropped on the folder's row: it goes last inside.
    expect(await inFolder(page, 'Users')).toEqual(['List users', 'Health']);
    const stored = await page.evaluate(() =>
      Object.entries<string>(localStorage)
        .filter(([k]) => k.startsWith('parley:v1:folder:'))
        .map(([, v]) => (JSON.parse(v) as { name: string; parentId: string | null }).name),
    );
    expect(stored).toEqual(['Users']);
    await tree(page).getByRole('button', { name: 'Collapse Folder Users' }).focus();
    await page.keyboard.press('ArrowLeft');
    await tree(page).getByRole('button', { name: 'Expand Folder Users' }).waitFor();
    expect(await tree(page).getByRole('button', { name: 'Open Health' }).count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open List users');
    await context.close();
  });

  it('folder defaults: an inherited header and Inherit-from-parent auth are shown and sent', async () => {
    const { page, context } = await h.openApp();
    await setUp(page);
    await menu(page, 'Users', 'Defaults (headers, auth, variables)');
    const dialog = page.getByRole('dialog', { name: 'Defaults of folder Users' });
    const headers = dialog.getByRole('table', { name: 'Headers of folder Users' });
    await dialog.getByRole('button', { name: 'Add header' }).click();
    await headers.getByRole('textbox', { name: 'Header name' }).fill('X-Team');
    await headers.getByRole('textbox', { name: 'Header value' }).fill('{{team}}');
    const vars = dialog.getByRole('table', { name: 'Variables of folder Users' });
    await dialog.getByRole('button', { name: 'Add variable' }).click();
    await vars.getByRole('textbox', { name: 'Variable name' }).fill('team');
    await vars.getByRole('textbox', { name: 'Variable value' }).fill('core');
    await dialog.getByRole('combobox', { name: 'Auth type' }).selectOption({ label: 'Bearer token' });
    await dialog.getByRole('textbox', { name: 'Token' }).fill('abc123');
    await page.keyboard.press('Escape');

    await sidebar(page).getByRole('button', { name: 'Open List users' }).click();
    await openRequestTab(page, 'Auth');
    await page.getByRole('combobox', { name: 'Auth type' }).selectOption({ label: 'Inherit from parent' });
    await page.getByText('Uses the auth of folder Users: it sends Authorization (see Headers).').waitFor();
    await openRequestTab(page, 'Headers');
    const table = page.getByRole('table', { name: 'Headers' });
    await table.getByRole('row', { name: /X-Team core from folder Users/ }).waitFor();
    await table.getByRole('row', { name: /Authorization Bearer abc123 from folder Users/ }).waitFor();
    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echoHeader(echo, 'X-Team')).toEqual(['core']);
    expect(echoHeader(echo, 'Authorization')).toEqual(['Bearer abc123']);
    await context.close();
  });
});
