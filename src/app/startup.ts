/**
 * What the first render must wait for. The library (saved requests, history, the working draft,
 * share links) is loaded with its schemas in a chunk of its own; a first visit, with nothing
 * stored and no share link, renders the form at once and loads the library right after.
 */
import { KEY_PREFIX, WORKING_KEY } from '../core/library/keys.ts';
import { isShareFragment } from '../core/share/fragment.ts';

/** The parts of the Web Storage API read here. */
interface KeyedStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
}

/**
 * Whether the library must be loaded before the first render: the page opens a share link
 * (`#r=…`), or this tab or the origin holds library data (keys under `parley:v1:`), so the
 * editor has to show a restored working draft and the sidebar saved requests at once.
 * Storage that throws (blocked cookies, sandboxed frame) counts as empty: nothing can be restored.
 */
export function libraryNeededBeforeRender(
  local: KeyedStorage | null,
  session: KeyedStorage | null,
  hash: string,
): boolean {
  if (isShareFragment(hash)) return true;
  try {
    if (session?.getItem(WORKING_KEY) != null) return true;
    for (let i = 0; i < (local?.length ?? 0); i++) if (local?.key(i)?.startsWith(KEY_PREFIX)) return true;
  } catch {
    return false;
  }
  return false;
}

/** Storage by name, or `null` where reading it throws (WHATWG HTML §12.2: it may, e.g. with cookies blocked). */
export function storageOrNull(name: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[name];
  } catch {
    return null;
  }
}

let resolveLibraryStarted: () => void = () => undefined;
/** Resolves once the library has started (main.tsx calls `libraryStartDone()`). */
export const libraryStartedSignal = new Promise<void>((resolve) => (resolveLibraryStarted = resolve));
/** Called by main.tsx when `libraryStarted()` has run (or failed to load). */
export function libraryStartDone(): void {
  resolveLibraryStarted();
}
