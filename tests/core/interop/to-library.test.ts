/** The tree → library records adapter: folders nested and ordered, scope defaults, inherit vs flattened. */
import { describe, expect, it } from 'vitest';
import { importPostman } from '../../../src/core/interop/postman/import-postman.ts';
import { treeToLibrary } from '../../../src/core/interop/to-library.ts';
import { fixtureJson, okTree } from './helpers.ts';

let seq = 0;
const makeId = () => `id${++seq}`;
const tree = () => okTree(importPostman(fixtureJson('postman-all-v2.1.json')));

describe('treeToLibrary', () => {
  it('writes the collection, nested folders in order with their defaults, and requests in their folders', () => {
    seq = 0;
    const w = treeToLibrary(tree(), { newCollection: 'Mine' }, 1000, { makeId, flattenForSend: false });
    expect(w.collection).toMatchObject({ id: 'id1', name: 'Mine', createdAt: 1000 });
    expect(w.collection!.defaults.auth).toEqual({ type: 'bearer', token: '{{token}}' });
    expect(w.collection!.defaults.scripts.preRequest).toBe("pm.variables.set('t', Date.now());");
    expect(w.folders.map((f) => [f.name, f.parentId, f.order, f.defaults.auth])).toEqual([
      ['Users', null, 0, { type: 'basic', username: 'ann', password: 's3cret' }],
      ['Admin', 'id2', 1, { type: 'none' }],
      ['Bodies', null, 1, null],
    ]);
    const byName = Object.fromEntries(w.requests.map((r) => [r.name, r]));
    expect([byName['Get user']!.folderId, byName['Get user']!.order, byName['Get user']!.draft.auth]).toEqual([
      'id2',
      0,
      { type: 'inherit' },
    ]);
    expect(byName['Sign with AWS']!.draft.auth).toEqual({ type: 'none' });
    expect(w.environments).toEqual([]);
    expect(w.report.filter((r) => r.path === 'Users › Get user')).toEqual([
      {
        outcome: 'not-carried',
        path: 'Users › Get user',
        message: 'Not stored: 1 saved example, description (a saved request cannot hold these yet).',
      },
    ]);
    expect(byName['Get user']!.draft.scripts).toEqual({
      preRequest: '',
      postResponse: "pm.test('ok', () => pm.response.to.have.status(200));",
    });
    expect(byName['Sign with AWS']!.draft.scripts).toBeUndefined();
  });

  it('flattens inherited auth into requests and variables into an environment when asked (flattenForSend)', () => {
    seq = 0;
    const w = treeToLibrary(tree(), { newCollection: 'Mine' }, 1000, { makeId, flattenForSend: true });
    const get = w.requests.find((r) => r.name === 'Get user')!;
    expect(get.draft.auth).toEqual({ type: 'basic', username: 'ann', password: 's3cret' });
    expect(w.environments.map((e) => [e.name, e.variables.map((v) => [v.name, v.value])])).toEqual([
      [
        'Parley interop',
        [
          ['baseUrl', 'http://127.0.0.1:8080/echo'],
          ['token', 'abc'],
          ['page', '2'],
        ],
      ],
    ]);
  });

  it('imports into an existing collection inside a folder named after the source', () => {
    seq = 0;
    const w = treeToLibrary(tree(), { collectionId: 'existing' }, 1000, { makeId });
    expect(w.collection).toBeNull();
    expect(w.folders[0]).toMatchObject({ id: 'id1', name: 'Parley interop', collectionId: 'existing', parentId: null });
    expect(w.folders[0]!.defaults.auth).toEqual({ type: 'bearer', token: '{{token}}' });
    expect(w.folders.slice(1).every((f) => f.collectionId === 'existing')).toBe(true);
  });
});
