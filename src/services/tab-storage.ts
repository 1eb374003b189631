/**
 * Where each browser tab keeps its request tabs (docs/workspace-tabs.md): sessionStorage
 * holds the session id (a reload keeps it, a new browser tab starts without one), and
 * localStorage holds the session's tabs under `parley:v1:tabs:<id>`. Only the owning browser
 * tab writes that key, so two browser tabs never overwrite each other's tabs.
 */
import { SESSION_ID_KEY, parseTabSession, sessionIdOfKey, tabsKey, type TabSession } from '../core/tabs/session.ts';
import { isQuotaError, QUOTA_MESSAGE, type StorageLike, type WriteResult } from './storage.ts';

/**
 * This browser tab's session id: the one in `session` (sessionStorage) if any, else a new one
 * stored there. Without a usable sessionStorage every page load is a new session.
 */
export function sessionIdFor(session: StorageLike | null, makeId: () => string): string {
  try {
    const id = session?.getItem(SESSION_ID_KEY);
    if (id) return id;
  } catch {
    // unreadable: a new session below
  }
  const id = makeId();
  try {
    session?.setItem(SESSION_ID_KEY, id);
  } catch {
    // the tabs still work; a reload starts a new session
  }
  return id;
}

/** The stored tabs of session `id`; `null` when none are stored or they cannot be read. */
export function loadTabSession(local: StorageLike, id: string): TabSession | null {
  try {
    return parseTabSession(local.getItem(tabsKey(id)));
  } catch {
    return null;
  }
}

/** Stores session `id`'s tabs; on failure the previous value is unchanged. */
export function putTabSession(local: StorageLike, id: string, session: TabSession): WriteResult {
  try {
    local.setItem(tabsKey(id), JSON.stringify(session));
    return { ok: true };
  } catch (e) {
    if (isQuotaError(e)) return { ok: false, reason: 'quota', message: QUOTA_MESSAGE };
    return { ok: false, reason: 'unavailable', message: `Browser storage refused the write (${String(e)}).` };
  }
}

export function removeTabSession(local: StorageLike, id: string): void {
  try {
    local.removeItem(tabsKey(id));
  } catch {
    // left for the next start
  }
}

/**
 * Sessions of other browser tabs that last wrote more than `quietMs` ago (a closed window,
 * most likely; an open tab writes on every change and when hidden), newest first.
 */
export function orphanSessions(
  local: StorageLike,
  ownId: string,
  now: number,
  quietMs: number,
): { id: string; session: TabSession }[] {
  const out: { id: string; session: TabSession }[] = [];
  for (let i = 0; i < local.length; i++) {
    const id = sessionIdOfKey(local.key(i) ?? '');
    if (id === null || id === ownId) continue;
    const session = loadTabSession(local, id);
    if (session && now - session.savedAt > quietMs) out.push({ id, session });
  }
  return out.sort((a, b) => b.session.savedAt - a.session.savedAt);
}
