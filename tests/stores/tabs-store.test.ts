/** The tab model over the real request and response stores (Node, no DOM). */
import { describe, expect, it } from 'vitest';
import { blankDraft } from '../../src/core/model/defaults.ts';
import * as req from '../../src/stores/request-store.ts';
import * as res from '../../src/stores/response-store.ts';
import * as tabs from '../../src/stores/tabs-store.ts';
import { tabShortcut } from '../../src/features/tabs/use-tab-shortcuts.ts';

const urls = () => tabs.getTabs().map((t) => (t.id === tabs.getActiveTab().id ? req.getDraft() : t.editor.draft).url);
const draft = (url: string) => ({ ...blankDraft(), url });

describe('tabs store', () => {
  it('opens, switches and keeps each tab its own draft', () => {
    req.urlEdited('http://a.test/');
    tabs.newTabClicked();
    req.urlEdited('http://b.test/');
    expect(urls()).toEqual(['http://a.test/', 'http://b.test/']);
    tabs.tabCycled(1);
    expect(req.getDraft().url).toBe('http://a.test/');
    tabs.tabCycled(-1);
    expect(req.getDraft().url).toBe('http://b.test/');
    expect(tabs.getTabs().map((t) => t.edited)).toEqual([true, true]);
  });

  it('a preview is replaced by the next preview; an edit keeps it; a saved request open already is switched to', () => {
    tabs.tabOpened({ draft: draft('http://p1.test/'), originId: 'r1', revision: 1, preview: true });
    const p1 = tabs.getActiveTab().id;
    tabs.tabOpened({ draft: draft('http://p2.test/'), originId: 'r2', revision: 1, preview: true });
    expect(tabs.getTabs().map((t) => t.id)).not.toContain(p1);
    expect(urls()).toEqual(['http://a.test/', 'http://b.test/', 'http://p2.test/']);
    req.urlEdited('http://p2-edited.test/');
    expect(tabs.getActiveTab()).toMatchObject({ preview: false, edited: true, keptKey: 'request:r2' });
    tabs.tabOpened({ draft: draft('http://p3.test/'), originId: 'r3', revision: 1, preview: true });
    expect(urls()).toEqual(['http://a.test/', 'http://b.test/', 'http://p2-edited.test/', 'http://p3.test/']);
    tabs.tabOpened({ draft: draft('http://ignored.test/'), originId: 'r2', revision: 1, preview: true });
    expect(req.getDraft().url).toBe('http://p2-edited.test/');
    expect(tabs.getTabs()).toHaveLength(4);
  });

  it('a dirty tab asks before closing; a clean one closes; the last closed reopens where it was', () => {
    tabs.tabCloseClicked(tabs.getActiveTab().id);
    // r2 is not in the saved map: never-saved rules apply, and it was edited.
    expect(tabs.getTabs()).toHaveLength(4);
    const dirty = tabs.getActiveTab().id;
    tabs.closeCancelled();
    tabs.savedRequestsSeen({
      r2: {
        v: 1,
        id: 'r2',
        name: 'Two',
        collectionId: 'c',
        folderId: null,
        order: 0,
        createdAt: 1,
        updatedAt: 1,
        draft: req.getDraft(),
      },
    });
    tabs.tabCloseClicked(dirty);
    expect(tabs.getTabs().map((t) => t.id)).not.toContain(dirty);
    expect(req.getDraft().url).toBe('http://p3.test/');
    tabs.closedTabReopened();
    expect(tabs.getActiveTab().id).toBe(dirty);
    expect(req.getDraft().url).toBe('http://p2-edited.test/');
    expect(tabs.tabTitle(tabs.getActiveTab(), req.getDraft(), {})).toBe('GET p2-edited.test/');
  });

  it('each tab keeps its own last send; a tab left has its response back when it returns', () => {
    const first = tabs.getTabs()[0]!.id;
    tabs.tabSelected(first);
    res.keptResponseShown({
      response: {
        status: 201,
        reasonPhrase: 'Created',
        headers: [],
        via: 'proxy',
        timings: {},
        redirects: [],
        url: 'http://a.test/',
        body: null,
        totalMs: 3,
        sizeBytes: 0,
      },
      kept: { at: 5, bodyNotKept: null },
    });
    tabs.tabCycled(1);
    expect(res.getResponseState().phase).toBe('idle');
    tabs.tabSelected(first);
    expect(res.getResponseState()).toMatchObject({ phase: 'done', response: { status: 201 }, kept: { at: 5 } });
  });

  it('a restored session that keeps the active tab leaves its live state in place (a send in flight goes on)', () => {
    const before = tabs.tabsSnapshot();
    const state = res.getResponseState();
    const generation = req.getDraftGeneration();
    const stored: tabs.RequestTab = {
      ...before.tabs[0]!,
      id: 'stored-tab',
      editor: { ...before.tabs[0]!.editor, draft: draft('http://stored.test/') },
      response: null,
    };
    tabs.tabsRestored([stored, ...before.tabs], before.activeId, []);
    expect(tabs.getActiveTab().id).toBe(before.activeId);
    expect(tabs.getTabs().map((t) => t.id)).toEqual(['stored-tab', ...before.tabs.map((t) => t.id)]);
    expect(req.getDraftGeneration()).toBe(generation);
    expect(res.getResponseState()).toBe(state);
    tabs.tabClosed('stored-tab');
  });

  it('closing the only tab leaves one blank tab', () => {
    for (const t of tabs.getTabs()) tabs.tabClosed(t.id);
    expect(tabs.getTabs()).toHaveLength(1);
    expect(req.getDraft().url).toBe('');
    expect(res.getResponseState().phase).toBe('idle');
  });

  it('moves tabs', () => {
    tabs.newTabClicked();
    const [a, b] = tabs.getTabs().map((t) => t.id);
    tabs.tabMoved(b!, 0);
    expect(tabs.getTabs().map((t) => t.id)).toEqual([b, a]);
  });
});

describe('tab shortcuts', () => {
  const press = (
    key: string,
    code: string,
    mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>>,
  ) => tabShortcut({ key, code, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods });
  it('maps Ctrl and Alt variants, and nothing else', () => {
    expect(press('t', 'KeyT', { ctrlKey: true })).toBe(tabs.newTabClicked);
    expect(press('†', 'KeyT', { altKey: true })).toBe(tabs.newTabClicked);
    expect(press('T', 'KeyT', { metaKey: true, shiftKey: true })).toBe(tabs.closedTabReopened);
    expect(press('w', 'KeyW', { altKey: true })).toBe(tabs.activeTabCloseClicked);
    expect(press('t', 'KeyT', {})).toBe(null);
    expect(press('t', 'KeyT', { ctrlKey: true, altKey: true })).toBe(null);
    expect(press('Tab', 'Tab', { altKey: true })).toBe(null);
    expect(press('Tab', 'Tab', { ctrlKey: true })).not.toBe(null);
    expect(press('s', 'KeyS', { ctrlKey: true })).toBe(null);
  });
});
