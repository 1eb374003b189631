import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { RunningServer } from '../../server/app.ts';
import { precompressFile } from '../../server/vite-precompress.ts';
import { chooseContentCoding, ifNoneMatchHits } from '../../server/content-coding.ts';
import { rawRequest, startTestServer } from './helpers.ts';

let root: string;
let server: RunningServer;
// Compressible and above the 1 KiB floor; deterministic so sizes are exact.
const JS = Array.from({ length: 400 }, (_, i) => `export const v${i} = ${i * 7} + "Zoë ✓";`).join('\n');
const JS_PATH = '/assets/index-B7xq9Zk2.js';
const INDEX = `<!doctype html><meta name="parley-proxy-token" content="%PARLEY_PROXY_TOKEN%"><title>${'Parley '.repeat(40)}</title>`;
const SERVED_INDEX = INDEX.replace('%PARLEY_PROXY_TOKEN%', 'tok-123');
let dist: string;

const get = (path: string, headers: [string, string][] = []) =>
  rawRequest(server.url, { path, headers: [['Host', new URL(server.url).host], ...headers] });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'parley-compress-'));
  dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'index-B7xq9Zk2.js'), JS);
  writeFileSync(join(dist, 'assets', 'tiny-Cz81mMqa.css'), 'body{}');
  writeFileSync(join(dist, 'icon.png'), Buffer.alloc(4096, 7));
  writeFileSync(join(dist, 'manifest.webmanifest'), JSON.stringify({ name: 'Parley '.repeat(200) }));
  for (const f of ['assets/index-B7xq9Zk2.js', 'assets/tiny-Cz81mMqa.css', 'manifest.webmanifest'])
    await precompressFile(join(dist, f));
  server = await startTestServer({ distDir: dist, token: 'tok-123' });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('build-time precompression', () => {
  it('writes .br and .gz copies that decode to the original bytes, skips files under 1 KiB', () => {
    const original = readFileSync(join(dist, 'assets', 'index-B7xq9Zk2.js'));
    expect(brotliDecompressSync(readFileSync(join(dist, 'assets', 'index-B7xq9Zk2.js.br')))).toEqual(original);
    expect(gunzipSync(readFileSync(join(dist, 'assets', 'index-B7xq9Zk2.js.gz')))).toEqual(original);
    expect(() => statSync(join(dist, 'assets', 'tiny-Cz81mMqa.css.br'))).toThrow(/ENOENT/);
  });
});

