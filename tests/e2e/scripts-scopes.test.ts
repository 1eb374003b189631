/**
 * Issue 15 in the browser, scopes: a saved request's Send runs its collection's, folder's and own
 * scripts in Postman's order (collection → folder → request, for pre-request and post-response),
 * the inherited bearer auth is sent, and what scripts set in pm.globals and
 * pm.collectionVariables is still there after a reload (globals store, collection record).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.ts';
import { echoHeader, readEcho, send, waitForForm } from './request-helpers.ts';

const h = useHarness();

const scripts = (pre: string, post: string) => ({ preRequest: pre, postResponse: post });
const defaults = (over: Record<string, unknown>) => ({
  headers: [],
  auth: null,
  variables: [],
  scripts: scripts('', ''),
  ...over,
});

async function seed(page: Page, url: string) {
  const records = {
    'parley:v1:collection:c1': {
      v: 1,
      id: 'c1',
      name: 'Team',
      createdAt: 1,
      order: 0,
      defaults: defaults({
        auth: { type: 'bearer', token: '{{token}}' },
        variables: [{ id: 'v1', name: 'token', value: 'coll-token', enabled: true }],
        scripts: scripts(
          "console.log('collection pre'); pm.globals.set('runs', String(Number(pm.globals.get('runs') || 0) + 1));",
          "console.log('collection post'); pm.collectionVariables.set('seen', pm.response.json().target);",
        ),
      }),
    },
    'parley:v1:folder:f1': {
      v: 1,
      id: 'f1',
      name: 'Users',
      collectionId: 'c1',
      parentId: null,
      order: 0,
      createdAt: 1,
      defaults: defaults({ scripts: scripts("console.log('folder pre')", "console.log('folder post')") }),
    },
    'parley:v1:request:r1': {
      v: 1,
      id: 'r1',
      name: 'Scoped me',
      collectionId: 'c1',
      folderId: 'f1',
      order: 0,
      createdAt: 1,
      updatedAt: 1,
      draft: {
        v: 1,
        method: 'GET',
        url,
        auth: { type: 'inherit' },
        scripts: scripts(
          "console.log('request pre')",
          "console.log('request post', pm.globals.get('runs'), pm.collectionVariables.get('seen'))",
        ),
      },
    },
  };
  await page.evaluate((r) => {
    for (const [k, v] of Object.entries(r)) localStorage.setItem(k, JSON.stringify(v));
  }, records);
}

async function sendSaved(page: Page): Promise<string> {
  await page.getByRole('complementary', { name: 'Library' }).getByRole('button', { name: 'Open Scoped me' }).click();
  expect(await send(page)).toBe('200 OK');

  await page
    .getByRole('tablist', { name: 'Response views' })
    .getByRole('tab', { name: /^Tests/ })
    .click();
  const consoleText = page.getByRole('region', { name: 'Console' }).locator('pre');
  await page.waitForFunction(
    () => document.querySelector('section[aria-label="Console"] pre')?.textContent?.includes('request post') ?? false,
    undefined,
    { timeout: 30_000 },
  );
  return (await consoleText.textContent()) ?? '';
}

describe('scripts along the scope chain', () => {
  it('runs collection → folder → request scripts, sends inherited auth, keeps globals and collection variables across a reload', async () => {
    const { page, context, blocked } = await h.openApp();
    await waitForForm(page);
    await seed(page, `${h.server.url}/echo/scoped`);
    await page.reload();
    await waitForForm(page);

    const first = await sendSaved(page);
    // The post-response scripts run after the request: the collection's set `seen` before the request's read it.
    expect(first.split('\n')).toEqual([
      'collection pre',
      'folder pre',
      'request pre',
      'collection post',
      'folder post',
      'request post 1 /echo/scoped',
    ]);
    await h.screenshot(page, 'scripts-scopes-console');
    const echo = await readEcho(page);
    expect(echoHeader(echo, 'Authorization')).toEqual(['Bearer coll-token']);

    // Stored: the globals table and the collection record.
    await page.waitForFunction(() => (localStorage.getItem('parley:v1:collection:c1') ?? '').includes('"seen"'));
    const stored = await page.evaluate(() => ({
      globals: JSON.parse(localStorage.getItem('parley.globals') ?? 'null') as { state: { globals: unknown[] } },
      collection: JSON.parse(localStorage.getItem('parley:v1:collection:c1') ?? 'null') as {
        defaults: { variables: { name: string; value: string; enabled: boolean }[] };
      },
    }));
    expect(stored.globals.state.globals).toEqual([
      { id: expect.any(String) as string, name: 'runs', value: '1', enabled: true },
    ]);
    expect(stored.collection.defaults.variables.map(({ name, value, enabled }) => ({ name, value, enabled }))).toEqual([
      { name: 'token', value: 'coll-token', enabled: true },
      { name: 'seen', value: '/echo/scoped', enabled: true },
    ]);

    await page.reload();
    await waitForForm(page);
    const second = await sendSaved(page);
    expect(second.split('\n').at(-1)).toBe('request post 2 /echo/scoped');
    expect(blocked).toEqual([]);
    await context.close();
  }, 240_000);
});
