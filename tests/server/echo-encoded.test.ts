import { get } from 'node:http';
import { brotliDecompressSync, gzipSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decompress as zstdDecompress } from 'fzstd';
import { rawRequest, useTestServer } from './helpers.ts';
import { encodedSampleDocument } from '../../server/echo/encoded.ts';

const live = useTestServer();
const doc = encodedSampleDocument();

describe('/echo/encoded/:coding', () => {
  it.each([
    ['gzip', 'gzip', (b: Buffer) => gunzipSync(b)],
    ['deflate', 'deflate', (b: Buffer) => inflateSync(b)],
    ['deflate-raw', 'deflate', (b: Buffer) => inflateRawSync(b)],
    ['br', 'br', (b: Buffer) => brotliDecompressSync(b)],
    ['zstd', 'zstd', (b: Buffer) => Buffer.from(zstdDecompress(b))],
    ['unknown', 'x-parley-unknown', (b: Buffer) => b],
  ])(
    '%s: Content-Encoding %s, Content-Length of the encoded bytes, decodes to the document',
    async (coding, header, decode) => {
      // Node's fetch would decode gzip/deflate/br itself: node:http gives the bytes as sent.
      const raw = await rawRequest(`${live.server.url}/echo/encoded/${coding}`);
      expect(raw.status).toBe(200);
      const headers = Object.fromEntries(raw.rawHeaders.map(([n, v]) => [n.toLowerCase(), v]));
      expect(headers['content-encoding']).toBe(header);
      expect(headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Number(headers['content-length'])).toBe(raw.body.length);
      expect(decode(raw.body).equals(doc)).toBe(true);
    },
  );
  it('names the codings it knows for any other', async () => {
    const raw = await rawRequest(`${live.server.url}/echo/encoded/compress`);
    expect(raw.status).toBe(404);
    expect(raw.body.toString()).toBe('Choose one of: gzip, deflate, deflate-raw, br, zstd, unknown.\n');
  });
  it('?pause=ms sends the first half of the encoded bytes at once and the rest after the pause', async () => {
    const gz = gzipSync(doc);
    const half = Math.floor(gz.length / 2);
    const chunks = await new Promise<Buffer[]>((resolve, reject) => {
      get(`${live.server.url}/echo/encoded/gzip?pause=300`, (res) => {
        const seen: Buffer[] = [];
        res.on('data', (b: Buffer) => seen.push(b));
        res.on('end', () => resolve(seen));
        res.on('error', reject);
      }).on('error', reject);
    });
    // The first half comes alone (the rest is still held back), then the rest.
    expect(chunks[0]).toEqual(gz.subarray(0, half));
    expect(Buffer.concat(chunks.slice(1)).equals(gz.subarray(half))).toBe(true);
  });
});
