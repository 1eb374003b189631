/**
 * Global variables: the lowest variable scope (docs/workspace-model.md), one table for the
 * whole browser. Persisted (small), versioned.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { KeyValueRow } from '../core/model/draft.ts';
import { newId } from '../core/model/ids.ts';
import { safePersistStorage } from './settings-storage.ts';

interface GlobalsState {
  globals: KeyValueRow[];
}

const useGlobalsStore = create<GlobalsState>()(
  persist(() => ({ globals: [] as KeyValueRow[] }), {
    name: 'parley.globals',
    version: 1,
    storage: safePersistStorage<GlobalsState>(),
    // Keeps only well-formed rows of whatever was stored (no zod here: it stays out of the first chunk).
    migrate: (persisted) => {
      const rows = (persisted as Partial<GlobalsState> | null)?.globals;
      return {
        globals: Array.isArray(rows)
          ? rows.filter((r): r is KeyValueRow => typeof r?.name === 'string' && typeof r.value === 'string')
          : [],
      };
    },
  }),
);

export const useGlobals = (): KeyValueRow[] => useGlobalsStore((s) => s.globals);
export const getGlobals = (): KeyValueRow[] => useGlobalsStore.getState().globals;

function update(f: (rows: KeyValueRow[]) => KeyValueRow[]): void {
  void useGlobalsStore.setState((s) => ({ globals: f(s.globals) }));
}

export const globalAdded = (): void => update((rows) => [...rows, { id: newId(), name: '', value: '', enabled: true }]);
export const globalEdited = (id: string, patch: { name?: string; value?: string }): void =>
  update((rows) => rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
export const globalToggled = (id: string, enabled: boolean): void =>
  update((rows) => rows.map((r) => (r.id === id ? { ...r, enabled } : r)));
export const globalRemoved = (id: string): void => update((rows) => rows.filter((r) => r.id !== id));

/** A script's `pm.globals` changes, as `rowsAfterScript` applied them (stored like any edit). */
export const globalsWrittenByScript = (rows: KeyValueRow[]): void => update(() => rows);
