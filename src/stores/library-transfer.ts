/** Export the whole library to a JSON file and import one back (merge by id, no duplicates). */
import { exportLibrary, parseExport, planImport, type LibraryContents } from '../core/library/transfer.ts';
import { stripLibrarySecrets, type LibraryFinding } from '../core/secrets/library.ts';
import type { HistoryEntry } from '../core/library/records.ts';
import { newId } from '../core/model/ids.ts';
import { libraryStorage, putRecord, showNotice, useLibraryStore } from './library-store.ts';
import { enforceLimit, getHistoryEntries, otherTabHistoryChanged } from './history-store.ts';

function libraryContents(): LibraryContents {
  const s = useLibraryStore.getState();
  return {
    collections: Object.values(s.collections),
    folders: Object.values(s.folders),
    requests: Object.values(s.requests),
    history: getHistoryEntries(),
  };
}

/** The secrets an export would empty (each can be kept deliberately), in record order. */
export function exportSecretsListed(): LibraryFinding[] {
  return stripLibrarySecrets(libraryContents()).findings;
}

/**
 * The export file's name and text for the Export button: every secret emptied (see
 * core/secrets) except the findings whose keys are in `keep`.
 */
export function exportRequested(
  keep: ReadonlySet<string> = new Set(),
  now = Date.now(),
): { fileName: string; text: string } {
  const text = exportLibrary(stripLibrarySecrets(libraryContents(), keep).library, now);
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
  const plan = planImport(libraryContents(), parsed.library);
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
