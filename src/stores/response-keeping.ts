/**
 * Keeps the last response of each request tab, saved request and history entry (issue 13
 * point 3), and shows it again when a tab with nothing sent yet becomes active (after a
 * reload, or a request reopened from the sidebar), marked with when it arrived. Started by
 * library-session.ts; reads the sends from response-store, which does not import this module.
 */
import { keptResponse, type KeptResponse } from '../core/response/kept.ts';
import { keptResponseRead, responseKept } from '../services/response-db.ts';
import { getResponseState, keptResponseShown, subscribeToCompletedSends } from './response-store.ts';
import { getActiveTab, getClosedTabs, getTabs, subscribeToTabs } from './tabs-store.ts';

/** Tabs whose kept response was already looked up (each once per page). */
const looked = new Set<string>();

async function showKept(tabId: string, keys: string[]): Promise<void> {
  for (const key of keys) {
    const kept: KeptResponse | null = await keptResponseRead(key);
    if (!kept) continue;
    if (getActiveTab().id === tabId)
      keptResponseShown({ response: kept.response, kept: { at: kept.at, bodyNotKept: kept.bodyNotKept } });
    return;
  }
}

function activeTabChecked(): void {
  const tab = getActiveTab();
  if (looked.has(tab.id)) return;
  looked.add(tab.id);
  const s = getResponseState();
  if (s.phase !== 'idle' || s.response) return;
  void showKept(tab.id, [`tab:${tab.id}`, ...(tab.keptKey ? [tab.keptKey] : [])]);
}

/**
 * Starts keeping responses. `limitBytes()` is the body size cap at the moment of keeping;
 * `onNotKept(message)` is told when IndexedDB refused a write.
 */
export function responseKeepingStarted(limitBytes: () => number, onNotKept: (message: string) => void): void {
  // Every completed send, also one that ended while its tab was in the background (kept under its own tab).
  subscribeToCompletedSends(({ tabId, sendId, request, response }) => {
    const tab = [...getTabs(), ...getClosedTabs()].find((t) => t.id === tabId);
    looked.add(tabId);
    const kept = keptResponse(request, response, Date.now(), limitBytes());
    const own = [`tab:${tabId}`, ...(tab?.originId ? [`request:${tab.originId}`] : [])];
    void (async () => {
      // What each key held becomes its previous response ("Compare with previous response").
      for (const key of own) {
        const earlier = await keptResponseRead(key);
        if (earlier) await responseKept([`previous:${key}`], earlier);
      }
      if (!(await responseKept([...own, `history:${sendId}`], kept)))
        onNotKept('This response could not be kept for after a reload (browser storage refused it).');
    })();
  });
  subscribeToTabs(activeTabChecked);
  activeTabChecked();
}

/**
 * The response before the one shown in the active tab, for the same saved request (or, for a
 * never-saved request, the same tab); `null` when there is none.
 */
export async function previousResponseRead(): Promise<KeptResponse | null> {
  const tab = getActiveTab();
  const keys = [...(tab.originId ? [`previous:request:${tab.originId}`] : []), `previous:tab:${tab.id}`];
  for (const key of keys) {
    const kept = await keptResponseRead(key);
    if (kept) return kept;
  }
  return null;
}
