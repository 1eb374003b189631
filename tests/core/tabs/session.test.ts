import { describe, expect, it } from 'vitest';
import { parseTabSession, sessionIdOfKey, tabsKey } from '../../../src/core/tabs/session.ts';
import { blankDraft } from '../../../src/core/model/defaults.ts';

const tab = (id: string, url: string) => ({
  id,
  draft: { ...blankDraft(), url },
  originId: null,
  preview: false,
  edited: true,
  revision: null,
  view: { request: 'headers' },
  keptKey: null,
});

describe('stored tab session', () => {
  it('names keys by session id and reads them back', () => {
    expect(tabsKey('s-1')).toBe('parley:v1:tabs:s-1');
    expect(sessionIdOfKey('parley:v1:tabs:s-1')).toBe('s-1');
    expect(sessionIdOfKey('parley:v1:tabs:')).toBe(null);
    expect(sessionIdOfKey('parley:v1:request:s-1')).toBe(null);
  });

  it('round-trips a session', () => {
    const session = {
      v: 1,
      activeId: 'b',
      savedAt: 5,
      tabs: [tab('a', 'http://a.test'), tab('b', 'http://b.test')],
      closed: [],
    };
    expect(parseTabSession(JSON.stringify(session))).toEqual(session);
  });

  it('drops damaged tabs, defaults damaged fields, fixes a missing active id', () => {
    const text = JSON.stringify({
      v: 1,
      activeId: 'gone',
      savedAt: 'x',
      tabs: [{ nope: 1 }, { ...tab('a', 'http://a.test'), preview: 'yes', view: 3, draft: { url: 7 } }],
      closed: 'bad',
    });
    expect(parseTabSession(text)).toEqual({
      v: 1,
      activeId: 'a',
      savedAt: 0,
      tabs: [{ ...tab('a', ''), draft: { ...blankDraft(), url: '' }, preview: false, view: {} }],
      closed: [],
    });
  });

  it('gives null for no text, bad JSON, another version, or no readable tab', () => {
    expect(parseTabSession(null)).toBe(null);
    expect(parseTabSession('{"v":1,')).toBe(null);
    expect(parseTabSession(JSON.stringify({ v: 2, activeId: 'a', tabs: [tab('a', '')] }))).toBe(null);
    expect(parseTabSession(JSON.stringify({ v: 1, activeId: 'a', tabs: [] }))).toBe(null);
  });
});
