import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { codingPlan, contentCodingsOf, codingExtension } from '../../../src/core/response/content-coding.ts';
import { ContentDecodeError, createContentDecoder, decodeContent } from '../../../src/core/response/content-decode.ts';
import { encodedSampleDocument, ENCODED_CODINGS } from '../../../server/echo/encoded.ts';

const doc = encodedSampleDocument();
const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

describe('contentCodingsOf (RFC 9110 §8.4)', () => {
  it('lists codings in order over every field, lower case, identity dropped, x-gzip = gzip', () => {
    expect(
      contentCodingsOf([
        ['Content-Type', 'text/plain'],
        ['Content-Encoding', 'GZIP, identity'],
        ['content-encoding', ' br ,'],
      ]),
    ).toEqual({ codings: ['gzip', 'br'], unknown: [] });
    expect(contentCodingsOf([['Content-Encoding', 'x-gzip']])).toEqual({ codings: ['gzip'], unknown: [] });
    expect(contentCodingsOf([])).toEqual({ codings: [], unknown: [] });
  });
  it('reports codings it cannot decode', () => {
    expect(contentCodingsOf([['Content-Encoding', 'compress, zstd, x-Foo']])).toEqual({
      codings: ['compress', 'zstd', 'x-foo'],
      unknown: ['compress', 'x-foo'],
    });
  });
  it('names the extension of content still encoded', () => {
    expect(['gzip', 'deflate', 'br', 'zstd', 'compress'].map(codingExtension)).toEqual([
      '.gz',
      '.zz',
      '.br',
      '.zst',
      '',
    ]);
  });
});

describe('codingPlan', () => {
  it('proxy: decode the known codings; direct: the browser already did', () => {
    expect(codingPlan('proxy', [['Content-Encoding', 'br']])).toEqual({ action: 'decode', codings: ['br'] });
    expect(codingPlan('direct', [['content-encoding', 'gzip']])).toEqual({
      action: 'browser-decoded',
      codings: ['gzip'],
    });
    expect(codingPlan('proxy', [['Content-Encoding', 'identity']])).toEqual({ action: 'none' });
    expect(codingPlan('direct', [])).toEqual({ action: 'none' });
  });
  it('an unknown coding is shown as received on either transport', () => {
    for (const via of ['proxy', 'direct'] as const) {
      expect(codingPlan(via, [['Content-Encoding', 'gzip, compress']])).toEqual({
        action: 'unknown',
        codings: ['gzip', 'compress'],
        unknown: ['compress'],
      });
    }
  });
});

describe('decodeContent', () => {
  it('the sample document is 17,920 octets of JSON', () => {
    expect(doc.length).toBe(17920);
    expect((JSON.parse(doc.toString('utf8')) as { items: unknown[] }).items).toHaveLength(120);
  });
  it.each([
    ['gzip', gzipSync(doc)],
    ['deflate', deflateSync(doc)],
    ['deflate', deflateRawSync(doc)],
    ['br', brotliCompressSync(doc)],
    ['zstd', ENCODED_CODINGS.zstd!.encode(doc)],
  ])('%s decodes to the exact bytes', (coding, encoded) => {
    expect(Buffer.from(decodeContent(bytes(encoded), [coding])).equals(doc)).toBe(true);
  });
  it('decodes while bytes arrive in small chunks (streaming), every coding', () => {
    for (const [coding, encoded] of [
      ['gzip', gzipSync(doc)],
      ['deflate', deflateSync(doc)],
      ['deflate', deflateRawSync(doc)],
      ['br', brotliCompressSync(doc)],
      ['zstd', ENCODED_CODINGS.zstd!.encode(doc)],
    ] as const) {
      const d = createContentDecoder([coding]);
      for (let at = 0; at < encoded.length; at += 7) d.push(bytes(encoded.subarray(at, at + 7)), false);
      d.push(new Uint8Array(0), true);
      expect([coding, Buffer.from(d.result()).equals(doc)]).toEqual([coding, true]);
    }
  });
  it('undoes several codings last first (Content-Encoding: gzip, br)', () => {
    const twice = brotliCompressSync(gzipSync(doc));
    expect(Buffer.from(decodeContent(bytes(twice), ['gzip', 'br'])).equals(doc)).toBe(true);
  });
  it('no codings: the bytes as they are', () => {
    expect([...decodeContent(Uint8Array.of(1, 2, 3), [])]).toEqual([1, 2, 3]);
  });
  it('corrupt, truncated, unknown and too large are ContentDecodeErrors with a sentence', () => {
    const gz = gzipSync(doc);
    expect(() => decodeContent(bytes(gz.subarray(0, 100)), ['gzip'])).toThrow(ContentDecodeError);
    expect(() => decodeContent(Uint8Array.of(1, 2, 3, 4, 5), ['gzip'])).toThrow(/gzip content could not be decoded/);
    expect(() => decodeContent(new Uint8Array(0), ['compress'])).toThrow(
      'The content coding "compress" is not one Parley can decode.',
    );
    expect(() => decodeContent(bytes(gz), ['gzip'], 1000)).toThrow(
      'The decoded content is larger than 1000 bytes; it is not shown. Download saves the bytes as received.',
    );
    const zst = ENCODED_CODINGS.zstd!.encode(doc);
    expect(() => decodeContent(bytes(zst.subarray(0, 200)), ['zstd'])).toThrow(ContentDecodeError);
    const br = brotliCompressSync(doc);
    expect(() => decodeContent(bytes(br.subarray(0, 50)), ['br'])).toThrow(ContentDecodeError);
  });
});
