/**
 * Every response of the app itself carries the security header fields (issue 9, points 1 and 2):
 * exact values, on index.html, assets, app routes and the app's own error answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from '../../server/app.ts';
import { appSecurityHeaders } from '../../server/security-headers.ts';
import { rawRequest, startTestServer, type RawResponse } from './helpers.ts';

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; media-src 'self' blob:; frame-src blob:; font-src 'self' data:; worker-src 'self'; " +
  "connect-src 'self' http: https: ws: wss:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const EXPECTED: [string, string][] = [
  ['Content-Security-Policy', CSP],
  ['X-Frame-Options', 'DENY'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
];

/** The security fields of a response as sent (name case kept), in the order of EXPECTED. */
function securityFields(r: RawResponse): [string, string][] {
  const names = new Set(EXPECTED.map(([n]) => n.toLowerCase()));
  return r.rawHeaders.filter(([n]) => names.has(n.toLowerCase()));
}

let root: string;
let app: RunningServer;
let unbuilt: RunningServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'parley-sec-headers-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'index-B7xq9Zk2.js'), 'console.log("app");');
  writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
  mkdirSync(join(root, 'empty'));
  app = await startTestServer({ distDir: dist });
  unbuilt = await startTestServer({ distDir: join(root, 'empty') });
});
afterAll(async () => {
  await app.close();
  await unbuilt.close();
  rmSync(root, { recursive: true, force: true });
});

describe('security header fields on every app response', () => {
  it('builds the production set and the dev set', () => {
    expect(appSecurityHeaders()).toEqual(Object.fromEntries(EXPECTED));
    expect(appSecurityHeaders('dev')).toEqual({
      'Content-Security-Policy': "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });

  const cases: [string, string, string, number][] = [
    ['index.html at /', 'GET', '/', 200],
    ['index.html by name', 'GET', '/index.html', 200],
    ['an app route (SPA fallback)', 'GET', '/saved/42?tab=body', 200],
    ['a hashed asset', 'GET', '/assets/index-B7xq9Zk2.js', 200],
    ['a public file', 'GET', '/favicon.svg', 200],
    ['HEAD of the page', 'HEAD', '/', 200],
    ['a missing asset (404)', 'GET', '/assets/missing-AAAAAAAA.js', 404],
    ['a refused path (400)', 'GET', '/%2e%2e/secret.txt', 400],
    ['a method the app does not serve (405)', 'POST', '/', 405],
  ];
  for (const [what, method, path, status] of cases) {
    it(`${what}: ${method} ${path} → ${status} with the exact fields`, async () => {
      const r = await rawRequest(app.url, { method, path, body: method === 'POST' ? 'x' : undefined });
      expect(r.status).toBe(status);
      expect(securityFields(r)).toEqual(EXPECTED);
    });
  }

  it('the "not built yet" page (503) carries them too', async () => {
    const r = await rawRequest(unbuilt.url, { path: '/' });
    expect(r.status).toBe(503);
    expect(securityFields(r)).toEqual(EXPECTED);
  });
});
