/**
 * OAuth 2.0 (RFC 6749) as pure functions: PKCE (RFC 7636), the authorization request URL, the
 * token request (its exact bytes, sent through Parley's transports like any request, so it shows
 * in the proxy and can be tested to the byte), reading the token response, expiry, and the
 * callback URL. No fetch, no storage, no randomness: callers pass random bytes and the time.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { Auth } from '../model/draft.ts';
import { serializeFormUrlencoded } from '../body/form-urlencoded.ts';
import type { EffectiveRequest } from '../resolve/types.ts';
import { base64 } from './schemes.ts';

export type OAuth2Auth = Extract<Auth, { type: 'oauth2' }>;
export type OAuth2GrantType = OAuth2Auth['grantType'];

/** A token as Parley keeps it (RFC 6749 §5.1). Times are ms since the epoch. */
export interface OAuth2Token {
  accessToken: string;
  /** `token_type` as the server gave it (`Bearer`, case as sent). */
  tokenType: string;
  refreshToken?: string;
  /** When it expires: obtained time + `expires_in` seconds; absent when the server gave no `expires_in`. */
  expiresAt?: number;
  /** The scope granted, when the server says (RFC 6749 §5.1: may differ from the one asked for). */
  scope?: string;
  /** OpenID Connect `id_token`, when present. */
  idToken?: string;
  obtainedAt: number;
}

