/**
 * The send history: one record per send, bounded (oldest dropped), no response content.
 * Stored one key per entry next to the library, so tabs sending at once keep every entry.
 */
import { create } from 'zustand';
import { pruneHistory } from '../core/library/history.ts';
import {
  DEFAULT_HISTORY_LIMIT,
  MAX_HISTORY_LIMIT,
  type HistoryEntry,
  type LibrarySettings,
} from '../core/library/records.ts';
import type { RequestDraft } from '../core/model/draft.ts';
import { newId } from '../core/model/ids.ts';
import { DEFAULT_KEPT_BODY_LIMIT_BYTES } from '../core/response/kept.ts';
import { libraryStorage, showNotice } from './library-store.ts';
import { tabOpened } from './tabs-store.ts';

interface HistoryState {
  entries: Record<string, HistoryEntry>;
  limit: number;
  /** Largest response body kept for after a reload, bytes. */
  keptBodyLimit: number;
}

const useHistoryStore = create<HistoryState>()(() => ({
  entries: {},
  limit: DEFAULT_HISTORY_LIMIT,
  keptBodyLimit: DEFAULT_KEPT_BODY_LIMIT_BYTES,
}));

export const useHistoryEntries = (): Record<string, HistoryEntry> => useHistoryStore((s) => s.entries);
export const useHistoryLimit = (): number => useHistoryStore((s) => s.limit);
export const useKeptBodyLimit = (): number => useHistoryStore((s) => s.keptBodyLimit);
export const getKeptBodyLimit = (): number => useHistoryStore.getState().keptBodyLimit;
export const getHistoryEntries = (): HistoryEntry[] => Object.values(useHistoryStore.getState().entries);

/** Removes entries past the limit, from storage and state (after a send, a limit change, an import). */
export function enforceLimit(): void {
  const { entries, limit } = useHistoryStore.getState();
  const { drop } = pruneHistory(Object.values(entries), limit);
  if (drop.length === 0) return;
  for (const e of drop) libraryStorage.remove('history', e.id);
  useHistoryStore.setState((s) => {
    const next = { ...s.entries };
    for (const e of drop) delete next[e.id];
    return { entries: next };
  });
}

export function historyLoaded(entries: HistoryEntry[], settings: LibrarySettings): void {
  useHistoryStore.setState({
    entries: Object.fromEntries(entries.map((e) => [e.id, e])),
    limit: settings.historyLimit,
    keptBodyLimit: settings.keptBodyLimitBytes,
  });
  enforceLimit();
}

/** What a finished send leaves in history (the caller passes what it sent and received). */
export interface SendSummary {
  /** The send's id (its kept response is stored under `history:<id>`); a new one when absent. */
  id?: string;
  draft: RequestDraft;
  method: string;
  url: string;
  status: number | null;
  timeMs: number | null;
  sizeBytes: number | null;
}

let lastAt = 0;

/** A send finished (with a response or an error): record it, then drop the oldest past the limit. */
export function sendRecorded(summary: SendSummary): void {
  if (useHistoryStore.getState().limit === 0) return;
  // Strictly increasing, so sends within one millisecond still keep their order (and the oldest goes first).
  lastAt = Math.max(Date.now(), lastAt + 1);
  const { id = newId(), ...rest } = summary;
  const entry: HistoryEntry = { v: 1, id, at: lastAt, ...rest, draft: structuredClone(summary.draft) };
  const result = libraryStorage.put('history', entry);
  if (!result.ok) {
    // The send itself worked; only its history entry is lost. Say so once, keep going.
    showNotice({ tone: 'error', text: `This send was not added to history. ${result.message}` });
    return;
  }
  useHistoryStore.setState((s) => ({ entries: { ...s.entries, [entry.id]: entry } }));
  enforceLimit();
}

export function historyOpened(id: string): void {
  const e = useHistoryStore.getState().entries[id];
  // In the preview tab, like a saved request: it replaces no other work.
  if (e) tabOpened({ draft: structuredClone(e.draft), originId: null, preview: true, keptKey: `history:${e.id}` });
}

export function historyLimitChanged(limit: number): void {
  const n = Math.min(
    MAX_HISTORY_LIMIT,
    Math.max(0, Math.floor(Number.isFinite(limit) ? limit : DEFAULT_HISTORY_LIMIT)),
  );
  const result = libraryStorage.putSettings({ v: 1, historyLimit: n, keptBodyLimitBytes: getKeptBodyLimit() });
  if (!result.ok) {
    showNotice({ tone: 'error', text: result.message });
    return;
  }
  useHistoryStore.setState({ limit: n });
  enforceLimit();
}

export function historyCleared(): void {
  for (const id of Object.keys(useHistoryStore.getState().entries)) libraryStorage.remove('history', id);
  useHistoryStore.setState({ entries: {} });
}

/** Mirrors another tab's history change without writing back. */
export function otherTabHistoryChanged(entry: HistoryEntry | null, id: string): void {
  useHistoryStore.setState((s) => {
    const next = { ...s.entries };
    if (entry) next[entry.id] = entry;
    else delete next[id];
    return { entries: next };
  });
}

/** The "keep response bodies up to … MB" setting changed (bytes; negative or not a number → the default). */
export function keptBodyLimitChanged(bytes: number): void {
  const n = Number.isFinite(bytes) && bytes >= 0 ? Math.floor(bytes) : DEFAULT_KEPT_BODY_LIMIT_BYTES;
  const result = libraryStorage.putSettings({
    v: 1,
    historyLimit: useHistoryStore.getState().limit,
    keptBodyLimitBytes: n,
  });
  if (!result.ok) return showNotice({ tone: 'error', text: result.message });
  useHistoryStore.setState({ keptBodyLimit: n });
}

export function otherTabSettingsChanged(settings: LibrarySettings): void {
  useHistoryStore.setState({ limit: settings.historyLimit, keptBodyLimit: settings.keptBodyLimitBytes });
}
