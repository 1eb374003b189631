/**
 * Start-up order (docs/performance.md): the request form renders at once, with nothing to wait
 * for; the library (saved requests, history, the working draft, share links, with its schemas)
 * loads in a chunk of its own right after and restores stored state into the form then.
 */

let resolveFormRendered: () => void = () => undefined;
/**
 * Resolves once the form's first render is on screen (App's first effect calls `formRendered()`).
 * The lazy parts and the library start loading then, so their requests, parsing and evaluation
 * do not compete with the first render.
 */
export const formRenderedSignal = new Promise<void>((resolve) => (resolveFormRendered = resolve));
/** Called once by App after its first commit. */
export function formRendered(): void {
  resolveFormRendered();
}

let resolveLibraryStarted: () => void = () => undefined;
/** Resolves once the library has started (main.tsx calls `libraryStartDone()`). */
export const libraryStartedSignal = new Promise<void>((resolve) => (resolveLibraryStarted = resolve));
/** Called by main.tsx when `libraryStarted()` has run (or failed to load). */
export function libraryStartDone(): void {
  resolveLibraryStarted();
}
