import { describe, expect, it } from 'vitest';
import { matchesSearch, matchesHistorySearch, sortByName } from '../../../src/core/library/search.ts';
import { pruneHistory } from '../../../src/core/library/history.ts';
import { exportLibrary, parseExport, planImport, type LibraryContents } from '../../../src/core/library/transfer.ts';
import { parseRecordKey, recordKey, recoveryKey } from '../../../src/core/library/keys.ts';
import { sameDraft } from '../../../src/core/library/compare.ts';
import { blankDraft } from '../../../src/core/model/defaults.ts';
import {
  makeCollection,
  makeFolder,
  type Collection,
  type HistoryEntry,
  type SavedRequest,
} from '../../../src/core/library/records.ts';

const req = (
  id: string,
  name: string,
  method: string,
  url: string,
  updatedAt = 1,
  query: SavedRequest['draft']['query'] = [],
): SavedRequest => ({
  v: 1,
  id,
  name,
  collectionId: 'c1',
  folderId: null,
  order: 0,
  createdAt: 1,
  updatedAt,
  draft: { ...blankDraft(), method, url, query },
});
const hist = (id: string, at: number): HistoryEntry => ({
  v: 1,
  id,
  at,
  method: 'GET',
  url: `http://h.test/${id}`,
  status: 200,
  timeMs: 3,
  sizeBytes: 10,
  draft: blankDraft(),
});
const col = (id: string, name: string): Collection => makeCollection(id, name, 1);

describe('keys', () => {
  it('names one key per record and reads it back', () => {
    expect(recordKey('request', 'a:b')).toBe('parley:v1:request:a:b');
    expect(parseRecordKey('parley:v1:request:a:b')).toEqual({ kind: 'request', id: 'a:b' });
    expect(parseRecordKey('parley:v1:settings')).toBe(null);
    expect(parseRecordKey('parley:v1:working')).toBe(null);
    expect(parseRecordKey('parley:v1:request:')).toBe(null);
    expect(parseRecordKey('parley.settings')).toBe(null);
    expect(recoveryKey('parley:v1:history:x')).toBe('parley:recovery:parley:v1:history:x');
  });
});

describe('search', () => {
  const users = req('1', 'Create user', 'POST', 'https://api.test/users', 1, [
    { id: 'q', name: 'dry', value: 'RUN', enabled: true },
  ]);
  it('matches every term in name, method or URL, case-insensitively', () => {
    expect(matchesSearch(users, '')).toBe(true);
    expect(matchesSearch(users, 'post')).toBe(true);
    expect(matchesSearch(users, 'CREATE api.test')).toBe(true);
    expect(matchesSearch(users, 'dry=run')).toBe(true);
    expect(matchesSearch(users, 'get')).toBe(false);
    expect(matchesSearch(users, 'user delete')).toBe(false);
    expect(matchesHistorySearch(hist('abc', 1), 'get h.test/abc')).toBe(true);
    expect(matchesHistorySearch(hist('abc', 1), 'post')).toBe(false);
  });
  it('sorts by name ignoring case, then id', () => {
    expect(
      sortByName([req('2', 'beta', 'GET', ''), req('1', 'Alpha', 'GET', ''), req('0', 'beta', 'GET', '')]).map(
        (r) => r.id,
      ),
    ).toEqual(['1', '0', '2']);
  });
});

describe('history bound', () => {
  it('keeps the newest entries and drops the oldest', () => {
    const { keep, drop } = pruneHistory([hist('a', 1), hist('c', 3), hist('b', 2), hist('d', 3)], 2);
    expect(keep.map((h) => h.id)).toEqual(['d', 'c']);
    expect(drop.map((h) => h.id)).toEqual(['b', 'a']);
    expect(pruneHistory([hist('a', 1)], 0)).toEqual({ keep: [], drop: [hist('a', 1)] });
  });
});

