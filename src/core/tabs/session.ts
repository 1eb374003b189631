/**
 * The stored form of one browser tab's request tabs (docs/workspace-tabs.md): one
 * localStorage value per browser-tab session, `parley:v1:tabs:<session id>`, written only by
 * the browser tab that owns the session, so two browser tabs never overwrite each other.
 * Lenient like the draft: a damaged tab is dropped, a damaged field takes its default.
 */
import '../zod-setup.ts';
import { z } from 'zod';
import { parseDraft, type RequestDraft } from '../model/draft.ts';
import { KEY_PREFIX } from '../library/keys.ts';

/** Prefix of the per-session keys; the session id follows. */
export const TABS_KEY_PREFIX = `${KEY_PREFIX}tabs:`;
/** sessionStorage key holding this browser tab's session id (survives a reload, not a new tab). */
export const SESSION_ID_KEY = `${KEY_PREFIX}session`;

/** The key of a session's tabs: `tabsKey('s1')` → `'parley:v1:tabs:s1'`. */
export function tabsKey(sessionId: string): string {
  return TABS_KEY_PREFIX + sessionId;
}

/** The session id in a tabs key, or `null` for any other key. */
export function sessionIdOfKey(key: string): string | null {
  return key.startsWith(TABS_KEY_PREFIX) && key.length > TABS_KEY_PREFIX.length
    ? key.slice(TABS_KEY_PREFIX.length)
    : null;
}

const StoredTabSchema = z.object({
  id: z.string().min(1),
  draft: z.unknown().transform((d): RequestDraft => parseDraft(d)),
  /** The saved request this tab edits; `null` for a new request. */
  originId: z.string().nullable().catch(null),
  preview: z.boolean().catch(false),
  /** Edited since it was opened or last saved. */
  edited: z.boolean().catch(false),
  /** `updatedAt` (ms since the epoch) of the saved request when this tab opened or saved it. */
  revision: z.number().nullable().catch(null),
  /** Selected sub-tab per view (`request` → `headers` …). */
  view: z.record(z.string(), z.string()).catch({}),
  /** Where the response it was opened with is kept (`request:<id>`, `history:<id>`). */
  keptKey: z.string().nullable().catch(null),
});
export type StoredTab = z.infer<typeof StoredTabSchema>;

/** A list of stored tabs; damaged items are dropped. */
export const StoredTabListSchema = z
  .array(z.unknown())
  .catch([])
  .transform((items) =>
    items.flatMap((item) => {
      const parsed = StoredTabSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }),
  );

export const TabSessionSchema = z.object({
  v: z.literal(1),
  activeId: z.string().catch(''),
  /** When this session last wrote, ms since the epoch (orphaned sessions are offered by age). */
  savedAt: z.number().catch(0),
  tabs: StoredTabListSchema,
  /** Closed tabs to reopen, most recent first. */
  closed: StoredTabListSchema,
});
export type TabSession = z.infer<typeof TabSessionSchema>;

/**
 * Reads a stored session. Never throws.
 * @returns `null` when the text is not JSON, not a v1 session, or holds no readable tab
 */
export function parseTabSession(text: string | null): TabSession | null {
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = TabSessionSchema.safeParse(json);
  if (!parsed.success || parsed.data.tabs.length === 0) return null;
  const s = parsed.data;
  return s.tabs.some((t) => t.id === s.activeId) ? s : { ...s, activeId: s.tabs[0]!.id };
}
