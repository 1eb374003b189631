import { describe, expect, it } from 'vitest';
import {
  closeCodeName,
  filterLog,
  formatHex,
  parseHex,
  prettyJson,
  utf8Length,
  type WsLogEntry,
} from '../../../src/core/websocket/message-format.ts';
import { decodeRelayData, encodeRelayData, isSendableCloseCode } from '../../../src/core/websocket/relay.ts';

describe('formatHex / parseHex', () => {
  it('shows octets as lower-case pairs, 16 a line', () => {
    const bytes = Uint8Array.from({ length: 18 }, (_, i) => i * 15);
    expect(formatHex(bytes)).toBe('00 0f 1e 2d 3c 4b 5a 69 78 87 96 a5 b4 c3 d2 e1\nf0 ff');
  });

  it('cuts after maxOctets and says how many more there are', () => {
    expect(formatHex(new Uint8Array(1_048_576), 2)).toBe('00 00\n… 1,048,574 more octets');
  });

  it('reads hex with spaces, colons, 0x prefixes and any case', () => {
    expect([...(parseHex('0xDE ad:BE,ef\n00') as Uint8Array)]).toEqual([0xde, 0xad, 0xbe, 0xef, 0x00]);
  });

  it('names a bad digit and an odd count', () => {
    expect(parseHex('de ag')).toEqual({ error: '"g" is not a hex digit: type pairs such as de ad be ef.' });
    expect(parseHex('abc')).toEqual({ error: 'Hex needs an even number of digits (two per octet).' });
  });
});

describe('utf8Length / prettyJson', () => {
  it('counts UTF-8 octets, not characters', () => {
    expect(utf8Length('Zoë ✓')).toBe(8);
  });
  it('pretty-prints objects and arrays only', () => {
    expect(prettyJson('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(prettyJson('42')).toBeNull();
    expect(prettyJson('{bad')).toBeNull();
  });
});

describe('filterLog', () => {
  const log: WsLogEntry[] = [
    { seq: 1, at: 0, direction: 'info', kind: 'open', size: 0, text: 'Connected' },
    { seq: 2, at: 0, direction: 'sent', kind: 'text', size: 5, text: 'Hello' },
    { seq: 3, at: 0, direction: 'received', kind: 'binary', size: 2, bytes: Uint8Array.of(0xbe, 0xef) },
    { seq: 4, at: 0, direction: 'received', kind: 'pong', size: 0, text: '' },
  ];
  const seqs = (f: Parameters<typeof filterLog>[1]) => filterLog(log, f).map((e) => e.seq);
  it('filters by direction, by kind and by text or hex', () => {
    expect(seqs({ query: '', direction: 'all', messagesOnly: false })).toEqual([1, 2, 3, 4]);
    expect(seqs({ query: '', direction: 'received', messagesOnly: false })).toEqual([3, 4]);
    expect(seqs({ query: '', direction: 'all', messagesOnly: true })).toEqual([2, 3]);
    expect(seqs({ query: 'hello', direction: 'all', messagesOnly: false })).toEqual([2]);
    expect(seqs({ query: 'be ef', direction: 'all', messagesOnly: false })).toEqual([3]);
  });
});

describe('relay framing and close codes', () => {
  it('prefixes the type octet and splits it off again', () => {
    const frame = encodeRelayData('binary', Uint8Array.of(0xde, 0xad));
    expect([...frame]).toEqual([0x02, 0xde, 0xad]);
    const back = decodeRelayData(frame)!;
    expect(back.kind).toBe('binary');
    expect([...back.payload]).toEqual([0xde, 0xad]);
    expect(decodeRelayData(Uint8Array.of(0x07))).toBeNull();
    expect(decodeRelayData(new Uint8Array(0))).toBeNull();
  });
  it('allows only the close codes an endpoint may send', () => {
    expect([1000, 1003, 1007, 1014, 3000, 4000, 4999].every(isSendableCloseCode)).toBe(true);
    expect([999, 1004, 1005, 1006, 1015, 2999, 5000, 4000.5].some(isSendableCloseCode)).toBe(false);
  });
  it('names close codes', () => {
    expect(closeCodeName(1000)).toBe('Normal Closure');
    expect(closeCodeName(4000)).toBe('application');
  });
});