describe('export and import', () => {
  const local: LibraryContents = {
    collections: [col('c1', 'Team')],
    folders: [makeFolder({ id: 'f1', name: 'Users', collectionId: 'c1', parentId: null, order: 1 }, 1)],
    requests: [req('r1', 'One', 'GET', 'http://a.test', 5)],
    history: [hist('h1', 1)],
  };

  it('writes a versioned file and reads it back exactly', () => {
    const text = exportLibrary(local, Date.UTC(2026, 0, 2));
    expect(JSON.parse(text)).toMatchObject({
      format: 'parley-library',
      version: 1,
      exportedAt: '2026-01-02T00:00:00.000Z',
    });
    expect(parseExport(text, 0, () => 'x')).toEqual({ ok: true, library: local, skipped: 0 });
  });

  it('merges by id: adds new, updates newer, leaves the rest, never duplicates', () => {
    const incoming: LibraryContents = {
      collections: [col('c1', 'Team'), col('c2', 'New')],
      folders: [],
      requests: [
        req('r1', 'One renamed', 'GET', 'http://a.test', 9),
        req('r2', 'Two', 'GET', 'http://b.test'),
        req('r2', 'Two again', 'GET', 'http://b.test'),
      ],
      history: [hist('h1', 1)],
    };
    const plan = planImport(local, incoming);
    expect(plan.write.map((w) => [w.kind, w.record.id])).toEqual([
      ['collection', 'c2'],
      ['request', 'r1'],
      ['request', 'r2'],
    ]);
    expect([plan.added, plan.updated, plan.unchanged]).toEqual([2, 1, 2]);
    const older = planImport(local, { ...local, requests: [req('r1', 'Old name', 'GET', 'http://a.test', 3)] });
    expect(older.write).toEqual([]);
    // Importing your own export changes nothing.
    expect(planImport(local, local).write).toEqual([]);
  });

  it('skips invalid records and rejects files that are not exports', () => {
    const text = JSON.stringify({
      format: 'parley-library',
      version: 1,
      collections: [{ v: 1 }],
      requests: [req('r1', 'One', 'GET', '')],
      history: 'x',
    });
    const parsed = parseExport(text, 0, () => 'x');
    expect(parsed).toEqual({
      ok: true,
      library: { collections: [], folders: [], requests: [req('r1', 'One', 'GET', '')], history: [] },
      skipped: 1,
    });
    expect(parseExport('nope', 0, () => 'x')).toEqual({
      ok: false,
      message: 'This file is not JSON, so it is not a Parley library export.',
    });
    expect(parseExport('{"format":"har"}', 0, () => 'x')).toEqual({
      ok: false,
      message: 'This JSON file is not a Parley library export.',
    });
    expect(parseExport('{"format":"parley-library","version":2}', 0, () => 'x')).toEqual({
      ok: false,
      message: 'This export was made by a newer Parley (file version 2); update Parley to import it.',
    });
  });
});

describe('sameDraft', () => {
  it('ignores key order and undefined keys, not values or row order', () => {
    const a = { ...blankDraft(), headers: [{ id: 'h', name: 'A', value: '1', enabled: true }] };
    const { headers: _headers, body, ...rest } = a;
    const reordered = { headers: [{ value: '1', enabled: true, name: 'A', id: 'h' }], body, ...rest };
    expect(Object.keys(reordered)[0]).toBe('headers');
    expect(sameDraft(a, reordered)).toBe(true);
    expect(sameDraft(a, { ...a, query: [{ id: 'q', name: 'x', value: '', enabled: true, noEquals: undefined }] })).toBe(
      false,
    );
    expect(
      sameDraft(
        { ...a, query: [{ id: 'q', name: 'x', value: '', enabled: true, noEquals: undefined }] },
        { ...a, query: [{ id: 'q', name: 'x', value: '', enabled: true }] },
      ),
    ).toBe(true);
    expect(sameDraft(a, { ...a, method: 'POST' })).toBe(false);
    expect(sameDraft(a, { ...a, headers: [...a.headers, ...a.headers] })).toBe(false);
  });
});
