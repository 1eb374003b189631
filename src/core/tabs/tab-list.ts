/**
 * Pure operations on the list of request tabs (docs/workspace-tabs.md). No zod here: the
 * tabs store in the first chunk uses these. A tab list always holds at least one tab and
 * exactly one active tab; every function returns a new list and leaves its input untouched.
 *
 * Preview tabs follow VS Code's model: opening from the sidebar shows the request in the one
 * preview tab (replacing its previous content) until the tab is edited or pinned (double-click).
 */

/** What the list logic needs to know about a tab; the store's records carry more. */
export interface TabLike {
  id: string;
  /** Italic title; replaced by the next sidebar open. */
  preview: boolean;
}

/** Where a new tab goes: right after the active one (browsers' and editors' convention). */
export function insertAfter<T extends TabLike>(tabs: readonly T[], activeId: string, tab: T): T[] {
  const at = tabs.findIndex((t) => t.id === activeId);
  const next = tabs.slice();
  next.splice(at < 0 ? next.length : at + 1, 0, tab);
  return next;
}

/**
 * Opens `tab` as a preview: it takes the place of the existing preview tab if there is one,
 * else it goes after the active tab.
 * @returns the new list and the id of the tab it replaced (`null` when none)
 */
export function openPreview<T extends TabLike>(
  tabs: readonly T[],
  activeId: string,
  tab: T,
): { tabs: T[]; replaced: string | null } {
  const at = tabs.findIndex((t) => t.preview);
  if (at < 0) return { tabs: insertAfter(tabs, activeId, { ...tab, preview: true }), replaced: null };
  const next = tabs.slice();
  const replaced = next[at]!.id;
  next[at] = { ...tab, preview: true };
  return { tabs: next, replaced };
}

/**
 * The tab that becomes active when `closingId` closes: the one to its right, else to its left
 * (Chrome, VS Code). `null` when it is the only tab.
 */
export function neighbourAfterClose(tabs: readonly TabLike[], closingId: string): string | null {
  const at = tabs.findIndex((t) => t.id === closingId);
  if (at < 0) return null;
  return tabs[at + 1]?.id ?? tabs[at - 1]?.id ?? null;
}

/**
 * The tab `delta` places from `fromId`, wrapping around (Ctrl+Tab = +1, Ctrl+Shift+Tab = −1).
 * Returns `fromId` itself for a list of one; the first tab when `fromId` is not in the list.
 */
export function cycle(tabs: readonly TabLike[], fromId: string, delta: number): string {
  if (tabs.length === 0) return fromId;
  const at = tabs.findIndex((t) => t.id === fromId);
  if (at < 0) return tabs[0]!.id;
  const n = tabs.length;
  return tabs[(((at + delta) % n) + n) % n]!.id;
}

/**
 * Moves tab `id` to index `to` (0-based, clamped to the list), as after a drag or
 * Ctrl+Shift+PgUp/PgDn. Unknown ids leave the list as it was (a copy).
 */
export function moveTab<T extends TabLike>(tabs: readonly T[], id: string, to: number): T[] {
  const from = tabs.findIndex((t) => t.id === id);
  const next = tabs.slice();
  if (from < 0) return next;
  const [tab] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, tab!);
  return next;
}

/** Most recently closed first; at most this many are kept to reopen (Ctrl+Shift+T). */
export const CLOSED_TABS_KEPT = 20;

/** Pushes a closed tab on the reopen stack, dropping the oldest past `CLOSED_TABS_KEPT`. */
export function pushClosed<T>(closed: readonly T[], tab: T): T[] {
  return [tab, ...closed].slice(0, CLOSED_TABS_KEPT);
}

/**
 * A short tab title for a request with no saved name: method and the target URI without its
 * scheme, e.g. `GET 127.0.0.1:8080/echo` — or `New request` while the URL is empty.
 * At most `max` characters (an ellipsis ends a shortened title).
 */
export function draftTitle(method: string, url: string, max = 40): string {
  const target = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  if (target === '') return 'New request';
  const text = `${method} ${target}`;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The tabs after start-up restores a stored session (docs/performance.md: the form renders
 * before storage is read). When nothing was edited since the first render, the stored session
 * replaces the start-up tab. When the person already typed (or opened tabs), their tabs are
 * kept after the stored ones and stay active: nothing typed is put aside, nothing stored lost.
 * @param stored the restored session's tabs and active id
 * @param current the tabs open now (before the restore), the active one with its live content
 * @param editedSinceFirstRender whether anything was edited since the first render
 * @returns the list and the active id to put in place
 */
export function tabsAfterRestore<T extends TabLike>(
  stored: { tabs: readonly T[]; activeId: string },
  current: { tabs: readonly T[]; activeId: string },
  editedSinceFirstRender: boolean,
): { tabs: T[]; activeId: string } {
  if (!editedSinceFirstRender || current.tabs.length === 0)
    return { tabs: [...stored.tabs], activeId: stored.activeId };
  const storedIds = new Set(stored.tabs.map((t) => t.id));
  const kept = current.tabs.filter((t) => !storedIds.has(t.id));
  return { tabs: [...stored.tabs, ...kept], activeId: current.activeId };
}
