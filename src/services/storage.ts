/**
 * The library's persistence: localStorage, one key per record (see core/library/keys.ts).
 * Takes any Storage-like object, so unit tests run it on an in-memory fake that can be told
 * to throw quota errors. Every failure is a value, never an exception into the app.
 */
import { loadRecord, DEFAULT_COLLECTION_ID, DEFAULT_COLLECTION_NAME } from '../core/library/migrate.ts';
import { parseRecordKey, recordKey, recoveryKey, KEY_PREFIX, SETTINGS_KEY } from '../core/library/keys.ts';
import { DEFAULT_KEPT_BODY_LIMIT_BYTES } from '../core/response/kept.ts';
import {
  makeCollection,
  DEFAULT_HISTORY_LIMIT,
  LibrarySettingsSchema,
  type Collection,
  type Folder,
  type HistoryEntry,
  type LibraryRecord,
  type LibrarySettings,
  type RecordKind,
  type SavedRequest,
} from '../core/library/records.ts';

/** The part of the Web Storage API (WHATWG HTML §12.2) this service uses. */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type WriteResult = { ok: true } | { ok: false; reason: 'quota' | 'unavailable'; message: string };

/** A stored value that could not be loaded and was moved under a recovery key. */
export interface SetAside {
  key: string;
  /** Where the original text now is; `null` when it could not be moved (left in place). */
  movedTo: string | null;
  problem: string;
}

export interface LoadedLibrary {
  collections: Collection[];
  folders: Folder[];
  requests: SavedRequest[];
  history: HistoryEntry[];
  setAside: SetAside[];
  /** Keys written by a newer Parley, left untouched. */
  newer: string[];
}

export type ExternalChange =
  | { type: 'upsert'; kind: RecordKind; record: LibraryRecord }
  | { type: 'remove'; kind: RecordKind; id: string }
  | { type: 'settings'; settings: LibrarySettings }
  | { type: 'reload' };

export const QUOTA_MESSAGE =
  'Browser storage is full, so this was not saved. Your request is still in the editor and everything saved before is intact. ' +
  'Free space by clearing history or deleting requests you no longer need (export the library first to keep a copy), then try again.';

/**
 * Whether an exception from `setItem` means the storage quota is exhausted: the standard
 * `QuotaExceededError` (code 22), Firefox's `NS_ERROR_DOM_QUOTA_REACHED` (code 1014).
 */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: string; code?: number };
  return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014;
}

export class LibraryStorage {
  /** @param storage localStorage (shared by the tabs of the origin) */
  constructor(
    private readonly storage: StorageLike,
    private readonly now: () => number = Date.now,
    private readonly makeId: () => string = () => Math.random().toString(36).slice(2),
  ) {}

  private write(key: string, value: string): WriteResult {
    try {
      this.storage.setItem(key, value);
      return { ok: true };
    } catch (e) {
      if (isQuotaError(e)) return { ok: false, reason: 'quota', message: QUOTA_MESSAGE };
      return {
        ok: false,
        reason: 'unavailable',
        message: `Browser storage refused the write (${String(e)}). Nothing was changed.`,
      };
    }
  }

  /** Stores one record under its own key. On failure the previous value of that key is unchanged. */
  put(kind: RecordKind, record: LibraryRecord): WriteResult {
    return this.write(recordKey(kind, record.id), JSON.stringify(record));
  }

  remove(kind: RecordKind, id: string): WriteResult {
    try {
      this.storage.removeItem(recordKey(kind, id));
      return { ok: true };
    } catch (e) {
      return { ok: false, reason: 'unavailable', message: `Browser storage refused the change (${String(e)}).` };
    }
  }

