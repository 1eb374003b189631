import { describe, expect, it } from 'vitest';
import { hexDumpRow, hexDumpRows, hexRowCount } from '../../../src/core/response/hex.ts';
import { timingSegments } from '../../../src/core/response/timing.ts';
import { describeRedirectHops, methodAfterRedirect } from '../../../src/core/response/redirects.ts';

describe('hex dump', () => {
  const bytes = new Uint8Array([...new TextEncoder().encode('Hello, world!\n'), 0x00, 0xff, 0x7f, 0x41]);
  it('formats hexdump -C rows', () => {
    expect(hexRowCount(bytes.length)).toBe(2);
    expect(hexDumpRow(bytes, 0)).toBe('00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a 00 ff  |Hello, world!...|');
    expect(hexDumpRow(bytes, 1)).toBe('00000010  7f 41                                             |.A|');
    expect(hexDumpRows(bytes, 1, 99)).toEqual([hexDumpRow(bytes, 1)]);
    expect(hexRowCount(0)).toBe(0);
  });
  it('throws outside the rows', () => {
    expect(() => hexDumpRow(bytes, 2)).toThrow(RangeError);
    expect(() => hexDumpRow(bytes, -1)).toThrow(RangeError);
  });
});

describe('timingSegments', () => {
  it('turns cumulative marks into consecutive segments', () => {
    expect(timingSegments({ dnsMs: 2, connectMs: 5, tlsMs: 20, firstByteMs: 50 }, 80)).toEqual([
      { phase: 'dns', label: 'DNS', startMs: 0, durationMs: 2 },
      { phase: 'connect', label: 'Connect', startMs: 2, durationMs: 3 },
      { phase: 'tls', label: 'TLS', startMs: 5, durationMs: 15 },
      { phase: 'waiting', label: 'Waiting (first byte)', startMs: 20, durationMs: 30 },
      { phase: 'download', label: 'Download', startMs: 50, durationMs: 30 },
    ]);
  });
  it('skips absent phases and clamps marks out of order', () => {
    expect(timingSegments({ connectMs: 1, firstByteMs: 0.5 }, 3)).toEqual([
      { phase: 'connect', label: 'Connect', startMs: 0, durationMs: 1 },
      { phase: 'waiting', label: 'Waiting (first byte)', startMs: 1, durationMs: 0 },
      { phase: 'download', label: 'Download', startMs: 1, durationMs: 2 },
    ]);
    expect(timingSegments({}, 10)).toEqual([]);
  });
});

describe('redirect hops', () => {
  it('methodAfterRedirect follows Fetch §4.4', () => {
    expect(methodAfterRedirect(301, 'POST')).toBe('GET');
    expect(methodAfterRedirect(302, 'PUT')).toBe('PUT');
    expect(methodAfterRedirect(303, 'PUT')).toBe('GET');
    expect(methodAfterRedirect(303, 'HEAD')).toBe('HEAD');
    expect(methodAfterRedirect(307, 'POST')).toBe('POST');
    expect(methodAfterRedirect(308, 'DELETE')).toBe('DELETE');
  });
  it('resolves Location and flags cross-origin hops', () => {
    expect(
      describeRedirectHops([
        { status: 302, reasonPhrase: 'Found', method: 'POST', url: 'http://a.test/x/y', location: '../z' },
        {
          status: 307,
          reasonPhrase: 'Temporary Redirect',
          method: 'GET',
          url: 'http://a.test/z',
          location: 'http://b.test/w',
        },
        { status: 301, reasonPhrase: 'Moved', method: 'GET', url: 'http://b.test/w', location: null },
      ]),
    ).toEqual([
      {
        index: 1,
        status: 302,
        reasonPhrase: 'Found',
        method: 'POST',
        url: 'http://a.test/x/y',
        location: '../z',
        target: 'http://a.test/z',
        nextMethod: 'GET',
        crossOrigin: false,
      },
      {
        index: 2,
        status: 307,
        reasonPhrase: 'Temporary Redirect',
        method: 'GET',
        url: 'http://a.test/z',
        location: 'http://b.test/w',
        target: 'http://b.test/w',
        nextMethod: 'GET',
        crossOrigin: true,
      },
      {
        index: 3,
        status: 301,
        reasonPhrase: 'Moved',
        method: 'GET',
        url: 'http://b.test/w',
        location: null,
        target: null,
        nextMethod: 'GET',
        crossOrigin: false,
      },
    ]);
  });
});
