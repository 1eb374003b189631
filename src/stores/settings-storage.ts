/**
 * localStorage for zustand `persist`, wrapped so that a full quota, a disabled storage
 * (private mode) or a missing `window` never throws into the app: the state then just
 * lives in memory for this tab.
 */
import { createJSONStorage, type PersistStorage } from 'zustand/middleware';

const memory = new Map<string, string>();

const safeStorage = {
  getItem(name: string): string | null {
    try {
      return globalThis.localStorage?.getItem(name) ?? memory.get(name) ?? null;
    } catch {
      return memory.get(name) ?? null;
    }
  },
  setItem(name: string, value: string): void {
    memory.set(name, value);
    try {
      globalThis.localStorage?.setItem(name, value);
    } catch {
      // Quota exceeded or storage disabled: keep the in-memory copy.
    }
  },
  removeItem(name: string): void {
    memory.delete(name);
    try {
      globalThis.localStorage?.removeItem(name);
    } catch {
      // Ignored for the same reason as setItem.
    }
  },
};

/** A JSON persist storage that never throws. */
export function safePersistStorage<S>(): PersistStorage<S> | undefined {
  return createJSONStorage<S>(() => safeStorage);
}
