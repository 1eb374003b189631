import { describe, expect, it } from 'vitest';
import { isQuotaError, LibraryStorage, MemoryStorage, QUOTA_MESSAGE } from '../../src/services/storage.ts';
import { blankDraft } from '../../src/core/model/defaults.ts';
import { makeCollection, type Collection, type SavedRequest } from '../../src/core/library/records.ts';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
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
const collection = (id: string, name: string): Collection => makeCollection(id, name, 1);
const request = (id: string, name: string, collectionId = 'c1'): SavedRequest => ({
  v: 1,
  id,
  name,
  collectionId,
  folderId: null,
  order: 0,
  createdAt: 1,
  updatedAt: 2,
  draft: {
    ...blankDraft(),
    method: 'POST',
    url: 'http://127.0.0.1:8080/echo',
    body: { mode: 'json', text: '{"n":12345678901234567890}' },
  },
});
function quotaError(name: string, code: number): Error {
  const e = new Error('quota');
  Object.defineProperty(e, 'name', { value: name });
  Object.defineProperty(e, 'code', { value: code });
  return e;
}

describe('LibraryStorage', () => {
  it('stores one key per record and reads them back', () => {
    const { mem, storage } = setup();
    expect(storage.put('collection', collection('c1', 'Team'))).toEqual({ ok: true });
    expect(storage.put('request', request('r1', 'One'))).toEqual({ ok: true });
    expect(storage.put('request', request('r2', 'Two'))).toEqual({ ok: true });
    expect([...mem.map.keys()]).toEqual(['parley:v1:collection:c1', 'parley:v1:request:r1', 'parley:v1:request:r2']);
    const loaded = storage.loadAll();
    expect(loaded.collections).toEqual([collection('c1', 'Team')]);
    expect(loaded.requests).toEqual([request('r1', 'One'), request('r2', 'Two')]);
    expect(loaded.setAside).toEqual([]);
  });

  it('migrates a version-0 request (no v, headers as a map, query in the URL) and writes it back', () => {
    const { mem, storage } = setup();
    const v0 = {
      id: 'old1',
      name: 'Legacy',
      folder: 'Team API',
      method: 'PUT',
      url: 'https://api.example.test/items?page=2&flag#top',
      headers: { 'Content-Type': 'application/json', 'X-Trace': 'a b' },
      body: '{"n":12345678901234567890}',
      savedAt: 1000,
    };
    mem.setItem('parley:v1:request:old1', JSON.stringify(v0));
    const loaded = storage.loadAll();
    const expected: SavedRequest = {
      v: 1,
      id: 'old1',
      name: 'Legacy',
      collectionId: 'legacy-team-api',
      folderId: null,
      order: 0,
      createdAt: 1000,
      updatedAt: 1000,
      draft: {
        ...blankDraft(),
        method: 'PUT',
        url: 'https://api.example.test/items',
        fragment: 'top',
        query: [
          { id: 'row3', name: 'page', value: '2', enabled: true },
          { id: 'row4', name: 'flag', value: '', noEquals: true, enabled: true },
        ],
        headers: [
          { id: 'row1', name: 'Content-Type', value: 'application/json', enabled: true },
          { id: 'row2', name: 'X-Trace', value: 'a b', enabled: true },
        ],
        body: { mode: 'json', text: '{"n":12345678901234567890}' },
      },
    };
    expect(loaded.requests).toEqual([expected]);
    expect(loaded.collections).toEqual([makeCollection('legacy-team-api', 'Team API', 1000)]);
    expect(JSON.parse(mem.getItem('parley:v1:request:old1')!)).toEqual(expected);
    expect(JSON.parse(mem.getItem('parley:v1:collection:legacy-team-api')!)).toEqual(loaded.collections[0]);
    // The second start reads v1 and migrates nothing.
    expect(storage.loadAll().requests).toEqual([expected]);
  });

  it('migrates a version-0 history entry', () => {
    const { mem, storage } = setup();
    mem.setItem(
      'parley:v1:history:h0',
      JSON.stringify({
        id: 'h0',
        method: 'GET',
        url: 'http://x.test/a?q=1',
        status: 200,
        time: 12.5,
        size: 340,
        date: '2025-01-02T03:04:05.000Z',
      }),
    );
    const [h] = storage.loadAll().history;
    expect(h).toEqual({
      v: 1,
      id: 'h0',
      at: Date.UTC(2025, 0, 2, 3, 4, 5),
      method: 'GET',
      url: 'http://x.test/a?q=1',
      status: 200,
      timeMs: 12.5,
      sizeBytes: 340,
      draft: { ...blankDraft(), url: 'http://x.test/a', query: [{ id: 'row1', name: 'q', value: '1', enabled: true }] },
    });
  });

  it('sets a corrupt record aside under a recovery key, reports it, and loses nothing else', () => {
    const { mem, storage } = setup();
    storage.put('collection', collection('c1', 'Team'));
    storage.put('request', request('r1', 'One'));
    storage.put('request', request('r3', 'Three'));
    mem.setItem('parley:v1:request:r2', '{"v":1,"id":"r2","na'); // cut off mid-write
    mem.setItem('parley:v1:collection:c9', JSON.stringify({ v: 1, id: 'c9' })); // no name
    mem.setItem('parley:v1:request:r4', JSON.stringify({ ...request('r4', 'Four'), v: 7 })); // from a newer Parley
    mem.setItem('other-app:key', 'not ours');
    const loaded = storage.loadAll();
    expect(loaded.requests.map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(loaded.collections.map((c) => c.id)).toEqual(['c1']);
    expect(loaded.setAside).toEqual([
      { key: 'parley:v1:request:r2', movedTo: 'parley:recovery:parley:v1:request:r2', problem: 'not valid JSON' },
      {
        key: 'parley:v1:collection:c9',
        movedTo: 'parley:recovery:parley:v1:collection:c9',
        problem: 'not a valid collection record at name',
      },
    ]);
    expect(loaded.newer).toEqual(['parley:v1:request:r4']);
    expect(mem.getItem('parley:recovery:parley:v1:request:r2')).toBe('{"v":1,"id":"r2","na');
    expect(mem.getItem('parley:v1:request:r2')).toBe(null);
    expect(mem.getItem('parley:v1:request:r4')).not.toBe(null);
    expect(mem.getItem('other-app:key')).toBe('not ours');
    // Next start: nothing more to set aside.
    expect(storage.loadAll().setAside).toEqual([]);
  });

  it('keeps a corrupt record in place when even the recovery copy cannot be written', () => {
    const { mem, storage } = setup();
    mem.setItem('parley:v1:request:r2', 'garbage');
    mem.failWith = quotaError('QuotaExceededError', 22);
    expect(storage.loadAll().setAside).toEqual([
      { key: 'parley:v1:request:r2', movedTo: null, problem: 'not valid JSON' },
    ]);
    expect(mem.getItem('parley:v1:request:r2')).toBe('garbage');
  });

  it('reports a full quota with a clear message and keeps the previous data', () => {
    const { mem, storage } = setup();
    storage.put('request', request('r1', 'Before'));
    const before = mem.getItem('parley:v1:request:r1');
    for (const err of [quotaError('QuotaExceededError', 22), quotaError('NS_ERROR_DOM_QUOTA_REACHED', 1014)]) {
      mem.failWith = err;
      expect(storage.put('request', request('r1', 'After'))).toEqual({
        ok: false,
        reason: 'quota',
        message: QUOTA_MESSAGE,
      });
      expect(storage.put('request', request('r2', 'New'))).toEqual({
        ok: false,
        reason: 'quota',
        message: QUOTA_MESSAGE,
      });
    }
    expect(mem.getItem('parley:v1:request:r1')).toBe(before);
    expect(mem.getItem('parley:v1:request:r2')).toBe(null);
    mem.failWith = null;
    expect(storage.loadAll().requests.map((r) => r.name)).toEqual(['Before']);
  });

  it('tells quota errors from other failures', () => {
    expect(isQuotaError(quotaError('QuotaExceededError', 0))).toBe(true);
    expect(isQuotaError({ name: 'Error', code: 1014 })).toBe(true);
    expect(isQuotaError(new TypeError('x'))).toBe(false);
    const { mem, storage } = setup();
    mem.failWith = new Error('SecurityError');
    expect(storage.put('request', request('r1', 'x'))).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('creates a collection a request refers to when it is missing', () => {
    const { storage } = setup();
    storage.put('request', request('r1', 'Orphan', 'gone'));
    const loaded = storage.loadAll();
    expect(loaded.collections).toEqual([makeCollection('gone', 'Recovered requests', NOW)]);
  });

  it('interprets storage events from other tabs', () => {
    const { storage } = setup();
    const r = request('r5', 'Five');
    expect(storage.externalChange('parley:v1:request:r5', JSON.stringify(r))).toEqual({
      type: 'upsert',
      kind: 'request',
      record: r,
    });
    expect(storage.externalChange('parley:v1:request:r5', null)).toEqual({ type: 'remove', kind: 'request', id: 'r5' });
    expect(storage.externalChange('parley:v1:request:r5', 'garbage')).toBe(null);
    expect(storage.externalChange('parley:v1:working', '{}')).toBe(null);
    expect(storage.externalChange('parley:v1:tabs:s1', '{}')).toBe(null);
    expect(storage.externalChange('someone-else', '{}')).toBe(null);
    expect(storage.externalChange(null, null)).toEqual({ type: 'reload' });
    expect(storage.externalChange('parley:v1:settings', '{"v":1,"historyLimit":5}')).toEqual({
      type: 'settings',
      settings: { v: 1, historyLimit: 5, keptBodyLimitBytes: 5242880 },
    });
  });

  it('reads settings with defaults and bounds', () => {
    const { mem, storage } = setup();
    expect(storage.loadSettings()).toEqual({ v: 1, historyLimit: 100, keptBodyLimitBytes: 5242880 });
    mem.setItem('parley:v1:settings', '{"v":1,"historyLimit":25}');
    expect(storage.loadSettings()).toEqual({ v: 1, historyLimit: 25, keptBodyLimitBytes: 5242880 });
    mem.setItem('parley:v1:settings', '{"v":1,"historyLimit":-3}');
    expect(storage.loadSettings()).toEqual({ v: 1, historyLimit: 100, keptBodyLimitBytes: 5242880 });
    mem.setItem('parley:v1:settings', 'nope');
    expect(storage.loadSettings()).toEqual({ v: 1, historyLimit: 100, keptBodyLimitBytes: 5242880 });
  });
});
