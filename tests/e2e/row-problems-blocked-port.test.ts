/**
 * QA follow-ups: every problem of a header row shows at once on that row, and Direct mode
 * refuses a port the browser blocks (Fetch §2.9) with a message naming the port, before sending.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import { openRequestTab, setBodyType, setMethod, setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();

describe('problems shown before sending', () => {
  it('a header row with a bad name AND a value outside Latin-1 shows both errors on the row, and Send lists both', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await openRequestTab(page, 'Headers');
    const table = page.getByRole('table', { name: 'Headers' });
    const before = await table.locator('p').count();
    await page.getByRole('button', { name: 'Add header' }).click();
    const row = (await page.getByRole('textbox', { name: 'Header name' }).count()) - 1;
    await page.getByRole('textbox', { name: 'Header name' }).nth(row).fill('Bad Name');
    await page.getByRole('textbox', { name: 'Header value' }).nth(row).fill('x😀');
    const messages = (await table.locator('p').allTextContents()).slice(before);
    expect(messages).toEqual([
      'The header name "Bad Name" contains space (U+0020); a header name is letters, digits and !#$%&\'*+-.^_`|~ only (RFC 9110 §5.1).',
      'The value of header "Bad Name" contains "😀" (U+1F600), which is outside Latin-1: header fields can only carry Latin-1 characters. Percent-encode it or use a Latin-1 character.',
    ]);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Not sent' });
    await alert.waitFor();
    expect(await alert.locator('li').allTextContents()).toEqual(messages);
    expect(await page.getByRole('textbox', { name: 'Header value' }).nth(row).inputValue()).toBe('x😀');
    await page.context().close();
  });

  it('Direct mode to port 1 is not sent and names the blocked port; through the proxy it is sent', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setMethod(page, 'GET');
    await setBodyType(page, 'None');
    const via = page.getByRole('radiogroup', { name: 'Send via' });
    await via.getByRole('radio', { name: 'Direct' }).click();
    await setUrl(page, 'http://127.0.0.1:1/x');
    const message =
      "Browsers refuse to connect to port 1 (the Fetch standard's blocked ports). Send it through Parley's proxy instead.";
    await page.getByText(message).first().waitFor();
    expect(await page.getByRole('textbox', { name: 'URL' }).getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Not sent' });
    await alert.waitFor();
    expect(await alert.locator('li').allTextContents()).toEqual([message]);
    expect(await page.getByRole('status', { name: 'Response status' }).count()).toBe(0);

    await via.getByRole('radio', { name: 'Proxy' }).click();
    expect(await page.getByText(message).count()).toBe(0);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    // Nothing listens on port 1: the proxy really tried, so the error is the refused connection.
    await page
      .getByRole('alert', { name: 'Send error' })
      .filter({ hasText: 'Connection refused by 127.0.0.1:1' })
      .waitFor();
    await page.context().close();
  });
});
