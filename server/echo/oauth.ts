/**
 * An OAuth 2.0 authorization server and protected resource for offline use and tests (RFC 6749,
 * RFC 7636 PKCE, RFC 6750 Bearer), checked with node:crypto — independently of src/core/auth/oauth2.ts.
 *
 *   GET  /echo/oauth/authorize   approves at once: 302 to redirect_uri with `code` + `state`
 *                                (response_type=token: the token in the fragment, RFC 6749 §4.2.2)
 *   POST /echo/oauth/token       grants authorization_code (PKCE checked), client_credentials,
 *                                password, refresh_token; `?expires_in=s` sets the token lifetime
 *   ANY  /echo/oauth/resource    200 with the token's claims for a valid Bearer token, else 401
 *
 * Clients: `parley-client` / `parley-secret` (confidential, Basic or body), `parley-public`
 * (public: no secret, PKCE required). Password grant user: `alice` / `wonderland`. Codes,
 * access tokens (HS256 JWTs) and refresh tokens are HMAC-signed with a per-process key, so
 * nothing is stored but the codes already used (a code works once, RFC 6749 §4.1.2).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ECHO_CORS_HEADERS, MAX_ECHO_BODY_BYTES, readBody, sendEchoReply, sendEchoText } from './echo.ts';

export const OAUTH_CLIENTS: Readonly<Record<string, string | null>> = {
  'parley-client': 'parley-secret',
  'parley-public': null,
};
export const OAUTH_USERS: Readonly<Record<string, string>> = { alice: 'wonderland' };
/** Lifetime of an authorization code, ms. */
const CODE_LIFETIME_MS = 60_000;
const DEFAULT_EXPIRES_IN_S = 3600;
const key = randomBytes(32);
const usedCodes = new Set<string>();

const b64u = (b: Buffer | string): string => Buffer.from(b).toString('base64url');
const mac = (text: string): string => createHmac('sha256', key).update(text).digest('base64url');

function sign(claims: Record<string, unknown>): string {
  const body = b64u(JSON.stringify(claims));
  return `${body}.${mac(body)}`;
}
function verify(signed: string): Record<string, unknown> | null {
  const [body = '', sig = ''] = signed.split('.');
  const good = Buffer.from(mac(body));
  const given = Buffer.from(sig);
  if (given.length !== good.length || !timingSafeEqual(given, good)) return null;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** An HS256 JWT (RFC 7519) access token with `sub`, `client_id`, `scope`, `iat`, `exp` (s). */
function accessToken(sub: string, clientId: string, scope: string, expiresIn: number): string {
  const now = Math.floor(Date.now() / 1000);
  const head = b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64u(
    JSON.stringify({
      iss: 'parley-echo',
      sub,
      client_id: clientId,
      scope,
      iat: now,
      exp: now + expiresIn,
      jti: b64u(randomBytes(9)),
    }),
  );
  return `${head}.${payload}.${mac(`${head}.${payload}`)}`;
}

function tokenClaims(token: string): Record<string, unknown> | null {
  const [h = '', p = '', s = ''] = token.split('.');
  const good = Buffer.from(mac(`${h}.${p}`));
  if (Buffer.from(s).length !== good.length || !timingSafeEqual(Buffer.from(s), good)) return null;
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
  return typeof claims.exp === 'number' && claims.exp * 1000 > Date.now() ? claims : null;
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, [...ECHO_CORS_HEADERS, ['Location', location], ['Cache-Control', 'no-store']].flat());
  res.end();
}

