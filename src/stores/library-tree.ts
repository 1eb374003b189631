/**
 * Events of the workspace tree (folders, moves, order, scope defaults) and the tree's view
 * state (sort, collapsed nodes). Writes go through the library store's `putRecord` (storage
 * first, then state), like every library change. Model: docs/workspace-model.md.
 */
import { create } from 'zustand';
import {
  makeFolder,
  type Folder,
  type LibraryRecord,
  type RecordKind,
  type SavedRequest,
  type ScopeDefaults,
} from '../core/library/records.ts';
import { orderAtEnd, placeAt, sortSiblings } from '../core/library/order.ts';
import { createsCycle, descendantFolderIds, type TreeSort } from '../core/library/tree.ts';
import { newId } from '../core/model/ids.ts';
import { putRecord, removeRecord, showToast, useLibraryStore } from './library-store.ts';

interface TreeViewState {
  sort: TreeSort;
  /** Ids of collapsed collections and folders (everything starts expanded). */
  collapsed: Record<string, true>;
  /** The folder or collection whose defaults editor is open. */
  editing: { kind: 'collection' | 'folder'; id: string } | null;
}

const useTreeView = create<TreeViewState>()(() => ({ sort: 'manual', collapsed: {}, editing: null }));

export const useTreeSort = (): TreeSort => useTreeView((s) => s.sort);
export const useCollapsed = (): Record<string, true> => useTreeView((s) => s.collapsed);
export const useEditingScope = (): TreeViewState['editing'] => useTreeView((s) => s.editing);

export const treeSortChosen = (sort: TreeSort): void => useTreeView.setState({ sort });
export function nodeToggled(id: string, expanded: boolean): void {
  useTreeView.setState((s) => {
    const { [id]: _was, ...rest } = s.collapsed;
    return { collapsed: expanded ? rest : { ...rest, [id]: true } };
  });
}
export const scopeEditorOpened = (kind: 'collection' | 'folder', id: string): void =>
  useTreeView.setState({ editing: { kind, id } });
export const scopeEditorClosed = (): void => useTreeView.setState({ editing: null });

/** Where a moved item goes: a collection's top level (`folderId` null) or a folder; `index` among its siblings of the same kind (default: last). */
export interface Destination {
  collectionId: string;
  folderId: string | null;
  index?: number;
}

function siblingsAt(kind: 'folder' | 'request', collectionId: string, folderId: string | null, except: string) {
  const s = useLibraryStore.getState();
  const all =
    kind === 'folder'
      ? Object.values(s.folders).filter((f) => f.collectionId === collectionId && f.parentId === folderId)
      : Object.values(s.requests).filter((r) => r.collectionId === collectionId && r.folderId === folderId);
  return sortSiblings(all.filter((x) => x.id !== except));
}

/** New folder "New folder" at the end of its parent; returns its id (null when storage refused it). */
export function folderCreated(collectionId: string, parentId: string | null, name = 'New folder'): string | null {
  const order = orderAtEnd(siblingsAt('folder', collectionId, parentId, ''));
  const folder = makeFolder(
    { id: newId(), name: name.trim() || 'New folder', collectionId, parentId, order },
    Date.now(),
  );
  if (!putRecord('folder', folder)) return null;
  nodeToggled(parentId ?? collectionId, true);
  return folder.id;
}

export function folderRenamed(id: string, name: string): void {
  const f = useLibraryStore.getState().folders[id];
  if (f && name.trim() && name.trim() !== f.name) putRecord('folder', { ...f, name: name.trim() });
}

/** Everything inside a folder (itself included): folders and the requests in them. */
function subtree(id: string): { folders: Folder[]; requests: SavedRequest[] } {
  const s = useLibraryStore.getState();
  const all = Object.values(s.folders);
  const ids = [id, ...descendantFolderIds(id, all)];
  return {
    folders: ids.flatMap((x) => (s.folders[x] ? [s.folders[x]] : [])),
    requests: Object.values(s.requests).filter((r) => r.folderId !== null && ids.includes(r.folderId)),
  };
}

/** Deletes a folder with its subfolders and requests; the toast's Undo puts them all back. */
export function folderDeleted(id: string): void {
  const f = useLibraryStore.getState().folders[id];
  if (!f) return;
  const { folders, requests } = subtree(id);
  const removed: { kind: RecordKind; record: LibraryRecord }[] = [];
  for (const r of requests) if (removeRecord('request', r.id)) removed.push({ kind: 'request', record: r });
  for (const x of folders.slice().reverse())
    if (removeRecord('folder', x.id)) removed.push({ kind: 'folder', record: x });
  const n = requests.length;
  showToast(`Deleted folder “${f.name}” and ${n} request${n === 1 ? '' : 's'}`, { records: removed });
}