/** base64url without padding (RFC 4648 §5), as PKCE and JWS use it. */
export function base64url(bytes: Uint8Array): string {
  return base64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A PKCE code verifier (RFC 7636 §4.1) from 32 random octets: their base64url, 43 characters of
 * the unreserved set. Throws when given fewer than 32 octets (less than 256 bits of entropy).
 */
export function pkceVerifier(random: Uint8Array): string {
  if (random.length < 32) throw new Error('A PKCE code verifier needs at least 32 random octets.');
  return base64url(random.subarray(0, 96));
}

/**
 * The code challenge for `verifier` (RFC 7636 §4.2): `S256` = base64url(SHA-256(ASCII(verifier))),
 * `plain` = the verifier. RFC 7636 Appendix B: `dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk` →
 * `E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM`.
 */
export function pkceChallenge(verifier: string, method: 'S256' | 'plain'): string {
  return method === 'plain' ? verifier : base64url(sha256(new TextEncoder().encode(verifier)));
}

/** `a=1&b=two` typed in the "Extra parameters" field → pairs (form-decoded; blank text → none). */
export function extraParameters(text: string): [string, string][] {
  if (text.trim() === '') return [];
  return [...new URLSearchParams(text.trim().replace(/^[?&]/, ''))];
}

function withQuery(url: string, pairs: readonly (readonly [string, string])[]): string {
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const sep = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return base + sep + serializeFormUrlencoded(pairs);
}

/**
 * The authorization request URI (RFC 6749 §4.1.1 code, §4.2.1 implicit; RFC 7636 §4.3): the
 * `authUrl` with `response_type`, `client_id`, `redirect_uri`, `scope`, `state`, then
 * `code_challenge` + `code_challenge_method` (code grant, PKCE on), `audience`, extra parameters,
 * form-encoded (Appendix B) after any query the URL already has. Empty scope/audience are left out.
 */
export function authorizationUrl(
  auth: OAuth2Auth,
  o: { redirectUri: string; state: string; codeChallenge?: string },
): string {
  const implicit = auth.grantType === 'implicit';
  const pairs: [string, string][] = [
    ['response_type', implicit ? 'token' : 'code'],
    ['client_id', auth.clientId.trim()],
    ['redirect_uri', o.redirectUri],
  ];
  if (auth.scope.trim() !== '') pairs.push(['scope', auth.scope.trim()]);
  pairs.push(['state', o.state]);
  if (!implicit && auth.pkce !== 'off' && o.codeChallenge !== undefined)
    pairs.push(['code_challenge', o.codeChallenge], ['code_challenge_method', auth.pkce]);
  if (auth.audience.trim() !== '') pairs.push(['audience', auth.audience.trim()]);
  pairs.push(...extraParameters(auth.extraParams));
  return withQuery(auth.authUrl.trim(), pairs);
}

/** What the token request asks for (RFC 6749 §4.1.3, §4.3.2, §4.4.2, §6). */
export type TokenGrant =
  | { type: 'authorization_code'; code: string; redirectUri: string; codeVerifier?: string }
  | { type: 'client_credentials' }
  | { type: 'password' }
  | { type: 'refresh_token'; refreshToken: string };

/**
 * The token request, as an EffectiveRequest: `POST tokenUrl`, `Content-Type:
 * application/x-www-form-urlencoded`, `Accept: application/json`, and the form content
 * `grant_type=…` + the grant's parameters + `scope` (not for the code grant, whose scope was in
 * the authorization request) + `audience` + extra parameters. Client authentication (RFC 6749
 * §2.3.1): `basic` = `Authorization: Basic base64(form-encoded id ":" form-encoded secret)`;
 * `body` = `client_id` and `client_secret` in the content. A client without a secret (public,
 * PKCE) always sends `client_id` in the content and no Authorization. Never throws.
 */
export function tokenRequest(auth: OAuth2Auth, grant: TokenGrant): EffectiveRequest {
  const pairs: [string, string][] = [['grant_type', grant.type]];
  if (grant.type === 'authorization_code') {
    pairs.push(['code', grant.code], ['redirect_uri', grant.redirectUri]);
    if (grant.codeVerifier !== undefined) pairs.push(['code_verifier', grant.codeVerifier]);
  } else if (grant.type === 'password') {
    pairs.push(['username', auth.username], ['password', auth.password]);
  } else if (grant.type === 'refresh_token') {
    pairs.push(['refresh_token', grant.refreshToken]);
  }
  if (grant.type !== 'authorization_code' && auth.scope.trim() !== '') pairs.push(['scope', auth.scope.trim()]);
  if (grant.type !== 'refresh_token' && auth.audience.trim() !== '') pairs.push(['audience', auth.audience.trim()]);
  pairs.push(...extraParameters(auth.extraParams));
  const clientId = auth.clientId.trim();
  const secret = auth.clientSecret;
  const headers: EffectiveRequest['headers'] = [
    { name: 'Content-Type', value: 'application/x-www-form-urlencoded', source: 'body' },
    { name: 'Accept', value: 'application/json', source: 'auth' },
  ];
  if (secret !== '' && auth.clientAuth === 'basic') {
    const creds = `${formEncode(clientId)}:${formEncode(secret)}`;
    headers.push({ name: 'Authorization', value: `Basic ${base64(new TextEncoder().encode(creds))}`, source: 'auth' });
  } else {
    pairs.push(['client_id', clientId]);
    if (secret !== '') pairs.push(['client_secret', secret]);
  }
  return {
    method: 'POST',
    url: auth.tokenUrl.trim(),
    headers,
    body: new TextEncoder().encode(serializeFormUrlencoded(pairs)),
  };
}

function formEncode(text: string): string {
  return serializeFormUrlencoded([[text, '']]).slice(0, -1);
}

/**
 * Reads a token endpoint's answer (RFC 6749 §5.1 success, §5.2 error). JSON is the standard; a
 * form-encoded answer (GitHub's default) is read too. `now` is the time of the answer (ms).
 * @returns `{ token }`, or `{ error }`: a sentence with the server's `error`, `error_description`
 *   and the status code, or why the answer could not be read. Never throws.
 */
export function parseTokenResponse(
  status: number,
  body: Uint8Array | null,
  now: number,
): { token: OAuth2Token } | { error: string } {
  const text = body ? new TextDecoder().decode(body) : '';
  let fields: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    fields = parsed as Record<string, unknown>;
  } catch {
    if (/^[\w.~%+-]+=/.test(text.trim())) fields = Object.fromEntries(new URLSearchParams(text.trim()));
    else
      return {
        error: `The token endpoint answered ${status} with content that is neither a JSON object nor form fields: ${text.slice(0, 200) || '(empty)'}`,
      };
  }
  return tokenFromFields(fields, now, status);
}

/**
 * A token from the fields of a token response or of an implicit-grant redirect fragment
 * (RFC 6749 §4.2.2: `access_token`, `token_type`, `expires_in`, `scope`). `status` 0 = not an
 * HTTP answer (a redirect). Never throws.
 */
