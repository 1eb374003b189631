/** Insomnia v4 (JSON) and v5 (YAML) import: tree, order, environments, auth, bodies, what was dropped, bytes sent. */
import { describe, expect, it } from 'vitest';
import { importText } from '../../../src/core/interop/import-any.ts';
import { importInsomnia } from '../../../src/core/interop/insomnia/import-insomnia.ts';
import { insomniaTemplate } from '../../../src/core/interop/insomnia/template.ts';
import type { ImportResult, TreeCollection, TreeFolder } from '../../../src/core/interop/tree.ts';
import { fixture, paths, sent, withoutIds } from './helpers.ts';

const VARS = { baseUrl: 'https://shop.test/v1', token: 'T', password: 'P', apiKey: 'K', $guid: 'G' };

async function load(
  name: string,
): Promise<{ tree: TreeCollection; report: Extract<ImportResult, { ok: true }>['report'] }> {
  const r = await importText(fixture(name), { fileName: name });
  if (r.ok !== true) throw new Error(JSON.stringify(r));
  expect(r.format).toBe('insomnia');
  return { tree: r.collection, report: r.report };
}

describe('Insomnia template text', () => {
  it('turns variables and uuid/now tags into Parley text and lists the rest', () => {
    expect(insomniaTemplate("{{ _.baseUrl }}/u/{% uuid 'v4' %}?t={% now 'unix' %}&i={% now 'iso-8601', '' %}")).toEqual(
      {
        text: '{{baseUrl}}/u/{{$guid}}?t={{$timestamp}}&i={{$isoTimestamp}}',
        untranslated: [],
      },
    );
    expect(insomniaTemplate("{{a.b}} {% prompt 'Code' %} {% now 'millis' %}")).toEqual({
      text: "{{a.b}} {% prompt 'Code' %} {% now 'millis' %}",
      untranslated: ['prompt', 'now'],
    });
  });
});

describe('Insomnia v4 export (JSON)', () => {
  it('keeps folders and order (metaSortKey), environments, and reports what it drops', async () => {
    const { tree, report } = await load('insomnia-v4.json');
    expect(tree.name).toBe('Shop API');
    expect(tree.description).toBe('The shop.');
    expect(paths(tree)).toEqual(['Auth › Log in', 'Auth › Me', 'Create item', 'Upload', 'Chained']);
    expect(withoutIds(tree.defaults.variables)).toEqual([
      { name: 'baseUrl', value: 'https://shop.test/v1', enabled: true },
      { name: 'auth.realm', value: 'eu', enabled: true },
    ]);
    expect(tree.environments).toEqual([
      {
        name: 'Production',
        variables: [{ name: 'baseUrl', value: 'https://shop.example/v1', enabled: true, secret: false }],
      },
      { name: 'Mine', variables: [{ name: 'token', value: 't-1', enabled: true, secret: true }] },
    ]);
    const folder = tree.items[0] as TreeFolder;
    expect(folder.description).toBe('Sessions');
    expect(withoutIds(folder.defaults.variables)).toEqual([{ name: 'realm', value: 'shop', enabled: true }]);
    expect(report.filter((i) => i.outcome !== 'imported')).toEqual([
      {
        outcome: 'not-carried',
        path: 'Default Jar',
        message: 'Cookies are not carried: the browser keeps cookies itself.',
      },
      {
        outcome: 'not-carried',
        path: 'Stream prices',
        message: 'gRPC requests are not carried: Parley sends HTTP requests.',
      },
      {
        outcome: 'changed',
        path: 'Upload › body part photo',
        message: 'The file /home/ann/cat.png is not in the export: choose it again.',
      },
      {
        outcome: 'not-carried',
        path: 'Chained › URL',
        message:
          'The Insomnia tag {% response %} cannot run in Parley; it is left as typed: replace it with a value or a variable.',
      },
      {
        outcome: 'not-carried',
        path: 'Chained › auth (oauth2)',
        message: 'Parley has no oauth2 auth yet: requests that use it are sent without auth.',
      },
    ]);
  });

  it('sends what Insomnia sends: query parameters appended, disabled rows off, auth, bodies', async () => {
    const { tree } = await load('insomnia-v4.json');
    expect(sent(tree, 'Auth › Log in', VARS)).toEqual({
      method: 'POST',
      url: 'https://shop.test/v1/login',
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
      body: 'user=ann',
    });
    expect(sent(tree, 'Auth › Me', { ...VARS, realm: 'shop' })).toEqual({
      method: 'GET',
      url: 'https://shop.test/v1/me?fields=id,name&trace=G',
      headers: [
        ['X-Realm', 'shop'],
        ['Authorization', 'Bearer T'],
      ],
      body: null,
    });
    expect(sent(tree, 'Create item', VARS)).toEqual({
      method: 'POST',
      url: 'https://shop.test/v1/items',
      headers: [
        ['Content-Type', 'application/json'],
        ['Authorization', 'Basic YW5uOlA='],
      ],
      body: '{\n  "name": "pen",\n  "price": 1.50\n}',
    });
    const upload = [...tree.items].find((i) => i.name === 'Upload');
    expect(upload?.kind === 'request' && withoutIds(upload.draft.headers)).toEqual([]);
    expect(upload?.kind === 'request' && upload.draft.body).toMatchObject({
      mode: 'multipart',
      parts: [
        { name: 'title', kind: 'text', value: 'cat', enabled: true },
        { name: 'photo', kind: 'file', file: null, enabled: true },
      ],
    });
    expect(upload?.kind === 'request' && upload.auth).toEqual({
      type: 'apikey',
      key: 'X-Api-Key',
      value: '{{apiKey}}',
      in: 'header',
    });
  });

  it('refuses older export formats with a message', () => {
    expect(importInsomnia({ __export_format: 3, resources: [] })).toEqual({
      ok: false,
      message:
        'This Insomnia export is format 3; Parley reads format 4 (JSON) and 5 (YAML). Export it again from a current Insomnia.',
    });
  });
});

