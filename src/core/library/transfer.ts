/**
 * Export and import of the whole library as one JSON file, so people can back up and move
 * browsers. Versioned file format:
 *
 *   { "format": "parley-library", "version": 1, "exportedAt": "<ISO 8601>",
 *     "collections": Collection[], "folders": Folder[], "requests": SavedRequest[],
 *     "history": HistoryEntry[] }
 *
 * `folders` came later in version 1: a file without it imports as having none.
 *
 * Import merges by id: a record whose id exists is replaced only when the imported one is
 * newer (`updatedAt`); nothing is duplicated, nothing local is deleted.
 */
import '../zod-setup.ts';
import { z } from 'zod';
import { DEFAULT_COLLECTION_ID, loadRecord } from './migrate.ts';
import { defaultCollection, defaultCollectionIn } from './default-collection.ts';
import type { Collection, Folder, HistoryEntry, LibraryRecord, RecordKind, SavedRequest } from './records.ts';

export const EXPORT_FORMAT = 'parley-library';
export const EXPORT_VERSION = 1;

export interface LibraryContents {
  collections: Collection[];
  folders: Folder[];
  requests: SavedRequest[];
  history: HistoryEntry[];
}

/**
 * Builds the export file's text.
 * @param library everything stored
 * @param now export time, ms since the epoch
 * @returns pretty-printed JSON (UTF-8 when saved), records sorted by id for stable diffs
 */
export function exportLibrary(library: LibraryContents, now: number): string {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return JSON.stringify(
    {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date(now).toISOString(),
      collections: byId(library.collections),
      folders: byId(library.folders),
      requests: byId(library.requests),
      history: byId(library.history),
    },
    null,
    2,
  );
}

const FileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int(),
  collections: z.array(z.unknown()).catch([]),
  folders: z.array(z.unknown()).catch([]),
  requests: z.array(z.unknown()).catch([]),
  history: z.array(z.unknown()).catch([]),
});

export type ParseExportResult =
  { ok: true; library: LibraryContents; skipped: number } | { ok: false; message: string };

/**
 * Reads an export file. Each record goes through the same migrations and checks as a stored
 * one; invalid records are skipped and counted, not fatal.
 * @param text the file's text
 * @returns the records, or a message for a file that is not a Parley library export. Never throws.
 */
export function parseExport(text: string, now: number, makeId: () => string): ParseExportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON, so it is not a Parley library export.' };
  }
  const file = FileSchema.safeParse(raw);
  if (!file.success) return { ok: false, message: 'This JSON file is not a Parley library export.' };
  if (file.data.version > EXPORT_VERSION) {
    return {
      ok: false,
      message: `This export was made by a newer Parley (file version ${file.data.version}); update Parley to import it.`,
    };
  }
  let skipped = 0;
  const load = <T extends LibraryRecord>(kind: RecordKind, items: unknown[]): T[] => {
    const out: T[] = [];
    const implied: Collection[] = [];
    for (const item of items) {
      const r = loadRecord(kind, JSON.stringify(item), now, makeId);
      if (r.ok) {
        out.push(r.record as T);
        implied.push(...r.implied);
      } else skipped++;
    }
    if (kind === 'request') extraCollections.push(...implied);
    return out;
  };
  const extraCollections: Collection[] = [];
  const requests = load<SavedRequest>('request', file.data.requests);
  const collections = load<Collection>('collection', file.data.collections);
  for (const c of extraCollections) if (!collections.some((x) => x.id === c.id)) collections.push(c);
  const folders = load<Folder>('folder', file.data.folders);
  const history = load<HistoryEntry>('history', file.data.history);
  return { ok: true, library: { collections, folders, requests, history }, skipped };
}

/**
 * `incoming` with requests and folders of unknown collections moved to the default collection
 * (added when missing); a moved folder keeps its subtree (its children follow it).
 */
function homeOrphans(local: LibraryContents, given: LibraryContents): LibraryContents {
  // The default collection exists once per browser: a local one (maybe renamed) is kept as is.
  const localDefault = local.collections.find((c) => c.id === DEFAULT_COLLECTION_ID);
  const incoming = localDefault
    ? { ...given, collections: given.collections.map((c) => (c.id === DEFAULT_COLLECTION_ID ? localDefault : c)) }
    : given;
  const all = [...local.collections, ...incoming.collections];
  const known = new Set(all.map((c) => c.id));
  const orphans = [...incoming.folders, ...incoming.requests].filter((r) => !known.has(r.collectionId));
  if (!orphans.length) return incoming;
  const home = defaultCollectionIn(all) ?? defaultCollection(Math.min(...orphans.map((r) => r.createdAt)));
  const rehome = <T extends { collectionId: string }>(r: T): T =>
    known.has(r.collectionId) ? r : { ...r, collectionId: home.id };
  return {
    ...incoming,
    collections: known.has(home.id) ? incoming.collections : [...incoming.collections, home],
    folders: incoming.folders.map(rehome),
    requests: incoming.requests.map(rehome),
  };
}

export interface MergePlan {
  /** Records to write (new ids, or newer versions of existing ids). */
  write: { kind: RecordKind; record: LibraryRecord }[];
  added: number;
  updated: number;
  unchanged: number;
}

function stamp(r: LibraryRecord): number {
  return 'updatedAt' in r ? r.updatedAt : 'createdAt' in r ? r.createdAt : r.at;
}

/**
 * Plans an import: merge by id, no duplicates.
 * @param local what is stored now
 * @param incoming what the file holds
 * @returns the writes to make: new ids are added; an existing id is replaced when the
 *   incoming record is newer (`updatedAt`/`createdAt`/`at`, ms) and differs; the rest is left.
 *   A request whose collection is in neither library goes to "My requests" (the default
 *   collection, created with its fixed id when missing), never into a second one.
 */
export function planImport(local: LibraryContents, given: LibraryContents): MergePlan {
  const plan: MergePlan = { write: [], added: 0, updated: 0, unchanged: 0 };
  const incoming = homeOrphans(local, given);
  const merge = (kind: RecordKind, mine: LibraryRecord[], theirs: LibraryRecord[]) => {
    const byId = new Map(mine.map((r) => [r.id, r]));
    const seen = new Set<string>();
    for (const r of theirs) {
      if (seen.has(r.id)) continue; // a file listing one id twice: first wins
      seen.add(r.id);
      const existing = byId.get(r.id);
      if (!existing) {
        plan.write.push({ kind, record: r });
        plan.added++;
      } else if (stamp(r) > stamp(existing) && JSON.stringify(r) !== JSON.stringify(existing)) {
        plan.write.push({ kind, record: r });
        plan.updated++;
      } else plan.unchanged++;
    }
  };
  merge('collection', local.collections, incoming.collections);
  merge('folder', local.folders, incoming.folders);
  merge('request', local.requests, incoming.requests);
  merge('history', local.history, incoming.history);
  return plan;
}
