/**
 * Saved requests and collections, as loaded from storage (one key per record), plus which
 * saved request the editor came from. Every change is written to storage FIRST; the state
 * changes only when the write succeeded, so the screen never shows what was not saved.
 */
import { create } from 'zustand';
import {
  makeCollection,
  type Collection,
  type Folder,
  type LibraryRecord,
  type RecordKind,
  type SavedRequest,
} from '../core/library/records.ts';
import { orderAtEnd } from '../core/library/order.ts';
import type { RequestDraft } from '../core/model/draft.ts';
import { newId } from '../core/model/ids.ts';
import { collectionForNewName } from '../core/library/default-collection.ts';
import { browserStorage, LibraryStorage, type SetAside, type WriteResult } from '../services/storage.ts';
import { draftReplaced, getDraft } from './request-store.ts';
import { followRedirectsSet, getFollowRedirects } from './settings-store.ts';
import {
  activeOriginSet,
  activeTabEdited,
  activeTabUnused,
  closeCancelled,
  getActiveTab,
  getCloseAfterSave,
  newTabClicked,
  savedRequestsSeen,
  tabClosed,
  tabOpened,
  useActiveOriginId,
} from './tabs-store.ts';

export interface Notice {
  tone: 'error' | 'info';
  text: string;
}

/**
 * What Undo puts back: records to write again, and/or the editor's previous draft with the
 * settings the load changed (`followRedirects`: the value before, present only when the load set it).
 */
interface UndoStep {
  records: { kind: RecordKind; record: LibraryRecord }[];
  draft?: { draft: RequestDraft; originId: string | null; revision: number | null; followRedirects?: boolean };
  /** Anything else to take back (a collection import removes what it wrote). */
  run?: () => void;
}

/** Settings a load changes together with the draft (a cURL import's `-L` → Follow redirects); Undo restores them. */
export interface LoadedSettings {
  followRedirects?: boolean;
}

interface LibraryState {
  collections: Record<string, Collection>;
  folders: Record<string, Folder>;
  requests: Record<string, SavedRequest>;
  /** Save found the saved request changed in another browser tab since this tab opened it. */
  conflict: { originId: string } | null;
  setAside: SetAside[];
  newerKeys: string[];
  /** false when localStorage is unavailable (private mode …): nothing survives a reload. */
  persistent: boolean;
  notice: Notice | null;
  toast: { id: number; text: string; undo: UndoStep | null } | null;
  search: string;
  saveDialogOpen: boolean;
}

const { storage: backing, session, persistent } = browserStorage();
/** The one storage service of the app (module-level, like the stores). */
export const libraryStorage = new LibraryStorage(backing, Date.now, newId);
/** The storage areas behind it (request tabs are kept there too, see tabs-session.ts). */
export const storageAreas = { local: backing, session };

export const useLibraryStore = create<LibraryState>()(() => ({
  collections: {},
  folders: {},
  requests: {},
  conflict: null,
  setAside: [],
  newerKeys: [],
  persistent,
  notice: null,
  toast: null,
  search: '',
  saveDialogOpen: false,
}));

export const useCollections = (): Record<string, Collection> => useLibraryStore((s) => s.collections);
export const useFolders = (): Record<string, Folder> => useLibraryStore((s) => s.folders);
export const useSavedRequests = (): Record<string, SavedRequest> => useLibraryStore((s) => s.requests);
/** The saved request the active tab's draft came from; `null` for a new, never-saved draft (owned by tabs-store). */
export const useOriginId = (): string | null => useActiveOriginId();
export const useOrigin = (): SavedRequest | null => {
  const originId = useActiveOriginId();
  return useLibraryStore((s) => (originId ? (s.requests[originId] ?? null) : null));
};
export const useSaveConflict = (): LibraryState['conflict'] => useLibraryStore((s) => s.conflict);
export const useSetAside = (): SetAside[] => useLibraryStore((s) => s.setAside);
export const useNewerKeys = (): string[] => useLibraryStore((s) => s.newerKeys);
export const useLibraryNotice = (): Notice | null => useLibraryStore((s) => s.notice);
export const useLibraryToast = (): LibraryState['toast'] => useLibraryStore((s) => s.toast);
export const useLibrarySearch = (): string => useLibraryStore((s) => s.search);
export const useSaveDialogOpen = (): boolean => useLibraryStore((s) => s.saveDialogOpen);
export const usePersistent = (): boolean => useLibraryStore((s) => s.persistent);
export const getOriginId = (): string | null => getActiveTab().originId;