describe('Insomnia v5 (YAML)', () => {
  it('reads the nested collection, folder defaults, environments and scripts', async () => {
    const { tree, report } = await load('insomnia-v5.yaml');
    expect(paths(tree)).toEqual(['Auth › Me', 'Create item']);
    const folder = tree.items[0] as TreeFolder;
    expect(withoutIds(folder.defaults)).toEqual({
      headers: [{ name: 'X-Team', value: 'shop', enabled: true }],
      auth: { type: 'basic', username: 'admin', password: '{{password}}' },
      variables: [{ name: 'realm', value: 'shop', enabled: true }],
      scripts: { preRequest: '', postResponse: '' },
    });
    expect(tree.environments).toEqual([
      {
        name: 'Production',
        variables: [{ name: 'baseUrl', value: 'https://shop.example/v1', enabled: true, secret: false }],
      },
    ]);
    const me = folder.items[0]!;
    expect(me.kind === 'request' && me.scripts.postResponse).toBe(
      "insomnia.test('ok', () => insomnia.expect(insomnia.response.code).to.eql(200));",
    );
    expect(tree.items[1]!.description).toBe('Adds an item.');
    expect(report.filter((i) => i.outcome !== 'imported').map((i) => i.path)).toEqual(['Auth › Me › scripts']);
    expect(sent(tree, 'Auth › Me', VARS)).toEqual({
      method: 'GET',
      url: 'https://shop.test/v1/me?fields=id,name&trace=G',
      headers: [
        ['X-Realm', 'shop'],
        ['X-Team', 'shop'],
        ['Authorization', 'Bearer T'],
      ],
      body: null,
    });
    expect(sent(tree, 'Create item', VARS)).toEqual({
      method: 'POST',
      url: 'https://shop.test/v1/items?api_key=K',
      headers: [['Content-Type', 'application/json']],
      body: '{\n  "name": "pen"\n}',
    });
  });

  it('gives the same requests as the v4 export of the same workspace', async () => {
    const v4 = (await load('insomnia-v4.json')).tree;
    const v5 = (await load('insomnia-v5.yaml')).tree;
    const me = (t: TreeCollection) => withoutIds((t.items[0] as TreeFolder).items.find((i) => i.name === 'Me'));
    expect({ ...me(v5), scripts: null }).toEqual({ ...me(v4), scripts: null });
  });
});
