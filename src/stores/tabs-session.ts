/**
 * Keeps this browser tab's request tabs in storage (docs/workspace-tabs.md): restores them at
 * start-up, writes them (debounced) after every change and when the page is hidden. Part of
 * the library chunk: parsing stored drafts needs the schemas.
 */
import { emptyBodyStash } from '../core/body/switch-mode.ts';
import { WORKING_KEY } from '../core/library/keys.ts';
import { WorkingDraftSchema } from '../core/library/records.ts';
import type { StoredTab, TabSession } from '../core/tabs/session.ts';
import { newId } from '../core/model/ids.ts';
import type { StorageLike } from '../services/storage.ts';
import { loadTabSession, putTabSession, sessionIdFor } from '../services/tab-storage.ts';
import { subscribeToDraft } from './request-store.ts';
import {
  recentlyClosedSourceRegistered,
  subscribeToTabs,
  tabsRestored,
  tabsSnapshot,
  type RequestTab,
} from './tabs-store.ts';
import {
  parseRecentlyClosed,
  RECENTLY_CLOSED_KEY,
  recentlyClosedAdded,
  recentlyClosedTaken,
  recentlyClosedWithout,
} from '../core/tabs/recently-closed.ts';
import { tabsAfterRestore } from '../core/tabs/tab-list.ts';

const WRITE_DELAY_MS = 300;

const fromStored = (t: StoredTab): RequestTab => ({
  ...t,
  editor: { draft: t.draft, bodyStash: emptyBodyStash(), authStash: {} },
  response: null,
});
// Stashes and responses stay in memory: the auth stash may hold secrets the user switched away from.
const toStored = ({ id, editor, originId, preview, edited, revision, view, keptKey }: RequestTab): StoredTab => ({
  id,
  draft: editor.draft,
  originId,
  preview,
  edited,
  revision,
  view,
  keptKey,
});

/** The pre-tabs working draft of this browser tab (sessionStorage only), as a tab. */
function legacyWorkingTab(session: StorageLike | null): RequestTab | null {
  try {
    const text = session?.getItem(WORKING_KEY);
    if (!text) return null;
    const parsed = WorkingDraftSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    session?.removeItem(WORKING_KEY);
    const { draft, originId } = parsed.data;
    return fromStored({
      id: newId(),
      draft,
      originId,
      preview: false,
      edited: true,
      revision: null,
      view: {},
      keptKey: null,
    });
  } catch {
    return null;
  }
}

/**
 * Starts this browser tab's session: restores its tabs (a reload), then keeps them stored. A new
 * browser tab has no session id yet, so it starts fresh, never with another browser tab's drafts.
 * `editedSinceFirstRender`: the person already typed before this ran (start-up renders the form
 * first, docs/performance.md); their tabs are then kept, active, after the restored ones
 * (`tabsAfterRestore`). `onWriteFailed` is told once per failure streak.
 * @returns the session id
 */
export function tabsSessionStarted(
  local: StorageLike,
  session: StorageLike | null,
  editedSinceFirstRender: boolean,
  onWriteFailed: (message: string) => void,
): string {
  const id = sessionIdFor(session, newId);
  const stored = loadTabSession(local, id);
  const legacy = stored ? null : legacyWorkingTab(session);
  const restored = stored
    ? { tabs: stored.tabs.map(fromStored), activeId: stored.activeId, closed: stored.closed.map(fromStored) }
    : legacy
      ? { tabs: [legacy], activeId: legacy.id, closed: [] }
      : null;
  if (restored) {
    const merged = tabsAfterRestore(restored, tabsSnapshot(), editedSinceFirstRender);
    tabsRestored(merged.tabs, merged.activeId, restored.closed);
  }
  recentlyClosedKept(local, restored ? restored.tabs.map((t) => t.id) : []);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let warned = false;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const snap = tabsSnapshot();
    const stored: TabSession = {
      v: 1,
      activeId: snap.activeId,
      savedAt: Date.now(),
      tabs: snap.tabs.map(toStored),
      closed: snap.closed.map(toStored),
    };
    const result = putTabSession(local, id, stored);
    if (result.ok) warned = false;
    else if (!warned) {
      warned = true;
      onWriteFailed(result.message);
    }
  };
  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, WRITE_DELAY_MS);
  };
  subscribeToTabs(changed);
  subscribeToDraft(changed);
  if (typeof window !== 'undefined')
    window.addEventListener('pagehide', () => {
      flush();
      windowLeft(local);
    });
  return id;
}

/** Reads and writes the shared list; storage failures only lose the list (never throw). */
function updateRecent(local: StorageLike, update: (list: StoredTab[]) => StoredTab[]): StoredTab[] {
  try {
    const before = parseRecentlyClosed(local.getItem(RECENTLY_CLOSED_KEY));
    const after = update(before);
    local.setItem(RECENTLY_CLOSED_KEY, JSON.stringify(after));
    return before;
  } catch {
    return [];
  }
}

/**
 * The shared "recently closed" list (docs/workspace-tabs.md): tabs open here again (a reload)
 * leave it; Ctrl+Shift+T takes from it once this browser tab's own closed tabs are used up.
 */
function recentlyClosedKept(local: StorageLike, openIds: string[]): void {
  updateRecent(local, (list) => recentlyClosedWithout(list, new Set(openIds)));
  recentlyClosedSourceRegistered((open) => {
    let taken: StoredTab | null = null;
    updateRecent(local, (list) => {
      const { tab, rest } = recentlyClosedTaken(list, open);
      taken = tab;
      return rest;
    });
    return taken ? fromStored(taken) : null;
  });
}

/**
 * The page goes away (window or tab closed, reload, navigation): its open tabs, then its own
 * closed ones, join the shared list, newest first. A reload takes its own tabs back out at start.
 */
export function windowLeft(local: StorageLike): void {
  const snap = tabsSnapshot();
  updateRecent(local, (list) => recentlyClosedAdded(list, [...snap.tabs, ...snap.closed].map(toStored)));
}
