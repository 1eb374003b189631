/**
 * Loading a stored record: JSON text → migrations up to the current version → zod check.
 * One tiny migration per version step (Hoppscotch data-package style); `restore`-like, it
 * brings any earlier record to the current shape (Excalidraw style).
 *
 * Version 0 (Parley 0.x, before records carried `v`) — kept so old data still opens:
 *   request: `{ id, name, folder?: string, method, url: "<URI with query>",
 *              headers: { [name]: value }, body?: string, savedAt?: number }`
 *   history: `{ id, method, url, status?, time?, size?, date: "<ISO 8601>" }`
 *   collection: did not exist (a request's `folder` name stood for it).
 *
 * Version 1 before folders existed lacked collection `order`/`defaults` and request
 * `folderId`/`order`: the schemas' `.catch` fill them (0, nothing set, top level), no version
 * step, so older Parley builds can still read what this one writes (docs/workspace-model.md).
 */
import '../zod-setup.ts';
import { z } from 'zod';
import { blankDraft } from '../model/defaults.ts';
import type { RequestDraft } from '../model/draft.ts';
import { splitTargetUri } from '../url/query.ts';
import {
  makeCollection,
  RECORD_VERSION,
  SCHEMAS,
  type Collection,
  type LibraryRecord,
  type RecordKind,
} from './records.ts';

/** The collection that holds requests saved without one. */
export const DEFAULT_COLLECTION_ID = 'default';
export const DEFAULT_COLLECTION_NAME = 'My requests';

export type LoadResult =
  | {
      ok: true;
      record: LibraryRecord;
      /** True when the stored text is of an earlier version and should be written back. */
      migrated: boolean;
      /** Collections a migrated record refers to (v0 folders), to create when missing. */
      implied: Collection[];
    }
  | { ok: false; reason: 'corrupt' | 'newer'; message: string };

const V0RequestSchema = z.object({
  id: z.string().min(1),
  name: z.string().catch('Untitled'),
  folder: z.string().optional().catch(undefined),
  method: z.string().catch('GET'),
  url: z.string().catch(''),
  headers: z.record(z.string(), z.string()).catch({}),
  body: z.string().optional().catch(undefined),
  savedAt: z.number().optional().catch(undefined),
});

const V0HistorySchema = z.object({
  id: z.string().min(1),
  method: z.string().catch('GET'),
  url: z.string().catch(''),
  status: z.number().int().nullable().optional().catch(null),
  time: z.number().nullable().optional().catch(null),
  size: z.number().int().nullable().optional().catch(null),
  date: z.string().refine((d) => !Number.isNaN(Date.parse(d))),
});

/** `'Team API'` → `'legacy-team-api'`: the same folder name always gives the same id. */
function legacyCollectionId(folder: string): string {
  const slug = folder
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `legacy-${slug || 'folder'}`;
}

/** A v0 draft: the query was part of the URL string; headers were a name → value map. */
function v0Draft(
  method: string,
  uri: string,
  headers: Record<string, string>,
  body: string | undefined,
  makeId: () => string,
): RequestDraft {
  const split = splitTargetUri(uri);
  const headerRows = Object.entries(headers).map(([name, value]) => ({ id: makeId(), name, value, enabled: true }));
  const contentType = Object.entries(headers).find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  return {
    ...blankDraft(),
    method,
    url: split.url,
    query: split.query.map((q) => ({ ...q, id: makeId(), enabled: true })),
    fragment: split.fragment,
    headers: headerRows,
    body: !body ? { mode: 'none' } : { mode: /json/i.test(contentType) ? 'json' : 'text', text: body },
  };
}

function migrateV0(
  kind: RecordKind,
  raw: Record<string, unknown>,
  now: number,
  makeId: () => string,
): { value: unknown; implied: Collection[] } | null {
  if (kind === 'request') {
    const p = V0RequestSchema.safeParse(raw);
    if (!p.success) return null;
    const r = p.data;
    const folder = r.folder?.trim() ? r.folder.trim() : null;
    const collectionId = folder ? legacyCollectionId(folder) : DEFAULT_COLLECTION_ID;
    const at = r.savedAt ?? now;
    return {
      value: {
        v: 1,
        id: r.id,
        name: r.name,
        collectionId,
        folderId: null,
        order: 0,
        createdAt: at,
        updatedAt: at,
        draft: v0Draft(r.method, r.url, r.headers, r.body, makeId),
      },
      implied: [makeCollection(collectionId, folder ?? DEFAULT_COLLECTION_NAME, at)],
    };
  }
  if (kind === 'history') {
    const p = V0HistorySchema.safeParse(raw);
    if (!p.success) return null;
    const h = p.data;
    const split = splitTargetUri(h.url);
    return {
      value: {
        v: 1,
        id: h.id,
        at: Date.parse(h.date),
        method: h.method,
        url: h.url,
        status: h.status ?? null,
        timeMs: h.time ?? null,
        sizeBytes: h.size ?? null,
        draft: {
          ...blankDraft(),
          method: h.method,
          url: split.url,
          fragment: split.fragment,
          query: split.query.map((q) => ({ ...q, id: makeId(), enabled: true })),
        },
      },
      implied: [],
    };
  }
  return null;
}

/**
 * Parses one stored value into a current-version record.
 * @param kind which schema applies (from the key, see `parseRecordKey`)
 * @param text the stored string (JSON)
 * @param now the current time, ms since the epoch (timestamps for v0 records without one)
 * @param makeId fresh ids for rows created by a migration
 * @returns the record and whether it was migrated; or `reason: 'corrupt'` (not JSON, or not
 *   a valid record of any known version — the caller sets it aside) or `reason: 'newer'`
 *   (written by a later Parley — left untouched). Never throws.
 */
export function loadRecord(kind: RecordKind, text: string, now: number, makeId: () => string): LoadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'corrupt', message: 'not valid JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'corrupt', message: 'not a record object' };
  }
  const obj = raw as Record<string, unknown>;
  let value: unknown = obj;
  let implied: Collection[] = [];
  let migrated = false;
  if (!('v' in obj)) {
    const m = migrateV0(kind, obj, now, makeId);
    if (!m) return { ok: false, reason: 'corrupt', message: `not a valid ${kind} record (version 0)` };
    value = m.value;
    implied = m.implied;
    migrated = true;
  } else if (typeof obj.v === 'number' && obj.v > RECORD_VERSION) {
    return { ok: false, reason: 'newer', message: `written by a newer Parley (record version ${obj.v})` };
  }
  const parsed = SCHEMAS[kind].safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, reason: 'corrupt', message: `not a valid ${kind} record${where}` };
  }
  return { ok: true, record: parsed.data, migrated, implied };
}
