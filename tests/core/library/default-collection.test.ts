import { describe, expect, it } from 'vitest';
import { collectionForNewName, defaultCollection } from '../../../src/core/library/default-collection.ts';
import { planImport, parseExport, type LibraryContents } from '../../../src/core/library/transfer.ts';
import { blankDraft } from '../../../src/core/model/defaults.ts';
import { makeCollection, type Collection, type SavedRequest } from '../../../src/core/library/records.ts';

const col = (id: string, name: string): Collection => makeCollection(id, name, 1);
const req = (id: string, collectionId: string, createdAt = 7): SavedRequest => ({
  v: 1,
  id,
  name: id,
  collectionId,
  folderId: null,
  order: 0,
  createdAt,
  updatedAt: createdAt,
  draft: blankDraft(),
});
let seq = 0;
const makeId = () => `id${++seq}`;

describe('the default collection "My requests" has a fixed id', () => {
  it('two tabs creating it at once get the same key and the same record (one collection, not two)', () => {
    const tabA = collectionForNewName('My requests', [], 100, makeId);
    const tabB = collectionForNewName('My requests', [], 100, makeId);
    expect(tabA).toEqual({ collection: makeCollection('default', 'My requests', 100), create: true });
    expect(tabB).toEqual(tabA);
  });

  it('an empty name means the default collection too; it is reused, not created again', () => {
    const existing = [defaultCollection(5)];
    expect(collectionForNewName('  ', existing, 100, makeId)).toEqual({
      collection: defaultCollection(5),
      create: false,
    });
    expect(collectionForNewName('My requests', existing, 100, makeId)).toEqual({
      collection: defaultCollection(5),
      create: false,
    });
  });

  it('a "My requests" kept from before ids were fixed is reused', () => {
    expect(collectionForNewName('My requests', [col('old-1', 'My requests')], 100, makeId)).toEqual({
      collection: col('old-1', 'My requests'),
      create: false,
    });
  });

  it('any other name makes a new collection', () => {
    seq = 0;
    expect(collectionForNewName(' Team ', [defaultCollection(5)], 100, makeId)).toEqual({
      collection: makeCollection('id1', 'Team', 100, 1), // ordered after "My requests" (order 0)
      create: true,
    });
  });
});

describe('import places requests without a known collection in "My requests"', () => {
  it('creates the default collection (fixed id) when neither library has it', () => {
    const plan = planImport(
      { collections: [], folders: [], requests: [], history: [] },
      { collections: [], folders: [], requests: [req('r1', 'gone')], history: [] },
    );
    expect(plan.write).toEqual([
      { kind: 'collection', record: makeCollection('default', 'My requests', 7) },
      { kind: 'request', record: req('r1', 'default') },
    ]);
  });

  it('uses the local "My requests" and writes no second one', () => {
    const local: LibraryContents = { collections: [defaultCollection(1)], folders: [], requests: [], history: [] };
    const plan = planImport(local, {
      collections: [],
      folders: [],
      requests: [req('r1', 'gone'), req('r2', 'gone')],
      history: [],
    });
    expect(plan.write).toEqual([
      { kind: 'request', record: req('r1', 'default') },
      { kind: 'request', record: req('r2', 'default') },
    ]);
  });

  it('a v0 request without a folder lands in the same default collection as a save does', () => {
    const text = JSON.stringify({
      format: 'parley-library',
      version: 1,
      requests: [{ id: 'old', name: 'Old', method: 'GET', url: 'http://a.test/', headers: {}, savedAt: 3 }],
    });
    const parsed = parseExport(text, 9, makeId);
    if (!parsed.ok) throw new Error(parsed.message);
    const plan = planImport(
      { collections: [defaultCollection(1)], folders: [], requests: [], history: [] },
      parsed.library,
    );
    expect(plan.write.map((w) => [w.kind, w.record.id])).toEqual([['request', 'old']]);
    expect((plan.write[0]!.record as SavedRequest).collectionId).toBe('default');
  });

  it('requests whose collection is in the file keep it', () => {
    const plan = planImport(
      { collections: [], folders: [], requests: [], history: [] },
      { collections: [col('c1', 'Team')], folders: [], requests: [req('r1', 'c1')], history: [] },
    );
    expect(plan.write).toEqual([
      { kind: 'collection', record: col('c1', 'Team') },
      { kind: 'request', record: req('r1', 'c1') },
    ]);
  });
});
