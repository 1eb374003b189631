import { describe, expect, it } from 'vitest';
import {
  authorizationUrl,
  callbackParameters,
  decodeJwt,
  isExpired,
  parseTokenResponse,
  pkceChallenge,
  pkceVerifier,
  tokenKey,
  tokenRequest,
  type OAuth2Auth,
} from '../../../src/core/auth/oauth2.ts';
import { authScheme } from '../../../src/core/auth/schemes.ts';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import { blankDraft } from '../../../src/core/model/defaults.ts';
import { emptyScopeDefaults } from '../../../src/core/library/records.ts';

const base: OAuth2Auth = {
  ...authScheme('oauth2').empty(),
  authUrl: 'http://127.0.0.1:8080/echo/oauth/authorize',
  tokenUrl: 'http://127.0.0.1:8080/echo/oauth/token',
  clientId: 'parley-client',
  clientSecret: 'parley-secret',
};
const text = (b: Uint8Array | null) => new TextDecoder().decode(b ?? new Uint8Array());

describe('PKCE (RFC 7636)', () => {
  it('Appendix B: the verifier from its 32 octets, and its S256 challenge', () => {
    const octets = Uint8Array.from([
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240,
      91, 88, 5, 88, 83, 132, 141, 121,
    ]);
    const verifier = pkceVerifier(octets);
    expect(verifier).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(pkceChallenge(verifier, 'S256')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(pkceChallenge(verifier, 'plain')).toBe(verifier);
  });
  it('refuses fewer than 32 random octets', () => {
    expect(() => pkceVerifier(new Uint8Array(31))).toThrow('at least 32 random octets');
  });
});

describe('authorizationUrl (RFC 6749 §4.1.1)', () => {
  it('code grant with PKCE, scope and audience, form-encoded', () => {
    const url = authorizationUrl(
      { ...base, scope: 'read write', audience: 'https://api.test', extraParams: 'prompt=consent' },
      { redirectUri: 'http://127.0.0.1:8080/oauth/callback', state: 'xyz', codeChallenge: 'E9Mel' },
    );
    expect(url).toBe(
      'http://127.0.0.1:8080/echo/oauth/authorize?response_type=code&client_id=parley-client' +
        '&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Foauth%2Fcallback&scope=read+write&state=xyz' +
        '&code_challenge=E9Mel&code_challenge_method=S256&audience=https%3A%2F%2Fapi.test&prompt=consent',
    );
  });
  it('implicit: response_type=token, no PKCE; keeps a query the URL has', () => {
    const url = authorizationUrl(
      { ...base, grantType: 'implicit', authUrl: 'https://a.test/auth?tenant=1' },
      { redirectUri: 'https://x/cb', state: 's', codeChallenge: 'c' },
    );
    expect(url).toBe(
      'https://a.test/auth?tenant=1&response_type=token&client_id=parley-client&redirect_uri=https%3A%2F%2Fx%2Fcb&state=s',
    );
  });
});

describe('tokenRequest (RFC 6749 §4)', () => {
  it('client credentials with Basic client authentication: exact bytes', () => {
    const r = tokenRequest({ ...base, grantType: 'client_credentials', scope: 'read' }, { type: 'client_credentials' });
    expect(r.method).toBe('POST');
    expect(r.url).toBe('http://127.0.0.1:8080/echo/oauth/token');
    expect(r.headers.map((h) => [h.name, h.value])).toEqual([
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['Accept', 'application/json'],
      ['Authorization', 'Basic cGFybGV5LWNsaWVudDpwYXJsZXktc2VjcmV0'],
    ]);
    expect(text(r.body)).toBe('grant_type=client_credentials&scope=read');
  });
  it('Basic form-encodes the id and secret before base64 (§2.3.1)', () => {
    const r = tokenRequest({ ...base, clientId: 'a b', clientSecret: 'p:w&' }, { type: 'client_credentials' });
    // base64("a+b:p%3Aw%26")
    expect(r.headers[2]).toEqual({ name: 'Authorization', value: 'Basic YStiOnAlM0F3JTI2', source: 'auth' });
  });
  it('client secret in the body, password grant', () => {
    const r = tokenRequest(
      { ...base, grantType: 'password', clientAuth: 'body', username: 'alice', password: 'wonder land&', scope: 'a b' },
      { type: 'password' },
    );
    expect(r.headers.map((h) => h.name)).toEqual(['Content-Type', 'Accept']);
    expect(text(r.body)).toBe(
      'grant_type=password&username=alice&password=wonder+land%26&scope=a+b&client_id=parley-client&client_secret=parley-secret',
    );
  });
  it('authorization code with PKCE, public client: client_id in the body, no Authorization', () => {
    const r = tokenRequest(
      { ...base, clientSecret: '', scope: 'ignored here' },
      {
        type: 'authorization_code',
        code: 'c0de',
        redirectUri: 'http://127.0.0.1:8080/oauth/callback',
        codeVerifier: 'v-1',
      },
    );
    expect(r.headers.map((h) => h.name)).toEqual(['Content-Type', 'Accept']);
    expect(text(r.body)).toBe(
      'grant_type=authorization_code&code=c0de&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Foauth%2Fcallback&code_verifier=v-1&client_id=parley-client',
    );
  });
  it('refresh token (§6)', () => {
    const r = tokenRequest({ ...base, scope: 'read', audience: 'aud' }, { type: 'refresh_token', refreshToken: 'r/1' });
    expect(text(r.body)).toBe('grant_type=refresh_token&refresh_token=r%2F1&scope=read');
  });
});

describe('parseTokenResponse (RFC 6749 §5)', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('a JSON success: expiry = now + expires_in s', () => {
    const r = parseTokenResponse(
      200,
      enc('{"access_token":"AT","token_type":"bearer","expires_in":3600,"refresh_token":"RT","scope":"read"}'),
      1_000_000,
    );
    expect(r).toEqual({
      token: {
        accessToken: 'AT',
        tokenType: 'bearer',
        expiresAt: 4_600_000,
        refreshToken: 'RT',
        scope: 'read',
        obtainedAt: 1_000_000,
      },
    });
  });
  it('a form-encoded success (GitHub style), no expiry', () => {
    expect(parseTokenResponse(200, enc('access_token=g%2F1&token_type=bearer&scope=repo'), 5)).toEqual({
      token: { accessToken: 'g/1', tokenType: 'bearer', scope: 'repo', obtainedAt: 5 },
    });
  });
  it('an OAuth error, with its description and status', () => {
    expect(
      parseTokenResponse(400, enc('{"error":"invalid_grant","error_description":"PKCE check failed"}'), 0),
    ).toEqual({
      error: 'The token endpoint (400) refused: invalid_grant — PKCE check failed.',
    });
  });
  it('HTML or no token: a clear sentence', () => {
    expect(parseTokenResponse(502, enc('<html>bad gateway</html>'), 0)).toEqual({
      error:
        'The token endpoint answered 502 with content that is neither a JSON object nor form fields: <html>bad gateway</html>',
    });
    expect(parseTokenResponse(200, enc('{"token_type":"Bearer"}'), 0)).toEqual({
      error: 'The token endpoint (200) sent no access_token.',
    });
  });
});

