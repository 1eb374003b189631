/**
 * Start-up renders the request form at once and restores the stored working draft when the
 * library has loaded, a moment later (docs/performance.md). This decides what happens to it.
 */

/** `restore`: put the stored draft in the editor; `offer`: keep the editor and offer it; `none`: nothing stored. */
export type WorkingRestore = 'restore' | 'offer' | 'none';

/**
 * What to do with the working draft found in storage.
 * @param stored the working draft record read from storage (`{ draft, … }`), `null` when there is none (or it is unreadable)
 * @param current the editor's draft now
 * @param atFirstRender the editor's draft when the form first rendered (drafts are immutable:
 *   every edit makes a new object, so identity tells whether anything was edited since)
 * @returns `restore` when nothing was edited since the first render; `offer` when the person
 *   already edited the form (what they typed is never replaced silently); `none` without a stored draft
 * @example workingRestore(saved, draft, draft) // → 'restore'
 */
export function workingRestore<D>(stored: { draft: D } | null, current: D, atFirstRender: D): WorkingRestore {
  if (stored === null) return 'none';
  return Object.is(current, atFirstRender) ? 'restore' : 'offer';
}
