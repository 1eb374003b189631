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
import { parseDraft, type RequestDraft } from '../model/draft.ts';
import { DEFAULT_KEPT_BODY_LIMIT_BYTES } from '../response/kept.ts';

/** Current schema version of every record kind. */
export const RECORD_VERSION = 1;

const draftField = z.unknown().transform((d): RequestDraft => parseDraft(d));
const id = z.string().min(1);
/** Milliseconds since the Unix epoch. */
const epochMs = z.number().finite().nonnegative();

export const CollectionSchema = z.object({
  v: z.literal(1),
  id,
  name: z.string(),
  createdAt: epochMs,
});
export type Collection = z.infer<typeof CollectionSchema>;

export const SavedRequestSchema = z.object({
  v: z.literal(1),
  id,
  name: z.string(),
  collectionId: id,
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

export type RecordKind = 'collection' | 'request' | 'history';
export type LibraryRecord = Collection | SavedRequest | HistoryEntry;

export const SCHEMAS = {
  collection: CollectionSchema,
  request: SavedRequestSchema,
  history: HistoryEntrySchema,
} as const;
