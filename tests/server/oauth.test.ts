/**
 * Issue 16 point 1: the echo OAuth 2.0 server (server/echo/oauth.ts), driven with the client
 * functions of src/core/auth/oauth2.ts through the proxy, as the app does. The server checks
 * PKCE and client credentials with node:crypto; the protected resource answers 200 only for its tokens.
 */
import { describe, expect, it } from 'vitest';
import { rawRequest, useTestServer, viaProxy } from './helpers.ts';
import {
  authorizationUrl,
  callbackParameters,
  decodeJwt,
  parseTokenResponse,
  pkceChallenge,
  pkceVerifier,
  tokenRequest,
  type OAuth2Auth,
  type TokenGrant,
} from '../../src/core/auth/oauth2.ts';
import { authScheme } from '../../src/core/auth/schemes.ts';
import type { EffectiveRequest } from '../../src/core/resolve/types.ts';

const live = useTestServer();
const cfg = (rest: Partial<OAuth2Auth> = {}): OAuth2Auth => ({
  ...authScheme('oauth2').empty(),
  authUrl: `${live.server.url}/echo/oauth/authorize`,
  tokenUrl: `${live.server.url}/echo/oauth/token`,
  clientId: 'parley-client',
  clientSecret: 'parley-secret',
  ...rest,
});
const redirectUri = () => `${live.server.url}/oauth/callback`;

async function send(req: EffectiveRequest) {
  const r = await viaProxy(
    live.server,
    { method: req.method, url: req.url, headers: req.headers.map((h) => [h.name, h.value]), followRedirects: false },
    req.body,
  );
  return { status: r.head?.status ?? 0, headers: r.head?.headers ?? [], body: r.body };
}
async function token(auth: OAuth2Auth, grant: TokenGrant) {
  const r = await send(tokenRequest(auth, grant));
  return { status: r.status, parsed: parseTokenResponse(r.status, r.body, Date.now()), body: r.body.toString() };
}
async function resource(accessToken: string) {
  return rawRequest(`${live.server.url}/echo/oauth/resource`, {
    headers: [
      ['Host', new URL(live.server.url).host],
      ['Authorization', `Bearer ${accessToken}`],
    ],
  });
}
/** The authorize endpoint's redirect: its Location, parsed. */
async function authorize(auth: OAuth2Auth, state: string, challenge?: string) {
  const url = authorizationUrl(auth, {
    redirectUri: redirectUri(),
    state,
    ...(challenge ? { codeChallenge: challenge } : {}),
  });
  const res = await rawRequest(url);
  expect(res.status).toBe(302);
  return callbackParameters(String(res.headers.location));
}

