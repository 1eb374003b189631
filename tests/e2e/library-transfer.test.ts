/** Issue 4 end to end: export the library to a file and import it into another browser; importing twice adds nothing. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useHarness } from './harness.ts';
import { setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();

describe('export and import', () => {
  it('moves the library to a fresh browser, merging by id without duplicates', async () => {
    const { page, context } = await h.openApp();
    await waitForForm(page);
    for (const name of ['First', 'Second']) {
      await page.getByRole('complementary', { name: 'Library' }).getByRole('button', { name: 'New request' }).click();
      await setUrl(page, `${h.server.url}/echo/${name.toLowerCase()}`);
      await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Save', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Save request' });
      await dialog.getByRole('textbox', { name: 'Request name' }).fill(name);
      await dialog.getByRole('button', { name: 'Save request' }).click();
    }
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export library' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^parley-library-\d{4}-\d{2}-\d{2}\.json$/);
    const text = readFileSync(await download.path(), 'utf8');
    const file = { name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) };
    const exported = JSON.parse(text) as {
      format: string;
      version: number;
      requests: { name: string }[];
      collections: unknown[];
    };
    expect([exported.format, exported.version]).toEqual(['parley-library', 1]);
    expect(exported.requests.map((r) => r.name).sort()).toEqual(['First', 'Second']);
    expect(exported.collections).toHaveLength(1);
    await context.close();

    const fresh = await h.openApp();
    await waitForForm(fresh.page);
    const library = fresh.page.getByRole('complementary', { name: 'Library' });
    const message = fresh.page.getByRole('status', { name: 'Library message' });
    await library.getByLabel('Library file to import').setInputFiles(file);
    expect(await message.textContent()).toContain('Import done: 3 added, 0 updated, 0 already here.');
    await library.getByRole('button', { name: 'Open First' }).click();
    expect(await fresh.page.getByRole('textbox', { name: 'URL' }).inputValue()).toBe(`${h.server.url}/echo/first`);
    await library.getByLabel('Library file to import').setInputFiles(file);
    await message.getByText('Import done: 0 added, 0 updated, 3 already here.').waitFor();
    expect(
      await fresh.page.evaluate(
        () => Object.keys(localStorage).filter((k) => k.startsWith('parley:v1:request:')).length,
      ),
    ).toBe(2);

    await library
      .getByLabel('Library file to import')
      .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"har"}') });
    expect(await fresh.page.getByRole('alert', { name: 'Library message' }).textContent()).toContain(
      'Nothing was imported. This JSON file is not a Parley library export.',
    );
    await fresh.context.close();
  });
});
