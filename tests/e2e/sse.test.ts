/**
 * A text/event-stream response through the real app (the echo's SSE ticker on the app's own
 * origin, server/echo/sse.ts): the live event list, Reconnect with Last-Event-ID, and Stop.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import { openResponseTab, send, setBodyType, setMethod, setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();

/** The event list's rows as [id, event, data, retry] cells. */
async function eventRows(page: Page): Promise<string[][]> {
  return page
    .getByRole('table', { name: 'Events' })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

const status = (page: Page) =>
  page.getByRole('region', { name: 'Response' }).getByRole('status', { name: 'Event stream status' });

describe('an event stream response', () => {
  it('lists the events, then Reconnect sends Last-Event-ID and the ids continue', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/sse?n=3&interval=50&retry=1500`);
    expect(await send(page)).toBe('200 OK');
    await status(page).filter({ hasText: 'Ended' }).waitFor();
    expect(await status(page).textContent()).toBe('Ended · 3 events · last id 3 · retry 1500 ms');
    expect(await eventRows(page)).toEqual([
      ['1', 'message', 'tick 1', '1500'],
      ['2', 'message', 'tick 2', '1500'],
      ['3', 'message', 'tick 3', '1500'],
    ]);

    await page.getByRole('button', { name: 'Reconnect' }).click();
    await status(page).filter({ hasText: 'last id 6' }).waitFor();
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
    expect(await status(page).textContent()).toBe('Ended · 3 events · last id 6 · retry 1500 ms');
    expect(await eventRows(page)).toEqual([
      ['4', 'message', 'tick 4', '1500'],
      ['5', 'message', 'tick 5', '1500'],
      ['6', 'message', 'tick 6', '1500'],
    ]);
    // What was sent carries the header field, and the draft shows it as a header row.
    await openResponseTab(page, 'Raw request');
    const raw = (await page.getByRole('region', { name: 'Raw request' }).textContent()) ?? '';
    expect(raw).toContain('Last-Event-ID: 3');
    await h.screenshot(page, 'sse-reconnect');
  });

  it('Stop during a longer stream keeps the events received', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    await setUrl(page, `${h.server.url}/echo/sse?n=1000&interval=100&event=tick`);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await status(page).filter({ hasText: 'last id 2' }).waitFor();
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('button', { name: 'Reconnect' }).waitFor();
    const text = (await status(page).textContent()) ?? '';
    const count = Number(/· (\d+) events? ·/.exec(text)?.[1]);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(text).toBe(`Ended · ${count} events · last id ${count}`);
    const rows = await eventRows(page);
    expect(rows).toEqual(Array.from({ length: count }, (_, i) => [String(i + 1), 'tick', `tick ${i + 1}`, '']));
    // Stopped: nothing more arrives.
    await page.waitForTimeout(400);
    expect(await eventRows(page)).toEqual(rows);
    await h.screenshot(page, 'sse-stopped');
  });
});
