import { describe, expect, it } from 'vitest';
import { appendCapped, isEventStreamType, withLastEventId } from '../../../src/core/sse/event-list.ts';
import type { KeyValueRow } from '../../../src/core/model/draft.ts';
import type { SseEvent } from '../../../src/core/sse/event-stream.ts';

const ev = (id: string): SseEvent => ({ id, event: 'message', data: `tick ${id}`, retry: null });
const row = (id: string, name: string, value: string, enabled = true): KeyValueRow => ({ id, name, value, enabled });
const makeRow = (name: string, value: string): KeyValueRow => row('new', name, value);

describe('isEventStreamType', () => {
  it('matches the media type with or without parameters, case-insensitively', () => {
    expect(isEventStreamType('text/event-stream')).toBe(true);
    expect(isEventStreamType('Text/Event-Stream; charset=utf-8')).toBe(true);
    expect(isEventStreamType(' text/event-stream ;x=1')).toBe(true);
  });
  it('rejects other types and missing values', () => {
    expect(isEventStreamType('text/plain')).toBe(false);
    expect(isEventStreamType('text/event-streamx')).toBe(false);
    expect(isEventStreamType('application/json; a=text/event-stream')).toBe(false);
    expect(isEventStreamType(null)).toBe(false);
    expect(isEventStreamType('')).toBe(false);
  });
});

describe('appendCapped', () => {
  it('appends while under the cap', () => {
    expect(appendCapped([ev('1')], [ev('2'), ev('3')], 5)).toEqual({ events: [ev('1'), ev('2'), ev('3')], dropped: 0 });
  });
  it('keeps the newest `cap` events and counts the dropped ones', () => {
    const kept = [ev('1'), ev('2'), ev('3')];
    expect(appendCapped(kept, [ev('4'), ev('5')], 3)).toEqual({ events: [ev('3'), ev('4'), ev('5')], dropped: 2 });
    expect(kept.map((e) => e.id)).toEqual(['1', '2', '3']);
  });
});

describe('withLastEventId', () => {
  it('appends a Last-Event-ID row when there is none', () => {
    const rows = [row('a', 'Accept', 'text/event-stream')];
    expect(withLastEventId(rows, '3', makeRow)).toEqual([
      row('a', 'Accept', 'text/event-stream'),
      row('new', 'Last-Event-ID', '3'),
    ]);
    expect(rows).toHaveLength(1);
  });
  it('updates and enables the first such row (any case), removes later ones', () => {
    const rows = [row('a', 'last-event-id', '1', false), row('b', 'Accept', '*/*'), row('c', 'Last-Event-ID', '2')];
    expect(withLastEventId(rows, '7', makeRow)).toEqual([row('a', 'last-event-id', '7'), row('b', 'Accept', '*/*')]);
  });
});
