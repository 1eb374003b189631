/**
 * Starting the library: load everything from storage, restore this browser tab's request tabs
 * (tabs-session.ts keeps them stored), open a share link, follow other tabs.
 */
import { onOtherTabChange } from '../services/storage.ts';
import type { HistoryEntry } from '../core/library/records.ts';
import type { RequestDraft } from '../core/model/draft.ts';
import { getDraft } from './request-store.ts';
import { getTabs } from './tabs-store.ts';
import { libraryLoaded, libraryStorage, otherTabChanged, showNotice, storageAreas } from './library-store.ts';
import { tabsSessionStarted } from './tabs-session.ts';
import { getKeptBodyLimit, historyLoaded, otherTabHistoryChanged, otherTabSettingsChanged } from './history-store.ts';
import { responseKeepingStarted } from './response-keeping.ts';
import { shareHashChecked, shareLinksWatched } from './library-share.ts';
import { scopeChainFollowed } from './scope-sync.ts';

let started = false;

function loadEverything(): void {
  const data = libraryStorage.loadAll();
  libraryLoaded(data);
  historyLoaded(data.history, libraryStorage.loadSettings());
}

/**
 * Call once at start-up (src/app/main.tsx, right after the first render). Idempotent.
 * `draftAtFirstRender`: the editor's draft when the form first rendered. If the person edited
 * it (or opened tabs) before this ran, their tabs are kept, active, after the restored ones;
 * otherwise the stored tabs replace the start-up tab (`tabsAfterRestore`).
 */
export function libraryStarted({ draftAtFirstRender }: { draftAtFirstRender?: RequestDraft } = {}): void {
  if (started) return;
  started = true;
  loadEverything();
  scopeChainFollowed();
  const edited = draftAtFirstRender !== undefined && (getDraft() !== draftAtFirstRender || getTabs().length > 1);
  tabsSessionStarted(storageAreas.local, storageAreas.session, edited, (message) =>
    // Said once per failure streak: the edits are safe in the editor, only a reload would lose them.
    showNotice({ tone: 'error', text: `Your open tabs cannot be kept across a reload. ${message}` }),
  );
  responseKeepingStarted(getKeptBodyLimit, (text) => showNotice({ tone: 'error', text }));
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
}
