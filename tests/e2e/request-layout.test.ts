/** Layout of the request form's denser rows: a multipart file part keeps its button, name and content type readable. */
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';
import { setBodyType, waitForForm } from './request-helpers.ts';

const h = useHarness();

describe('request form layout', () => {
  it('shows a long file name (full name in the tooltip), an unwrapped button, and a whole content type', async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setBodyType(page, 'Multipart form');
    await page.getByRole('button', { name: '+ Add file' }).click();
    const fileName = 'quarterly-report-final-version-2026-11-29-with-appendix.pdf';
    await page
      .getByLabel('File for part 2')
      .setInputFiles({ name: fileName, mimeType: 'application/octet-stream', buffer: Buffer.alloc(123456) });
    const label = page.locator('label', { has: page.getByLabel('File for part 2') });
    await label.getByText(fileName).waitFor();
    expect(await label.getAttribute('title')).toBe(`${fileName} (123,456 bytes)`);
    // The button text stays on one line.
    const chip = label.getByText('Choose file');
    const lineHeight = await chip.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    const box = await chip.boundingBox();
    expect(box !== null && box.height < 2 * lineHeight).toBe(true);
    // The content type field is wide enough for application/octet-stream.
    const type = page.getByRole('textbox', { name: 'Part content type' }).nth(1);
    expect(await type.inputValue()).toBe('application/octet-stream');
    expect(await type.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await h.screenshot(page, 'request-multipart-file-row');
    await page.context().close();
  });

  it("shows a part's problem on its own row: a file part with no file chosen", async () => {
    const { page } = await h.openApp();
    await waitForForm(page);
    await setBodyType(page, 'Multipart form');
    await page.getByRole('button', { name: '+ Add file' }).click();
    await page.getByRole('textbox', { name: 'Part name' }).nth(1).fill('upload');
    const row = page.getByRole('row').filter({ has: page.getByLabel('File for part 2') });
    await row.getByText('Form field "upload" is a file field but no file is chosen.').waitFor();
    // Once, on that row only (the first part, a text field, has no problem).
    expect(await page.getByRole('table', { name: 'Multipart parts' }).getByText('no file is chosen').count()).toBe(1);
    await page.context().close();
  });
});
