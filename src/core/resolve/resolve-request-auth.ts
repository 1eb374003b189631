/**
 * The steps of `resolveRequest()` that need the rest of the request first: the cookie jar's
 * Cookie field, AWS Signature V4 (signs the request exactly as sent, cookies included) and
 * Digest (answered by the proxy after a 401).
 */
import { amzDateOf, signAwsV4 } from '../auth/aws-sigv4.ts';
import type { Auth } from '../model/draft.ts';
import { isExpired, missingFields, tokenKey, type OAuth2Token } from '../auth/oauth2.ts';
import type { AuthApplied } from '../auth/schemes.ts';
import { authHeaders } from './resolve-headers.ts';
import type { EffectiveHeader, ResolveProblem } from './types.ts';

/**
 * The AUTO header fields of an AWS Signature V4 (`X-Amz-Date`, `X-Amz-Security-Token` when
 * a session token is set, `X-Amz-Content-Sha256`, `Authorization`) for the request made of
 * `method`, `url`, `headers` (every other field, in order) and `body` (the exact octets),
 * signed at `isoTime` (ISO 8601, the send's `{{$isoTimestamp}}`: one time per send, shown in
 * X-Amz-Date). A header row named like one of them wins (authHeaders' rule); a typed
 * X-Amz-Date or X-Amz-Content-Sha256 (`UNSIGNED-PAYLOAD`) is signed as typed. Appends
 * problems: an error when there is no send time or the typed X-Amz-Date is malformed.
 */
export function awsSignatureHeaders(
  auth: Extract<Auth, { type: 'awsv4' }>,
  req: { method: string; url: string; headers: readonly EffectiveHeader[]; body: Uint8Array | null },
  isoTime: string | undefined,
  direct: boolean,
  problems: ResolveProblem[],
): EffectiveHeader[] {
  if (isoTime === undefined) {
    problems.push({ severity: 'error', field: 'auth', message: 'AWS Signature needs the time of the send.' });
    return [];
  }
  try {
    const signed = signAwsV4(
      {
        method: req.method,
        url: req.url,
        headers: req.headers.map((h) => [h.name, h.value] as const),
        body: req.body,
        amzDate: amzDateOf(isoTime),
      },
      {
        accessKeyId: auth.accessKeyId.trim(),
        secretAccessKey: auth.secretAccessKey.trim(),
        sessionToken: auth.sessionToken.trim(),
        region: auth.region.trim(),
        service: auth.service.trim(),
      },
    );
    return authHeaders(signed.headers, req.headers, 'AWS Signature', direct, problems);
  } catch (e) {
    problems.push({ severity: 'error', field: 'auth', message: (e as Error).message });
    return [];
  }
}

/**
 * The Digest credentials to hand to the proxy (`EffectiveRequest.digest`), or `undefined`:
 * direct mode cannot answer a challenge (error); a typed Authorization row wins (warning,
 * as for every scheme). Adds a note for the raw view: this is the first of two requests.
 */
export function digestFor(
  challenge: { username: string; password: string },
  headers: readonly EffectiveHeader[],
  direct: boolean,
  problems: ResolveProblem[],
  notes: string[],
): { username: string; password: string } | undefined {
  if (direct) {
    problems.push({
      severity: 'error',
      field: 'auth',
      message:
        'Digest auth needs the proxy: the browser cannot answer the server’s challenge for a page. Switch to the proxy.',
    });
    return undefined;
  }
  if (headers.some((h) => h.name.toLowerCase() === 'authorization')) {
    problems.push({
      severity: 'warning',
      field: 'auth',
      message: 'Your Authorization header row is sent; the Digest auth from the Auth tab is not (a header row wins).',
    });
    return undefined;
  }
  notes.push(
    'Digest auth: this is the first request. When the server answers 401 with a Digest challenge, the proxy sends it once more with Authorization: Digest … (shown with the response).',
  );
  return { username: challenge.username, password: challenge.password };
}

/**
 * The jar's `Cookie` field for `url` (source `cookie`), or nothing: none match, or
 * `sendCookies` is false, or a typed Cookie row exists — that row wins (warning naming how
 * many jar cookies were left out), as a header row wins over auth.
 */
export function jarCookie(
  url: string,
  cookieFor: (url: string) => string,
  headers: readonly EffectiveHeader[],
  problems: ResolveProblem[],
): EffectiveHeader[] {
  const value = cookieFor(url);
  if (value === '') return [];
  if (headers.some((h) => h.name.toLowerCase() === 'cookie')) {
    const n = value.split('; ').length;
    problems.push({
      severity: 'warning',
      field: 'header',
      message: `Your Cookie header row is sent; the ${n} cookie${n === 1 ? '' : 's'} from the cookie jar ${n === 1 ? 'is' : 'are'} not (a header row wins).`,
    });
    return [];
  }
  return [{ name: 'Cookie', value, source: 'cookie' }];
}

/**
 * What OAuth 2.0 adds: `Authorization: <prefix> <access token>` with the cached token for this
 * configuration (prefix: the Header prefix field, else the token's `token_type`, `Bearer` → `Bearer`
 * as RFC 6750 §2.1 writes it). No token → `skipped` ("Get new token"); an expired one (at `now`)
 * is still sent, with a warning, when it cannot be refreshed at Send (no refresh token).
 */
export function oauth2Applied(
  auth: Extract<Auth, { type: 'oauth2' }>,
  tokenFor: ((key: string) => OAuth2Token | undefined) | undefined,
  now: number | undefined,
): AuthApplied & { key: string } {
  const key = tokenKey(auth);
  const token = tokenFor?.(key);
  if (!token) {
    const missing = missingFields(auth);
    return {
      key,
      skipped:
        missing.length > 0
          ? `OAuth 2.0: fill in ${missing.join(', ')}, then Get new token; no Authorization header is sent.`
          : 'OAuth 2.0: no token yet (Get new token in the Auth tab), so no Authorization header is sent.',
    };
  }
  const typed = auth.headerPrefix.trim();
  const prefix = typed !== '' ? typed : /^bearer$/i.test(token.tokenType) ? 'Bearer' : token.tokenType;
  const applied: AuthApplied & { key: string } = {
    key,
    headers: [['Authorization', prefix === '' ? token.accessToken : `${prefix} ${token.accessToken}`]],
  };
  if (now !== undefined && isExpired(token, now) && !token.refreshToken)
    applied.warning = 'The OAuth 2.0 token has expired and there is no refresh token: Get new token.';
  return applied;
}