describe('compressed responses', () => {
  it('sends brotli, gzip or identity by Accept-Encoding, each decoding to the same bytes', async () => {
    const br = await get(JS_PATH, [['Accept-Encoding', 'gzip, deflate, br, zstd']]);
    const gz = await get(JS_PATH, [['Accept-Encoding', 'gzip, br;q=0.5']]);
    const plain = await get(JS_PATH, [['Accept-Encoding', 'identity']]);
    const none = await get(JS_PATH);
    expect([br.headers['content-encoding'], gz.headers['content-encoding'], plain.headers['content-encoding']]).toEqual(
      ['br', 'gzip', undefined],
    );
    expect(none.headers['content-encoding']).toBe(undefined);
    expect(brotliDecompressSync(br.body).toString()).toBe(JS);
    expect(gunzipSync(gz.body).toString()).toBe(JS);
    expect(plain.body.toString()).toBe(JS);
    expect(br.headers['content-length']).toBe(String(statSync(join(dist, 'assets', 'index-B7xq9Zk2.js.br')).size));
    expect(br.body.length).toBeLessThan(Buffer.byteLength(JS) / 4);
  });

  it('sets exact caching headers on a hashed asset, with Vary and a per-coding ETag', async () => {
    const stat = statSync(join(dist, 'assets', 'index-B7xq9Zk2.js'));
    const tag = `${stat.size.toString(36)}-${Math.trunc(stat.mtimeMs).toString(36)}`;
    const br = await get(JS_PATH, [['Accept-Encoding', 'br']]);
    const plain = await get(JS_PATH);
    expect([
      br.status,
      br.headers['content-type'],
      br.headers['cache-control'],
      br.headers['vary'],
      br.headers['etag'],
    ]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
      'Accept-Encoding',
      `"${tag}-br"`,
    ]);
    expect([plain.headers['etag'], plain.headers['vary']]).toEqual([`"${tag}"`, 'Accept-Encoding']);
  });

  it('answers 304 on a matching If-None-Match, 200 on another coding or a changed file', async () => {
    const first = await get(JS_PATH, [['Accept-Encoding', 'br']]);
    const etag = first.headers['etag'] as string;
    const again = await get(JS_PATH, [
      ['Accept-Encoding', 'br'],
      ['If-None-Match', `"other", W/${etag}`],
    ]);
    expect([again.status, again.body.length, again.headers['etag'], again.headers['cache-control']]).toEqual([
      304,
      0,
      etag,
      'public, max-age=31536000, immutable',
    ]);
    const otherCoding = await get(JS_PATH, [
      ['Accept-Encoding', 'gzip'],
      ['If-None-Match', etag],
    ]);
    expect([otherCoding.status, otherCoding.headers['content-encoding']]).toEqual([200, 'gzip']);
  });

  it('does not compress what does not shrink (PNG) and sends no Vary for it', async () => {
    const png = await get('/icon.png', [['Accept-Encoding', 'br, gzip']]);
    expect([png.status, png.headers['content-encoding'], png.headers['vary'], png.body.length]).toEqual([
      200,
      undefined,
      undefined,
      4096,
    ]);
    const manifest = await get('/manifest.webmanifest', [['Accept-Encoding', 'br']]);
    expect([
      manifest.headers['content-type'],
      manifest.headers['content-encoding'],
      manifest.headers['cache-control'],
    ]).toEqual(['application/manifest+json', 'br', 'no-cache']);
    expect(brotliDecompressSync(manifest.body).toString()).toBe(JSON.stringify({ name: 'Parley '.repeat(200) }));
  });

  it('ignores a stale precompressed copy older than its original', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-stale-'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'app.js'), JS);
    await precompressFile(join(dir, 'app.js'));
    writeFileSync(join(dir, 'app.js'), JS + '\n// rebuilt');
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'app.js.br'), past, past);
    utimesSync(join(dir, 'app.js.gz'), past, past);
    const stale = await startTestServer({ distDir: dir });
    try {
      const r = await rawRequest(stale.url, {
        path: '/app.js',
        headers: [
          ['Host', new URL(stale.url).host],
          ['Accept-Encoding', 'br, gzip'],
        ],
      });
      expect([r.headers['content-encoding'], r.body.toString()]).toEqual([undefined, JS + '\n// rebuilt']);
    } finally {
      await stale.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('index.html', () => {
  const etag = `"${createHash('sha256').update(SERVED_INDEX).digest('base64url').slice(0, 27)}"`;

  it('is no-cache with an ETag hashed from the served bytes (token filled in), compressed at run time', async () => {
    const plain = await get('/');
    expect([
      plain.status,
      plain.headers['cache-control'],
      plain.headers['etag'],
      plain.headers['vary'],
      plain.body.toString(),
    ]).toEqual([200, 'no-cache', etag, 'Accept-Encoding', SERVED_INDEX]);
    const br = await get('/saved/42', [['Accept-Encoding', 'br']]);
    expect([br.headers['content-encoding'], br.headers['etag'], brotliDecompressSync(br.body).toString()]).toEqual([
      'br',
      etag.replace(/"$/, '-br"'),
      SERVED_INDEX,
    ]);
    const gz = await get('/index.html', [['Accept-Encoding', 'gzip']]);
    expect([gz.headers['content-encoding'], gunzipSync(gz.body).toString()]).toEqual(['gzip', SERVED_INDEX]);
  });

  it('revalidates with 304, and a server with another token answers 200 with the new page', async () => {
    const hit = await get('/', [['If-None-Match', etag]]);
    expect([hit.status, hit.body.length, hit.headers['etag'], hit.headers['cache-control']]).toEqual([
      304,
      0,
      etag,
      'no-cache',
    ]);
    const other = await startTestServer({ distDir: dist, token: 'tok-456' });
    try {
      const r = await rawRequest(other.url, {
        path: '/',
        headers: [
          ['Host', new URL(other.url).host],
          ['If-None-Match', etag],
        ],
      });
      expect([r.status, r.body.toString()]).toEqual([200, INDEX.replace('%PARLEY_PROXY_TOKEN%', 'tok-456')]);
      expect(r.headers['etag']).not.toBe(etag);
    } finally {
      await other.close();
    }
  });
});

describe('Accept-Encoding negotiation (RFC 9110 §12.5.3)', () => {
  const both = ['br', 'gzip'] as const;
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['GZIP, BR', 'br'],
    ['gzip, deflate, br;q=0.9', 'gzip'],
    ['br;q=0, gzip;q=0.1', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['identity;q=1, gzip;q=0.5', 'identity'],
    ['identity;q=0, *;q=0', 'identity'],
    ['deflate, zstd', 'identity'],
    ['br;q=abc', 'br'],
  ] as const)('%j → %s', (header, expected) => {
    expect(chooseContentCoding(header, both)).toBe(expected);
  });
  it('only offers codings that have a copy', () => {
    expect(chooseContentCoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(chooseContentCoding('br', [])).toBe('identity');
  });
  it('compares entity tags weakly for If-None-Match (RFC 9110 §13.1.2)', () => {
    expect(ifNoneMatchHits('"a-br"', '"a-br"')).toBe(true);
    expect(ifNoneMatchHits('W/"a-br"', '"a-br"')).toBe(true);
    expect(ifNoneMatchHits('"x", "a-br"', '"a-br"')).toBe(true);
    expect(ifNoneMatchHits('*', '"a"')).toBe(true);
    expect(ifNoneMatchHits('"a"', '"a-br"')).toBe(false);
    expect(ifNoneMatchHits(undefined, '"a"')).toBe(false);
  });
});
