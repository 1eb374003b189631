/** Issue 5 end to end: a cURL command pasted into URL (or the Import dialog) becomes the request; Send sends what curl would. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import { echoBodyBytes, echoHeader, openRequestTab, readEcho, send, waitForForm } from './request-helpers.ts';

const h = useHarness();

/** Pastes `text` into the URL field as a real paste event carrying text/plain. */
async function pasteIntoUrl(page: Page, text: string): Promise<void> {
  const field = page.getByRole('textbox', { name: 'URL' });
  await field.focus();
  await field.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

describe('cURL import', () => {
  it('imports a command pasted into URL, and Send sends the bytes curl would', async () => {
    const { page, blocked } = await h.openApp();
    await waitForForm(page);
    const command =
      `curl -g '${h.server.url}/echo/imp?page[number]=1&$top=3' \\\n` +
      `  -u 'admin:p:a:s' -H 'X-Note: hello: world' \\\n` +
      `  -H 'Content-Type: application/json' --data-raw $'{"msg":"a\\\\nb","q":"it\\'s ("}'`;
    await pasteIntoUrl(page, command);
    await page
      .getByRole('textbox', { name: 'URL' })
      .and(page.locator(`[value="${h.server.url}/echo/imp?page[number]=1&$top=3"]`))
      .waitFor();
    expect(await page.getByRole('combobox', { name: 'Method' }).inputValue()).toBe('POST');

    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echo.method).toBe('POST');
    expect(echo.target).toBe('/echo/imp?page[number]=1&$top=3');
    expect(echoHeader(echo, 'X-Note')).toEqual(['hello: world']);
    expect(echoHeader(echo, 'Authorization')).toEqual(['Basic YWRtaW46cDphOnM=']);
    expect(echoHeader(echo, 'Content-Type')).toEqual(['application/json']);
    expect(echoBodyBytes(echo).toString('utf8')).toBe('{"msg":"a\\nb","q":"it\'s ("}');
    await h.screenshot(page, 'import-curl-pasted');
    expect(blocked).toEqual([]);
    await page.context().close();
  });

  it('imports from the Import dialog and lists what was not carried over', async () => {
    const { page, blocked } = await h.openApp();
    await waitForForm(page);
    await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Import' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a cURL command' });
    await dialog
      .getByRole('textbox', { name: 'Command to import' })
      .fill(
        `curl -G -d a=1 -d 'b=x%20y' --data-urlencode 'c=d e' -x http://proxy.test:3128 '${h.server.url}/echo/p?z=0'`,
      );
    await dialog.getByRole('button', { name: 'Import' }).click();
    const done = page.getByRole('dialog', { name: 'cURL command imported' });
    const warnings = done.getByRole('status', { name: 'Import warnings' });
    expect(await warnings.textContent()).toContain(
      'The command goes through the proxy http://proxy.test:3128 (-x, --proxy)',
    );
    await done.getByRole('button', { name: 'Close' }).click();

    expect(await page.getByRole('textbox', { name: 'URL' }).inputValue()).toBe(
      `${h.server.url}/echo/p?z=0&a=1&b=x%20y&c=d+e`,
    );
    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echo.method).toBe('GET');
    expect(echo.target).toBe('/echo/p?z=0&a=1&b=x%20y&c=d+e');
    expect(echo.body.size).toBe(0);
    expect(blocked).toEqual([]);
    await page.context().close();
  });

  it('keeps the command and the request when the command cannot be read', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    const before = await page.getByRole('textbox', { name: 'URL' }).inputValue();
    await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Import' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a cURL command' });
    await dialog.getByRole('textbox', { name: 'Command to import' }).fill("curl 'unterminated");
    await dialog.getByRole('button', { name: 'Import' }).click();
    expect(await dialog.getByRole('alert').textContent()).toBe(
      "The command has an unclosed ' quote at column 6; add the closing ' and import again.",
    );
    expect(await dialog.getByRole('textbox', { name: 'Command to import' }).inputValue()).toBe("curl 'unterminated");
    expect(await page.getByRole('textbox', { name: 'URL' }).inputValue()).toBe(before);
    await page.context().close();
  });

  it('maps -L, -k, --compressed and a Bearer header; Undo brings the replaced request back (issue 10)', async () => {
    const { page, blocked } = await h.openApp();
    await waitForForm(page);
    const url = page.getByRole('textbox', { name: 'URL' });
    const before = await url.inputValue();
    const tls = page.getByRole('checkbox', { name: 'Verify TLS certificate' });
    const follow = page.getByRole('checkbox', { name: 'Follow redirects' });
    // Per-request options live in the request's Settings tab.
    await openRequestTab(page, 'Settings');
    expect([await tls.isChecked(), await follow.isChecked()]).toEqual([true, false]);

    await pasteIntoUrl(
      page,
      `curl -L -k --compressed -H 'Authorization: Bearer tok-123' '${h.server.url}/echo/redirect/1'`,
    );
    await url.and(page.locator(`[value="${h.server.url}/echo/redirect/1"]`)).waitFor();
    await openRequestTab(page, 'Auth');
    expect(await page.getByRole('combobox', { name: 'Auth type' }).inputValue()).toBe('bearer');
    expect(await page.getByRole('textbox', { name: 'Token' }).inputValue()).toBe('tok-123');
    await openRequestTab(page, 'Settings');
    expect([await tls.isChecked(), await follow.isChecked()]).toEqual([false, true]);

    // Follow redirects is on: the one redirect is followed and the echo answers.
    expect(await send(page)).toBe('200 OK');
    const echo = await readEcho(page);
    expect(echo.target).toBe('/echo/redirect/0');
    expect(echoHeader(echo, 'Authorization')).toEqual(['Bearer tok-123']);
    expect(echoHeader(echo, 'Accept-Encoding')).toEqual(['gzip, deflate, br']);

    const toast = page.getByRole('status', { name: 'Notification' });
    expect(await toast.textContent()).toContain('Imported the cURL command');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await url.and(page.locator(`[value="${before}"]`)).waitFor();
    // Undo brings back everything the import changed: the draft (Verify TLS) and the -L setting.
    await openRequestTab(page, 'Settings');
    expect([await tls.isChecked(), await follow.isChecked()]).toEqual([true, false]);
    await h.screenshot(page, 'import-curl-undone');
    expect(blocked).toEqual([]);
    await page.context().close();
  });
});
