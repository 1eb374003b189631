/** Issue 17 item 2 end to end: a WebSocket request to the built-in echo, through Parley's proxy. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import { setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();

const log = (page: Page) => page.getByRole('list', { name: 'Message log' });
const row = (page: Page, direction: string, kind: string, nth: number) =>
  log(page).locator(`li[data-direction="${direction}"][data-kind="${kind}"]`).nth(nth);

async function rowText(page: Page, direction: string, kind: string, nth: number) {
  const r = row(page, direction, kind, nth);
  await r.waitFor();
  return {
    size: await r.getByTestId('size').textContent(),
    preview: await r.getByTestId('preview').textContent(),
  };
}

async function sendMessage(page: Page, type: string, text: string) {
  await page.getByRole('combobox', { name: 'Message type' }).selectOption({ label: type });
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill(text);
  await page.getByRole('button', { name: 'Send message' }).click();
}

describe('WebSocket through the proxy', () => {
  it('connects with a subprotocol, echoes text, JSON, binary and 1 MiB exactly, closes with 4000 and a reason', async () => {
    const { page, blocked } = await h.openApp();
    await waitForForm(page);
    await setUrl(page, `${h.server.url.replace('http:', 'ws:')}/echo/ws`);
    await page.getByRole('textbox', { name: 'Subprotocols' }).fill('chat.v2, chat.v1');
    await page.getByRole('button', { name: 'Connect' }).click();
    const status = page.getByRole('status', { name: 'Connection status' });
    await expect.poll(() => status.textContent()).toBe('Open, subprotocol chat.v2');
    // The example request's Bearer token is a header field: only the proxy can send it.
    expect(await page.getByText('via proxy', { exact: true }).count()).toBe(1);

    await sendMessage(page, 'Text', 'héllo');
    expect(await rowText(page, 'received', 'text', 0)).toEqual({ size: '6 B', preview: 'héllo' });
    expect(await rowText(page, 'sent', 'text', 0)).toEqual({ size: '6 B', preview: 'héllo' });

    await sendMessage(page, 'JSON', '{"a":[1,2]}');
    expect(await rowText(page, 'received', 'text', 1)).toEqual({ size: '11 B', preview: '{"a":[1,2]}' });
    await row(page, 'received', 'text', 1).getByRole('button').click();
    expect(await page.getByRole('region', { name: 'Message detail' }).locator('pre').textContent()).toBe(
      '{\n  "a": [\n    1,\n    2\n  ]\n}',
    );

    await sendMessage(page, 'Binary (hex)', 'de ad be ef 00 ff');
    expect(await rowText(page, 'received', 'binary', 0)).toEqual({ size: '6 B', preview: 'de ad be ef 00 ff' });

    await sendMessage(page, 'Text', 'x'.repeat(1024 * 1024));
    expect((await rowText(page, 'received', 'text', 2)).size).toBe('1,048,576 B');

    await page.getByRole('textbox', { name: 'Close code' }).fill('4000');
    await page.getByRole('textbox', { name: 'Close reason' }).fill('bye now');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => status.textContent()).toBe('Closed');
    const closed = log(page).locator('li[data-kind="closed"]').last().getByTestId('preview');
    expect(await closed.textContent()).toBe('Closed 4000 (application): bye now');
    await h.screenshot(page, 'websocket-panel');
    expect(blocked).toEqual([]);
  });
});
