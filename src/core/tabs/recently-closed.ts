/**
 * "Recently closed" request tabs shared by every browser tab of this origin (localStorage key
 * `parley:v1:recently-closed`), so Ctrl+Shift+T still reopens tabs after their browser window was
 * closed (its sessionStorage, hence its session id, is gone). Newest first, at most
 * `RECENTLY_CLOSED_KEPT`, one entry per tab id. Pure: the caller reads and writes the key.
 */
import { KEY_PREFIX } from '../library/keys.ts';
import { StoredTabListSchema, type StoredTab } from './session.ts';

export const RECENTLY_CLOSED_KEY = `${KEY_PREFIX}recently-closed`;
export const RECENTLY_CLOSED_KEPT = 20;

/** The stored list; `[]` for no value, bad JSON or another shape (damaged items dropped). Never throws. */
export function parseRecentlyClosed(text: string | null): StoredTab[] {
  if (text === null) return [];
  try {
    const parsed = StoredTabListSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/**
 * `tabs` (newest first) put before `list`; an id already listed moves to its new place; cut to `max`.
 * Tabs with an empty URL and never edited (blank tabs) are not worth reopening and are left out.
 * @example recentlyClosedAdded([a], [b, a]) → [b, a]
 */
export function recentlyClosedAdded(
  list: readonly StoredTab[],
  tabs: readonly StoredTab[],
  max = RECENTLY_CLOSED_KEPT,
): StoredTab[] {
  const worth = tabs.filter((t) => t.draft.url !== '' || t.edited);
  const ids = new Set(worth.map((t) => t.id));
  return [...worth, ...list.filter((t) => !ids.has(t.id))].slice(0, max);
}

/** `list` without the tabs whose id is in `ids` (tabs open again, e.g. after a reload). */
export function recentlyClosedWithout(list: readonly StoredTab[], ids: ReadonlySet<string>): StoredTab[] {
  return list.filter((t) => !ids.has(t.id));
}

/**
 * The newest entry not open in this browser tab (`openIds`), and the list without it.
 * @returns `{ tab: null, rest: list }` when there is none
 */
export function recentlyClosedTaken(
  list: readonly StoredTab[],
  openIds: ReadonlySet<string>,
): { tab: StoredTab | null; rest: StoredTab[] } {
  const tab = list.find((t) => !openIds.has(t.id)) ?? null;
  return { tab, rest: tab ? list.filter((t) => t !== tab) : list.slice() };
}