// Tab titles and "unsaved" marks follow the saved requests.
useLibraryStore.subscribe((s, p) => {
  if (s.requests !== p.requests) savedRequestsSeen(s.requests);
});

let toastSeq = 0;
export function showToast(text: string, undo: UndoStep | null = null): void {
  useLibraryStore.setState({ toast: { id: ++toastSeq, text, undo } });
}
export function showNotice(notice: Notice | null): void {
  useLibraryStore.setState({ notice });
}

/** Writes; on failure shows the message and returns false (state untouched by the caller). */
function written(result: WriteResult): boolean {
  if (!result.ok) showNotice({ tone: 'error', text: result.message });
  return result.ok;
}

function applyRecord(kind: RecordKind, record: LibraryRecord): void {
  if (kind === 'collection')
    useLibraryStore.setState((s) => ({ collections: { ...s.collections, [record.id]: record as Collection } }));
  else if (kind === 'folder')
    useLibraryStore.setState((s) => ({ folders: { ...s.folders, [record.id]: record as Folder } }));
  else if (kind === 'request')
    useLibraryStore.setState((s) => ({ requests: { ...s.requests, [record.id]: record as SavedRequest } }));
}

function dropRecord(kind: RecordKind, id: string): void {
  useLibraryStore.setState((s) => {
    if (kind === 'collection') {
      const { [id]: _gone, ...collections } = s.collections;
      return { collections };
    }
    if (kind === 'folder') {
      const { [id]: _gone, ...folders } = s.folders;
      return { folders };
    }
    if (kind === 'request') {
      const { [id]: _gone, ...requests } = s.requests;
      return { requests };
    }
    return {};
  });
}

/** Stores and shows one record; false (and a message) when storage refused it. */
export function putRecord(kind: RecordKind, record: LibraryRecord): boolean {
  if (!written(libraryStorage.put(kind, record))) return false;
  applyRecord(kind, record);
  return true;
}

export function removeRecord(kind: RecordKind, id: string): boolean {
  if (!written(libraryStorage.remove(kind, id))) return false;
  dropRecord(kind, id);
  return true;
}

/** Mirrors another tab's change (storage event) without writing anything back. */
export function otherTabChanged(kind: RecordKind, record: LibraryRecord | null, id: string): void {
  if (record) applyRecord(kind, record);
  else dropRecord(kind, id);
}

/** Puts loaded data in place (app start, or another tab cleared storage). */
export function libraryLoaded(data: {
  collections: Collection[];
  folders: Folder[];
  requests: SavedRequest[];
  setAside: SetAside[];
  newer: string[];
}): void {
  useLibraryStore.setState((s) => ({
    collections: Object.fromEntries(data.collections.map((c) => [c.id, c])),
    folders: Object.fromEntries(data.folders.map((f) => [f.id, f])),
    requests: Object.fromEntries(data.requests.map((r) => [r.id, r])),
    setAside: [...s.setAside, ...data.setAside],
    newerKeys: data.newer,
  }));
}

export function originSet(originId: string | null): void {
  activeOriginSet(originId, originId ? (useLibraryStore.getState().requests[originId]?.updatedAt ?? null) : null);
}

/**
 * Replaces the editor's draft and applies `settings`, keeping everything replaced for the
 * toast's Undo: the previous draft, its origin, and the previous value of each setting given.
 */
