/**
 * Request tab shortcuts, from anywhere (the editor included), captured before Monaco sees them:
 * Ctrl+T new, Ctrl+W close, Ctrl+Shift+T reopen closed, Ctrl+Tab / Ctrl+Shift+Tab and
 * Ctrl+PgDn / Ctrl+PgUp switch, Ctrl+Shift+PgDn / PgUp move the tab. A normal browser window
 * keeps Ctrl+T, Ctrl+W and Ctrl+Tab for itself, so Alt+T, Alt+W, Alt+Shift+T also work
 * (Cmd on macOS counts as Ctrl). Letters are matched by `code`, so layouts and macOS's
 * Option characters (Alt+T types "†") do not matter.
 */
import { useEffect } from 'react';
import {
  activeTabCloseClicked,
  closedTabReopened,
  getActiveTab,
  getTabs,
  newTabClicked,
  tabCycled,
  tabMoved,
} from '../../stores/tabs-store.ts';

/** The tab action for a key press, or `null` when the press is not a tab shortcut. */
export function tabShortcut(
  e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): (() => void) | null {
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl === e.altKey) return null; // exactly one of Ctrl/Cmd or Alt
  if (e.code === 'KeyT') return e.shiftKey ? closedTabReopened : newTabClicked;
  if (e.code === 'KeyW' && !e.shiftKey) return activeTabCloseClicked;
  if (!ctrl) return null;
  if (e.key === 'Tab') return () => tabCycled(e.shiftKey ? -1 : 1);
  if (e.key === 'PageDown' || e.key === 'PageUp') {
    const delta = e.key === 'PageDown' ? 1 : -1;
    if (!e.shiftKey) return () => tabCycled(delta);
    return () => {
      const id = getActiveTab().id;
      tabMoved(id, getTabs().findIndex((t) => t.id === id) + delta);
    };
  }
  return null;
}

export function useTabShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const action = tabShortcut(e);
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      if (!e.repeat) action();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
