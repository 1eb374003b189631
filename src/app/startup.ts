/**
 * Start-up order (docs/performance.md): the request form renders at once, with nothing to wait
 * for; the library (saved requests, history, the working draft, share links, with its schemas)
 * loads in a chunk of its own right after and restores stored state into the form then.
 */

let resolveLibraryStarted: () => void = () => undefined;
/** Resolves once the library has started (main.tsx calls `libraryStartDone()`). */
export const libraryStartedSignal = new Promise<void>((resolve) => (resolveLibraryStarted = resolve));
/** Called by main.tsx when `libraryStarted()` has run (or failed to load). */
export function libraryStartDone(): void {
  resolveLibraryStarted();
}