export function editorLoaded(
  draft: RequestDraft,
  originId: string | null,
  label: string,
  settings: LoadedSettings = {},
): void {
  const tab = getActiveTab();
  const previous: NonNullable<UndoStep['draft']> = {
    draft: getDraft(),
    originId: tab.originId,
    revision: tab.revision,
  };
  if (settings.followRedirects !== undefined) {
    previous.followRedirects = getFollowRedirects();
    followRedirectsSet(settings.followRedirects);
  }
  draftReplaced(structuredClone(draft));
  originSet(originId);
  showToast(label, { records: [], draft: previous });
}

export function undoClicked(): void {
  const undo = useLibraryStore.getState().toast?.undo;
  useLibraryStore.setState({ toast: null });
  if (!undo) return;
  for (const { kind, record } of undo.records) putRecord(kind, record);
  undo.run?.();
  if (undo.draft) {
    draftReplaced(undo.draft.draft);
    // The revision too: a save after undoing a conflict's Reload asks again.
    activeOriginSet(undo.draft.originId, undo.draft.revision);
    if (undo.draft.followRedirects !== undefined) followRedirectsSet(undo.draft.followRedirects);
  }
}

export const toastDismissed = (): void => useLibraryStore.setState({ toast: null });
export const noticeDismissed = (): void => useLibraryStore.setState({ notice: null });
export const setAsideDismissed = (): void => useLibraryStore.setState({ setAside: [], newerKeys: [] });
export const searchEdited = (search: string): void => useLibraryStore.setState({ search });
export function saveDialogClosed(): void {
  useLibraryStore.setState({ saveDialogOpen: false });
  closeCancelled();
}

/** Save button / Ctrl+S: update the saved request in place, or ask where to save a new one. */
export function saveClicked(): void {
  const s = useLibraryStore.getState();
  const tab = getActiveTab();
  const origin = tab.originId ? s.requests[tab.originId] : undefined;
  if (!origin) {
    useLibraryStore.setState({ saveDialogOpen: true });
    return;
  }
  // Changed in another browser tab since this tab opened or saved it: ask (library-conflict.ts).
  if (tab.revision !== null && origin.updatedAt !== tab.revision) {
    useLibraryStore.setState({ conflict: { originId: origin.id } });
    return;
  }
  saveOver(origin);
}

/** Writes the active tab's draft over saved request `origin`; the tab then edits that revision. */
export function saveOver(origin: SavedRequest): boolean {
  // Strictly later than the stored revision, so another tab's check sees the change even within one millisecond.
  const updated: SavedRequest = {
    ...origin,
    draft: structuredClone(getDraft()),
    updatedAt: Math.max(Date.now(), origin.updatedAt + 1),
  };
  if (!putRecord('request', updated)) return false;
  activeOriginSet(updated.id, updated.updatedAt);
  showToast(`Saved “${updated.name}”`);
  closeIfAsked();
  return true;
}

export const conflictClosed = (): void => useLibraryStore.setState({ conflict: null });
/** The conflict dialog's Cancel: nothing is saved, and a close that waited for the save is off. */
export function conflictCancelled(): void {
  conflictClosed();
  closeCancelled();
}

/** A tab whose close asked to save first is closed once it is saved. */
function closeIfAsked(): void {
  const id = getActiveTab().id;
  if (getCloseAfterSave() === id) tabClosed(id);
}

/**
 * Save dialog confirmed: stores the current draft as a new saved request.
 * @param target an existing collection id, or a name for a new collection
 * @returns true when saved; on false the dialog stays open and the message is shown
 */
export function saveConfirmed(name: string, target: { collectionId: string } | { newCollection: string }): boolean {
  const now = Date.now();
  let collectionId: string;
  if ('collectionId' in target) collectionId = target.collectionId;
  else {
    // "My requests" has a fixed id: two tabs creating it at once converge to one record.
    const { collection, create } = collectionForNewName(
      target.newCollection,
      Object.values(useLibraryStore.getState().collections),
      now,
      newId,
    );
    if (create && !putRecord('collection', collection)) return false;
    collectionId = collection.id;
  }
  const record: SavedRequest = {
    v: 1,
    id: newId(),
    name: name.trim() || 'Untitled request',
    collectionId,
    folderId: null,
    order: orderAtEnd(
      Object.values(useLibraryStore.getState().requests).filter((r) => r.collectionId === collectionId && !r.folderId),
    ),
    draft: structuredClone(getDraft()),
    createdAt: now,
    updatedAt: now,
  };
  if (!putRecord('request', record)) return false;
  activeOriginSet(record.id, record.updatedAt);
  useLibraryStore.setState({ saveDialogOpen: false, notice: null });
  showToast(`Saved “${record.name}”`);
  closeIfAsked();
  return true;
}

