/**
 * Starting the library: load everything from storage, restore the working draft, open a share
 * link, follow other tabs; and keep the working draft saved (debounced) so it survives a reload.
 */
import type { RequestDraft } from '../core/model/draft.ts';
import { onOtherTabChange } from '../services/storage.ts';
import type { HistoryEntry } from '../core/library/records.ts';
import { draftReplaced, getDraft } from './request-store.ts';
import { libraryLoaded, libraryStorage, originSet, otherTabChanged, showNotice } from './library-store.ts';
import { historyLoaded, otherTabHistoryChanged, otherTabSettingsChanged } from './history-store.ts';
import { shareHashChecked, shareLinksWatched } from './library-share.ts';
import { workingRestore } from '../core/library/working-restore.ts';
import { workingDraftOffered } from './working-offer.ts';

let started = false;

function loadEverything(): void {
  const data = libraryStorage.loadAll();
  libraryLoaded(data);
  historyLoaded(data.history, libraryStorage.loadSettings());
}

/**
 * Call once at start-up (src/app/main.tsx, right after the first render). Idempotent.
 * `draftAtFirstRender`: the editor's draft when the form first rendered. The stored working
 * draft replaces the editor's only if it is still that one; if the person already edited the
 * form, it is offered instead (see `workingRestore`). Without it, the stored draft is restored.
 */
export function libraryStarted({ draftAtFirstRender }: { draftAtFirstRender?: RequestDraft } = {}): void {
  if (started) return;
  started = true;
  loadEverything();
  const working = libraryStorage.loadWorking();
  const current = getDraft();
  const decision = workingRestore(working, current, draftAtFirstRender ?? current);
  if (working && decision === 'restore') {
    // The editor's draft from before is not worth keeping: its save (if scheduled) is dropped.
    pending = null;
    draftReplaced(working.draft);
    originSet(working.originId);
  } else if (working && decision === 'offer') {
    workingDraftOffered(working);
  }
  if (pending) schedule();
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

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(flushWorkingDraft, WORKING_DELAY_MS);
}

/**
 * The editor's draft or origin changed: save the working draft shortly (debounced). Nothing is
 * written before `libraryStarted()` has read the stored one (it would be overwritten unread).
 */
export function workingDraftChanged(draft: RequestDraft, originId: string | null): void {
  pending = { draft, originId };
  schedule();
}

/** Writes a pending working draft now (page hidden/closing). A failed write is retried on the next edit. */
export function flushWorkingDraft(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  if (!pending || !started) return;
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
