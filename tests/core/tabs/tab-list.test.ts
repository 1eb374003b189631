import { describe, expect, it } from 'vitest';
import {
  CLOSED_TABS_KEPT,
  cycle,
  tabsAfterRestore,
  draftTitle,
  insertAfter,
  moveTab,
  neighbourAfterClose,
  openPreview,
  pushClosed,
} from '../../../src/core/tabs/tab-list.ts';

const t = (id: string, preview = false) => ({ id, preview });
const ids = (tabs: { id: string }[]) => tabs.map((x) => x.id);

describe('tab list', () => {
  it('inserts a new tab right after the active one, or at the end when the active id is unknown', () => {
    expect(ids(insertAfter([t('a'), t('b'), t('c')], 'a', t('n')))).toEqual(['a', 'n', 'b', 'c']);
    expect(ids(insertAfter([t('a'), t('b')], 'zz', t('n')))).toEqual(['a', 'b', 'n']);
  });

  it('a preview takes the place of the existing preview tab, else goes after the active tab', () => {
    const first = openPreview([t('a'), t('b')], 'a', t('p1'));
    expect(first.tabs).toEqual([t('a'), t('p1', true), t('b')]);
    expect(first.replaced).toBe(null);
    const second = openPreview(first.tabs, 'b', t('p2'));
    expect(second.tabs).toEqual([t('a'), t('p2', true), t('b')]);
    expect(second.replaced).toBe('p1');
  });

  it('closing activates the right neighbour, else the left one, else none', () => {
    expect(neighbourAfterClose([t('a'), t('b'), t('c')], 'b')).toBe('c');
    expect(neighbourAfterClose([t('a'), t('b'), t('c')], 'c')).toBe('b');
    expect(neighbourAfterClose([t('a')], 'a')).toBe(null);
    expect(neighbourAfterClose([t('a')], 'x')).toBe(null);
  });

  it('cycles with wrap-around in both directions', () => {
    const tabs = [t('a'), t('b'), t('c')];
    expect(cycle(tabs, 'c', 1)).toBe('a');
    expect(cycle(tabs, 'a', -1)).toBe('c');
    expect(cycle(tabs, 'b', 1)).toBe('c');
    expect(cycle(tabs, 'b', -4)).toBe('a');
    expect(cycle(tabs, 'gone', 1)).toBe('a');
    expect(cycle([], 'x', 1)).toBe('x');
  });

  it('moves a tab to an index, clamped', () => {
    const tabs = [t('a'), t('b'), t('c')];
    expect(ids(moveTab(tabs, 'a', 2))).toEqual(['b', 'c', 'a']);
    expect(ids(moveTab(tabs, 'c', 0))).toEqual(['c', 'a', 'b']);
    expect(ids(moveTab(tabs, 'b', 99))).toEqual(['a', 'c', 'b']);
    expect(ids(moveTab(tabs, 'b', -5))).toEqual(['b', 'a', 'c']);
    expect(ids(moveTab(tabs, 'x', 0))).toEqual(['a', 'b', 'c']);
    expect(ids(tabs)).toEqual(['a', 'b', 'c']);
  });

  it('keeps the most recently closed first, at most CLOSED_TABS_KEPT', () => {
    let closed: string[] = [];
    for (let i = 0; i < CLOSED_TABS_KEPT + 3; i++) closed = pushClosed(closed, `t${i}`);
    expect(closed).toHaveLength(CLOSED_TABS_KEPT);
    expect(closed[0]).toBe(`t${CLOSED_TABS_KEPT + 2}`);
    expect(closed.at(-1)).toBe('t3');
  });

  it('titles an unsaved request by method and target URI without the scheme', () => {
    expect(draftTitle('GET', 'http://127.0.0.1:8080/echo')).toBe('GET 127.0.0.1:8080/echo');
    expect(draftTitle('POST', '  ')).toBe('New request');
    expect(draftTitle('GET', '{{base}}/users')).toBe('GET {{base}}/users');
    expect(draftTitle('DELETE', 'https://api.example.test/a/very/long/path/to/a/thing', 20)).toBe(
      'DELETE api.example.…',
    );
  });
});

describe('tabsAfterRestore', () => {
  const t = (id: string) => ({ id, preview: false });
  it('the stored session replaces the start-up tab when nothing was edited', () => {
    expect(
      tabsAfterRestore({ tabs: [t('a'), t('b')], activeId: 'b' }, { tabs: [t('x')], activeId: 'x' }, false),
    ).toEqual({ tabs: [t('a'), t('b')], activeId: 'b' });
  });
  it('keeps the tabs typed in, active, after the stored ones when something was edited', () => {
    expect(
      tabsAfterRestore({ tabs: [t('a'), t('b')], activeId: 'a' }, { tabs: [t('x'), t('y')], activeId: 'y' }, true),
    ).toEqual({ tabs: [t('a'), t('b'), t('x'), t('y')], activeId: 'y' });
  });
  it('never shows a tab twice when the current list already holds a stored one', () => {
    expect(
      tabsAfterRestore({ tabs: [t('a')], activeId: 'a' }, { tabs: [t('a'), t('x')], activeId: 'x' }, true),
    ).toEqual({
      tabs: [t('a'), t('x')],
      activeId: 'x',
    });
  });
});