/** A blank request in a new tab, not linked to any saved one. */
export function newRequestClicked(): void {
  newTabClicked();
}

/** Opens a saved request in the preview tab (or activates the tab that already has it). */
export function requestOpened(id: string): void {
  const r = useLibraryStore.getState().requests[id];
  if (r) tabOpened({ draft: structuredClone(r.draft), originId: r.id, revision: r.updatedAt, preview: true });
}

/**
 * A request from outside the library (cURL import, share link): fills the active tab when it
 * was never used (Undo brings back what it held), else opens in a new tab.
 */
export function draftOpened(draft: RequestDraft, label: string, settings: LoadedSettings = {}): void {
  if (activeTabUnused()) {
    editorLoaded(draft, null, label, settings);
    return activeTabEdited();
  }
  tabOpened({ draft: structuredClone(draft), originId: null });
  if (settings.followRedirects !== undefined) followRedirectsSet(settings.followRedirects);
  showToast(`${label} (in a new tab)`);
}

export function requestRenamed(id: string, name: string): void {
  const r = useLibraryStore.getState().requests[id];
  if (r && name.trim() && name.trim() !== r.name)
    putRecord('request', { ...r, name: name.trim(), updatedAt: Date.now() });
}

export function requestDuplicated(id: string): void {
  const r = useLibraryStore.getState().requests[id];
  if (!r) return;
  const now = Date.now();
  const copy: SavedRequest = {
    ...structuredClone(r),
    id: newId(),
    name: `${r.name} (copy)`,
    createdAt: now,
    updatedAt: now,
  };
  if (putRecord('request', copy)) showToast(`Duplicated as “${copy.name}”`);
}

export function requestMoved(id: string, collectionId: string): void {
  const r = useLibraryStore.getState().requests[id];
  if (r && r.collectionId !== collectionId)
    putRecord('request', { ...r, collectionId, folderId: null, updatedAt: Date.now() });
}

export function requestDeleted(id: string): void {
  const r = useLibraryStore.getState().requests[id];
  if (r && removeRecord('request', id)) showToast(`Deleted “${r.name}”`, { records: [{ kind: 'request', record: r }] });
}

export function collectionCreated(name: string): void {
  const order = orderAtEnd(Object.values(useLibraryStore.getState().collections));
  putRecord('collection', makeCollection(newId(), name.trim() || 'New collection', Date.now(), order));
}

export function collectionRenamed(id: string, name: string): void {
  const c = useLibraryStore.getState().collections[id];
  if (c && name.trim()) putRecord('collection', { ...c, name: name.trim() });
}

/** Deletes a collection with its folders and requests; Undo restores them all. */
export function collectionDeleted(id: string): void {
  const s = useLibraryStore.getState();
  const c = s.collections[id];
  if (!c) return;
  const inside = Object.values(s.requests).filter((r) => r.collectionId === id);
  const folders = Object.values(s.folders).filter((f) => f.collectionId === id);
  const removed: UndoStep['records'] = [];
  for (const r of inside) if (removeRecord('request', r.id)) removed.push({ kind: 'request', record: r });
  for (const f of folders) if (removeRecord('folder', f.id)) removed.push({ kind: 'folder', record: f });
  if (removed.length === inside.length + folders.length && removeRecord('collection', id))
    removed.unshift({ kind: 'collection', record: c });
  showToast(`Deleted “${c.name}” and ${inside.length} request${inside.length === 1 ? '' : 's'}`, { records: removed });
}