  private keys(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const k = this.storage.key(i);
      if (k !== null) out.push(k);
    }
    return out;
  }

  /** Moves a value that failed to load out of the way; keeps it in place if that fails. */
  private setAside(key: string, text: string, problem: string): SetAside {
    let target = recoveryKey(key);
    if (this.storage.getItem(target) !== null) target = `${target}:${this.now()}`;
    if (!this.write(target, text).ok) return { key, movedTo: null, problem };
    try {
      this.storage.removeItem(key);
    } catch {
      // The copy exists; a leftover original is only reported again next start.
    }
    return { key, movedTo: target, problem };
  }

  /**
   * Reads every record: migrates earlier versions (writing the result back), moves corrupt
   * values to recovery keys, leaves newer-version values alone, and creates collections
   * that requests or folders refer to but that do not exist (v0 folders, a collection lost to
   * corruption). A folder or request whose folder is missing is shown at its collection's top
   * level (see core/library/tree.ts); nothing is rewritten for that.
   */
  loadAll(): LoadedLibrary {
    const result: LoadedLibrary = {
      collections: [],
      folders: [],
      requests: [],
      history: [],
      setAside: [],
      newer: [],
    };
    const implied: Collection[] = [];
    for (const key of this.keys()) {
      const parsed = parseRecordKey(key);
      if (!parsed) continue;
      const text = this.storage.getItem(key);
      if (text === null) continue;
      const loaded = loadRecord(parsed.kind, text, this.now(), this.makeId);
      if (!loaded.ok) {
        if (loaded.reason === 'newer') result.newer.push(key);
        else result.setAside.push(this.setAside(key, text, loaded.message));
        continue;
      }
      if (loaded.record.id !== parsed.id) {
        result.setAside.push(
          this.setAside(key, text, `its id ${JSON.stringify(loaded.record.id)} does not match its key`),
        );
        continue;
      }
      // Written back once so the migration does not run on every start; if that fails the
      // migrated copy still lives in memory for this session.
      if (loaded.migrated) this.put(parsed.kind, loaded.record);
      implied.push(...loaded.implied);
      if (parsed.kind === 'collection') result.collections.push(loaded.record as Collection);
      else if (parsed.kind === 'folder') result.folders.push(loaded.record as Folder);
      else if (parsed.kind === 'request') result.requests.push(loaded.record as SavedRequest);
      else result.history.push(loaded.record as HistoryEntry);
    }
    const have = new Set(result.collections.map((c) => c.id));
    for (const r of [...result.folders, ...result.requests]) {
      if (have.has(r.collectionId)) continue;
      const c =
        implied.find((x) => x.id === r.collectionId) ??
        makeCollection(
          r.collectionId,
          r.collectionId === DEFAULT_COLLECTION_ID ? DEFAULT_COLLECTION_NAME : 'Recovered requests',
          this.now(),
        );
      this.put('collection', c);
      result.collections.push(c);
      have.add(c.id);
    }
    return result;
  }

  loadSettings(): LibrarySettings {
    return parseSettings(this.storage.getItem(SETTINGS_KEY));
  }

  putSettings(settings: LibrarySettings): WriteResult {
    return this.write(SETTINGS_KEY, JSON.stringify(settings));
  }

  /**
   * Interprets a `storage` event from another tab (WHATWG HTML §12.2.4). Request tabs
   * (`parley:v1:tabs:*`) belong to one browser tab each and are ignored; an unreadable value is ignored (its writer reports it).
   * @param key the event's `key` (`null` after `clear()`)
   * @param newValue the event's `newValue` (`null` after removal)
   */
  externalChange(key: string | null, newValue: string | null): ExternalChange | null {
    if (key === null) return { type: 'reload' };
    if (key === SETTINGS_KEY) return { type: 'settings', settings: parseSettings(newValue) };
    if (!key.startsWith(KEY_PREFIX)) return null;
    const parsed = parseRecordKey(key);
    if (!parsed) return null;
    if (newValue === null) return { type: 'remove', kind: parsed.kind, id: parsed.id };
    const loaded = loadRecord(parsed.kind, newValue, this.now(), this.makeId);
    if (!loaded.ok || loaded.record.id !== parsed.id) return null;
    return { type: 'upsert', kind: parsed.kind, record: loaded.record };
  }
}

function parseSettings(text: string | null): LibrarySettings {
  try {
    return LibrarySettingsSchema.parse(text === null ? { v: 1 } : { ...JSON.parse(text), v: 1 });
  } catch {
    return { v: 1, historyLimit: DEFAULT_HISTORY_LIMIT, keptBodyLimitBytes: DEFAULT_KEPT_BODY_LIMIT_BYTES };
  }
}

/** A memory-only Storage, used when localStorage is missing or disabled (and in tests). */
export class MemoryStorage implements StorageLike {
  readonly map = new Map<string, string>();
  /** When set, `setItem` throws this (tests use it to simulate a full quota). */
  failWith: Error | null = null;
  get length(): number {
    return this.map.size;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWith) throw this.failWith;
    this.map.set(key, String(value));
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

/** The browser's localStorage when usable (it throws on access in some privacy modes), else memory. */
export function browserStorage(): { storage: StorageLike; session: StorageLike | null; persistent: boolean } {
  let session: StorageLike | null = null;
  try {
    session = globalThis.sessionStorage ?? null;
    void session?.length;
  } catch {
    session = null;
  }
  try {
    const ls = globalThis.localStorage;
    if (ls) {
      ls.getItem(SETTINGS_KEY);
      return { storage: ls, session, persistent: true };
    }
  } catch {
    // fall through to memory
  }
  return { storage: new MemoryStorage(), session, persistent: false };
}

/**
 * Calls `handler` for every library change another tab makes (the `storage` event fires only
 * in the other tabs of the same origin). Returns the unsubscribe function.
 */
export function onOtherTabChange(storage: LibraryStorage, handler: (change: ExternalChange) => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const listener = (e: StorageEvent) => {
    if (e.storageArea !== null && e.storageArea !== globalThis.localStorage) return;
    const change = storage.externalChange(e.key, e.newValue);
    if (change) handler(change);
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
