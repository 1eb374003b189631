import { describe, expect, it } from 'vitest';
import { createEventStreamParser, isEventStreamType, type SseEvent } from '../../../src/core/sse/event-stream.ts';

const enc = (s: string) => new TextEncoder().encode(s);
/** Parses `text` fed in one chunk, or split into chunks at every given offset (octets). */
function parse(text: string | Uint8Array, splits: number[] = []): SseEvent[] {
  const bytes = typeof text === 'string' ? enc(text) : text;
  const p = createEventStreamParser();
  const out: SseEvent[] = [];
  let from = 0;
  for (const at of [...splits, bytes.length]) {
    out.push(...p.push(bytes.subarray(from, at)));
    from = at;
  }
  out.push(...p.end());
  return out;
}

describe('createEventStreamParser (WHATWG HTML §9.2.6)', () => {
  it('joins multi-line data with LF and defaults the type to message', () => {
    expect(parse('data: first\ndata: second\n\n')).toEqual([
      { id: '', event: 'message', data: 'first\nsecond', retry: null },
    ]);
  });

  it('accepts CRLF, LF and CR line endings, also a CRLF split between chunks', () => {
    const text = 'event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\rdata: 3\n\n';
    const want: SseEvent[] = [
      { id: '', event: 'a', data: '1', retry: null },
      { id: '', event: 'b', data: '2', retry: null },
      { id: '', event: 'message', data: '3', retry: null },
    ];
    expect(parse(text)).toEqual(want);
    // Every split point, so a CR at a chunk's end followed by LF in the next is one line end.
    for (let i = 1; i < text.length; i++) expect(parse(text, [i])).toEqual(want);
  });

  it('ignores comments and counts them; unknown fields are ignored', () => {
    const p = createEventStreamParser();
    expect(p.push(enc(': keep-alive\n:\nfoo: bar\ndata: x\n\n'))).toEqual([
      { id: '', event: 'message', data: 'x', retry: null },
    ]);
    expect(p.comments).toBe(2);
  });

  it('drops only one leading space of a value, and reads a line without colon as an empty field', () => {
    expect(parse('data:  two spaces\ndata\ndata:none\n\n')).toEqual([
      { id: '', event: 'message', data: ' two spaces\n\nnone', retry: null },
    ]);
  });

  it('strips a leading BOM once (a second one is data)', () => {
    expect(parse('\uFEFFdata: a\n\n\uFEFFdata: b\n\n')).toEqual([{ id: '', event: 'message', data: 'a', retry: null }]);
  });

  it('keeps the last event ID across events; an id with U+0000 is ignored; an empty id resets', () => {
    expect(parse('id: 1\ndata: a\n\ndata: b\n\nid: 2\u00003\ndata: c\n\nid\ndata: d\n\n')).toEqual([
      { id: '1', event: 'message', data: 'a', retry: null },
      { id: '1', event: 'message', data: 'b', retry: null },
      { id: '1', event: 'message', data: 'c', retry: null },
      { id: '', event: 'message', data: 'd', retry: null },
    ]);
  });

  it('sets retry only from ASCII digits', () => {
    const p = createEventStreamParser();
    expect(p.push(enc('retry: 2500\ndata: a\n\nretry: 1.5\nretry: x\ndata: b\n\n'))).toEqual([
      { id: '', event: 'message', data: 'a', retry: 2500 },
      { id: '', event: 'message', data: 'b', retry: 2500 },
    ]);
    expect(p.retry).toBe(2500);
  });

  it('does not dispatch without data (the type is reset) and discards an unfinished event at the end', () => {
    expect(parse('event: lonely\n\ndata: x\n\nevent: cut\ndata: never')).toEqual([
      { id: '', event: 'message', data: 'x', retry: null },
    ]);
  });

  it('dispatches data: with an empty value as an empty string', () => {
    expect(parse('data\n\n')).toEqual([{ id: '', event: 'message', data: '', retry: null }]);
  });

  it('decodes a UTF-8 code point split between chunks', () => {
    const bytes = enc('data: Zoë ✓\n\n');
    // 'ë' is octets 8–9 and '✓' 11–13: split inside each.
    expect(parse(bytes, [9, 12])).toEqual([{ id: '', event: 'message', data: 'Zoë ✓', retry: null }]);
  });
});

describe('isEventStreamType', () => {
  it('matches text/event-stream with parameters and any case, nothing else', () => {
    expect(isEventStreamType('Text/Event-Stream; charset=utf-8')).toBe(true);
    expect(isEventStreamType('text/plain')).toBe(false);
    expect(isEventStreamType(null)).toBe(false);
  });
});
