/** Export the whole library to a JSON file and import one back (merge by id, no duplicates). */
import { exportLibrary, parseExport, planImport } from '../core/library/transfer.ts';
import type { HistoryEntry } from '../core/library/records.ts';
import { newId } from '../core/model/ids.ts';
import { libraryStorage, putRecord, showNotice, useLibraryStore } from './library-store.ts';
import { enforceLimit, getHistoryEntries, otherTabHistoryChanged } from './history-store.ts';

/** The export file's name and text for the Export button. */
export function exportRequested(now = Date.now()): { fileName: string; text: string } {
  const s = useLibraryStore.getState();
  const text = exportLibrary(
    { collections: Object.values(s.collections), requests: Object.values(s.requests), history: getHistoryEntries() },
    now,
  );
  const day = new Date(now).toISOString().slice(0, 10);
  return { fileName: `parley-library-${day}.json`, text };
}

/** An import file was chosen and read: merge it, then say what happened. */
export function importFileRead(text: string): void {
  const parsed = parseExport(text, Date.now(), newId);
  if (!parsed.ok) {
    showNotice({ tone: 'error', text: `Nothing was imported. ${parsed.message}` });
    return;
  }
  const s = useLibraryStore.getState();
  const plan = planImport(
    { collections: Object.values(s.collections), requests: Object.values(s.requests), history: getHistoryEntries() },
    parsed.library,
  );
  let failed = 0;
  for (const { kind, record } of plan.write) {
    if (kind === 'history') {
      const r = libraryStorage.put('history', record);
      if (r.ok) otherTabHistoryChanged(record as HistoryEntry, record.id);
      else failed++;
    } else if (!putRecord(kind, record)) failed++;
  }
  enforceLimit();
  const parts = [`${plan.added} added`, `${plan.updated} updated`, `${plan.unchanged} already here`];
  if (parsed.skipped) parts.push(`${parsed.skipped} unreadable skipped`);
  if (failed) {
    showNotice({
      tone: 'error',
      text: `Import stopped part-way: browser storage is full (${failed} not stored). ${parts.join(', ')}.`,
    });
    return;
  }
  showNotice({ tone: 'info', text: `Import done: ${parts.join(', ')}.` });
}
