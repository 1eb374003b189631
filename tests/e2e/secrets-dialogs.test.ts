/**
 * Issue 9 point 6 in the browser: the Share dialog lists each secret the detector found with a
 * Keep checkbox, and library export asks the same way before it writes a file.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useHarness } from './harness.ts';
import { SAMPLE_TOKEN } from '../../src/core/model/defaults.ts';
import { decodeShare } from '../../src/core/share/codec.ts';
import { setUrl, waitForForm } from './request-helpers.ts';

const h = useHarness();
const ids = () => {
  let n = 0;
  return () => `id${++n}`;
};

describe('Share dialog: one checkbox per secret', () => {
  it('lists camelCase and value-shaped secrets, keeps the one ticked, and warns', async () => {
    const { page, context, blocked } = await h.openApp();
    await waitForForm(page);
    const url = `${h.server.url}/echo/share?accessToken=AT&page=1&ak=AKIAIOSFODNN7EXAMPLE&clientSecret=CS`;
    await setUrl(page, url);
    await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share request' });
    const leftOut = dialog.getByRole('list', { name: 'Left out of the link' });
    await leftOut.getByRole('listitem').first().waitFor();
    expect(await leftOut.getByRole('listitem').allTextContents()).toEqual([
      'Auth: Token',
      'Query parameter: accessToken',
      'Query parameter: ak (looks like an AWS access key)',
      'Query parameter: clientSecret',
    ]);
    expect(await dialog.getByText(/Anyone who gets this link/).count()).toBe(0);

    await dialog.getByRole('checkbox', { name: 'Keep Query parameter: clientSecret' }).click();
    const kept = dialog.getByRole('list', { name: 'Kept in the link' });
    await kept.waitFor();
    expect(await kept.getByRole('listitem').allTextContents()).toEqual(['Query parameter: clientSecret']);
    expect(await leftOut.getByRole('listitem').allTextContents()).toEqual([
      'Auth: Token',
      'Query parameter: accessToken',
      'Query parameter: ak (looks like an AWS access key)',
    ]);
    await dialog.getByText(/Anyone who gets this link can read the tokens, passwords and keys kept in it/).waitFor();
    expect(await dialog.getByRole('checkbox', { name: 'Include secrets' }).isChecked()).toBe(false);

    const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
    const back = decodeShare(new URL(link).hash, ids());
    if (!back.ok) throw new Error(back.message);
    expect(back.draft.auth).toEqual({ type: 'bearer', token: '' });
    expect(back.draft.query.map((q) => [q.name, q.value, q.enabled])).toEqual([
      ['accessToken', '', false],
      ['page', '1', true],
      ['ak', '', false],
      ['clientSecret', 'CS', true],
    ]);
    expect(back.omitted).toEqual([
      { where: 'auth', name: 'Token' },
      { where: 'query', name: 'accessToken' },
      { where: 'query', name: 'ak' },
    ]);

    // Unticking puts it back among the left-out items; Include secrets keeps them all.
    // (click, not uncheck: the item moves to the other list, so this checkbox leaves the page)
    await kept.getByRole('checkbox', { name: 'Keep Query parameter: clientSecret' }).click();
    const back2 = leftOut.getByRole('checkbox', { name: 'Keep Query parameter: clientSecret' });
    await back2.waitFor();
    expect(await back2.isChecked()).toBe(false);
    expect(await dialog.getByRole('list', { name: 'Kept in the link' }).count()).toBe(0);
    await dialog.getByRole('checkbox', { name: 'Include secrets' }).check();
    await dialog.getByRole('list', { name: 'Left out of the link' }).waitFor({ state: 'detached' });
    const all = decodeShare(
      new URL(await dialog.getByRole('textbox', { name: 'Share link' }).inputValue()).hash,
      ids(),
    );
    expect(all.ok && all.draft.auth).toEqual({ type: 'bearer', token: SAMPLE_TOKEN });
    expect(all.ok && all.omitted).toEqual([]);
    expect(blocked).toEqual([]);
    await context.close();
  });
});

describe('library export asks like Share does', () => {
  it('lists the secrets of saved requests, strips them by default, keeps the one ticked', async () => {
    const { page, context } = await h.openApp();
    await waitForForm(page);
    await setUrl(page, `${h.server.url}/echo/export?api_key=K1&page=2`);
    await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Save', exact: true }).click();
    const save = page.getByRole('dialog', { name: 'Save request' });
    await save.getByRole('textbox', { name: 'Request name' }).fill('With secrets');
    await save.getByRole('button', { name: 'Save request' }).click();

    await page.getByRole('button', { name: 'Export library' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export library' });
    const list = dialog.getByRole('list', { name: 'Secrets in the export' });
    await list.getByRole('listitem').first().waitFor();
    expect(await list.getByRole('listitem').allTextContents()).toEqual([
      'With secrets — Auth: Token',
      'With secrets — Query parameter: api_key',
    ]);

    // Default: nothing kept.
    const [plain] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export without secrets' }).click(),
    ]);
    const stripped = JSON.parse(readFileSync(await plain.path(), 'utf8')) as {
      requests: { name: string; draft: { auth: unknown; query: { name: string; value: string }[] } }[];
    };
    expect(stripped.requests.map((r) => [r.name, r.draft.auth, r.draft.query.map((q) => [q.name, q.value])])).toEqual([
      [
        'With secrets',
        { type: 'bearer', token: '' },
        [
          ['api_key', ''],
          ['page', '2'],
        ],
      ],
    ]);
    await dialog.waitFor({ state: 'detached' });

    // Keep one deliberately: a warning, then only that one is in the file.
    await page.getByRole('button', { name: 'Export library' }).click();
    await dialog.getByRole('checkbox', { name: 'Keep With secrets — Auth: Token' }).check();
    await dialog.getByText('1 secret is kept: anyone who gets the file can read it in plain text.').waitFor();
    const [keptOne] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    const text = readFileSync(await keptOne.path(), 'utf8');
    const withToken = JSON.parse(text) as typeof stripped;
    expect(withToken.requests[0]!.draft.auth).toEqual({ type: 'bearer', token: SAMPLE_TOKEN });
    expect(withToken.requests[0]!.draft.query.map((q) => [q.name, q.value])).toEqual([
      ['api_key', ''],
      ['page', '2'],
    ]);
    expect(text).not.toContain('K1');
    await context.close();
  });
});
