/**
 * Keyboard use of the request form: leaving the Monaco body editor with Tab (Ctrl+M), Enter in
 * the Method combobox (confirms, never sends), focus back on the opener after Escape closes a
 * dialog, and no page errors while the body editor is remounted by body-type switches.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import { openRequestTab, setBodyType, setMethod, setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();

/** Accessible description of the focused element: its aria-label, or its text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
  });

const bodyEditorText = (page: Page) => page.locator('.monaco-editor .view-lines').first().textContent();

describe('keyboard', () => {
  it('Ctrl+M makes Tab leave the request body editor, as the hint next to it says', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await openRequestTab(page, 'Body');
    const editor = page.locator('.monaco-editor').first();
    await editor.waitFor();
    expect(await page.getByText('Tab moves focus').textContent()).toBe('Ctrl+M: Tab moves focus');
    await h.screenshot(page, 'keyboard-body-editor-hint');
    await editor.click();
    const before = await bodyEditorText(page);

    // By default Tab indents inside the editor: focus stays there.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)).toBe(true);
    await page.keyboard.press('Control+Z');
    expect(await bodyEditorText(page)).toBe(before);

    await page.keyboard.press('Control+M');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') === null)).toBe(true);
    // The next stop is the request/response splitter (focusable, WAI-ARIA window splitter), then the response.
    expect(await focusedName(page)).toBe('Resize request and response');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Body');
    // Leaving inserted nothing.
    expect(await bodyEditorText(page)).toBe(before);
    await page.context().close();
  });

  it('Enter in the Method combobox confirms the method and does not send; Ctrl+Enter sends', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/raw`);
    const method = page.getByRole('combobox', { name: 'Method' });
    await method.fill('PUT');
    await method.press('Enter');
    expect(await method.inputValue()).toBe('PUT');
    // Picking from the list with the arrows and Enter does not send either.
    await method.press('ArrowDown');
    await method.press('Enter');
    expect(await method.inputValue()).toBe('GET');
    await method.fill('PURGE');
    await method.press('Enter');
    expect(await page.getByRole('button', { name: 'Send', exact: true }).textContent()).toBe('Send');
    expect(await page.getByRole('status', { name: 'Response status' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Response' }).textContent()).toContain('to see the response here');

    await method.press('Control+Enter');
    const status = page.getByRole('status', { name: 'Response status' });
    await status.waitFor();
    expect(await status.textContent()).toBe('200 OK');
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
    await page.context().close();
  });

  it('Enter in the URL field still sends', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/raw`);
    await page.getByRole('textbox', { name: 'URL' }).press('Enter');
    const status = page.getByRole('status', { name: 'Response status' });
    await status.waitFor();
    expect(await status.textContent()).toBe('200 OK');
    await page.context().close();
  });

  it('Escape closes a dialog and puts focus back on the button that opened it', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    const opener = page.getByRole('button', { name: 'Import', exact: true });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Import a cURL command' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await h.screenshot(page, 'keyboard-import-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedName(page)).toBe('Import');
    // The dialog opens again (its state followed the native close).
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('switching body types (remounting the editor) raises no page error', async () => {
    const { page } = await h.openApp();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await waitForForm(page);
    await openRequestTab(page, 'Body');
    await page.locator('.monaco-editor').first().waitFor();
    for (const label of ['Text', 'XML', 'None', 'JSON', 'Form URL-encoded', 'JSON', 'Multipart form', 'Text', 'JSON']) {
      await setBodyType(page, label);
      if (label === 'JSON' || label === 'Text' || label === 'XML')
        await page.locator('.monaco-editor').first().waitFor();
    }
    // Type into the last editor: its contributions (code lens, drop into editor …) are all alive.
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' ');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
