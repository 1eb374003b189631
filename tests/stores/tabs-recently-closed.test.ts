/**
 * Ctrl+Shift+T reopens tabs of a closed browser window (its sessionStorage is gone): the
 * window's tabs go to the shared localStorage list when its page goes away (Node, real stores).
 */
import { describe, expect, it } from 'vitest';
import type { StorageLike } from '../../src/services/storage.ts';
import { RECENTLY_CLOSED_KEY } from '../../src/core/tabs/recently-closed.ts';
import * as req from '../../src/stores/request-store.ts';
import * as tabs from '../../src/stores/tabs-store.ts';
import { tabsSessionStarted, windowLeft } from '../../src/stores/tabs-session.ts';

function memory(): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('recently closed tabs across browser windows', () => {
  it('the tabs of a closed window are reopened in a new window, and only once', () => {
    const local = memory();
    // Window 1: two tabs, then the window is closed (pagehide).
    tabsSessionStarted(local, memory(), false, () => undefined);
    req.urlEdited('http://one.test/');
    tabs.newTabClicked();
    req.urlEdited('http://two.test/');
    const windowOneIds = tabs.getTabs().map((t) => t.id);
    windowLeft(local);
    const listed = (JSON.parse(local.map.get(RECENTLY_CLOSED_KEY)!) as { id: string }[]).map((t) => t.id);
    expect(listed).toEqual(windowOneIds);

    // Window 2 (a new sessionStorage): one blank tab and nothing closed of its own.
    for (const t of tabs.getTabs()) tabs.tabClosed(t.id);
    tabs.tabsRestored(tabs.getTabs(), tabs.getActiveTab().id, []);
    tabsSessionStarted(local, memory(), false, () => undefined);
    expect(req.getDraft().url).toBe('');
    tabs.closedTabReopened();
    expect(req.getDraft().url).toBe('http://one.test/');
    tabs.closedTabReopened();
    expect(req.getDraft().url).toBe('http://two.test/');
    // Taken from the shared list: another window will not reopen them again.
    expect(JSON.parse(local.map.get(RECENTLY_CLOSED_KEY)!)).toEqual([]);
    tabs.closedTabReopened();
    expect(tabs.getTabs()).toHaveLength(3);
  });
});
