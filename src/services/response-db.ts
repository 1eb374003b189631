/**
 * Kept responses in IndexedDB (W3C Indexed Database API 3.0): one object store, one record per
 * key — `tab:<tab id>`, `request:<saved request id>`, `history:<history entry id>` — holding a
 * `KeptResponse` (bodies as `Uint8Array`, stored by structured clone). Every failure (no
 * IndexedDB, quota, blocked upgrade) resolves as "not kept" / `null`, never as an exception.
 */
import type { KeptResponse } from '../core/response/kept.ts';

const DB_NAME = 'parley-responses';
const STORE = 'responses';

let opening: Promise<IDBDatabase | null> | null = null;

function db(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    try {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | null> {
  return db().then(
    (database) =>
      new Promise<T | null>((resolve) => {
        if (!database) return resolve(null);
        try {
          const tx = database.transaction(STORE, mode);
          const request = work(tx.objectStore(STORE));
          tx.oncomplete = () => resolve(request.result);
          tx.onerror = () => resolve(null);
          tx.onabort = () => resolve(null);
        } catch {
          resolve(null);
        }
      }),
  );
}

/** Stores `kept` under each of `keys`. Resolves `true` when written, `false` when storage refused it. */
export async function responseKept(keys: string[], kept: KeptResponse): Promise<boolean> {
  const results = await Promise.all(keys.map((key) => run('readwrite', (s) => s.put(kept, key))));
  return results.every((r) => r !== null);
}

/** The response kept under `key`, or `null` (none, unreadable, or no IndexedDB). */
export async function keptResponseRead(key: string): Promise<KeptResponse | null> {
  const value = await run<unknown>('readonly', (s) => s.get(key));
  const kept = value as Partial<KeptResponse> | null | undefined;
  return kept && kept.v === 1 && typeof kept.at === 'number' && kept.response ? (kept as KeptResponse) : null;
}
