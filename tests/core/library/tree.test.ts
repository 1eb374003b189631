import { describe, expect, it } from 'vitest';
import {
  buildTree,
  createsCycle,
  descendantFolderIds,
  moveTargets,
  type TreeNode,
} from '../../../src/core/library/tree.ts';
import { makeCollection, makeFolder, type SavedRequest } from '../../../src/core/library/records.ts';
import { blankDraft } from '../../../src/core/model/defaults.ts';

const folder = (id: string, name: string, parentId: string | null, order = 0, collectionId = 'c1') =>
  makeFolder({ id, name, collectionId, parentId, order }, 1);
const req = (
  id: string,
  name: string,
  folderId: string | null,
  method = 'GET',
  order = 0,
  body = '',
): SavedRequest => ({
  v: 1,
  id,
  name,
  collectionId: 'c1',
  folderId,
  order,
  createdAt: 1,
  updatedAt: 1,
  draft: {
    ...blankDraft(),
    method,
    url: `http://a.test/${id}`,
    body: body ? { mode: 'json', text: body } : { mode: 'none' },
  },
});
const input = {
  collections: [makeCollection('c1', 'API', 1, 1), makeCollection('c0', 'Zero', 1, 0)],
  folders: [
    folder('f1', 'Users', null, 1),
    folder('f2', 'Admin', 'f1'),
    folder('f3', 'Alpha', null, 2),
    folder('lost', 'Lost', 'gone', 3),
  ],
  requests: [
    req('r1', 'list', 'f1', 'GET', 2),
    req('r2', 'create', 'f1', 'POST', 1, '{"role":"owner"}'),
    req('r3', 'health', null, 'DELETE'),
    req('r4', 'stray', 'gone'),
  ],
};
/** The tree as indented lines: `c:API`, `  f:Users`, `    r:list`. */
function lines(nodes: TreeNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${n.kind[0]}:${n.record.name}`,
    ...(n.kind === 'request' ? [] : lines(n.children, depth + 1)),
  ]);
}

describe('buildTree', () => {
  it('nests folders, puts folders before requests, orders manually; missing parents go to the top level', () => {
    expect(lines(buildTree(input))).toEqual([
      'c:Zero',
      'c:API',
      '  f:Users',
      '    f:Admin',
      '    r:create',
      '    r:list',
      '  f:Alpha',
      '  f:Lost',
      '  r:health',
      '  r:stray',
    ]);
  });

  it('sorts by name or by method without changing the stored order', () => {
    expect(lines(buildTree(input, 'name')).slice(0, 5)).toEqual([
      'c:API',
      '  f:Alpha',
      '  f:Lost',
      '  f:Users',
      '    f:Admin',
    ]);
    // Without folders every request is at the top level: DELETE < GET < POST, then by name.
    expect(lines(buildTree({ ...input, folders: [] }, 'method'))).toEqual([
      'c:API',
      '  r:health',
      '  r:list',
      '  r:stray',
      '  r:create',
      'c:Zero',
    ]);
  });

  it('search matches name, method, URL and body, keeping the path; a folder name match keeps its contents', () => {
    expect(lines(buildTree(input, 'manual', 'owner'))).toEqual(['c:API', '  f:Users', '    r:create']);
    expect(lines(buildTree(input, 'manual', 'delete a.test/r3'))).toEqual(['c:API', '  r:health']);
    expect(lines(buildTree(input, 'manual', 'users'))).toEqual([
      'c:API',
      '  f:Users',
      '    f:Admin',
      '    r:create',
      '    r:list',
    ]);
    expect(buildTree(input, 'manual', 'nothing-like-this')).toEqual([]);
  });
});

describe('moves', () => {
  it('lists every place with its path, and refuses a folder inside itself', () => {
    expect(moveTargets(input).map((t) => t.label)).toEqual([
      'Zero',
      'API',
      'API / Users',
      'API / Users / Admin',
      'API / Alpha',
      'API / Lost',
    ]);
    const byId = new Map(input.folders.map((f) => [f.id, f]));
    expect(createsCycle('f1', 'f2', byId)).toBe(true);
    expect(createsCycle('f1', 'f1', byId)).toBe(true);
    expect(createsCycle('f2', 'f3', byId)).toBe(false);
    expect(createsCycle('f1', null, byId)).toBe(false);
    expect(descendantFolderIds('f1', input.folders)).toEqual(['f2']);
  });
});
