/** Issue 13 points 5 and 8 end to end: header bulk edit and autocomplete, global variables with their scope shown. */
import { describe, expect, it } from 'vitest';
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

describe('headers and variables', () => {
  it('bulk edit: Name: value lines become rows (// disables); names offer common headers', async () => {
    const { page, context } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/bulk`);
    await openRequestTab(page, 'Headers');
    await page.getByRole('button', { name: 'Bulk edit' }).click();
    await page
      .getByRole('textbox', { name: 'Headers as text' })
      .fill('X-A:  two spaces\n// X-B: 2\nAccept: text/plain');
    await page.getByRole('button', { name: 'Bulk edit' }).click();
    const table = page.getByRole('table', { name: 'Headers' });
    const names = table.getByRole('textbox', { name: 'Header name' });
    expect(await names.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
      'X-A',
      'X-B',
      'Accept',
    ]);
    const listId = await names.first().getAttribute('list');
    const options = await page
      .locator(`datalist[id="${listId}"] option`)
      .evaluateAll((els) => els.map((e) => e.getAttribute('value')));
    expect(options).toContain('Content-Type');
    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echoHeader(echo, 'X-A')).toEqual(['two spaces']); // leading whitespace is not part of a field value (RFC 9110 §5.5)
    expect(echoHeader(echo, 'X-B')).toEqual([]);
    expect(echoHeader(echo, 'Accept')).toEqual(['text/plain']);
    await context.close();
  });

  it('a global variable is used in the URL and listed with its scope; a secret-looking one is masked', async () => {
    const { page, context } = await h.openApp();
    await waitForForm(page);
    await page.getByRole('button', { name: 'Environments' }).click();
    const dialog = page.getByRole('dialog', { name: 'Environments' });
    await dialog.getByRole('button', { name: 'Globals & scopes' }).click();
    await dialog
      .getByText('Precedence (later wins): globals < collection < folders (outer → inner) < environment < request.')
      .waitFor();
    const globals = dialog.getByRole('table', { name: 'Global variables' });
    await dialog.getByRole('button', { name: 'Add global variable' }).click();
    await globals.getByRole('textbox', { name: 'Variable name' }).nth(0).fill('path');
    await globals.getByRole('textbox', { name: 'Variable value' }).nth(0).fill('from-globals');
    await dialog.getByRole('button', { name: 'Add global variable' }).click();
    await globals.getByRole('textbox', { name: 'Variable name' }).nth(1).fill('apiToken');
    await globals.getByRole('textbox', { name: 'Variable value' }).nth(1).fill('s3cr3t');
    const inForce = dialog.getByRole('table', { name: 'Variables in force' });
    expect(await inForce.getByRole('row').allInnerTexts()).toEqual([
      'NAME\tVALUE\tSCOPE',
      'apiToken\t••••••\tglobals',
      'path\tfrom-globals\tglobals',
    ]);
    await page.keyboard.press('Escape');
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/{{path}}`);
    expect(await send(page)).toBe('200 OK');
    expect((await readEcho(page)).target).toBe('/echo/from-globals');
    await context.close();
  });
});
