/**
 * HTTP Digest access authentication, client side (RFC 7616), pure: parse a `WWW-Authenticate`
 * challenge and compute the `Authorization` answer. Parley's proxy runs the exchange (first
 * request, 401 challenge, second request) because it needs the server's nonce; see
 * server/proxy/digest-retry.ts and docs/auth.md.
 */
import { md5 } from '@noble/hashes/legacy.js';
import { sha256, sha512_256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** One challenge of a `WWW-Authenticate` field: scheme and auth-params (names lower-cased, values unquoted). */
export interface AuthChallenge {
  scheme: string;
  params: Record<string, string>;
}

/**
 * Splits `WWW-Authenticate` field values into challenges (RFC 9110 §11.6.1, §11.2: a field
 * may carry several, comma-separated; auth-param values are tokens or quoted-strings with
 * `\` escapes). A token68 challenge (`Negotiate abc==`) keeps it under the param `token68`.
 * Never throws: what does not parse is skipped.
 * Example: `parseChallenges(['Digest realm="a, b", qop="auth", Basic realm=x'])` →
 * `[{ scheme: 'Digest', params: { realm: 'a, b', qop: 'auth' } }, { scheme: 'Basic', params: { realm: 'x' } }]`.
 */
export function parseChallenges(values: readonly string[]): AuthChallenge[] {
  const out: AuthChallenge[] = [];
  for (const text of values) {
    let i = 0;
    let current: AuthChallenge | null = null;
    const skip = (re: RegExp) => {
      while (i < text.length && re.test(text[i]!)) i++;
    };
    while (i < text.length) {
      skip(/[\s,]/);
      const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/.exec(text.slice(i))?.[0];
      if (!token) {
        i++;
        continue;
      }
      i += token.length;
      const afterSpace = i;
      skip(/[ \t]/);
      if (text[i] === '=' && current !== null && !/^=*\s*(,|$)/.test(text.slice(i))) {
        i++;
        skip(/[ \t]/);
        let value = '';
        if (text[i] === '"') {
          i++;
          while (i < text.length && text[i] !== '"') {
            if (text[i] === '\\' && i + 1 < text.length) i++;
            value += text[i++];
          }
          i++;
        } else {
          const m = /^[^\s,]*/.exec(text.slice(i))![0];
          value = m;
          i += m.length;
        }
        current.params[token.toLowerCase()] = value;
      } else {
        current = { scheme: token, params: {} };
        out.push(current);
        i = afterSpace;
        skip(/[ \t]/);
        const t68 = /^[A-Za-z0-9\-._~+/]+=*(?=\s*(,|$))/.exec(text.slice(i));
        if (t68 && !/^[^=]*=[^=]/.test(t68[0])) {
          current.params['token68'] = t68[0];
          i += t68[0].length;
        }
      }
    }
  }
  return out;
}

type DigestHash = (data: Uint8Array) => Uint8Array;
const ALGORITHMS: Record<string, DigestHash> = { MD5: md5, 'SHA-256': sha256, 'SHA-512-256': sha512_256 };
/** Strongest first: with several Digest challenges the strongest hash supported is answered (as curl does). */
const PREFERENCE = ['SHA-512-256', 'SHA-256', 'MD5'];

/** A Digest challenge Parley can answer: algorithm (`MD5`, `SHA-256-sess` …), qop chosen. */
export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string;
  /** As the server named it, upper-cased; default `MD5` (RFC 7616 §3.3). */
  algorithm: string;
  /** `auth`, `auth-int`, or `null` when the server sent no qop (RFC 2069 compatibility). */
  qop: 'auth' | 'auth-int' | null;
  userhash: boolean;
}

/**
 * The Digest challenge to answer among `challenges`, or `null` when there is none Parley can
 * answer (unknown algorithm, no nonce). Prefers the strongest algorithm, and `qop=auth` over
 * `auth-int` when both are offered.
 */
