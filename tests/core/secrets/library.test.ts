import { describe, expect, it } from 'vitest';
import { stripLibrarySecrets } from '../../../src/core/secrets/library.ts';
import { exportLibrary, type LibraryContents } from '../../../src/core/library/transfer.ts';
import { blankDraft } from '../../../src/core/model/defaults.ts';
import { makeCollection, makeFolder } from '../../../src/core/library/records.ts';

const row = (id: string, name: string, value: string, enabled = true) => ({ id, name, value, enabled });

const library: LibraryContents = {
  collections: [makeCollection('c1', 'Default', 0)],
  folders: [],
  requests: [
    {
      v: 1,
      id: 'r1',
      name: 'Login',
      collectionId: 'c1',
      folderId: null,
      order: 0,
      createdAt: 1,
      updatedAt: 2,
      draft: {
        ...blankDraft(),
        method: 'POST',
        url: 'https://auth.test/token',
        headers: [row('h1', 'X-RapidAPI-Key', 'rapid')],
        body: { mode: 'form-urlencoded', fields: [row('f1', 'username', 'ann'), row('f2', 'password', 'hunter2')] },
      },
    },
  ],
  history: [
    {
      v: 1,
      id: 'e1',
      at: 3,
      method: 'GET',
      url: 'https://api.test/me?access_token=abc&page=1',
      status: 200,
      timeMs: 5,
      sizeBytes: 10,
      draft: {
        ...blankDraft(),
        url: 'https://api.test/me',
        query: [row('q1', 'access_token', 'abc'), row('q2', 'page', '1')],
      },
    },
  ],
};

describe('stripLibrarySecrets (library export)', () => {
  it('lists every secret by record, and empties them all by default', () => {
    const { library: out, findings } = stripLibrarySecrets(library);
    expect(findings.map((f) => [f.record, f.key, f.where, f.name])).toEqual([
      ['Login', 'request:r1/header:0', 'header', 'X-RapidAPI-Key'],
      ['Login', 'request:r1/form:1', 'body', 'Form field password'],
      [
        'History: GET https://api.test/me?access_token=&page=1',
        'history:e1/url/query:0',
        'query',
        'URL as sent: access_token',
      ],
      ['History: GET https://api.test/me?access_token=&page=1', 'history:e1/query:0', 'query', 'access_token'],
    ]);
    expect(out.requests[0]!.draft.headers).toEqual([row('h1', 'X-RapidAPI-Key', '', false)]);
    expect(out.requests[0]!.draft.body).toEqual({
      mode: 'form-urlencoded',
      fields: [row('f1', 'username', 'ann'), row('f2', 'password', '')],
    });
    expect(out.history[0]!.url).toBe('https://api.test/me?access_token=&page=1');
    expect(out.history[0]!.draft.query).toEqual([row('q1', 'access_token', '', false), row('q2', 'page', '1')]);
    expect(out.collections).toEqual(library.collections);
    // The file written holds none of the secret values.
    expect(exportLibrary(out, 0)).not.toMatch(/rapid"|hunter2|=abc|"abc"/);
    // The input is untouched.
    expect(library.history[0]!.url).toBe('https://api.test/me?access_token=abc&page=1');
  });

  it('keeps exactly the findings ticked', () => {
    const { library: out } = stripLibrarySecrets(library, new Set(['request:r1/form:1', 'history:e1/url/query:0']));
    expect(out.requests[0]!.draft.headers).toEqual([row('h1', 'X-RapidAPI-Key', '', false)]);
    expect(out.requests[0]!.draft.body).toEqual(library.requests[0]!.draft.body);
    expect(out.history[0]!.url).toBe('https://api.test/me?access_token=abc&page=1');
    expect(out.history[0]!.draft.query[0]).toEqual(row('q1', 'access_token', '', false));
  });
});

describe('stripLibrarySecrets: collection and folder defaults (scope auth, header fields, variables)', () => {
  const scoped: LibraryContents = {
    collections: [
      {
        ...makeCollection('c1', 'Shop', 0),
        defaults: {
          headers: [row('h1', 'Authorization', 'Bearer abcdefghijklmnop1234'), row('h2', 'Accept', 'application/json')],
          auth: { type: 'bearer', token: 'collection-token' },
          variables: [row('v1', 'apiKey', 'k-123'), row('v2', 'baseUrl', 'https://shop.test')],
          scripts: { preRequest: '', postResponse: '' },
        },
      },
    ],
    folders: [
      {
        ...makeFolder({ id: 'f1', name: 'Admin', collectionId: 'c1', parentId: null, order: 0 }, 0),
        defaults: {
          headers: [],
          auth: { type: 'basic', username: 'root', password: 'folder-pass' },
          variables: [row('v3', 'token', '{{apiKey}}')],
          scripts: { preRequest: '', postResponse: '' },
        },
      },
    ],
    requests: [],
    history: [],
  };

  it('lists and empties every secret in the scope defaults', () => {
    const { library: out, findings } = stripLibrarySecrets(scoped);
    expect(findings.map((f) => [f.record, f.key, f.where, f.name])).toEqual([
      ['Collection Shop', 'collection:c1/auth', 'auth', 'Token'],
      ['Collection Shop', 'collection:c1/header:0', 'header', 'Authorization'],
      ['Collection Shop', 'collection:c1/variable:0', 'variable', 'apiKey'],
      ['Folder Admin', 'folder:f1/auth', 'auth', 'Password'],
    ]);
    expect(out.collections[0]!.defaults).toEqual({
      headers: [row('h1', 'Authorization', '', false), row('h2', 'Accept', 'application/json')],
      auth: { type: 'bearer', token: '' },
      variables: [row('v1', 'apiKey', ''), row('v2', 'baseUrl', 'https://shop.test')],
      scripts: { preRequest: '', postResponse: '' },
    });
    expect(out.folders[0]!.defaults.auth).toEqual({ type: 'basic', username: 'root', password: '' });
    expect(out.folders[0]!.defaults.variables).toEqual([row('v3', 'token', '{{apiKey}}')]);
    expect(exportLibrary(out, 0)).not.toMatch(/collection-token|folder-pass|k-123|abcdefghijklmnop1234/);
    expect(scoped.collections[0]!.defaults.auth).toEqual({ type: 'bearer', token: 'collection-token' });
  });

  it('keeps exactly the scope findings ticked', () => {
    const { library: out } = stripLibrarySecrets(scoped, new Set(['folder:f1/auth', 'collection:c1/variable:0']));
    expect(out.collections[0]!.defaults.auth).toEqual({ type: 'bearer', token: '' });
    expect(out.collections[0]!.defaults.variables[0]).toEqual(row('v1', 'apiKey', 'k-123'));
    expect(out.folders[0]!.defaults.auth).toEqual({ type: 'basic', username: 'root', password: 'folder-pass' });
  });

  it('leaves a scope without secrets (and without auth) as it is', () => {
    const plain = { ...scoped, collections: [makeCollection('c2', 'Plain', 0)], folders: [] };
    const { library: out, findings } = stripLibrarySecrets(plain);
    expect(findings).toEqual([]);
    expect(out.collections).toEqual(plain.collections);
  });
});
