import { describe, expect, it } from 'vitest';
import { scopeChain, scopeLabel, validScopeAuth } from '../../../src/core/library/scope.ts';
import { emptyScopeDefaults, makeCollection, makeFolder, type Folder } from '../../../src/core/library/records.ts';

const folder = (id: string, parentId: string | null, collectionId = 'c1'): Folder =>
  makeFolder({ id, name: id.toUpperCase(), collectionId, parentId, order: 0 }, 1);
const collections = { c1: makeCollection('c1', 'Team', 1) };
const folders = {
  f1: folder('f1', null),
  f2: folder('f2', 'f1'),
  f3: folder('f3', 'f2'),
  orphan: folder('orphan', 'deleted'),
  loopA: folder('loopA', 'loopB'),
  loopB: folder('loopB', 'loopA'),
};
const ids = (chain: { kind: string; id: string }[]) => chain.map((l) => `${l.kind}:${l.id}`);

describe('scopeChain', () => {
  it('is the collection, then the folders from the outermost to the innermost', () => {
    const chain = scopeChain('c1', 'f3', collections, folders);
    expect(ids(chain)).toEqual(['collection:c1', 'folder:f1', 'folder:f2', 'folder:f3']);
    expect(chain[0]).toEqual({ kind: 'collection', id: 'c1', name: 'Team', defaults: emptyScopeDefaults() });
    expect(scopeLabel(chain[3]!)).toBe('folder F3');
  });

  it('handles top level, unsaved, missing and damaged parents', () => {
    expect(ids(scopeChain('c1', null, collections, folders))).toEqual(['collection:c1']);
    expect(scopeChain(null, null, collections, folders)).toEqual([]);
    expect(ids(scopeChain('c1', 'gone', collections, folders))).toEqual(['collection:c1']);
    expect(ids(scopeChain('c1', 'orphan', collections, folders))).toEqual(['collection:c1', 'folder:orphan']);
    expect(ids(scopeChain('c1', 'loopA', collections, folders))).toEqual([
      'collection:c1',
      'folder:loopB', // loopA's parent, so the outer one
      'folder:loopA',
    ]);
    // A folder of another collection is not part of this one's chain.
    expect(ids(scopeChain('c2', 'f1', collections, folders))).toEqual([]);
  });
});

describe("validScopeAuth (scopeChain checks each layer's stored auth, so resolveRequest needs no zod)", () => {
  it('keeps a valid auth, filling missing fields as AuthSchema does; junk and unknown types are "not set"', () => {
    expect(validScopeAuth(null)).toBeNull();
    expect(validScopeAuth(undefined)).toBeNull();
    expect(validScopeAuth({ type: 'bearer', token: 't' })).toEqual({ type: 'bearer', token: 't' });
    expect(validScopeAuth({ type: 'basic', username: 'u' })).toEqual({ type: 'basic', username: 'u', password: '' });
    expect(validScopeAuth({ type: 'inherit' })).toEqual({ type: 'inherit' });
    expect(validScopeAuth({ type: 'magic' })).toBeNull();
    expect(validScopeAuth('bearer')).toBeNull();
  });

  it('is applied to every layer of the chain', () => {
    const c = makeCollection('c1', 'Team', 1);
    const withAuth = { c1: { ...c, defaults: { ...c.defaults, auth: { type: 'bearer', token: 'x', extra: 1 } } } };
    const f = folder('f1', null);
    const junk = { f1: { ...f, defaults: { ...f.defaults, auth: { type: 'magic' } } } };
    const chain = scopeChain('c1', 'f1', withAuth, junk);
    expect(chain.map((l) => l.defaults.auth)).toEqual([{ type: 'bearer', token: 'x' }, null]);
  });
});
