/**
 * Issue 13 point 6: the layout from 360 to 2560 px. At each width nothing scrolls sideways, the
 * URL field is wide enough to read, and Send, Code and Import are reachable (directly, or in the
 * "More" menu below 1440 px). Screenshots land in test-results/layout-<width>.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import { waitForForm } from './request-helpers.ts';

const h = useHarness();

async function openAt(width: number, height = 900): Promise<Page> {
  const { page } = await h.openApp();
  await page.setViewportSize({ width, height });
  await waitForForm(page);
  return page;
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('layout at any width', () => {
  for (const width of [360, 800, 1280, 1439, 1440, 1720, 2560]) {
    it(`${width} px: no sideways scroll, a usable URL field, Send / Code / Import reachable`, async () => {
      const page = await openAt(width);
      expect(await noSidewaysScroll(page)).toBe(true);
      const url = await page.getByRole('textbox', { name: 'URL' }).boundingBox();
      expect(url!.width).toBeGreaterThanOrEqual(200);
      await expect(page.getByRole('button', { name: 'Send', exact: true }).isVisible()).resolves.toBe(true);
      await h.screenshot(page, `layout-${width}`);
      // No toolbar control is cut off or pushed past the window's edge, and the sidebar's sort
      // select is inside the sidebar (it was clipped at 1720 px).
      const overflow = await page.evaluate(() => {
        const header = document.querySelector('header')!;
        const out = [...header.querySelectorAll('button, select, [role="radiogroup"]')].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && !el.closest('.invisible') && r.right > window.innerWidth;
        });
        return { out: out.map((el) => el.textContent), scrolls: header.scrollWidth > header.clientWidth };
      });
      expect(overflow).toEqual({ out: [], scrolls: false });
      if (width >= 768) {
        const sort = await page.getByRole('combobox', { name: 'Sort saved requests' }).boundingBox();
        const pane = await page.locator('#library-pane').boundingBox();
        expect(sort!.x + sort!.width).toBeLessThanOrEqual(pane!.x + pane!.width);
      }
      if (width < 1440) {
        await page.getByRole('button', { name: 'More' }).click();
        await h.screenshot(page, `layout-${width}-more`);
      }
      for (const name of ['Code', 'Import', 'Save', 'Share'])
        await expect(page.getByRole('button', { name, exact: true }).isVisible()).resolves.toBe(true);
      await page.getByRole('button', { name: 'Code', exact: true }).click();
      await page.getByRole('dialog', { name: 'Code snippet' }).waitFor();
      expect(await noSidewaysScroll(page)).toBe(true);
      await h.screenshot(page, `layout-${width}-code`);
      await page.context().close();
    });
  }

  it('360 px: the sidebar is a drawer opened from the toolbar, closed with Escape', async () => {
    const page = await openAt(360);
    const search = page.getByRole('searchbox', { name: 'Search saved requests' });
    expect(await search.isVisible()).toBe(false);
    const toggle = page.getByRole('button', { name: 'Library', exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await search.isVisible()).toBe(true);
    expect(await noSidewaysScroll(page)).toBe(true);
    await h.screenshot(page, 'layout-360-drawer');
    // Focus went into the drawer; Escape closes it and gives focus back to the Library button.
    expect(await page.evaluate(() => document.activeElement?.closest('#library-pane') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await search.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Library');
    await page.context().close();
  });

  it('wide: the sidebar and the split resize with the keyboard, collapse, and are remembered', async () => {
    const page = await openAt(1280);
    const sidebar = page.getByRole('separator', { name: 'Resize sidebar' });
    expect(await sidebar.getAttribute('aria-valuenow')).toBe('256');
    await sidebar.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await sidebar.getAttribute('aria-valuenow')).toBe('288');
    expect(await page.locator('#library-pane').evaluate((el) => el.getBoundingClientRect().width)).toBe(288);

    const split = page.getByRole('separator', { name: 'Resize request and response' });
    expect(await split.getAttribute('aria-orientation')).toBe('vertical');
    await split.focus();
    await page.keyboard.press('PageUp');
    expect(await split.getAttribute('aria-valuenow')).toBe('40');

    // Drag the split with the mouse to 70 % of its container.
    const box = await page.locator('#request-pane').evaluate((el) => {
      const r = el.parentElement!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    const handle = (await split.boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, handle.y + 200, { steps: 4 });
    await page.mouse.up();
    expect(await split.getAttribute('aria-valuenow')).toBe('70');

    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('button', { name: 'Stacked' }).click();
    await page.keyboard.press('Escape');
    expect(await split.getAttribute('aria-orientation')).toBe('horizontal');
    await h.screenshot(page, 'layout-1280-stacked');

    await page.reload();
    await waitForForm(page);
    expect(await page.getByRole('separator', { name: 'Resize sidebar' }).getAttribute('aria-valuenow')).toBe('288');
    expect(await split.getAttribute('aria-valuenow')).toBe('70');
    expect(await split.getAttribute('aria-orientation')).toBe('horizontal');

    const toggle = page.getByRole('button', { name: 'Library', exact: true });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('separator', { name: 'Resize sidebar' }).count()).toBe(0);
    expect(await page.getByRole('searchbox', { name: 'Search saved requests' }).isVisible()).toBe(false);
    await page.context().close();
  });
});
