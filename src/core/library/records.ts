/**
 * The stored records of the library: saved requests, collections, history entries and
 * settings. Each is one localStorage value (one key per record, see `keys.ts`) and carries
 * its schema version `v`, so a record can be migrated on its own (see `migrate.ts`).
 *
 * Envelope fields (id, name, …) are strict: a record without them is corrupt and set aside.
 * The draft inside is lenient (`parseDraft` fills gaps), as Hoppscotch's data package does.
 */
import '../zod-setup.ts';
import { z } from 'zod';
import { KeyValueRowSchema, parseDraft, type RequestDraft } from '../model/draft.ts';
import { DEFAULT_KEPT_BODY_LIMIT_BYTES } from '../response/kept.ts';

/** Current schema version of every record kind. */
export const RECORD_VERSION = 1;

const draftField = z.unknown().transform((d): RequestDraft => parseDraft(d));
const id = z.string().min(1);
/** Milliseconds since the Unix epoch. */
const epochMs = z.number().finite().nonnegative();

/**
 * What a collection or folder gives the requests inside it (docs/workspace-model.md). Lenient:
 * a record written before a field existed loads with the empty default, no version bump.
 * - `headers`: added to each request inside unless the request has a header field of that name;
 * - `auth`: the draft's auth shape (`core/model/draft.ts` AuthSchema) as unknown JSON here, or
 *   `null` = none set at this level (a request whose auth is "inherit" looks further out);
 * - `variables`: the collection/folder variable scope (name/value rows);
 * - `scripts`: pre-request and post-response JavaScript, run outermost first (issue 15).
 */
export const ScopeDefaultsSchema = z
  .object({
    headers: z.array(KeyValueRowSchema).catch([]),
    auth: z.unknown().nullable().catch(null),
    variables: z.array(KeyValueRowSchema).catch([]),
    scripts: z
      .object({ preRequest: z.string().catch(''), postResponse: z.string().catch('') })
      .catch({ preRequest: '', postResponse: '' }),
  })
  .catch({ headers: [], auth: null, variables: [], scripts: { preRequest: '', postResponse: '' } });
export type ScopeDefaults = z.infer<typeof ScopeDefaultsSchema>;

/** Defaults of a new collection or folder: nothing set. */
export function emptyScopeDefaults(): ScopeDefaults {
  return { headers: [], auth: null, variables: [], scripts: { preRequest: '', postResponse: '' } };
}

/**
 * Position among siblings: ascending; ties by name then id. A fractional number so a move
 * writes one record (the moved one gets the midpoint of its new neighbours).
 */
const order = z.number().finite().catch(0);

export const CollectionSchema = z.object({
  v: z.literal(1),
  id,
  name: z.string(),
  createdAt: epochMs,
  order,
  defaults: ScopeDefaultsSchema,
});
export type Collection = z.infer<typeof CollectionSchema>;

/**
 * A folder inside a collection; folders nest through `parentId` (`null` = at the collection's
 * top level). A folder whose parent is missing shows at its collection's top level.
 */
export const FolderSchema = z.object({
  v: z.literal(1),
  id,
  name: z.string(),
  collectionId: id,
  parentId: z.string().nullable().catch(null),
  order,
  defaults: ScopeDefaultsSchema,
  createdAt: epochMs,
});
export type Folder = z.infer<typeof FolderSchema>;

/** A new collection record with nothing set in its defaults; times in ms since the epoch. */
export function makeCollection(id: string, name: string, createdAt: number, order = 0): Collection {
  return { v: 1, id, name, createdAt, order, defaults: emptyScopeDefaults() };
}

/** A new folder record with nothing set in its defaults; `parentId` `null` = top level of the collection. */
export function makeFolder(
  f: { id: string; name: string; collectionId: string; parentId: string | null; order: number },
  createdAt: number,
): Folder {
  return { v: 1, ...f, defaults: emptyScopeDefaults(), createdAt };
}

export const SavedRequestSchema = z.object({
  v: z.literal(1),
  id,
  name: z.string(),
  collectionId: id,
  /** The folder it sits in; `null` = the collection's top level. */
  folderId: z.string().nullable().catch(null),
  order,
  draft: draftField,
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type SavedRequest = z.infer<typeof SavedRequestSchema>;

/** One send. No response content is kept — only what the list shows. */
export const HistoryEntrySchema = z.object({
  v: z.literal(1),
  id,
  /** When the request was sent. */
  at: epochMs,
  method: z.string(),
  /** The target URI as sent (after variables), for display and search. */
  url: z.string(),
  /** Status code; `null` when no response came (network error, cancelled). */
  status: z.number().int().nullable(),
  /** Time from send to the end of the response, ms; `null` when unknown. */
  timeMs: z.number().nonnegative().nullable(),
  /** Size of the response content, bytes; `null` when unknown. */
  sizeBytes: z.number().int().nonnegative().nullable(),
  /** The draft as it was sent, to reopen it. */
  draft: draftField,
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const DEFAULT_HISTORY_LIMIT = 100;
export const MAX_HISTORY_LIMIT = 1000;

export const LibrarySettingsSchema = z.object({
  v: z.literal(1),
  historyLimit: z.number().int().min(0).max(MAX_HISTORY_LIMIT).catch(DEFAULT_HISTORY_LIMIT),
  /** Largest response body kept for after a reload, bytes (issue 13); larger ones keep head and size only. */
  keptBodyLimitBytes: z.number().int().min(0).catch(DEFAULT_KEPT_BODY_LIMIT_BYTES),
});
export type LibrarySettings = z.infer<typeof LibrarySettingsSchema>;

/** The editor's unsaved work, so it survives a reload; `originId` = the saved request it came from. */
export const WorkingDraftSchema = z.object({
  v: z.literal(1),
  draft: draftField,
  originId: z.string().nullable().catch(null),
});
export type WorkingDraft = z.infer<typeof WorkingDraftSchema>;

export type RecordKind = 'collection' | 'folder' | 'request' | 'history';
export type LibraryRecord = Collection | Folder | SavedRequest | HistoryEntry;

export const SCHEMAS = {
  collection: CollectionSchema,
  folder: FolderSchema,
  request: SavedRequestSchema,
  history: HistoryEntrySchema,
} as const;
