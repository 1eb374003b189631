/**
 * Starting the library: load everything from storage, restore the working draft, open a share
 * link, follow other tabs; and keep the working draft saved (debounced) so it survives a reload.
 */
import type { RequestDraft } from '../core/model/draft.ts';
import { onOtherTabChange } from '../services/storage.ts';
import type { HistoryEntry } from '../core/library/records.ts';
import { draftReplaced } from './request-store.ts';
import { libraryLoaded, libraryStorage, originSet, otherTabChanged, showNotice } from './library-store.ts';
import { historyLoaded, otherTabHistoryChanged, otherTabSettingsChanged } from './history-store.ts';
import { shareHashChecked, shareLinksWatched } from './library-share.ts';
import { scopeChainFollowed } from './scope-sync.ts';

let started = false;

function loadEverything(): void {
  const data = libraryStorage.loadAll();
  libraryLoaded(data);
  historyLoaded(data.history, libraryStorage.loadSettings());
}

/**
 * Call once at start-up (src/app/main.tsx: before the first render when there is something to
 * restore). Idempotent. `restoreWorkingDraft: false` keeps the editor's draft as it is.
 */
export function libraryStarted({ restoreWorkingDraft = true }: { restoreWorkingDraft?: boolean } = {}): void {
  if (started) return;
  started = true;
  loadEverything();
  scopeChainFollowed();
  const working = restoreWorkingDraft ? libraryStorage.loadWorking() : null;
  if (working) {
    draftReplaced(working.draft);
    originSet(working.originId);
  }
  onOtherTabChange(libraryStorage, (change) => {
    if (change.type === 'reload') {
      loadEverything();
    } else if (change.type === 'settings') {
      otherTabSettingsChanged(change.settings);
    } else if (change.kind === 'history') {
      otherTabHistoryChanged(
        change.type === 'upsert' ? (change.record as HistoryEntry) : null,
        change.type === 'upsert' ? change.record.id : change.id,
      );
    } else if (change.type === 'upsert') {
      otherTabChanged(change.kind, change.record, change.record.id);
    } else {
      otherTabChanged(change.kind, null, change.id);
    }
  });
  void shareHashChecked();
  shareLinksWatched();
  if (typeof window !== 'undefined') window.addEventListener('pagehide', flushWorkingDraft);
}

const WORKING_DELAY_MS = 300;
let pending: { draft: RequestDraft; originId: string | null } | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

/** The editor's draft or origin changed: save the working draft shortly (debounced). */
export function workingDraftChanged(draft: RequestDraft, originId: string | null): void {
  pending = { draft, originId };
  if (timer) clearTimeout(timer);
  timer = setTimeout(flushWorkingDraft, WORKING_DELAY_MS);
}

/** Writes a pending working draft now (page hidden/closing). A failed write is retried on the next edit. */
export function flushWorkingDraft(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  if (!pending) return;
  const result = libraryStorage.putWorking({ v: 1, ...pending });
  if (result.ok) {
    pending = null;
    workingWarned = false;
  } else if (!workingWarned) {
    // Said once per failure streak: the edit itself is safe in the editor, only a reload would lose it.
    workingWarned = true;
    showNotice({ tone: 'error', text: `Your current edits cannot be kept across a reload. ${result.message}` });
  }
}
let workingWarned = false;
