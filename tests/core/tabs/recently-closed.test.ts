import { describe, expect, it } from 'vitest';
import { blankDraft } from '../../../src/core/model/defaults.ts';
import type { StoredTab } from '../../../src/core/tabs/session.ts';
import {
  parseRecentlyClosed,
  recentlyClosedAdded,
  recentlyClosedTaken,
  recentlyClosedWithout,
} from '../../../src/core/tabs/recently-closed.ts';

const tab = (id: string, url = `http://${id}.test/`, edited = false): StoredTab => ({
  id,
  draft: { ...blankDraft(), url },
  originId: null,
  preview: false,
  edited,
  revision: null,
  view: {},
  keptKey: null,
});
const ids = (list: StoredTab[]) => list.map((t) => t.id);

describe('recently closed tabs (shared across browser windows)', () => {
  it('adds newest first, moves a repeated id, drops blank unedited tabs, keeps at most max', () => {
    const list = recentlyClosedAdded(
      [tab('a'), tab('b')],
      [tab('c'), tab('a'), tab('blank', ''), tab('typed', '', true)],
    );
    expect(ids(list)).toEqual(['c', 'a', 'typed', 'b']);
    expect(ids(recentlyClosedAdded(list, [tab('d')], 3))).toEqual(['d', 'c', 'a']);
  });

  it('takes the newest tab not open here; removes tabs open again', () => {
    const list = [tab('a'), tab('b'), tab('c')];
    const taken = recentlyClosedTaken(list, new Set(['a']));
    expect(taken.tab?.id).toBe('b');
    expect(ids(taken.rest)).toEqual(['a', 'c']);
    expect(recentlyClosedTaken([], new Set())).toEqual({ tab: null, rest: [] });
    expect(ids(recentlyClosedWithout(list, new Set(['a', 'c'])))).toEqual(['b']);
  });

  it('reads the stored list leniently and round-trips it', () => {
    expect(parseRecentlyClosed(null)).toEqual([]);
    expect(parseRecentlyClosed('{oops')).toEqual([]);
    expect(parseRecentlyClosed('{"v":1}')).toEqual([]);
    const list = [tab('a'), tab('b')];
    const text = JSON.stringify([list[0], { id: '' }, list[1]]);
    expect(parseRecentlyClosed(text)).toEqual(list);
  });
});
