/**
 * Issue 12: the form renders before the library (and the stored working draft) has loaded.
 * What is typed in that moment is kept; the stored draft is offered, never put over it.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import { setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();

/** A context whose working draft (in localStorage) targets `/echo/previous`. */
async function contextWithStoredDraft(): Promise<{ context: BrowserContext; previous: string }> {
  const { page, context } = await h.openApp();
  await waitForForm(page);
  const previous = `${h.server.url}/echo/previous`;
  await setUrl(page, previous);
  await page.waitForFunction(
    (url) => (localStorage.getItem('parley:v1:working') ?? '').includes(url),
    previous.slice(h.server.url.length),
  );
  await page.close();
  return { context, previous };
}

/** Opens the app in a new tab with the library's start-up chunk held back until `release()`. */
async function openWithLibraryHeld(context: BrowserContext): Promise<{ page: Page; release: () => void }> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await context.route(/\/assets\/library-session-[^/]*\.js$/, async (route) => {
    await gate;
    await route.fallback();
  });
  const page = await context.newPage();
  await page.goto(h.server.url + '/');
  return { page, release };
}

describe('start-up restores stored state after the form renders', () => {
  it('keeps what was typed before the stored draft loaded and offers the stored one (Restore, then Undo)', async () => {
    const { context, previous } = await contextWithStoredDraft();
    const { page, release } = await openWithLibraryHeld(context);
    const url = page.getByRole('textbox', { name: 'URL' });
    const typed = `${h.server.url}/echo/typed-first`;
    await url.fill(typed);
    release();
    await page.locator('html[data-library="ready"]').waitFor({ state: 'attached' });
    expect(await url.inputValue()).toBe(typed);
    const offer = page.getByRole('alert', { name: 'Previous draft' });
    expect(await offer.textContent()).toContain(previous);
    await offer.getByRole('button', { name: 'Restore previous draft' }).click();
    expect(await url.inputValue()).toBe(previous);
    expect(await offer.count()).toBe(0);
    await page.getByRole('status', { name: 'Notification' }).getByRole('button', { name: 'Undo' }).click();
    expect(await url.inputValue()).toBe(typed);
    await context.close();
  });

  it('"Keep mine" leaves the typed request, which is then the one kept for the next visit', async () => {
    const { context } = await contextWithStoredDraft();
    const { page, release } = await openWithLibraryHeld(context);
    const url = page.getByRole('textbox', { name: 'URL' });
    const typed = `${h.server.url}/echo/mine`;
    await url.fill(typed);
    release();
    await page.locator('html[data-library="ready"]').waitFor({ state: 'attached' });
    const offer = page.getByRole('alert', { name: 'Previous draft' });
    await offer.getByRole('button', { name: 'Keep mine' }).click();
    expect(await offer.count()).toBe(0);
    expect(await url.inputValue()).toBe(typed);
    await page.waitForFunction(() => (localStorage.getItem('parley:v1:working') ?? '').includes('/echo/mine'));
    await context.close();
  });

  it('restores the stored draft when nothing was typed before it loaded', async () => {
    const { context, previous } = await contextWithStoredDraft();
    const { page, release } = await openWithLibraryHeld(context);
    const url = page.getByRole('textbox', { name: 'URL' });
    await url.waitFor();
    expect(await url.inputValue()).not.toBe(previous); // the form is up before the library
    release();
    await page.locator('html[data-library="ready"]').waitFor({ state: 'attached' });
    expect(await url.inputValue()).toBe(previous);
    expect(await page.getByRole('alert', { name: 'Previous draft' }).count()).toBe(0);
    await context.close();
  });
});
