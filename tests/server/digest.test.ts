/**
 * Issue 16 point 2: Digest (RFC 7616) done by the proxy against the Digest-protected echo
 * route. The first request goes out without Authorization; the 401 challenge and the
 * Authorization of the second request come back in `authExchange`; the echo (which checks
 * the answer with node:crypto, not the client's code) received exactly that Authorization.
 */
import { describe, expect, it } from 'vitest';
import { rawRequest, useTestServer, viaProxy } from './helpers.ts';
import { resolveRequest } from '../../src/core/resolve/resolve-request.ts';
import { parseChallenges } from '../../src/core/auth/digest.ts';
import type { EchoReply } from '../../src/core/wire/echo.ts';
import type { RequestDraft } from '../../src/core/model/draft.ts';
import { draftFromUrl } from '../core/resolve/fixtures.ts';

const live = useTestServer();

async function send(draft: RequestDraft) {
  const r = resolveRequest(draft, { transport: 'proxy' });
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const req = r.request!;
  const result = await viaProxy(
    live.server,
    {
      method: req.method,
      url: req.url,
      headers: req.headers.map((h) => [h.name, h.value]),
      followRedirects: false,
      ...(req.digest ? { digest: req.digest } : {}),
    },
    req.body,
  );
  return { req, result };
}

const digestDraft = (path: string, rest: Partial<RequestDraft> = {}) =>
  draftFromUrl(`${live.server.url}${path}`, {
    auth: { type: 'digest', username: 'alice', password: 'p@ss wörd' },
    ...rest,
  });

describe('Digest through the proxy', () => {
  it('without credentials the route challenges (401, WWW-Authenticate)', async () => {
    const res = await rawRequest(`${live.server.url}/echo/digest/SHA-256/alice/x?qop=auth`);
    expect(res.status).toBe(401);
    const challenge = parseChallenges([String(res.headers['www-authenticate'])])[0]!;
    expect(challenge.scheme).toBe('Digest');
    expect(challenge.params).toMatchObject({ realm: 'parley-echo', qop: 'auth', algorithm: 'SHA-256' });
  });

  it.each([
    ['MD5', 'auth'],
    ['MD5-sess', 'auth'],
    ['SHA-256', 'auth'],
    ['SHA-256-sess', 'auth'],
    ['SHA-512-256', 'auth'],
    ['SHA-256', 'auth-int'],
    ['MD5', 'none'],
  ])('%s qop=%s: 401, then 200 with the computed Authorization', async (algorithm, qop) => {
    const path = `/echo/digest/${algorithm}/alice/p%40ss%20w%C3%B6rd?qop=${qop}&x=1`;
    const { req, result } = await send(
      digestDraft(path, qop === 'auth-int' ? { method: 'POST', body: { mode: 'text', text: 'Zoë ✓' } } : {}),
    );
    expect(req.headers.some((h) => h.name.toLowerCase() === 'authorization')).toBe(false);
    expect(req.notes?.[0]).toMatch(/^Digest auth: this is the first request/);
    expect(result.head?.status).toBe(200);
    const exchange = result.head!.authExchange!;
    expect(exchange.challenge.status).toBe(401);
    const www = exchange.challenge.headers.find(([n]) => n === 'WWW-Authenticate')![1];
    expect(www).toContain(`algorithm=${algorithm}`);
    const echo = JSON.parse(result.body.toString('utf8')) as EchoReply;
    // The second request is the first plus exactly one field: the Authorization reported.
    expect(echo.headers.filter(([n]) => n === 'Authorization')).toEqual([['Authorization', exchange.authorization]]);
    const params = parseChallenges([exchange.authorization])[0]!.params;
    expect(params).toMatchObject({
      username: 'alice',
      realm: 'parley-echo',
      uri: `/echo/digest/${algorithm}/alice/p%40ss%20w%C3%B6rd?qop=${qop}&x=1`,
      algorithm,
      opaque: 'cGFybGV5LWVjaG8tb3BhcXVl',
    });
    if (qop === 'none') expect(params['nc']).toBeUndefined();
    else expect(params).toMatchObject({ qop, nc: '00000001' });
    if (qop === 'auth-int') expect(echo.body.text).toBe('Zoë ✓');
  });

  it('wrong password: the second 401 is relayed, with the exchange', async () => {
    const { result } = await send(
      draftFromUrl(`${live.server.url}/echo/digest/SHA-256/alice/right`, {
        auth: { type: 'digest', username: 'alice', password: 'wrong' },
      }),
    );
    expect(result.head?.status).toBe(401);
    expect(result.head?.authExchange?.challenge.status).toBe(401);
    expect(JSON.parse(result.body.toString('utf8'))).toEqual({ error: 'wrong credentials' });
  });

  it('direct mode cannot do Digest (error), a typed Authorization row wins (warning)', () => {
    const direct = resolveRequest(digestDraft('/echo/digest/MD5/a/b'), { transport: 'direct' });
    expect(direct.request).toBeNull();
    expect(direct.problems.map((p) => p.message)).toContain(
      'Digest auth needs the proxy: the browser cannot answer the server’s challenge for a page. Switch to the proxy.',
    );
    const typed = resolveRequest(
      digestDraft('/echo/digest/MD5/a/b', { headers: [{ id: 'h', name: 'Authorization', value: 'X', enabled: true }] }),
    );
    expect(typed.request?.digest).toBeUndefined();
    expect(typed.problems.map((p) => p.message)).toEqual([
      'Your Authorization header row is sent; the Digest auth from the Auth tab is not (a header row wins).',
    ]);
  });
});
