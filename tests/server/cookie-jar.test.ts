/**
 * Issue 16 point 5 against real routes, through the proxy: Set-Cookie from /echo/cookies goes
 * into a jar (core/cookies/jar.ts, tough-cookie), and the next request's Cookie field — on
 * the wire exactly — opens /echo/cookies/check; a path-scoped cookie stays off other paths.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer, viaProxy } from './helpers.ts';
import { resolveRequest } from '../../src/core/resolve/resolve-request.ts';
import { cookieHeaderFor, loadJar, storeSetCookies } from '../../src/core/cookies/jar.ts';
import type { EchoReply } from '../../src/core/wire/echo.ts';
import type { RequestDraft } from '../../src/core/model/draft.ts';
import { draftFromUrl } from '../core/resolve/fixtures.ts';

const live = useTestServer();

describe('cookie jar through the proxy', () => {
  it('stores Set-Cookie, sends the matching cookies, and the check route sees them', async () => {
    const jar = loadJar(null);
    const send = async (draft: RequestDraft) => {
      const r = resolveRequest(draft, { cookieFor: (url) => cookieHeaderFor(jar, url, new Date()) });
      const req = r.request!;
      const result = await viaProxy(live.server, {
        method: req.method,
        url: req.url,
        headers: req.headers.map((h) => [h.name, h.value]),
      });
      const setCookies = result.head!.headers.filter(([n]) => n === 'Set-Cookie').map(([, v]) => v);
      storeSetCookies(jar, result.head!.url, setCookies, new Date());
      return { req, result };
    };
    const first = await send(draftFromUrl(`${live.server.url}/echo/cookies`));
    expect(first.req.headers).toEqual([]);
    expect(first.result.head!.headers.filter(([n]) => n === 'Set-Cookie').map(([, v]) => v)).toEqual([
      'session=abc123; Path=/; HttpOnly; SameSite=Lax',
      'theme=dark; Path=/; Max-Age=3600',
      'lang=en-GB; Path=/echo; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Secure',
    ]);
    // lang is Secure, yet sent over http://127.0.0.1: loopback is a potentially trustworthy origin (Secure Contexts §3.2).
    const check = await send(draftFromUrl(`${live.server.url}/echo/cookies/check?session=abc123&theme=dark`));
    expect(check.req.headers).toEqual([
      { name: 'Cookie', value: 'lang=en-GB; session=abc123; theme=dark', source: 'cookie' },
    ]);
    expect(check.result.head!.status).toBe(200);
    const echo = JSON.parse(check.result.body.toString('utf8')) as EchoReply;
    expect(echo.headers.filter(([n]) => n === 'Cookie')).toEqual([
      ['Cookie', 'lang=en-GB; session=abc123; theme=dark'],
    ]);

    // Outside /echo, the Path=/echo cookie is not sent.
    const r = resolveRequest(draftFromUrl(`${live.server.url}/api/health`), {
      cookieFor: (url) => cookieHeaderFor(jar, url, new Date()),
    });
    expect(r.request!.headers).toEqual([{ name: 'Cookie', value: 'session=abc123; theme=dark', source: 'cookie' }]);

    const missing = await viaProxy(live.server, {
      method: 'GET',
      url: `${live.server.url}/echo/cookies/check?session=other`,
      headers: [],
    });
    expect(missing.head!.status).toBe(400);
    expect(JSON.parse(missing.body.toString('utf8'))).toEqual({ missing: ['session=other'] });
  });
});
