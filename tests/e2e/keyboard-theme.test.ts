/**
 * Issue 13 points 7 and 8: the dark theme (from prefers-color-scheme and from the Theme toggle,
 * remembered), and the keyboard: skip link, Ctrl+L, `?`, Ctrl+K palette, Escape cancels a
 * request in flight, roving focus in tab lists, "Add header" focuses the new name.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import { openRequestTab, setBodyType, setMethod, setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();

/** Relative luminance (WCAG 2.x) of the computed `property` of the first element matching `selector`. */
function luminance(page: Page, selector: string, property: 'color' | 'backgroundColor'): Promise<number> {
  return page.evaluate(
    ({ sel, prop }) => {
      const el = document.querySelector(sel)!;
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 1;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = getComputedStyle(el)[prop];
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b] = [...ctx.getImageData(0, 0, 1, 1).data].map((c) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    },
    { sel: selector, prop: property },
  );
}
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
const htmlClass = (page: Page) => page.evaluate(() => document.documentElement.className);
const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);

describe('dark theme', () => {
  it('follows prefers-color-scheme: dark surfaces, light text, dark Monaco', async () => {
    const { context } = await h.newContext();
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(h.server.url + '/');
    await waitForForm(page);
    expect(await htmlClass(page)).toBe('dark');
    const pageBg = await luminance(page, 'body', 'backgroundColor');
    const urlBg = await luminance(page, 'input[aria-label="URL"]', 'backgroundColor');
    const urlText = await luminance(page, 'input[aria-label="URL"]', 'color');
    expect(pageBg).toBeLessThan(0.02);
    expect(urlBg).toBeLessThan(0.03);
    expect(contrast(urlText, urlBg)).toBeGreaterThan(7);
    await openRequestTab(page, 'Body');
    await page.locator('.monaco-editor').first().waitFor();
    expect(await luminance(page, '.monaco-editor .monaco-editor-background', 'backgroundColor')).toBeLessThan(0.03);
    await h.screenshot(page, 'theme-dark-system');
    await context.close();
  });

  it('the Theme toggle overrides the system and is remembered', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    expect(await htmlClass(page)).toBe('light');
    expect(await luminance(page, 'body', 'backgroundColor')).toBeGreaterThan(0.9);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    expect(await htmlClass(page)).toBe('dark');
    expect(await luminance(page, 'body', 'backgroundColor')).toBeLessThan(0.02);
    await page.reload();
    await waitForForm(page);
    expect(await htmlClass(page)).toBe('dark');
    expect(await page.getByRole('combobox', { name: 'Theme' }).inputValue()).toBe('dark');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
    expect(await htmlClass(page)).toBe('light');
    await page.context().close();
  });
});

describe('keyboard', () => {
  it('skip link, Ctrl+L, ? and the Ctrl+K palette', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('Skip to request');
    await page.keyboard.press('Enter');
    expect(await focusedLabel(page)).toBe('URL');

    await page.getByRole('button', { name: 'Code', exact: true }).focus();
    await page.keyboard.press('Control+L');
    expect(await focusedLabel(page)).toBe('URL');

    // `?` typed in the URL field is text, elsewhere it opens the sheet.
    await page.keyboard.press('End');
    await page.keyboard.type('?');
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Body' }).first().focus();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await page.keyboard.type('toggle theme');
    expect(await palette.getByRole('option').first().textContent()).toContain('Toggle theme');
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    await expect.poll(() => htmlClass(page)).toBe('dark');

    await page.keyboard.press('Control+K');
    await palette.waitFor();
    await page.keyboard.type('cod');
    expect(await palette.getByRole('option', { selected: true }).textContent()).toBe('CodeAction');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Code snippet' }).waitFor();
    await page.context().close();
  });

  it('Escape cancels the request in flight', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/delay/10000`);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('button', { name: 'Cancel', exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
    expect(await page.getByRole('alert', { name: 'Send error' }).textContent()).toContain('Request cancelled');
    await page.context().close();
  });

  it('tab lists move focus and selection with arrows, Home and End; Add header focuses the new name', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    const tabs = page.getByRole('tablist', { name: 'Request' });
    await tabs.getByRole('tab', { name: /Body/ }).focus();
    const selected = () => tabs.getByRole('tab', { selected: true }).textContent();
    await page.keyboard.press('Home');
    expect(await selected()).toBe('Query');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Query');
    // From the first tab, ArrowLeft wraps to the last one (Settings, after Body, Scripts and Assertions).
    await page.keyboard.press('ArrowLeft');
    expect(await selected()).toBe('Settings');
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toBe('Query');
    await page.keyboard.press('End');
    expect(await selected()).toBe('Settings');

    await openRequestTab(page, 'Headers');
    // The Headers panel loads on demand: count its rows once it is there.
    await page.getByRole('button', { name: 'Add header' }).waitFor();
    const before = await page.getByRole('textbox', { name: 'Header name' }).count();
    await page.getByRole('button', { name: 'Add header' }).click();
    expect(await page.getByRole('textbox', { name: 'Header name' }).count()).toBe(before + 1);
    expect(await focusedLabel(page)).toBe('Header name');
    await page.keyboard.type('X-New');
    expect(await page.getByRole('textbox', { name: 'Header name' }).nth(before).inputValue()).toBe('X-New');
    await page.context().close();
  });
});
