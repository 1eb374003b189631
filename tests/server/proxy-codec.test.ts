import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase64Url, encodeBase64Url } from '../../src/core/share/base64url.ts';
import {
  byteStringToBytes,
  bytesToByteString,
  decodeProxyRequestPrefix,
  decodeProxyResponseHead,
  encodeProxyRequest,
  encodeProxyResponseHead,
  MAX_PROXY_REQUEST_HEAD_BYTES,
} from '../../src/core/wire/proxy-codec.ts';
import type { ProxyResponseHead } from '../../src/core/wire/proxy.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('proxy request framing', () => {
  it('is a 4-byte big-endian length, UTF-8 JSON, then the body', () => {
    const framed = encodeProxyRequest(
      { method: 'GET', url: 'http://a/', headers: [['X', 'é']] },
      new Uint8Array([1, 2]),
    );
    const json = '{"method":"GET","url":"http://a/","headers":[["X","é"]]}';
    const jsonBytes = Buffer.from(json, 'utf8');
    expect(hex(framed)).toBe('000000' + jsonBytes.length.toString(16) + jsonBytes.toString('hex') + '0102');
  });

  it('decodes incrementally and reports where the content starts', () => {
    const framed = encodeProxyRequest(
      { method: 'PURGE', url: 'http://a/', headers: [], followRedirects: true, timeoutMs: 5 },
      new Uint8Array([9, 9, 9]),
    );
    expect(decodeProxyRequestPrefix(framed.subarray(0, 3))).toEqual({ kind: 'incomplete', needBytes: 4 });
    const jsonLength = framed.length - 3 - 4;
    expect(decodeProxyRequestPrefix(framed.subarray(0, 10))).toEqual({ kind: 'incomplete', needBytes: 4 + jsonLength });
    expect(decodeProxyRequestPrefix(framed)).toEqual({
      kind: 'head',
      head: { method: 'PURGE', url: 'http://a/', headers: [], followRedirects: true, timeoutMs: 5 },
      bodyOffset: 4 + jsonLength,
    });
  });

  it('explains bad frames', () => {
    expect(decodeProxyRequestPrefix(new Uint8Array([0, 0, 0, 0]))).toEqual({
      kind: 'error',
      message: `The proxy request head length 0 is outside 1..${MAX_PROXY_REQUEST_HEAD_BYTES} bytes.`,
    });
    expect(decodeProxyRequestPrefix(new Uint8Array([0xff, 0, 0, 0]))).toEqual({
      kind: 'error',
      message: `The proxy request head length 4278190080 is outside 1..${MAX_PROXY_REQUEST_HEAD_BYTES} bytes.`,
    });
    expect(decodeProxyRequestPrefix(new Uint8Array([0, 0, 0, 1, 0xff]))).toEqual({
      kind: 'error',
      message: 'The proxy request head is not valid UTF-8 JSON.',
    });
    const frame = (json: string): Uint8Array => {
      const b = Buffer.from(json);
      return new Uint8Array([0, 0, 0, b.length, ...b]);
    };
    expect(decodeProxyRequestPrefix(frame('[]'))).toEqual({
      kind: 'error',
      message: 'The proxy request head needs a method (a string).',
    });
    expect(decodeProxyRequestPrefix(frame('{"method":"GET","url":"u","headers":[["a"]]}'))).toEqual({
      kind: 'error',
      message: 'Every header must be a [name, value] pair of strings.',
    });
    expect(decodeProxyRequestPrefix(frame('{"method":"GET","url":"u","headers":[],"timeoutMs":-1}'))).toEqual({
      kind: 'error',
      message: 'timeoutMs must be a positive number of milliseconds.',
    });
  });
});

describe('response head', () => {
  const head: ProxyResponseHead = {
    status: 200,
    reasonPhrase: 'Très bien',
    httpVersion: '1.1',
    headers: [
      ['X-City', 'Z\xfcrich'],
      ['Set-Cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['X-Utf8', bytesToByteString(new TextEncoder().encode('Zoë 😀'))],
    ],
    timings: { connectMs: 0.5, firstByteMs: 1.25 },
    redirects: [{ status: 301, reasonPhrase: 'Moved Permanently', method: 'GET', url: 'http://a/', location: '/b' }],
    url: 'http://a/b',
  };

  it('round-trips through an ASCII header value, keeping header octets', () => {
    const value = encodeProxyResponseHead(head);
    expect(/^[A-Za-z0-9_-]+$/.test(value)).toBe(true);
    const back = decodeProxyResponseHead(value);
    expect(back).toEqual(head);
    expect(hex(byteStringToBytes(back.headers[0]![1]))).toBe('5afc72696368');
    expect(new TextDecoder().decode(byteStringToBytes(back.headers[3]![1]))).toBe('Zoë 😀');
  });

  it('carries warnings when there are some, and drops entries that are not strings', () => {
    const warned = { ...head, warnings: ['Parley relayed 1 of 2 response header fields: …'] };
    expect(decodeProxyResponseHead(encodeProxyResponseHead(warned))).toEqual(warned);
    const odd = encodeProxyResponseHead({ ...head, warnings: ['kept', 7 as unknown as string] });
    expect(decodeProxyResponseHead(odd).warnings).toEqual(['kept']);
    expect('warnings' in decodeProxyResponseHead(encodeProxyResponseHead({ ...head, warnings: [] }))).toBe(false);
  });

  it('explains an unreadable head', () => {
    expect(() => decodeProxyResponseHead('***')).toThrow(
      'The proxy sent a response head that could not be read (X-Parley-Head is not base64url JSON).',
    );
    expect(() => decodeProxyResponseHead(encodeBase64Url(new TextEncoder().encode('{"status":"x"}')))).toThrow(
      'The proxy sent a response head without a status code or headers.',
    );
  });
});

describe('base64url and byte strings', () => {
  it('matches RFC 4648 test vectors (§10, url alphabet, no padding)', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(encodeBase64Url(new TextEncoder().encode(plain))).toBe(encoded);
      expect(new TextDecoder().decode(decodeBase64Url(encoded))).toBe(plain);
    }
    expect(encodeBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
    expect(decodeBase64Url('Zg==')).toEqual(new Uint8Array([0x66]));
    expect(() => decodeBase64Url('Z')).toThrow('a base64url text cannot be 1 characters long');
  });

  it('round-trips any bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(decodeBase64Url(encodeBase64Url(bytes))).toEqual(bytes);
        expect(encodeBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
        expect(byteStringToBytes(bytesToByteString(bytes))).toEqual(bytes);
      }),
    );
  });

  it('refuses characters that are not octets', () => {
    expect(() => byteStringToBytes('a€')).toThrow('Character U+20AC at 1 is not a single octet.');
  });
});
