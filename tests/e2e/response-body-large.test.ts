/**
 * A 50 MB JSON response through the proxy: formatted in a Web Worker while the page keeps
 * answering clicks, then shown (virtualised), searchable, and foldable in the tree view.
 * Responsiveness is asserted functionally (a click is handled while formatting is still in
 * progress), not with timings; bench/ measures the long tasks.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { useHarness } from './harness.ts';
import { setBodyType, setMethod, setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();

describe('a 50 MB JSON response', () => {
  it(
    'is formatted off the main thread while the page responds to clicks, then shown and searchable',
    { timeout: 120_000 },
    async () => {
      const { page } = await h.openApp();
      await waitForForm(page);
      await setMethod(page, 'GET');
      await setBodyType(page, 'None');
      await setUrl(page, `${h.server.url}/echo/json/big?mb=50`);
      // Record, in page order, when formatting ends and when the Raw tab becomes selected.
      await page.evaluate(() => {
        const w = window as unknown as { __events: string[] };
        w.__events = [];
        new MutationObserver(() => {
          const viewer = document.querySelector('[data-body-kind="json"]');
          const state = viewer?.getAttribute('data-state');
          if (state === 'ready' && !w.__events.includes('ready')) w.__events.push('ready');
          const raw = document.querySelector(
            '[role="tablist"][aria-label="Body view"] [role="tab"][aria-selected="true"]',
          );
          if (raw?.textContent === 'Raw' && !w.__events.includes('raw-selected')) w.__events.push('raw-selected');
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      const progress = page.getByRole('status', { name: 'Body progress' });
      await progress.waitFor({ timeout: 90_000 });
      // While the worker formats, the page handles a click: the Raw tab gets selected.
      await page.getByRole('tablist', { name: 'Body view' }).getByRole('tab', { name: 'Raw' }).click();
      await page.waitForFunction(() => (window as unknown as { __events: string[] }).__events.includes('ready'), null, {
        timeout: 90_000,
      });
      const events = await page.evaluate(() => (window as unknown as { __events: string[] }).__events);
      expect(events).toEqual(['raw-selected', 'ready']);

      // Pretty view: virtualised rows, losslessly formatted (big integers keep every digit).
      await page.getByRole('tablist', { name: 'Body view' }).getByRole('tab', { name: 'Pretty' }).click();
      const text = page.getByRole('region', { name: 'Body text' });
      await expect.poll(() => text.locator('[data-row="4"]').textContent()).toBe('      "id": 1000000000000003023,');
      const renderedRows = await text.locator('[data-row]').count();
      expect(renderedRows).toBeLessThan(200); // millions of lines, only the visible window in the DOM

      // Search runs in the worker over the whole body and jumps to the match.
      await page.getByRole('searchbox', { name: 'Search body' }).fill('item-000123456');
      await expect
        .poll(() => page.getByRole('status', { name: 'Search result' }).textContent(), { timeout: 30_000 })
        .toBe('1 of 1 matches');
      await expect.poll(() => text.locator('mark').first().textContent()).toBe('item-000123456');

      // Millions of rows exceed the browser's element height, yet the wheel still moves row by row.
      const firstRow = async () => Number(await text.locator('[data-row]').first().getAttribute('data-row'));
      const before = await firstRow();
      await text.hover();
      await page.mouse.wheel(0, 180); // 180 px = 10 rows of 18 px
      await expect.poll(firstRow).toBe(before + 10);

      // The tree folds and unfolds lazily.
      await page.getByRole('tablist', { name: 'Body view' }).getByRole('tab', { name: 'Tree' }).click();
      const tree = page.getByRole('tree', { name: 'JSON tree' });
      await tree.getByRole('button', { name: 'Expand "items"' }).click();
      await expect.poll(() => tree.getByRole('button', { name: /^Show 500 more/ }).count()).toBe(1);
      await tree.getByRole('button', { name: 'Expand 0' }).click();
      await expect
        .poll(() => tree.getByRole('treeitem', { name: '"id"' }).first().textContent())
        .toBe('"id":1000000000000003023');
      await tree.getByRole('button', { name: 'Collapse "items"' }).click();
      expect(await tree.getByRole('treeitem', { name: '"id"' }).count()).toBe(0);

      // Download saves the 50 MB exactly as the server sent them.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('big.json');
      const saved = createHash('sha256')
        .update(await readFile(await download.path()))
        .digest('hex');
      const sent = createHash('sha256')
        .update(new Uint8Array(await (await fetch(`${h.server.url}/echo/json/big?mb=50`)).arrayBuffer()))
        .digest('hex');
      expect(saved).toBe(sent);
      await page.context().close();
    },
  );
});
