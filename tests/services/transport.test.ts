import { describe, expect, it } from 'vitest';
import {
  contentLengthOf,
  headerValue,
  isAbortError,
  readBodyBytes,
  responseHasNoContent,
  type SendProgress,
} from '../../src/services/transport.ts';

describe('responseHasNoContent (RFC 9112 §6.3)', () => {
  it.each([
    ['HEAD', 200, true],
    ['head', 200, true],
    ['GET', 100, true],
    ['GET', 199, true],
    ['GET', 204, true],
    ['GET', 304, true],
    ['GET', 200, false],
    ['POST', 205, false],
    ['GET', 404, false],
  ] as const)('%s %d → %s', (method, status, expected) => {
    expect(responseHasNoContent(method, status)).toBe(expected);
  });
});

describe('header helpers', () => {
  const headers: [string, string][] = [
    ['content-length', ' 42 '],
    ['Set-Cookie', 'a=1'],
    ['set-cookie', 'b=2'],
  ];
  it('finds the first value case-insensitively', () => {
    expect(headerValue(headers, 'SET-COOKIE')).toBe('a=1');
    expect(headerValue(headers, 'x-none')).toBeNull();
  });
  it('reads Content-Length as bytes only when it is a plain integer', () => {
    expect(contentLengthOf(headers)).toBe(42);
    expect(contentLengthOf([['Content-Length', '12, 12']])).toBeNull();
    expect(contentLengthOf([])).toBeNull();
  });
});

describe('readBodyBytes', () => {
  it('concatenates chunks exactly and reports progress per chunk', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1, 2, 3]));
        c.enqueue(new Uint8Array([255]));
        c.close();
      },
    });
    const progress: SendProgress[] = [];
    const bytes = await readBodyBytes(stream, 4, (p) => progress.push(p));
    expect([...bytes]).toEqual([1, 2, 3, 255]);
    expect(progress).toEqual([
      { receivedBytes: 0, totalBytes: 4 },
      { receivedBytes: 3, totalBytes: 4 },
      { receivedBytes: 4, totalBytes: 4 },
    ]);
  });
  const streamOf = (chunks: Uint8Array[]) =>
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of chunks) c.enqueue(chunk);
        c.close();
      },
    });
  const pattern = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) % 256);
  it('keeps every byte when the body is longer than its declared length, or no length is declared', async () => {
    const chunks = [pattern(50_000, 1), pattern(70_000, 2), pattern(3, 3)];
    const expected = Buffer.concat(chunks);
    for (const declared of [10, null]) {
      const bytes = await readBodyBytes(streamOf(chunks), declared);
      expect(bytes.byteLength).toBe(120_003);
      expect(Buffer.from(bytes).equals(expected)).toBe(true);
    }
  });
  it('returns only what arrived when the body is shorter than declared', async () => {
    const bytes = await readBodyBytes(streamOf([pattern(5, 9)]), 1000);
    expect([...bytes]).toEqual([9, 16, 23, 30, 37]);
  });
  it('gives zero bytes for no stream', async () => {
    expect((await readBodyBytes(null, null)).byteLength).toBe(0);
  });
  it('recognises an abort', () => {
    expect(isAbortError(new DOMException('x', 'AbortError'))).toBe(true);
    expect(isAbortError(new TypeError('fetch failed'))).toBe(false);
  });
});
