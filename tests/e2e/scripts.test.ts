/**
 * Issue 15 in the browser: a pre-request script's changes are what is sent (and what the raw
 * view shows); post-response tests and console lines show in the Tests tab; QuickJS's wasm loads
 * under the app's CSP from the local bundle; an endless loop ends with the time-limit error
 * while the page stays usable.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import { echoHeader, readEcho, send, setMethod, setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();

async function typeScript(page: Page, name: 'Pre-request script' | 'Post-response script', code: string) {
  await page
    .getByRole('tablist', { name: 'Request' })
    .getByRole('tab', { name: /^Scripts/ })
    .click();
  await page.locator('.monaco-editor').first().waitFor();
  const editor = page.getByRole('textbox', { name });
  await editor.focus();
  await page.keyboard.insertText(code);
}

async function testsTab(page: Page): Promise<string> {
  await page
    .getByRole('tablist', { name: 'Response views' })
    .getByRole('tab', { name: /^Tests/ })
    .click();
  return (await page.getByRole('tabpanel').last().textContent()) ?? '';
}

describe('scripts in the app', () => {
  it('sends what the pre-request script made, and shows the post-response tests and console', async () => {
    const { page, blocked } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setUrl(page, `${h.server.url}/echo/scripted`);
    await typeScript(
      page,
      'Pre-request script',
      "pm.request.headers.add({ key: 'X-Script', value: 'from-' + pm.info.eventName });",
    );
    await typeScript(
      page,
      'Post-response script',
      "pm.test('echoed', () => pm.expect(pm.response.json().headers).to.deep.include(['X-Script', 'from-prerequest']));\nconsole.log('status', pm.response.code);",
    );
    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echoHeader(echo, 'X-Script')).toEqual(['from-prerequest']);

    await page.getByRole('tablist', { name: 'Response views' }).getByRole('tab', { name: 'Raw request' }).click();
    expect(await page.getByRole('region', { name: 'Raw request' }).textContent()).toContain(
      'X-Script: from-prerequest',
    );

    await testsTab(page);
    await page.getByRole('list', { name: 'Test results' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('list', { name: 'Test results' }).textContent()).toBe('✓ echoed passed');
    expect(await page.getByRole('region', { name: 'Console' }).locator('pre').textContent()).toBe('status 200');
    expect(
      await page
        .getByRole('tablist', { name: 'Response views' })
        .getByRole('tab', { name: /^Tests/ })
        .textContent(),
    ).toBe('Tests1/1');
    expect(blocked).toEqual([]);
    await page.context().close();
  });

  it('an endless loop in a script ends with the time-limit error; the page stays usable meanwhile', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setUrl(page, `${h.server.url}/echo/loop`);
    await typeScript(page, 'Post-response script', 'while (true) {}');
    expect(await send(page)).toBe('200 OK');
    // While the worker spins, the main thread answers: the URL field takes typing at once.
    await setUrl(page, `${h.server.url}/echo/still-responsive`);
    expect(await page.getByRole('textbox', { name: 'URL' }).inputValue()).toBe(`${h.server.url}/echo/still-responsive`);
    await testsTab(page);
    const error = page.getByText(
      'Post-response script: The script ran longer than 5000 ms and was stopped (time limit).',
      { exact: false },
    );
    await error.waitFor({ timeout: 30_000 });
    await page.context().close();
  });
});

describe('the Runner dialog', () => {
  it('runs a saved collection with a data file and shows the live table and summary', async () => {
    const { page, blocked } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setUrl(page, `${h.server.url}/echo/run/{{user}}`);
    await typeScript(
      page,
      'Post-response script',
      "pm.test('user echoed', () => pm.expect(pm.response.json().path).to.equal('/echo/run/' + pm.iterationData.get('user')));",
    );
    await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Save', exact: true }).click();
    const save = page.getByRole('dialog', { name: 'Save request' });
    await save.getByRole('textbox', { name: 'Request name' }).fill('Run me');
    await save.getByRole('combobox', { name: 'Collection' }).selectOption({ label: 'New collection…' });
    await save.getByRole('textbox', { name: 'New collection name' }).fill('Runs');
    await save.getByRole('button', { name: 'Save request' }).click();

    await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Run collection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Run collection' });
    await dialog.getByRole('combobox', { name: 'Collection' }).selectOption({ label: 'Runs' });
    await dialog
      .getByLabel(/^Data file/)
      .setInputFiles({ name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from('user\nann\nbob\n') });
    await dialog.getByRole('button', { name: 'Run' }).click();
    const summary = dialog.getByRole('status', { name: 'Run summary' });
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.locator('span').first().textContent()).toBe('2 requests, 2 passed, 0 failed, 0 errors');
    const rows = dialog.getByRole('table', { name: 'Run results' }).locator('tbody tr');
    const cells = async (n: number) => {
      const all = await rows.nth(n).locator('td').allTextContents();
      return [all[0], all[1], all[2], all[4]];
    };
    expect(await rows.count()).toBe(2);
    expect(await cells(0)).toEqual(['1', 'Run me', '200 OK', '1/1']);
    expect(await cells(1)).toEqual(['2', 'Run me', '200 OK', '1/1']);
    expect(await rows.nth(0).locator('td').nth(3).textContent()).toMatch(/^\d+ ms$/);
    expect(blocked).toEqual([]);
    await page.context().close();
  });
});
