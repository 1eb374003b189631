import { describe, expect, it } from 'vitest';
import { LibraryStorage, MemoryStorage } from '../../src/services/storage.ts';
import { blankDraft } from '../../src/core/model/defaults.ts';
import { makeCollection, makeFolder, type Folder } from '../../src/core/library/records.ts';

const NOW = Date.UTC(2026, 11, 3, 10, 0, 0);
function setup() {
  const mem = new MemoryStorage();
  let n = 0;
  const storage = new LibraryStorage(
    mem,
    () => NOW,
    () => `row${++n}`,
  );
  return { mem, storage };
}
const EMPTY = { headers: [], auth: null, variables: [], scripts: { preRequest: '', postResponse: '' } };

describe('folder records (docs/workspace-model.md)', () => {
  it('a collection and a request written before folders existed load with defaults', () => {
    const { mem, storage } = setup();
    // Exactly what Parley wrote before this change: no order, defaults, folderId.
    mem.setItem('parley:v1:collection:c1', JSON.stringify({ v: 1, id: 'c1', name: 'Team', createdAt: 5 }));
    const draft = { ...blankDraft(), method: 'POST', url: 'http://127.0.0.1:8080/echo' };
    mem.setItem(
      'parley:v1:request:r1',
      JSON.stringify({ v: 1, id: 'r1', name: 'Old', collectionId: 'c1', createdAt: 6, updatedAt: 7, draft }),
    );
    const loaded = storage.loadAll();
    expect(loaded.collections).toEqual([{ v: 1, id: 'c1', name: 'Team', createdAt: 5, order: 0, defaults: EMPTY }]);
    expect(loaded.requests).toEqual([
      {
        v: 1,
        id: 'r1',
        name: 'Old',
        collectionId: 'c1',
        folderId: null,
        order: 0,
        createdAt: 6,
        updatedAt: 7,
        draft,
      },
    ]);
    expect(loaded.folders).toEqual([]);
    expect(loaded.setAside).toEqual([]);
  });

  it('stores folders one key each and reads them back, nested through parentId', () => {
    const { mem, storage } = setup();
    const outer = makeFolder({ id: 'f1', name: 'Users', collectionId: 'c1', parentId: null, order: 0 }, 10);
    const inner: Folder = {
      ...makeFolder({ id: 'f2', name: 'Admin', collectionId: 'c1', parentId: 'f1', order: 0.5 }, 11),
      defaults: {
        headers: [{ id: 'h1', name: 'X-Team', value: 'core', enabled: true }],
        auth: { type: 'bearer', token: '{{token}}' },
        variables: [{ id: 'v1', name: 'base', value: 'http://127.0.0.1:8080', enabled: true }],
        scripts: { preRequest: 'pm.variables.set("a", 1)', postResponse: '' },
      },
    };
    storage.put('collection', makeCollection('c1', 'Team', 1));
    storage.put('folder', outer);
    storage.put('folder', inner);
    expect([...mem.map.keys()]).toEqual(['parley:v1:collection:c1', 'parley:v1:folder:f1', 'parley:v1:folder:f2']);
    const loaded = storage.loadAll();
    expect(loaded.folders).toEqual([outer, inner]);
    expect(loaded.collections).toEqual([makeCollection('c1', 'Team', 1)]);
  });

  it('fills a folder’s missing or broken lenient fields and sets aside one without a collection id', () => {
    const { mem, storage } = setup();
    mem.setItem('parley:v1:collection:c1', JSON.stringify(makeCollection('c1', 'Team', 1)));
    mem.setItem(
      'parley:v1:folder:f1',
      JSON.stringify({ v: 1, id: 'f1', name: 'Loose', collectionId: 'c1', createdAt: 3, order: 'x', defaults: 7 }),
    );
    mem.setItem('parley:v1:folder:f2', JSON.stringify({ v: 1, id: 'f2', name: 'Broken', createdAt: 3 }));
    const loaded = storage.loadAll();
    expect(loaded.folders).toEqual([
      { v: 1, id: 'f1', name: 'Loose', collectionId: 'c1', parentId: null, order: 0, defaults: EMPTY, createdAt: 3 },
    ]);
    expect(loaded.setAside).toEqual([
      {
        key: 'parley:v1:folder:f2',
        movedTo: 'parley:recovery:parley:v1:folder:f2',
        problem: 'not a valid folder record at collectionId',
      },
    ]);
  });

  it('creates the collection a folder refers to when it is missing', () => {
    const { mem, storage } = setup();
    storage.put('folder', makeFolder({ id: 'f1', name: 'Lost', collectionId: 'gone', parentId: null, order: 0 }, 2));
    const loaded = storage.loadAll();
    expect(loaded.collections).toEqual([makeCollection('gone', 'Recovered requests', NOW)]);
    expect(JSON.parse(mem.getItem('parley:v1:collection:gone')!)).toEqual(loaded.collections[0]);
  });

  it('reports another tab’s folder change', () => {
    const { storage } = setup();
    const f = makeFolder({ id: 'f9', name: 'Nine', collectionId: 'c1', parentId: null, order: 2 }, 1);
    expect(storage.externalChange('parley:v1:folder:f9', JSON.stringify(f))).toEqual({
      type: 'upsert',
      kind: 'folder',
      record: f,
    });
    expect(storage.externalChange('parley:v1:folder:f9', null)).toEqual({ type: 'remove', kind: 'folder', id: 'f9' });
  });
});
