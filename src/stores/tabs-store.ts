/**
 * Request tabs (docs/workspace-tabs.md). The ACTIVE tab's draft, stashes and last send live
 * in request-store and response-store, as before tabs existed, so the editor and response
 * code is unchanged; this store keeps the tab list and the other tabs' state, and swaps a
 * tab's state in and out of those stores on a switch. It also owns each tab's `originId`
 * (the saved request it edits). Small and zod-free: it is part of the first chunk.
 */
import { create } from 'zustand';
import type { RequestDraft } from '../core/model/draft.ts';
import type { SavedRequest } from '../core/library/records.ts';
import { newId } from '../core/model/ids.ts';
import { blankDraft } from '../core/model/defaults.ts';
import { emptyBodyStash } from '../core/body/switch-mode.ts';
import { sameDraft } from '../core/library/compare.ts';
import {
  cycle,
  draftTitle,
  insertAfter,
  moveTab,
  neighbourAfterClose,
  openPreview,
  pushClosed,
} from '../core/tabs/tab-list.ts';
import {
  editorStateSwapped,
  getDraftGeneration,
  getEditorState,
  subscribeToDraft,
  type EditorState,
} from './request-store.ts';

/**
 * A tab's last send as response-store.ts keeps it; opaque here, because response-store
 * imports this store (it registers itself with `sendSlotRegistered`), not the other way round.
 */
export type SendSnapshot = object;
interface SendSlot {
  get(): SendSnapshot | null;
  /**
   * Puts `next` in place (`null`: never sent) after the editor swap, and returns the state left;
   * `leftGeneration` is the draft generation of the tab left (whose response it still answers).
   */
  swap(next: SendSnapshot | null, leftGeneration: number): SendSnapshot | null;
  /** Tab `tabId` was closed: its send in flight, if any, is cancelled. */
  closed(tabId: string): void;
}
let sendSlot: SendSlot = { get: () => null, swap: () => null, closed: () => undefined };
/** response-store.ts hands over its state when it loads (it is in the first chunk, loaded before any switch). */
export function sendSlotRegistered(slot: SendSlot): void {
  sendSlot = slot;
}

export interface RequestTab {
  id: string;
  /** The saved request this tab edits; `null` for a new request. */
  originId: string | null;
  /** Shown in italics; the next open from the sidebar replaces it (until edited or pinned). */
  preview: boolean;
  /** Edited since it was opened or last saved. */
  edited: boolean;
  /** `updatedAt` of the saved request when this tab opened or last saved it (conflict check). */
  revision: number | null;
  /** Selected sub-tab per view (`request`, `response`). */
  view: Record<string, string>;
  /** Where the response it was opened with is kept (`request:<id>`, `history:<id>`), shown until it sends. */
  keptKey: string | null;
  /** The editor state; for the ACTIVE tab the live copy is in request-store. */
  editor: EditorState;
  /** The last send; for the active tab the live copy is in response-store. `null`: never sent. */
  response: SendSnapshot | null;
}

interface TabsState {
  tabs: RequestTab[];
  activeId: string;
  /** Closed tabs to reopen, most recent first. */
  closed: RequestTab[];
  /** The dirty tab whose close asks Save / Discard / Cancel. */
  closing: string | null;
  /** A tab to close once the Save dialog it opened has saved it. */
  closeAfterSave: string | null;
  /** The saved requests, as the library published them (titles and "unsaved" marks). */
  saved: Record<string, SavedRequest>;
}

function newTab(editor: EditorState, fields: Partial<RequestTab> = {}): RequestTab {
  return {
    id: newId(),
    originId: null,
    preview: false,
    edited: false,
    revision: null,
    view: {},
    keptKey: null,
    editor,
    response: null,
    ...fields,
  };
}

const first = newTab(getEditorState());
const useTabsStore = create<TabsState>()(() => ({
  tabs: [first],
  activeId: first.id,
  closed: [],
  closing: null,
  closeAfterSave: null,
  saved: {},
}));