/** GET /echo/oauth/authorize: auto-approves for user alice (no login page: offline tests). */
export function oauthAuthorize(req: IncomingMessage, res: ServerResponse, _p: string[], q: URLSearchParams): void {
  req.resume();
  const clientId = q.get('client_id') ?? '';
  const redirectUri = q.get('redirect_uri') ?? '';
  const state = q.get('state');
  const type = q.get('response_type');
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    // RFC 6749 §4.1.2.1: a bad redirect URI is not redirected to.
    return sendEchoText(res, 400, 'redirect_uri must be an absolute URI.');
  }
  if (!(clientId in OAUTH_CLIENTS)) return sendEchoText(res, 400, `Unknown client_id ${JSON.stringify(clientId)}.`);
  const back = (params: Record<string, string>, inFragment = false): void => {
    const pairs = new URLSearchParams({ ...params, ...(state !== null ? { state } : {}) }).toString();
    if (inFragment) target.hash = pairs;
    else target.search = target.search ? `${target.search.slice(1)}&${pairs}` : pairs;
    redirect(res, target.href);
  };
  const scope = q.get('scope') ?? '';
  if (type === 'token') {
    const expiresIn = DEFAULT_EXPIRES_IN_S;
    return back(
      {
        access_token: accessToken('alice', clientId, scope, expiresIn),
        token_type: 'Bearer',
        expires_in: String(expiresIn),
        scope,
      },
      true,
    );
  }
  if (type !== 'code') return back({ error: 'unsupported_response_type' });
  const challenge = q.get('code_challenge');
  const method = q.get('code_challenge_method') ?? 'plain';
  if (challenge === null && OAUTH_CLIENTS[clientId] === null)
    return back({
      error: 'invalid_request',
      error_description: 'PKCE (code_challenge) is required for public clients',
    });
  if (challenge !== null && method !== 'S256' && method !== 'plain')
    return back({ error: 'invalid_request', error_description: 'code_challenge_method must be S256 or plain' });
  const code = sign({
    c: clientId,
    r: redirectUri,
    ch: challenge,
    m: method,
    s: scope,
    exp: Date.now() + CODE_LIFETIME_MS,
    n: b64u(randomBytes(6)),
  });
  back({ code });
}

type Client = { id: string } | { error: [number, string, string] };

/** RFC 6749 §2.3.1: Basic credentials (form-encoded id and secret) or client_id/client_secret in the form, not both. */
function authenticate(req: IncomingMessage, form: URLSearchParams): Client {
  const header = req.headers.authorization ?? '';
  let id: string | null = null;
  let secret: string | null = null;
  if (/^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const unform = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    id = unform(colon < 0 ? decoded : decoded.slice(0, colon));
    secret = colon < 0 ? '' : unform(decoded.slice(colon + 1));
    if (form.has('client_secret'))
      return { error: [400, 'invalid_request', 'use one client authentication method, not Basic and the body'] };
  } else {
    id = form.get('client_id');
    secret = form.get('client_secret');
  }
  if (id === null || !(id in OAUTH_CLIENTS))
    return { error: [401, 'invalid_client', `unknown client ${JSON.stringify(id ?? '')}`] };
  const expected = OAUTH_CLIENTS[id];
  if (expected !== null && secret !== expected) return { error: [401, 'invalid_client', 'wrong client secret'] };
  if (expected === null && secret) return { error: [401, 'invalid_client', 'a public client has no secret'] };
  return { id };
}

