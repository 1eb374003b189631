/**
 * The library stores over the storage service, in Node with an in-memory localStorage:
 * what the user sees changes only when the write succeeded, and a full quota loses nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../src/services/storage.ts';

const local = new MemoryStorage();
const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError', code: 22 });
let lib: typeof import('../../src/stores/library-store.ts');
let hist: typeof import('../../src/stores/history-store.ts');
let req: typeof import('../../src/stores/request-store.ts');

beforeAll(async () => {
  // The stores pick their storage when first imported.
  (globalThis as { localStorage?: unknown }).localStorage = local;
  lib = await import('../../src/stores/library-store.ts');
  hist = await import('../../src/stores/history-store.ts');
  req = await import('../../src/stores/request-store.ts');
});

const state = () => lib.useLibraryStore.getState();

describe('library store', () => {
  it('saves the current draft as a new request in a new collection, then in place', () => {
    req.urlEdited('http://127.0.0.1:1/a?x=1');
    expect(lib.saveConfirmed('Alpha', { newCollection: 'Team' })).toBe(true);
    const [saved] = Object.values(state().requests);
    expect(saved?.name).toBe('Alpha');
    expect(state().collections[saved!.collectionId]?.name).toBe('Team');
    expect(lib.getOriginId()).toBe(saved!.id);
    expect(
      (JSON.parse(local.getItem(`parley:v1:request:${saved!.id}`)!) as { draft: { method: string } }).draft,
    ).toEqual(req.getDraft());
    req.methodChanged('PATCH');
    lib.saveClicked();
    expect(
      (JSON.parse(local.getItem(`parley:v1:request:${saved!.id}`)!) as { draft: { method: string } }).draft.method,
    ).toBe('PATCH');
    expect(state().saveDialogOpen).toBe(false);
  });

  it('on a full quota: message, nothing changed in storage or state, the draft stays in the editor', () => {
    const before = new Map(local.map);
    const requestsBefore = state().requests;
    lib.newRequestClicked();
    req.urlEdited('http://127.0.0.1:1/unsaved');
    const draft = req.getDraft();
    local.failWith = quota;
    expect(lib.saveConfirmed('Beta', { newCollection: 'Other' })).toBe(false);
    local.failWith = null;
    expect(state().notice?.tone).toBe('error');
    expect(state().notice?.text).toMatch(
      /^Browser storage is full, so this was not saved\. Your request is still in the editor/,
    );
    expect(state().requests).toBe(requestsBefore);
    expect(Object.keys(state().collections)).toHaveLength(1);
    expect(new Map(local.map)).toEqual(before);
    expect(req.getDraft()).toBe(draft);
    expect(lib.getOriginId()).toBe(null);
  });

  it('deletes with undo', () => {
    const id = Object.keys(state().requests)[0]!;
    const text = local.getItem(`parley:v1:request:${id}`);
    lib.requestDeleted(id);
    expect(state().requests[id]).toBeUndefined();
    expect(local.getItem(`parley:v1:request:${id}`)).toBe(null);
    expect(state().toast?.text).toBe('Deleted “Alpha”');
    lib.undoClicked();
    expect(local.getItem(`parley:v1:request:${id}`)).toBe(text);
    expect(state().requests[id]?.name).toBe('Alpha');
  });
});

describe('collections', () => {
  it('moves a request, deletes a collection with its requests, and Undo restores both', () => {
    const id = Object.keys(state().requests)[0]!;
    lib.collectionCreated('Archive');
    const archive = Object.values(state().collections).find((c) => c.name === 'Archive')!;
    lib.requestMoved(id, archive.id);
    expect((JSON.parse(local.getItem(`parley:v1:request:${id}`)!) as { collectionId: string }).collectionId).toBe(
      archive.id,
    );
    lib.collectionDeleted(archive.id);
    expect(state().collections[archive.id]).toBeUndefined();
    expect(state().requests[id]).toBeUndefined();
    expect(local.getItem(`parley:v1:collection:${archive.id}`)).toBe(null);
    expect(state().toast?.text).toBe('Deleted “Archive” and 1 request');
    lib.undoClicked();
    expect(state().collections[archive.id]?.name).toBe('Archive');
    expect(state().requests[id]?.collectionId).toBe(archive.id);
    expect(local.getItem(`parley:v1:collection:${archive.id}`)).not.toBe(null);
  });

  it("mirrors another tab's change without writing anything", () => {
    const before = new Map(local.map);
    const other = { ...Object.values(state().requests)[0]!, id: 'from-other-tab', name: 'Theirs' };
    lib.otherTabChanged('request', other, other.id);
    expect(state().requests['from-other-tab']?.name).toBe('Theirs');
    lib.otherTabChanged('request', null, 'from-other-tab');
    expect(state().requests['from-other-tab']).toBeUndefined();
    expect(new Map(local.map)).toEqual(before);
  });
});

describe('history store', () => {
  it('keeps at most the limit, oldest dropped, from storage too', () => {
    hist.historyLimitChanged(3);
    expect(JSON.parse(local.getItem('parley:v1:settings')!)).toEqual({
      v: 1,
      historyLimit: 3,
      keptBodyLimitBytes: 5242880,
    });
    for (let i = 0; i < 5; i++) {
      hist.sendRecorded({
        draft: req.getDraft(),
        method: 'GET',
        url: `http://h.test/${i}`,
        status: 200,
        timeMs: i,
        sizeBytes: 10,
      });
    }
    const urls = hist
      .getHistoryEntries()
      .map((e) => e.url)
      .sort();
    expect(urls).toEqual(['http://h.test/2', 'http://h.test/3', 'http://h.test/4']);
    const stored = [...local.map.keys()].filter((k) => k.startsWith('parley:v1:history:'));
    expect(stored).toHaveLength(3);
    hist.historyLimitChanged(1);
    expect(hist.getHistoryEntries().map((e) => e.url)).toEqual(['http://h.test/4']);
  });
});