export function tokenFromFields(
  fields: Record<string, unknown>,
  now: number,
  status = 0,
): { token: OAuth2Token } | { error: string } {
  const str = (k: string): string | undefined => {
    const v = fields[k];
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
  };
  const at = status === 0 ? 'The authorization server' : `The token endpoint (${status})`;
  if (str('error') !== undefined) {
    const desc = str('error_description');
    return { error: `${at} refused: ${str('error')}${desc ? ` — ${desc}` : ''}.` };
  }
  if (status !== 0 && (status < 200 || status > 299))
    return { error: `${at} answered without a token and without an OAuth error.` };
  const accessToken = str('access_token');
  if (!accessToken) return { error: `${at} sent no access_token.` };
  const token: OAuth2Token = { accessToken, tokenType: str('token_type') ?? 'Bearer', obtainedAt: now };
  const expiresIn = Number(str('expires_in'));
  if (str('expires_in') !== undefined && Number.isFinite(expiresIn) && expiresIn >= 0)
    token.expiresAt = now + expiresIn * 1000;
  const refresh = str('refresh_token');
  if (refresh) token.refreshToken = refresh;
  const scope = str('scope');
  if (scope !== undefined) token.scope = scope;
  const idToken = str('id_token');
  if (idToken) token.idToken = idToken;
  return { token };
}

/** Seconds before `expiresAt` from which a token counts as expired (clock skew, the time of the call). */
export const EXPIRY_MARGIN_MS = 10_000;

/** Whether `token` has expired at `now` (ms), within EXPIRY_MARGIN_MS. A token without expiry never expires. */
export function isExpired(token: Pick<OAuth2Token, 'expiresAt'>, now: number): boolean {
  return token.expiresAt !== undefined && now >= token.expiresAt - EXPIRY_MARGIN_MS;
}

/**
 * The cache key of the tokens of one OAuth 2.0 configuration (after variables are substituted):
 * grant, token URL, authorization URL, client id, scope and audience. Two requests (or a folder
 * and its requests, with inherit) that share these share their token; changing any gets a new one.
 */
export function tokenKey(auth: OAuth2Auth): string {
  return JSON.stringify([
    auth.grantType,
    auth.tokenUrl.trim(),
    auth.grantType === 'authorization_code' || auth.grantType === 'implicit' ? auth.authUrl.trim() : '',
    auth.clientId.trim(),
    auth.scope.trim(),
    auth.audience.trim(),
    auth.grantType === 'password' ? auth.username : '',
  ]);
}

/**
 * The parameters a redirect brought back: the query's, then (implicit grant, RFC 6749 §4.2.2)
 * the fragment's, form-decoded. Never throws: an unparseable URL gives `{}`.
 */
export function callbackParameters(url: string): Record<string, string> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return {};
  }
  return {
    ...Object.fromEntries(u.searchParams),
    ...Object.fromEntries(new URLSearchParams(u.hash.replace(/^#/, ''))),
  };
}

/** The header and payload of a compact JWS/JWT, or `null` when `token` is not one (opaque tokens). */
export function decodeJwt(token: string): { header: unknown; payload: unknown } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const dec = (p: string): unknown => {
      const b64 = p.replace(/-/g, '+').replace(/_/g, '/');
      const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
      return JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
    };
    return { header: dec(parts[0]!), payload: dec(parts[1]!) };
  } catch {
    return null;
  }
}

/** The fields a grant needs that are empty, by label (the Auth tab's names). */
export function missingFields(auth: OAuth2Auth, forRefresh = false): string[] {
  const need: [string, string][] = [['Client ID', auth.clientId]];
  if (auth.grantType !== 'implicit' || forRefresh) need.unshift(['Token URL', auth.tokenUrl]);
  if (!forRefresh && (auth.grantType === 'authorization_code' || auth.grantType === 'implicit'))
    need.unshift(['Authorization URL', auth.authUrl]);
  if (!forRefresh && auth.grantType === 'password') need.push(['Username', auth.username]);
  if (!forRefresh && auth.grantType === 'client_credentials') need.push(['Client secret', auth.clientSecret]);
  return need.filter(([, v]) => v.trim() === '').map(([label]) => label);
}
