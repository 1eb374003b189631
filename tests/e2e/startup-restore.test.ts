/**
 * Issue 12 with issue 13's tabs: the form renders before the library (and this browser tab's
 * stored request tabs) has loaded. What is typed in that moment is kept, active, and the stored
 * tabs come back next to it; with nothing typed, the stored tabs simply come back.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import { setUrl, storedTabsContain, waitForForm } from './request-helpers.ts';

const h = useHarness();
const tabs = (page: Page) => page.getByRole('tablist', { name: 'Open tabs' }).getByRole('tab');

/** A page whose stored tab session holds a request to `/echo/previous`. */
async function pageWithStoredTab(): Promise<{ page: Page; previous: string }> {
  const { page } = await h.openApp();
  await waitForForm(page);
  const previous = `${h.server.url}/echo/previous`;
  await setUrl(page, previous);
  await storedTabsContain(page, '/echo/previous');
  return { page, previous };
}

/** Reloads `page` with the library's start-up chunk held back until `release()`. */
async function reloadWithLibraryHeld(page: Page): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/library-session-[^/]*\.js$/, async (route) => {
    await gate;
    await route.fallback();
  });
  await page.reload({ waitUntil: 'commit' });
  return release;
}

describe('start-up restores stored tabs after the form renders', () => {
  it('keeps what was typed before the stored tabs loaded, active, next to the restored tab', async () => {
    const { page, previous } = await pageWithStoredTab();
    const release = await reloadWithLibraryHeld(page);
    const url = page.getByRole('textbox', { name: 'URL' });
    const typed = `${h.server.url}/echo/typed-first`;
    await url.fill(typed);
    release();
    await page.locator('html[data-library="ready"]').waitFor({ state: 'attached' });
    expect(await url.inputValue()).toBe(typed);
    expect(await tabs(page).count()).toBe(2);
    await tabs(page).first().click();
    expect(await url.inputValue()).toBe(previous);
    await tabs(page).last().click();
    expect(await url.inputValue()).toBe(typed);
    await page.context().close();
  });

  it('restores the stored tab when nothing was typed before it loaded', async () => {
    const { page, previous } = await pageWithStoredTab();
    const release = await reloadWithLibraryHeld(page);
    const url = page.getByRole('textbox', { name: 'URL' });
    await url.waitFor();
    expect(await url.inputValue()).not.toBe(previous); // the form is up before the library
    release();
    await page.locator('html[data-library="ready"]').waitFor({ state: 'attached' });
    expect(await url.inputValue()).toBe(previous);
    expect(await tabs(page).count()).toBe(1);
    await page.context().close();
  });
});
