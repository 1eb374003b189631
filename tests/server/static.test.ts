import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from '../../server/app.ts';
import { safePathSegments } from '../../server/static.ts';
import { rawRequest, startTestServer } from './helpers.ts';

let root: string;
let server: RunningServer;
const SECRET = 'TOP-SECRET-OUTSIDE-DIST';
const INDEX = '<!doctype html><meta name="parley-proxy-token" content="%PARLEY_PROXY_TOKEN%"><div id="root"></div>';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'parley-static-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'index-B7xq9Zk2.js'), 'console.log("app");');
  writeFileSync(join(dist, 'assets', 'style-Cz81mMqa.css'), 'body{}');
  writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
  symlinkSync(join(root, 'secret.txt'), join(dist, 'link.txt'));
  server = await startTestServer({ distDir: dist, token: 'tok-123' });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('static app', () => {
  it('serves index.html with the token filled in, always revalidated', async () => {
    const r = await rawRequest(server.url, { path: '/' });
    expect([r.status, r.headers['content-type'], r.headers['cache-control']]).toEqual([
      200,
      'text/html; charset=utf-8',
      'no-cache',
    ]);
    expect(r.body.toString()).toBe(INDEX.replace('%PARLEY_PROXY_TOKEN%', 'tok-123'));
    expect((await rawRequest(server.url, { path: '/index.html' })).body.toString()).toBe(
      INDEX.replace('%PARLEY_PROXY_TOKEN%', 'tok-123'),
    );
  });

  it('serves hashed assets with long caching and the right content types', async () => {
    const js = await rawRequest(server.url, { path: '/assets/index-B7xq9Zk2.js' });
    expect([js.status, js.headers['content-type'], js.headers['cache-control'], js.body.toString()]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
      'console.log("app");',
    ]);
    const css = await rawRequest(server.url, { path: '/assets/style-Cz81mMqa.css' });
    expect([css.headers['content-type'], css.headers['cache-control']]).toEqual([
      'text/css; charset=utf-8',
      'public, max-age=31536000, immutable',
    ]);
    const svg = await rawRequest(server.url, { path: '/favicon.svg' });
    expect([svg.headers['content-type'], svg.headers['cache-control']]).toEqual(['image/svg+xml', 'no-cache']);
    const head = await rawRequest(server.url, { method: 'HEAD', path: '/assets/index-B7xq9Zk2.js' });
    expect([head.headers['content-length'], head.body.length]).toEqual(['19', 0]);
  });

  it('falls back to index.html for app routes, 404s for missing files', async () => {
    const route = await rawRequest(server.url, { path: '/saved/42?tab=body' });
    expect([route.status, route.body.toString()]).toEqual([200, INDEX.replace('%PARLEY_PROXY_TOKEN%', 'tok-123')]);
    expect((await rawRequest(server.url, { path: '/assets/missing-AAAAAAAA.js' })).status).toBe(404);
    expect((await rawRequest(server.url, { path: '/missing.png' })).status).toBe(404);
    expect((await rawRequest(server.url, { method: 'POST', path: '/', body: 'x' })).status).toBe(405);
  });

  it('never serves a file outside the dist folder', async () => {
    const refused = [
      '/../../etc/passwd',
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/..%5csecret.txt',
      '/assets\\..\\..\\secret.txt',
      '/secret.txt%00.js',
      '/%00',
      '/%zz',
    ];
    for (const path of refused) {
      const r = await rawRequest(server.url, { path });
      expect([path, r.status, r.body.toString()]).toEqual([path, 400, 'That path is not allowed.\n']);
    }
    // A symlink inside dist that points outside it is not followed.
    const link = await rawRequest(server.url, { path: '/link.txt' });
    expect([link.status, link.body.toString()]).toEqual([404, 'Not found: /link.txt\n']);
    // An empty segment is not a way out: /etc/passwd under dist does not exist, so it is an app route.
    const doubled = await rawRequest(server.url, { path: '//etc/passwd' });
    expect([doubled.status, doubled.body.toString()]).toEqual([200, INDEX.replace('%PARLEY_PROXY_TOKEN%', 'tok-123')]);
  });

  it('splits paths safely', () => {
    expect(safePathSegments('/assets/a%20b.js?x=1')).toEqual(['assets', 'a b.js']);
    expect(safePathSegments('/a/../b')).toBe(null);
    expect(safePathSegments('/a/%2e%2e/b')).toBe(null);
    expect(safePathSegments('/a%2f..%2fb')).toBe(null);
    expect(safePathSegments('/a%5cb')).toBe(null);
    expect(safePathSegments('/a%00')).toBe(null);
    expect(safePathSegments('/%E0%A4%A')).toBe(null);
    expect(safePathSegments('*')).toBe(null);
  });

  it('says to run the build when there is no index.html', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'parley-empty-'));
    const bare = await startTestServer({ distDir: empty });
    try {
      const r = await rawRequest(bare.url, { path: '/' });
      expect(r.status).toBe(503);
      expect(r.body.toString()).toContain('Run <code>npm run build</code>');
      expect((await rawRequest(bare.url, { path: '/api/health' })).body.toString()).toBe('{"ok":true}');
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
