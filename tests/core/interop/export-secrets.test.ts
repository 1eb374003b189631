/** Every collection export (Postman, OpenAPI, HAR, .http) leaves secrets out unless ticked, at every level. */
import { describe, expect, it } from 'vitest';
import { libraryToTree } from '../../../src/core/interop/from-library.ts';
import { EXPORT_FORMATS, exportCollection } from '../../../src/core/interop/export-any.ts';
import { makeCollection, makeFolder, type SavedRequest } from '../../../src/core/library/records.ts';
import { blankDraft } from '../../../src/core/model/defaults.ts';

const row = (id: string, name: string, value: string) => ({ id, name, value, enabled: true });
const SECRETS = ['coll-token-1', 'folder-pass-2', 'var-key-3', 'req-token-4', 'hdr-key-5'];

const collection = {
  ...makeCollection('c1', 'Shop', 0),
  defaults: {
    headers: [row('h1', 'X-Api-Key', 'hdr-key-5')],
    auth: { type: 'bearer', token: 'coll-token-1' },
    variables: [row('v1', 'baseUrl', 'https://shop.test'), row('v2', 'apiKey', 'var-key-3')],
    scripts: { preRequest: '', postResponse: '' },
  },
};
const folder = {
  ...makeFolder({ id: 'f1', name: 'Admin', collectionId: 'c1', parentId: null, order: 0 }, 0),
  defaults: {
    headers: [],
    auth: { type: 'basic', username: 'root', password: 'folder-pass-2' },
    variables: [],
    scripts: { preRequest: '', postResponse: '' },
  },
};
const request = (id: string, folderId: string | null, auth: SavedRequest['draft']['auth']): SavedRequest => ({
  v: 1,
  id,
  name: id,
  collectionId: 'c1',
  folderId,
  order: 0,
  createdAt: 0,
  updatedAt: 0,
  draft: { ...blankDraft(), url: '{{baseUrl}}/items', auth },
});
const requests = [
  request('inherits', 'f1', { type: 'inherit' }),
  request('top', null, { type: 'inherit' }),
  request('own', null, { type: 'bearer', token: 'req-token-4' }),
];

describe('collection exports leave secrets out', () => {
  it.each(EXPORT_FORMATS.map((f) => f.id))('%s: no secret of any level is in the file', (format) => {
    const { tree, findings } = libraryToTree(collection, [folder], requests);
    expect(findings.map((f) => f.key)).toEqual([
      'collection:c1/auth',
      'collection:c1/header:0',
      'collection:c1/variable:1',
      'folder:f1/auth',
      'request:own/auth',
    ]);
    const text = exportCollection(tree, format, 0, 'id').text;
    for (const s of SECRETS) expect(text).not.toContain(s);
    expect(text).toContain('shop.test');
  });

  it.each(EXPORT_FORMATS.map((f) => f.id))('%s: a ticked secret is written', (format) => {
    const keep = new Set(['folder:f1/auth', 'collection:c1/header:0']);
    const text = exportCollection(libraryToTree(collection, [folder], requests, keep).tree, format, 0, 'id').text;
    // OpenAPI writes schemes, not credentials; the others write the kept values.
    if (format !== 'openapi') expect(text).toContain(format === 'postman' ? 'folder-pass-2' : 'hdr-key-5');
    for (const s of ['coll-token-1', 'var-key-3', 'req-token-4']) expect(text).not.toContain(s);
  });
});