describe('expiry, callback, JWT display', () => {
  it('isExpired counts the 10 s margin; no expiry never expires', () => {
    expect(isExpired({ expiresAt: 100_000 }, 89_999)).toBe(false);
    expect(isExpired({ expiresAt: 100_000 }, 90_000)).toBe(true);
    expect(isExpired({}, 1e15)).toBe(false);
  });
  it('callbackParameters reads the query and the fragment', () => {
    expect(callbackParameters('http://h/oauth/callback?code=a%2Bb&state=s1')).toEqual({ code: 'a+b', state: 's1' });
    expect(callbackParameters('http://h/oauth/callback#access_token=T&token_type=Bearer&state=s2')).toEqual({
      access_token: 'T',
      token_type: 'Bearer',
      state: 's2',
    });
    expect(callbackParameters('not a url')).toEqual({});
  });
  it('decodeJwt shows header and payload; opaque tokens give null', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.sig';
    expect(decodeJwt(jwt)).toEqual({ header: { alg: 'HS256' }, payload: { sub: 'alice' } });
    expect(decodeJwt('opaque-token')).toBeNull();
  });
});

describe('resolveRequest with OAuth 2.0', () => {
  const auth: OAuth2Auth = { ...base, grantType: 'client_credentials', tokenUrl: '{{auth}}/token' };
  const draft = { ...blankDraft(), url: 'http://127.0.0.1:8080/echo/oauth/resource', auth };
  const variables = { auth: 'http://127.0.0.1:8080/echo/oauth' };
  const key = tokenKey({ ...auth, tokenUrl: 'http://127.0.0.1:8080/echo/oauth/token' });

  it('no token yet: no Authorization, a warning, and the substituted config for Get new token', () => {
    const r = resolveRequest(draft, { variables });
    expect(r.request?.headers).toEqual([]);
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        field: 'auth',
        message: 'OAuth 2.0: no token yet (Get new token in the Auth tab), so no Authorization header is sent.',
      },
    ]);
    expect(r.oauth2).toEqual({
      auth: { ...auth, tokenUrl: 'http://127.0.0.1:8080/echo/oauth/token' },
      key,
      from: null,
    });
  });
  it('a cached token: Authorization: Bearer <token>; expired without refresh token warns', () => {
    const token = { accessToken: 'AT1', tokenType: 'bearer', obtainedAt: 0, expiresAt: 60_000 };
    const tokens = (k: string) => (k === key ? token : undefined);
    const r = resolveRequest(draft, { variables, oauthTokenFor: tokens, now: 1000 });
    expect(r.request?.headers).toEqual([{ name: 'Authorization', value: 'Bearer AT1', source: 'auth' }]);
    expect(r.problems).toEqual([]);
    const late = resolveRequest(draft, { variables, oauthTokenFor: tokens, now: 60_000 });
    expect(late.problems.map((p) => p.message)).toEqual([
      'The OAuth 2.0 token has expired and there is no refresh token: Get new token.',
    ]);
  });
  it('inherited from a folder (ScopeDefaults.auth): the folder’s config and token apply', () => {
    const folderAuth = { ...auth, tokenUrl: 'http://127.0.0.1:8080/echo/oauth/token' };
    const token = { accessToken: 'FOLDER', tokenType: 'Bearer', obtainedAt: 0 };
    const r = resolveRequest(
      { ...draft, auth: { type: 'inherit' } },
      {
        scopes: [{ kind: 'folder', id: 'f1', name: 'Users', defaults: { ...emptyScopeDefaults(), auth: folderAuth } }],
        oauthTokenFor: (k) => (k === key ? token : undefined),
      },
    );
    expect(r.request?.headers).toEqual([
      { name: 'Authorization', value: 'Bearer FOLDER', source: 'auth', from: 'folder Users' },
    ]);
    expect(r.oauth2?.from).toBe('folder Users');
  });
});