export function pickDigestChallenge(challenges: readonly AuthChallenge[]): DigestChallenge | null {
  const usable = challenges
    .filter((c) => c.scheme.toLowerCase() === 'digest' && c.params['nonce'] !== undefined)
    .flatMap((c): DigestChallenge[] => {
      const algorithm = (c.params['algorithm'] ?? 'MD5').toUpperCase();
      if (ALGORITHMS[algorithm.replace(/-SESS$/, '')] === undefined) return [];
      const offered = c.params['qop'];
      const qops = (offered ?? '').split(',').map((q) => q.trim().toLowerCase());
      let qop: DigestChallenge['qop'] = null;
      if (qops.includes('auth')) qop = 'auth';
      else if (qops.includes('auth-int')) qop = 'auth-int';
      else if (offered !== undefined) return []; // only qop values Parley does not know
      const picked: DigestChallenge = {
        realm: c.params['realm'] ?? '',
        nonce: c.params['nonce']!,
        algorithm,
        qop,
        userhash: (c.params['userhash'] ?? '').toLowerCase() === 'true',
      };
      if (c.params['opaque'] !== undefined) picked.opaque = c.params['opaque'];
      return [picked];
    });
  usable.sort(
    (a, b) =>
      PREFERENCE.indexOf(a.algorithm.replace(/-SESS$/, '')) - PREFERENCE.indexOf(b.algorithm.replace(/-SESS$/, '')),
  );
  return usable[0] ?? null;
}

/** Quotes a value as an RFC 9110 §5.6.4 quoted-string. */
function quote(value: string): string {
  return `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/**
 * The `Authorization` field value answering `challenge` (RFC 7616 §3.4): response =
 * H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2), HA1 = H(username:realm:password)
 * (for `-sess`, H(that ":" nonce ":" cnonce)), HA2 = H(method ":" uri) (for `auth-int`,
 * ":" H(content) added); without qop, H(HA1:nonce:HA2) (RFC 2069). `uri` is the request
 * target as sent (origin-form, e.g. `/dir/index.html?x=1`), `nc` the nonce count (1 for the
 * first use of a nonce, sent as 8 hex digits), `cnonce` the client nonce. Strings are UTF-8.
 * With `userhash`, the username sent is H(username:realm). Pure; never throws.
 * Example (RFC 7616 §3.9.1, MD5): user Mufasa, password "Circle of Life" → `response="8ca523f5e9506fed4657c9700eebdbec"`.
 */
export function digestAuthorization(
  challenge: DigestChallenge,
  req: { username: string; password: string; method: string; uri: string; body?: Uint8Array | null },
  cnonce: string,
  nc = 1,
): string {
  const base = challenge.algorithm.replace(/-SESS$/, '');
  const hash = ALGORITHMS[base] ?? md5;
  const enc = new TextEncoder();
  const H = (s: string | Uint8Array) => bytesToHex(hash(typeof s === 'string' ? enc.encode(s) : s));
  const ncHex = nc.toString(16).padStart(8, '0');
  let ha1 = H(`${req.username}:${challenge.realm}:${req.password}`);
  if (challenge.algorithm.endsWith('-SESS')) ha1 = H(`${ha1}:${challenge.nonce}:${cnonce}`);
  const ha2 =
    challenge.qop === 'auth-int'
      ? H(`${req.method}:${req.uri}:${H(req.body ?? new Uint8Array(0))}`)
      : H(`${req.method}:${req.uri}`);
  const response =
    challenge.qop === null
      ? H(`${ha1}:${challenge.nonce}:${ha2}`)
      : H(`${ha1}:${challenge.nonce}:${ncHex}:${cnonce}:${challenge.qop}:${ha2}`);
  const username = challenge.userhash ? H(`${req.username}:${challenge.realm}`) : req.username;
  const parts = [
    `username=${quote(username)}`,
    `realm=${quote(challenge.realm)}`,
    `uri=${quote(req.uri)}`,
    `algorithm=${challenge.algorithm.replace(/-SESS$/, '-sess')}`,
    `nonce=${quote(challenge.nonce)}`,
  ];
  if (challenge.qop !== null) parts.push(`nc=${ncHex}`, `cnonce=${quote(cnonce)}`, `qop=${challenge.qop}`);
  parts.push(`response=${quote(response)}`);
  if (challenge.opaque !== undefined) parts.push(`opaque=${quote(challenge.opaque)}`);
  if (challenge.userhash) parts.push('userhash=true');
  return `Digest ${parts.join(', ')}`;
}