function pkceOk(challenge: unknown, method: unknown, verifier: string | null): boolean {
  if (typeof challenge !== 'string') return verifier === null;
  if (verifier === null || !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  const computed = method === 'S256' ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : verifier;
  return computed === challenge;
}

/** POST /echo/oauth/token (RFC 6749 §3.2, §5). */
export function oauthToken(req: IncomingMessage, res: ServerResponse, _p: string[], q: URLSearchParams): void {
  const expiresIn = Math.max(0, Math.min(Number(q.get('expires_in') ?? DEFAULT_EXPIRES_IN_S) || 0, 86_400));
  readBody(req, MAX_ECHO_BODY_BYTES).then(
    (body) => {
      const fail = (status: number, error: string, description: string): void =>
        sendEchoReply(res, status, undefined, { error, error_description: description }, [
          ...(status === 401 && /^basic /i.test(req.headers.authorization ?? '')
            ? ([['WWW-Authenticate', 'Basic realm="parley-echo"']] as [string, string][])
            : []),
          ['Pragma', 'no-cache'],
        ]);
      if (req.method !== 'POST') return fail(400, 'invalid_request', 'the token endpoint takes POST');
      if (!/^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? ''))
        return fail(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
      const form = new URLSearchParams(body.prefix.toString('utf8'));
      const client = authenticate(req, form);
      if ('error' in client) return fail(...client.error);
      const grant = form.get('grant_type');
      const issue = (sub: string, scope: string, refresh: boolean): void =>
        sendEchoReply(
          res,
          200,
          undefined,
          {
            access_token: accessToken(sub, client.id, scope, expiresIn),
            token_type: 'Bearer',
            expires_in: expiresIn,
            ...(refresh
              ? { refresh_token: sign({ rt: 1, c: client.id, sub, s: scope, n: b64u(randomBytes(6)) }) }
              : {}),
            scope,
          },
          [['Pragma', 'no-cache']],
        );
      if (grant === 'client_credentials') {
        if (OAUTH_CLIENTS[client.id] === null)
          return fail(400, 'unauthorized_client', 'a public client cannot use client_credentials');
        return issue(client.id, form.get('scope') ?? '', false);
      }
      if (grant === 'password') {
        const user = form.get('username') ?? '';
        if (OAUTH_USERS[user] === undefined || OAUTH_USERS[user] !== form.get('password'))
          return fail(400, 'invalid_grant', 'wrong username or password');
        return issue(user, form.get('scope') ?? '', true);
      }
      if (grant === 'authorization_code') {
        const code = form.get('code') ?? '';
        const c = verify(code);
        if (!c || typeof c.exp !== 'number' || c.exp < Date.now() || usedCodes.has(code))
          return fail(400, 'invalid_grant', 'the code is unknown, expired or already used');
        if (c.c !== client.id) return fail(400, 'invalid_grant', 'the code was issued to another client');
        if (c.r !== form.get('redirect_uri'))
          return fail(400, 'invalid_grant', 'redirect_uri differs from the authorization request');
        if (!pkceOk(c.ch, c.m, form.get('code_verifier')))
          return fail(400, 'invalid_grant', 'PKCE verification failed');
        usedCodes.add(code);
        return issue('alice', typeof c.s === 'string' ? c.s : '', true);
      }
      if (grant === 'refresh_token') {
        const r = verify(form.get('refresh_token') ?? '');
        if (!r || r.rt !== 1 || r.c !== client.id) return fail(400, 'invalid_grant', 'unknown refresh token');
        return issue(String(r.sub), typeof r.s === 'string' ? r.s : '', true);
      }
      return fail(400, 'unsupported_grant_type', `grant_type ${JSON.stringify(grant ?? '')} is not supported`);
    },
    (err: Error) => sendEchoText(res, 413, err.message),
  );
}

/** /echo/oauth/resource: the protected resource (RFC 6750 §3 errors). */
export function oauthResource(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  const m = /^Bearer ([\w.~+/-]+=*)$/.exec(req.headers.authorization ?? '');
  const challenge = (error?: string): [string, string][] => [
    ['WWW-Authenticate', `Bearer realm="parley-echo"${error ? `, error="${error}"` : ''}`],
  ];
  if (!m) return sendEchoReply(res, 401, undefined, { error: 'no Bearer token' }, challenge());
  let claims: Record<string, unknown> | null = null;
  try {
    claims = tokenClaims(m[1]!);
  } catch {
    claims = null;
  }
  if (!claims) return sendEchoReply(res, 401, undefined, { error: 'invalid_token' }, challenge('invalid_token'));
  sendEchoReply(res, 200, undefined, { ok: true, sub: claims.sub, client_id: claims.client_id, scope: claims.scope });
}