/** Copies a folder with everything inside (new ids), placed right after the original. */
export function folderDuplicated(id: string): void {
  const f = useLibraryStore.getState().folders[id];
  if (!f) return;
  const { folders, requests } = subtree(id);
  const ids = new Map(folders.map((x) => [x.id, newId()]));
  const now = Date.now();
  const after = siblingsAt('folder', f.collectionId, f.parentId, '');
  const next = after[after.findIndex((x) => x.id === id) + 1];
  for (const x of folders) {
    const top = x.id === id;
    const copy: Folder = {
      ...structuredClone(x),
      id: ids.get(x.id)!,
      name: top ? `${x.name} (copy)` : x.name,
      parentId: top ? x.parentId : (ids.get(x.parentId ?? '') ?? x.parentId),
      order: top ? (next ? (x.order + next.order) / 2 : x.order + 1) : x.order,
      createdAt: now,
    };
    if (!putRecord('folder', copy)) return;
  }
  for (const r of requests) {
    const copy = {
      ...structuredClone(r),
      id: newId(),
      folderId: ids.get(r.folderId ?? '') ?? null,
      createdAt: now,
      updatedAt: now,
    };
    if (!putRecord('request', copy)) return;
  }
  showToast(`Duplicated as “${f.name} (copy)”`);
}

/** Moves a saved request (drag and drop or "Move to…"); writes only what changes order. */
export function requestPlaced(id: string, to: Destination): void {
  const r = useLibraryStore.getState().requests[id];
  if (!r) return;
  const siblings = siblingsAt('request', to.collectionId, to.folderId, id);
  for (const w of placeAt(siblings, id, to.index ?? siblings.length)) {
    const rec = w.id === id ? r : useLibraryStore.getState().requests[w.id];
    if (!rec) continue;
    const moved = w.id === id ? { collectionId: to.collectionId, folderId: to.folderId, updatedAt: Date.now() } : {};
    if (!putRecord('request', { ...rec, ...moved, order: w.order })) return;
  }
}

/**
 * Moves a folder with its contents. Refused (returns false, nothing written) when the target is
 * the folder itself or inside it. To another collection: the folder, its subfolders and their
 * requests take the new `collectionId`.
 */
export function folderPlaced(id: string, to: Destination): boolean {
  const s = useLibraryStore.getState();
  const f = s.folders[id];
  if (!f || createsCycle(id, to.folderId, new Map(Object.entries(s.folders)))) return false;
  const siblings = siblingsAt('folder', to.collectionId, to.folderId, id);
  for (const w of placeAt(siblings, id, to.index ?? siblings.length)) {
    const rec = w.id === id ? f : useLibraryStore.getState().folders[w.id];
    if (!rec) continue;
    const moved = w.id === id ? { collectionId: to.collectionId, parentId: to.folderId } : {};
    if (!putRecord('folder', { ...rec, ...moved, order: w.order })) return false;
  }
  if (to.collectionId !== f.collectionId) {
    const { folders, requests } = subtree(id);
    for (const x of folders) if (x.id !== id) putRecord('folder', { ...x, collectionId: to.collectionId });
    for (const r of requests) putRecord('request', { ...r, collectionId: to.collectionId });
  }
  return true;
}

/** Moves a collection among the collections (drag and drop). */
export function collectionPlaced(id: string, index: number): void {
  const s = useLibraryStore.getState();
  const c = s.collections[id];
  if (!c) return;
  const siblings = sortSiblings(Object.values(s.collections).filter((x) => x.id !== id));
  for (const w of placeAt(siblings, id, index)) {
    const rec = useLibraryStore.getState().collections[w.id];
    if (rec && !putRecord('collection', { ...rec, order: w.order })) return;
  }
}

/** The defaults editor changed a collection's or folder's defaults (headers, auth, variables, scripts). */
export function scopeDefaultsEdited(
  kind: 'collection' | 'folder',
  id: string,
  update: (d: ScopeDefaults) => ScopeDefaults,
): void {
  const s = useLibraryStore.getState();
  const rec = kind === 'collection' ? s.collections[id] : s.folders[id];
  if (rec) putRecord(kind, { ...rec, defaults: update(rec.defaults) });
}