const active = (s: TabsState): RequestTab => s.tabs.find((t) => t.id === s.activeId) ?? s.tabs[0]!;
const patchTab = (id: string, patch: Partial<RequestTab>) =>
  useTabsStore.setState((s) => ({ tabs: s.tabs.map((t) => (t.id === id ? { ...t, ...patch } : t)) }));

export const useTabs = (): RequestTab[] => useTabsStore((s) => s.tabs);
export const useActiveTabId = (): string => useTabsStore((s) => s.activeId);
export const useClosingTab = (): string | null => useTabsStore((s) => s.closing);
export const useSavedForTabs = (): Record<string, SavedRequest> => useTabsStore((s) => s.saved);
export const useActiveOriginId = (): string | null => useTabsStore((s) => active(s).originId);
export const getActiveTab = (): RequestTab => active(useTabsStore.getState());
export const getTabs = (): RequestTab[] => useTabsStore.getState().tabs;
export const getClosedTabs = (): RequestTab[] => useTabsStore.getState().closed;
export const subscribeToTabs = (listener: () => void): (() => void) => useTabsStore.subscribe(listener);

/** The title a tab shows: the saved request's name, else method and target URI. */
export function tabTitle(tab: RequestTab, draft: RequestDraft, saved: Record<string, SavedRequest>): string {
  const origin = tab.originId ? saved[tab.originId] : undefined;
  return origin ? origin.name : draftTitle(draft.method, draft.url);
}

/** Whether closing the tab would lose work: differs from its saved request, or edited when never saved. */
export function tabDirty(tab: RequestTab, draft: RequestDraft, saved: Record<string, SavedRequest>): boolean {
  const origin = tab.originId ? saved[tab.originId] : undefined;
  return origin ? !sameDraft(draft, origin.draft) : tab.edited;
}

/** The active tab's current state pulled out of the editor and response stores into its record. */
function withActiveSnapshot(s: TabsState): RequestTab[] {
  const editor = getEditorState();
  const response = sendSlot.get();
  return s.tabs.map((t) => (t.id === s.activeId ? { ...t, editor, response } : t));
}

/** Every tab with the active one's live state, for storing the session. */
export function tabsSnapshot(): { tabs: RequestTab[]; activeId: string; closed: RequestTab[] } {
  const s = useTabsStore.getState();
  return { tabs: withActiveSnapshot(s), activeId: s.activeId, closed: s.closed };
}

/** Puts `target`'s state in the stores; returns the state of the tab left (a send in flight goes on, see response-store). */
function swap(target: RequestTab): Pick<RequestTab, 'editor' | 'response'> {
  const editor = getEditorState();
  const generation = getDraftGeneration();
  editorStateSwapped(target.editor);
  const response = sendSlot.swap(target.response, generation);
  return { editor, response };
}

/** Sets the tab list and makes `id` (in `tabs`) active; the tab left keeps its state if it is still in `tabs`. */
function activate(tabs: RequestTab[], id: string, extra: Partial<TabsState> = {}): void {
  const s = useTabsStore.getState();
  const target = tabs.find((t) => t.id === id);
  if (!target) return;
  if (id === s.activeId) {
    useTabsStore.setState({ tabs, ...extra });
    return;
  }
  const left = swap(target);
  useTabsStore.setState({
    tabs: tabs.map((t) => (t.id === s.activeId ? { ...t, ...left } : t)),
    activeId: id,
    ...extra,
  });
}

export function tabSelected(id: string): void {
  if (id !== useTabsStore.getState().activeId) activate(useTabsStore.getState().tabs, id);
}

/** Ctrl+Tab (+1) / Ctrl+Shift+Tab (−1), Ctrl+PgDn / Ctrl+PgUp: the next or previous tab, wrapping. */
export function tabCycled(delta: number): void {
  const s = useTabsStore.getState();
  tabSelected(cycle(s.tabs, s.activeId, delta));
}

