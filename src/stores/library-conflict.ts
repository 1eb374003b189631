/**
 * Save found the saved request changed in another browser tab since this tab opened it
 * (its `updatedAt` moved on). Each choice keeps both versions reachable: Reload puts the other
 * tab's version in the editor with Undo back to this tab's edits; Keep mine writes over it;
 * Save as copy keeps the other version and saves this tab's as a new request.
 */
import type { SavedRequest } from '../core/library/records.ts';
import { newId } from '../core/model/ids.ts';
import { getDraft } from './request-store.ts';
import { activeOriginSet } from './tabs-store.ts';
import { conflictClosed, editorLoaded, putRecord, saveOver, showToast, useLibraryStore } from './library-store.ts';

function conflicting(): SavedRequest | null {
  const s = useLibraryStore.getState();
  conflictClosed();
  return s.conflict ? (s.requests[s.conflict.originId] ?? null) : null;
}

/** Reload: the other tab's version replaces the editor's; the toast's Undo brings this tab's edits back. */
export function conflictReloadClicked(): void {
  const origin = conflicting();
  if (origin) editorLoaded(origin.draft, origin.id, `Reloaded “${origin.name}” as saved in another tab`);
}

/** Keep mine: this tab's draft is saved over the other tab's version. */
export function conflictKeepMineClicked(): void {
  const origin = conflicting();
  if (origin) saveOver(origin);
}

/** Save as copy: the other tab's version stays; this tab's draft becomes a new saved request next to it. */
export function conflictSaveCopyClicked(): void {
  const origin = conflicting();
  if (!origin) return;
  const now = Date.now();
  const copy: SavedRequest = {
    ...origin,
    id: newId(),
    name: `${origin.name} (copy)`,
    draft: structuredClone(getDraft()),
    createdAt: now,
    updatedAt: now,
  };
  if (!putRecord('request', copy)) return;
  activeOriginSet(copy.id, copy.updatedAt);
  showToast(`Saved as “${copy.name}”`);
}