describe('echo OAuth 2.0 server through the proxy', () => {
  it('client credentials (Basic), then the protected resource returns 200 with the claims', async () => {
    const t = await token(cfg({ grantType: 'client_credentials', scope: 'read' }), { type: 'client_credentials' });
    expect(t.status).toBe(200);
    if (!('token' in t.parsed)) throw new Error(t.parsed.error);
    expect(t.parsed.token.tokenType).toBe('Bearer');
    expect(t.parsed.token.scope).toBe('read');
    expect(t.parsed.token.refreshToken).toBeUndefined();
    expect(decodeJwt(t.parsed.token.accessToken)?.payload).toMatchObject({ sub: 'parley-client', scope: 'read' });
    const r = await resource(t.parsed.token.accessToken);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body.toString())).toEqual({
      ok: true,
      sub: 'parley-client',
      client_id: 'parley-client',
      scope: 'read',
    });
  });

  it('client credentials in the body; a wrong secret is 401 invalid_client (Basic: with WWW-Authenticate)', async () => {
    const ok = await token(cfg({ clientAuth: 'body' }), { type: 'client_credentials' });
    expect(ok.status).toBe(200);
    const bad = await send(tokenRequest(cfg({ clientSecret: 'nope' }), { type: 'client_credentials' }));
    expect(bad.status).toBe(401);
    expect(bad.headers).toContainEqual(['WWW-Authenticate', 'Basic realm="parley-echo"']);
    expect(parseTokenResponse(bad.status, bad.body, 0)).toEqual({
      error: 'The token endpoint (401) refused: invalid_client — wrong client secret.',
    });
  });

  it('authorization code + PKCE S256 (public client): state comes back, the code is exchanged once', async () => {
    const auth = cfg({ clientId: 'parley-public', clientSecret: '', scope: 'profile' });
    const verifier = pkceVerifier(new Uint8Array(32).fill(7));
    const cb = await authorize(auth, 'st-1', pkceChallenge(verifier, 'S256'));
    expect(cb.state).toBe('st-1');
    expect(cb.code).toMatch(/\./);
    const grant: TokenGrant = {
      type: 'authorization_code',
      code: cb.code!,
      redirectUri: redirectUri(),
      codeVerifier: verifier,
    };
    const t = await token(auth, grant);
    if (!('token' in t.parsed)) throw new Error(t.parsed.error);
    expect(t.parsed.token.scope).toBe('profile');
    expect((await resource(t.parsed.token.accessToken)).status).toBe(200);
    const again = await token(auth, grant);
    expect(again.parsed).toEqual({
      error: 'The token endpoint (400) refused: invalid_grant — the code is unknown, expired or already used.',
    });
  });

  it('a wrong code_verifier fails PKCE; a public client without PKCE is refused at authorize', async () => {
    const auth = cfg({ clientId: 'parley-public', clientSecret: '' });
    const cb = await authorize(auth, 's', pkceChallenge(pkceVerifier(new Uint8Array(32).fill(1)), 'S256'));
    const t = await token(auth, {
      type: 'authorization_code',
      code: cb.code!,
      redirectUri: redirectUri(),
      codeVerifier: pkceVerifier(new Uint8Array(32).fill(2)),
    });
    expect(t.parsed).toEqual({ error: 'The token endpoint (400) refused: invalid_grant — PKCE verification failed.' });
    const noPkce = await authorize({ ...auth, pkce: 'off' }, 's2');
    expect(noPkce).toMatchObject({ error: 'invalid_request', state: 's2' });
  });

  it('password grant gives a refresh token; refresh_token gives a new access token that works', async () => {
    const auth = cfg({ grantType: 'password', username: 'alice', password: 'wonderland', scope: 'a b' });
    const t = await token(auth, { type: 'password' });
    if (!('token' in t.parsed)) throw new Error(t.parsed.error);
    expect(decodeJwt(t.parsed.token.accessToken)?.payload).toMatchObject({ sub: 'alice', scope: 'a b' });
    const r = await token(auth, { type: 'refresh_token', refreshToken: t.parsed.token.refreshToken! });
    if (!('token' in r.parsed)) throw new Error(r.parsed.error);
    expect(r.parsed.token.accessToken).not.toBe(t.parsed.token.accessToken);
    expect((await resource(r.parsed.token.accessToken)).status).toBe(200);
    const wrong = await token({ ...auth, password: 'x' }, { type: 'password' });
    expect(wrong.parsed).toEqual({
      error: 'The token endpoint (400) refused: invalid_grant — wrong username or password.',
    });
  });

  it('expires_in=0 on the token URL: the token is refused by the resource (401 invalid_token)', async () => {
    const t = await token(cfg({ tokenUrl: `${live.server.url}/echo/oauth/token?expires_in=0` }), {
      type: 'client_credentials',
    });
    if (!('token' in t.parsed)) throw new Error(t.parsed.error);
    expect(t.parsed.token.expiresAt! - t.parsed.token.obtainedAt).toBe(0);
    const r = await resource(t.parsed.token.accessToken);
    expect(r.status).toBe(401);
    expect(r.headers['www-authenticate']).toBe('Bearer realm="parley-echo", error="invalid_token"');
  });

  it('implicit: the token comes in the redirect fragment', async () => {
    const cb = await authorize(cfg({ grantType: 'implicit', scope: 'x' }), 'imp');
    expect(cb).toMatchObject({ token_type: 'Bearer', expires_in: '3600', scope: 'x', state: 'imp' });
    expect((await resource(cb.access_token!)).status).toBe(200);
  });

  it('no or a forged token: 401 with WWW-Authenticate: Bearer', async () => {
    const none = await rawRequest(`${live.server.url}/echo/oauth/resource`);
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="parley-echo"');
    expect((await resource('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJldmUifQ.forged')).status).toBe(401);
  });
});