/** What a newly opened tab shows. */
export interface TabContent {
  draft: RequestDraft;
  originId: string | null;
  /** `updatedAt` of the saved request opened. */
  revision?: number | null;
  preview?: boolean;
  /** Where its last response is kept (default: `request:<originId>` for a saved request). */
  keptKey?: string;
}

/**
 * Opens a request in a tab and makes it active: a saved request already open in a tab just
 * activates that tab; a preview replaces the current preview tab; anything else gets a new tab.
 */
export function tabOpened(content: TabContent): void {
  const s = useTabsStore.getState();
  if (content.originId) {
    const open = s.tabs.find((t) => t.originId === content.originId);
    if (open) return tabSelected(open.id);
  }
  const tab = newTab(
    { draft: content.draft, bodyStash: emptyBodyStash(), authStash: {} },
    {
      originId: content.originId,
      revision: content.revision ?? null,
      preview: content.preview ?? false,
      keptKey: content.keptKey ?? (content.originId ? `request:${content.originId}` : null),
    },
  );
  const tabs = content.preview ? openPreview(s.tabs, s.activeId, tab).tabs : insertAfter(s.tabs, s.activeId, tab);
  // A preview that replaced the active tab takes that tab's state with it.
  activate(tabs, tab.id);
}

/** Ctrl+T / Alt+T, New request: a blank request in a new tab. */
export function newTabClicked(): void {
  tabOpened({ draft: blankDraft(), originId: null });
}

/** Double-click on a preview tab: keep it (the next sidebar open gets a tab of its own). */
export function tabPinned(id: string): void {
  patchTab(id, { preview: false });
}

/** Whether the active tab can take an imported request in place: never edited and not a saved request. */
export function activeTabUnused(): boolean {
  const t = getActiveTab();
  return !t.edited && t.originId === null;
}

/** The active tab got content worth asking about before closing (an import filled it). */
export function activeTabEdited(): void {
  patchTab(getActiveTab().id, { edited: true, preview: false });
}

/** Close button, middle-click, Ctrl+W / Alt+W: a dirty tab asks first (`closing`). */
export function tabCloseClicked(id: string): void {
  const s = useTabsStore.getState();
  const tab = s.tabs.find((t) => t.id === id);
  if (!tab) return;
  const draft = id === s.activeId ? getEditorState().draft : tab.editor.draft;
  if (tabDirty(tab, draft, s.saved)) useTabsStore.setState({ closing: id });
  else tabClosed(id);
}

export const activeTabCloseClicked = (): void => tabCloseClicked(useTabsStore.getState().activeId);
export const closeCancelled = (): void => useTabsStore.setState({ closing: null, closeAfterSave: null });

/** Closes the tab without asking (Discard, or a clean tab); the last tab is replaced by a blank one. */
export function tabClosed(id: string): void {
  const s = useTabsStore.getState();
  const tab = s.tabs.find((t) => t.id === id);
  if (!tab) return;
  const rest = s.tabs.filter((t) => t.id !== id);
  const extra = { closing: null, closeAfterSave: null };
  sendSlot.closed(id);
  if (id !== s.activeId) {
    useTabsStore.setState({ tabs: rest, closed: pushClosed(s.closed, { ...tab, preview: false }), ...extra });
    return;
  }
  const nextId = neighbourAfterClose(s.tabs, id);
  const blank = nextId === null ? newTab({ draft: blankDraft(), bodyStash: emptyBodyStash(), authStash: {} }) : null;
  const tabs = blank ? [blank] : rest;
  const target = blank ?? rest.find((t) => t.id === nextId)!;
  const left = swap(target);
  const closed = pushClosed(s.closed, { ...tab, ...left, preview: false });
  useTabsStore.setState({ tabs, activeId: target.id, closed, ...extra });
}

