/**
 * The workspace tree the sidebar shows: collections → folders (nested) → saved requests, built
 * from the flat records (docs/workspace-model.md), sorted and filtered. Pure.
 */
import { compareSiblings } from './order.ts';
import { matchesSearch } from './search.ts';
import type { Collection, Folder, SavedRequest } from './records.ts';

/** `manual` = the stored `order`; `name` = by name; `method` = requests by method then name (folders by name). */
export type TreeSort = 'manual' | 'name' | 'method';

export type TreeNode =
  | { kind: 'collection'; record: Collection; children: TreeNode[] }
  | { kind: 'folder'; record: Folder; children: TreeNode[] }
  | { kind: 'request'; record: SavedRequest };

export interface TreeInput {
  collections: readonly Collection[];
  folders: readonly Folder[];
  requests: readonly SavedRequest[];
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function compare(sort: TreeSort, a: TreeNode, b: TreeNode): number {
  if (a.kind !== b.kind) return a.kind === 'folder' ? -1 : 1; // folders before requests
  if (sort === 'manual') return compareSiblings(a.record, b.record);
  if (sort === 'method' && a.kind === 'request' && b.kind === 'request')
    return a.record.draft.method.localeCompare(b.record.draft.method) || byName(a.record, b.record);
  return byName(a.record, b.record);
}

/**
 * Builds the tree. A folder whose parent is missing (or in another collection) sits at its
 * collection's top level; so does a request whose folder is missing. With a search, only
 * matching requests are kept, with the folders and collections on their path; a folder or
 * collection whose name matches every term keeps all of its contents.
 * @returns collections in order, each with its folders first, then its requests
 */
export function buildTree(input: TreeInput, sort: TreeSort = 'manual', search = ''): TreeNode[] {
  const folderById = new Map(input.folders.map((f) => [f.id, f]));
  const parentOf = (f: Folder) => {
    const p = f.parentId === null ? undefined : folderById.get(f.parentId);
    return p && p.collectionId === f.collectionId && !createsCycle(f.id, p.id, folderById) ? p.id : null;
  };
  const childrenOf = new Map<string, TreeNode[]>(); // key: collection id or folder id
  const push = (key: string, node: TreeNode) => {
    const list = childrenOf.get(key);
    if (list) list.push(node);
    else childrenOf.set(key, [node]);
  };
  const folderNodes = new Map<string, TreeNode & { kind: 'folder' }>();
  for (const f of input.folders) folderNodes.set(f.id, { kind: 'folder', record: f, children: [] });
  for (const f of input.folders) push(parentOf(f) ?? `c:${f.collectionId}`, folderNodes.get(f.id)!);
  for (const r of input.requests) {
    const f = r.folderId === null ? undefined : folderById.get(r.folderId);
    push(f && f.collectionId === r.collectionId ? f.id : `c:${r.collectionId}`, { kind: 'request', record: r });
  }
  const terms = search.toLowerCase().split(/\s+/).filter(Boolean);
  const nameMatches = (name: string) => terms.length > 0 && terms.every((t) => name.toLowerCase().includes(t));
  const fill = (key: string, keepAll: boolean): TreeNode[] => {
    const out: TreeNode[] = [];
    for (const node of childrenOf.get(key) ?? []) {
      if (node.kind === 'request') {
        if (keepAll || matchesSearch(node.record, search)) out.push(node);
        continue;
      }
      const all = keepAll || nameMatches(node.record.name);
      const children = fill(node.record.id, all);
      if (all || terms.length === 0 || children.length > 0) out.push({ ...node, children });
    }
    return out.sort((a, b) => compare(sort, a, b));
  };
  const out: TreeNode[] = [];
  const collections = [...input.collections].sort(sort === 'manual' ? compareSiblings : byName);
  for (const c of collections) {
    const all = nameMatches(c.name);
    const children = fill(`c:${c.id}`, all);
    if (all || terms.length === 0 || children.length > 0) out.push({ kind: 'collection', record: c, children });
  }
  return out;
}

/** Whether making `parentId` the parent of `folderId` would put a folder inside itself. */
export function createsCycle(folderId: string, parentId: string | null, folders: ReadonlyMap<string, Folder>): boolean {
  const seen = new Set<string>();
  let id = parentId;
  while (id !== null && !seen.has(id)) {
    if (id === folderId) return true;
    seen.add(id);
    id = folders.get(id)?.parentId ?? null;
  }
  return false;
}

/** Ids of the folders inside `folderId` at any depth (not itself), found by `parentId`. */
export function descendantFolderIds(folderId: string, folders: readonly Folder[]): string[] {
  const out: string[] = [];
  const queue = [folderId];
  while (queue.length) {
    const id = queue.shift() as string;
    for (const f of folders) {
      if (f.parentId === id && f.id !== folderId && !out.includes(f.id)) {
        out.push(f.id);
        queue.push(f.id);
      }
    }
  }
  return out;
}

/** A place to move to: a collection's top level or a folder, with its path for a menu (`Team / Users`). */
export interface MoveTarget {
  collectionId: string;
  folderId: string | null;
  label: string;
}

/** Every place in the tree, depth first in manual order, with `/`-joined path labels. */
export function moveTargets(input: TreeInput): MoveTarget[] {
  const out: MoveTarget[] = [];
  const walk = (nodes: TreeNode[], collectionId: string, path: string) => {
    for (const n of nodes) {
      if (n.kind !== 'folder') continue;
      const label = `${path} / ${n.record.name}`;
      out.push({ collectionId, folderId: n.record.id, label });
      walk(n.children, collectionId, label);
    }
  };
  for (const c of buildTree({ ...input, requests: [] })) {
    if (c.kind !== 'collection') continue;
    out.push({ collectionId: c.record.id, folderId: null, label: c.record.name });
    walk(c.children, c.record.id, c.record.name);
  }
  return out;
}
