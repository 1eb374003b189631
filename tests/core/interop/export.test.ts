/** Exports: OpenAPI 3.1 round trip, library → tree with secrets left out unless kept, file names. */
import { describe, expect, it } from 'vitest';
import { importOpenApi } from '../../../src/core/interop/openapi/import-openapi.ts';
import { exportOpenApi } from '../../../src/core/interop/openapi/export-openapi.ts';
import { parseStructuredText } from '../../../src/core/interop/parse-text.ts';
import { libraryToTree } from '../../../src/core/interop/from-library.ts';
import { exportCollection } from '../../../src/core/interop/export-any.ts';
import { importPostman } from '../../../src/core/interop/postman/import-postman.ts';
import { treeToLibrary } from '../../../src/core/interop/to-library.ts';
import { walkRequests, type TreeCollection } from '../../../src/core/interop/tree.ts';
import { fixture, fixtureJson, okTree } from './helpers.ts';

/** What an OpenAPI export keeps of each request: method, URL, path variables, enabled rows, body, auth. */
function sendable(t: TreeCollection) {
  return [...walkRequests(t.items)].map(({ request: r, folders }) => ({
    path: [...folders.map((f) => f.name), r.name].join(' › '),
    method: r.draft.method,
    url: r.draft.url,
    pathVariables: r.draft.pathVariables,
    query: r.draft.query.filter((q) => q.enabled).map((q) => [q.name, q.value]),
    headers: r.draft.headers.filter((h) => h.enabled).map((h) => [h.name, h.value]),
    body: r.draft.body.mode === 'form-urlencoded' ? r.draft.body.fields.map((f) => [f.name, f.value]) : r.draft.body,
    auth: r.auth,
  }));
}

describe('OpenAPI 3.1 export', () => {
  it('round-trips: import → export → import keeps each operation as sent (security, params, bodies)', async () => {
    const parsed = await parseStructuredText(fixture('openapi-3.1.yaml'));
    if (!parsed.ok) throw new Error();
    const first = okTree(importOpenApi(parsed.data));
    const out = exportOpenApi(first);
    expect(out.notes).toEqual([
      { path: 'admin › listKeys', message: 'Its oauth2 auth has no OpenAPI security scheme here; it was left out.' },
    ]);
    const again = okTree(importOpenApi(JSON.parse(out.text)));
    const drop = (t: TreeCollection) => sendable(t).filter((r) => r.path !== 'admin › listKeys');
    expect(drop(again)).toEqual(drop(first));
    expect(again.defaults.auth).toEqual(first.defaults.auth);
  });
});

describe('library → tree for export', () => {
  it('leaves secrets out unless kept, and keeps folder order and inheritance', () => {
    let n = 0;
    const w = treeToLibrary(okTree(importPostman(fixtureJson('postman-all-v2.1.json'))), { newCollection: 'C' }, 1, {
      makeId: () => `i${++n}`,
      flattenForSend: false,
    });
    const { tree, findings } = libraryToTree(w.collection!, w.folders, w.requests);
    expect(tree.items.map((i) => i.name)).toEqual(['Users', 'Bodies']);
    const users = tree.items[0]!;
    expect(users.kind === 'folder' && users.defaults.auth).toEqual({ type: 'basic', username: 'ann', password: '' });
    expect(findings.map((f) => [f.key, f.record])).toContainEqual(['folder:i2/auth', 'Folder Users']);
    const kept = libraryToTree(w.collection!, w.folders, w.requests, new Set(['folder:i2/auth'])).tree.items[0]!;
    expect(kept.kind === 'folder' && kept.defaults.auth).toEqual({
      type: 'basic',
      username: 'ann',
      password: 's3cret',
    });
    const get = [...walkRequests(tree.items)].find((r) => r.request.name === 'Get user')!.request;
    expect(get.auth).toBeNull();
    const file = exportCollection(tree, 'postman', 0, 'x');
    expect(file.fileName).toBe('C.postman_collection.json');
    expect(okTree(importPostman(JSON.parse(file.text))).items.map((i) => i.name)).toEqual(['Users', 'Bodies']);
  });
});
