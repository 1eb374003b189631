/** Issue 14 end to end: import a Postman file, an .http paste and a dropped HAR; report before writing; send; Undo. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import { echoHeader, readEcho, send, waitForForm } from './request-helpers.ts';

const h = useHarness();
const fixture = (name: string) => readFileSync(`tests/core/interop/fixtures/${name}`, 'utf8');

async function openCollectionTab(page: Page) {
  await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a cURL command' });
  await dialog.getByRole('tab', { name: 'Collection or spec' }).click();
  return page.getByRole('dialog', { name: 'Import a collection, spec or capture' });
}

describe('collection import', () => {
  it('shows the report of a Postman file before writing, imports it, sends an inherited auth, and Undo removes it', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    const dialog = await openCollectionTab(page);
    const text = fixture('postman-all-v2.1.json').replace('http://127.0.0.1:8080/echo', `${h.server.url}/echo`);
    await dialog
      .getByLabel('File to import')
      .setInputFiles({ name: 'all.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const detected = dialog.getByRole('status', { name: 'Detected format' });
    expect(await detected.textContent()).toContain('Postman collection “Parley interop”');
    const notCarried = dialog.getByRole('list', { name: 'Not carried' });
    expect(await notCarried.textContent()).toContain('Users › Admin › auth (digest)');
    // Nothing is written before Import.
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('parley:v1:request:')).length),
    ).toBe(0);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const toast = page.getByRole('status', { name: 'Notification' });
    expect(await toast.textContent()).toContain('Imported 11 requests into “Parley interop”');

    const library = page.getByRole('complementary', { name: 'Library' });
    await library.getByRole('button', { name: 'Open Get user' }).waitFor();
    await toast.getByRole('button', { name: 'Undo' }).click();
    await library.getByRole('button', { name: 'Open Get user' }).waitFor({ state: 'detached' });
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('parley:v1:request:')).length),
    ).toBe(0);

    // Again, and send: the request inherits the folder's Basic auth and keeps the query as typed.
    const again = await openCollectionTab(page);
    await again
      .getByLabel('File to import')
      .setInputFiles({ name: 'all.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await again.getByRole('button', { name: 'Import', exact: true }).click();
    await library.getByRole('button', { name: 'Open Get user' }).click();
    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echo.target).toBe('/echo/users/42?page=2&flag');
    expect(echoHeader(echo, 'Authorization')).toEqual(['Basic YW5uOnMzY3JldA==']);
  });

  it('imports a pasted .http file into an existing collection', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    const dialog = await openCollectionTab(page);
    await dialog
      .getByRole('textbox', { name: 'Or paste it' })
      .fill(
        `@host = ${h.server.url}/echo\n\n### Ping\nPOST {{host}}/ping?x=1\nX-Test: yes\nContent-Type: text/plain\n\nhello\n`,
      );
    await dialog.getByRole('button', { name: 'Read' }).click();
    expect(await dialog.getByRole('status', { name: 'Detected format' }).textContent()).toContain('.http file');
    await dialog.getByRole('textbox', { name: 'Collection name' }).fill('Mine');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    // A second file into the collection just made.
    const second = await openCollectionTab(page);
    await second.getByRole('textbox', { name: 'Or paste it' }).fill(`GET ${h.server.url}/echo/second\n`);
    await second.getByRole('button', { name: 'Read' }).click();
    await second.getByRole('combobox', { name: 'Import into' }).selectOption({ label: 'Mine' });
    await second.getByRole('button', { name: 'Import', exact: true }).click();
    expect(await page.getByRole('status', { name: 'Notification' }).textContent()).toContain(
      'Imported 1 request into “Mine”',
    );
    await page.getByRole('complementary', { name: 'Library' }).getByRole('button', { name: 'Open Ping' }).click();
    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect([echo.method, echo.target, echo.body.text]).toEqual(['POST', '/echo/ping?x=1', 'hello']);
    expect(echoHeader(echo, 'X-Test')).toEqual(['yes']);
    expect(echoHeader(echo, 'Content-Type')).toEqual(['text/plain']);
  });

  it('reads a HAR file dropped on the window, and says clearly what it cannot read', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    const har = fixture('chrome-save-all.har');
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'capture.har', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, har);
    const dialog = page.getByRole('dialog', { name: 'Import a collection, spec or capture' });
    expect(await dialog.getByRole('status', { name: 'Detected format' }).textContent()).toContain('HAR capture');
    expect(await dialog.getByRole('list', { name: 'Changed' }).textContent()).toContain('2. POST /v1/items › headers');
    await dialog.getByRole('button', { name: 'Back' }).click();
    await dialog.getByRole('textbox', { name: 'Or paste it' }).fill('{"hello": "world"}');
    await dialog.getByRole('button', { name: 'Read' }).click();
    expect(await dialog.getByRole('alert').textContent()).toContain(
      'Nothing was imported. This JSON is not a format Parley imports',
    );
  });

  it('exports a collection to Postman v2.1 with secrets left out unless ticked', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    const dialog = await openCollectionTab(page);
    await dialog
      .getByRole('textbox', { name: 'Or paste it' })
      .fill(`### Me\nGET ${h.server.url}/echo/me\nX-Api-Key: sk_live_0123456789abcdef0123\n`);
    await dialog.getByRole('button', { name: 'Read' }).click();
    await dialog.getByRole('textbox', { name: 'Collection name' }).fill('Keys');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('tab', { name: 'Export a collection' }).click();
    const exp = page.getByRole('dialog', { name: 'Export a collection' });
    await exp.getByRole('list', { name: 'Secrets to keep in the export' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exp.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Keys.postman_collection.json');
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      item: { name: string; request: { header: { key: string; value: string }[] } }[];
    };
    expect(file.item.map((i) => [i.name, i.request.header])).toEqual([
      ['Me', [{ key: 'X-Api-Key', value: '', disabled: true }]],
    ]);
  });
});