/**
 * The send of tab `id` (not the active one) progressed while the tab was in the background:
 * `update` gets its stored snapshot and returns the new one. A tab closed meanwhile is updated
 * in the closed list (it shows the outcome when reopened); a tab gone from both is ignored.
 */
export function tabSendUpdated(id: string, update: (snapshot: SendSnapshot | null) => SendSnapshot | null): void {
  useTabsStore.setState((s) => {
    const apply = (t: RequestTab) => (t.id === id ? { ...t, response: update(t.response) } : t);
    return { tabs: s.tabs.map(apply), closed: s.closed.map(apply) };
  });
}

/** Where Ctrl+Shift+T looks once this browser tab's own closed tabs are used up (other, closed windows). */
let otherWindowsClosed: (openIds: ReadonlySet<string>) => RequestTab | null = () => null;
/** tabs-session.ts hands over the shared "recently closed" list (localStorage) when it starts. */
export function recentlyClosedSourceRegistered(take: (openIds: ReadonlySet<string>) => RequestTab | null): void {
  otherWindowsClosed = take;
}

/**
 * Ctrl+Shift+T: reopens the most recently closed tab next to the active one; when this browser
 * tab closed none (left), the newest tab of a closed browser window ("recently closed").
 */
export function closedTabReopened(): void {
  const s = useTabsStore.getState();
  const [tab, ...closed] = s.closed;
  if (tab) return activate(insertAfter(s.tabs, s.activeId, tab), tab.id, { closed });
  const other = otherWindowsClosed(new Set(s.tabs.map((t) => t.id)));
  if (other) activate(insertAfter(s.tabs, s.activeId, other), other.id);
}

/** Drag and drop, Ctrl+Shift+PgUp/PgDn: tab `id` moves to index `to`. */
export function tabMoved(id: string, to: number): void {
  useTabsStore.setState((s) => ({ tabs: moveTab(s.tabs, id, to) }));
}

/** The Save dialog was opened on behalf of closing tab `id` (a new request): close it once saved. */
export function closeAfterSaveRequested(id: string): void {
  useTabsStore.setState({ closing: null, closeAfterSave: id });
}
export const getCloseAfterSave = (): string | null => useTabsStore.getState().closeAfterSave;

/** The active tab now edits saved request `originId` at `revision` (opened, saved, saved as). */
export function activeOriginSet(originId: string | null, revision: number | null = null): void {
  const s = useTabsStore.getState();
  patchTab(s.activeId, { originId, revision, ...(originId ? { edited: false } : {}) });
}

/** The library's saved requests changed (load, save, another browser tab). */
export function savedRequestsSeen(saved: Record<string, SavedRequest>): void {
  useTabsStore.setState({ saved });
}

/** The selected sub-tab of view `key` in the active tab (`fallback` until one is chosen). */
export function useTabView<K extends string>(key: string, fallback: K): [K, (value: K) => void] {
  const value = useTabsStore((s) => active(s).view[key]) as K | undefined;
  const set = (v: K) => {
    const t = getActiveTab();
    patchTab(t.id, { view: { ...t.view, [key]: v } });
  };
  return [value ?? fallback, set];
}

/**
 * Puts a restored session in place (start-up, `tabs-session.ts`); the active tab's state goes into
 * the stores. When the active tab stays the one already active (typed in before the session
 * loaded), its live state stays as it is: a send in flight goes on and the draft keeps its generation.
 */
export function tabsRestored(tabs: RequestTab[], activeId: string, closed: RequestTab[]): void {
  const target = tabs.find((t) => t.id === activeId) ?? tabs[0];
  if (!target) return;
  if (target.id !== useTabsStore.getState().activeId) swap(target);
  useTabsStore.setState({ tabs, activeId: target.id, closed, closing: null, closeAfterSave: null });
}

// An edit in place keeps a preview tab and marks the tab edited.
subscribeToDraft((edited) => {
  if (!edited) return;
  const t = getActiveTab();
  if (!t.edited || t.preview) patchTab(t.id, { edited: true, preview: false });
});
