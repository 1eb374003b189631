/**
 * The proxy's half of HTTP Digest (RFC 7616): after a 401 carrying a Digest challenge, the
 * header fields of the second request, with the Authorization computed by core/auth/digest.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { digestAuthorization, parseChallenges, pickDigestChallenge } from '../../src/core/auth/digest.ts';
import type { AuthExchange } from '../../src/core/wire/proxy.ts';

/**
 * When `response` is a 401 with a Digest challenge Parley can answer: the `headers` of the
 * request (as given, without any Authorization) plus `Authorization: Digest …` for `method`
 * and `requestTarget` (origin-form, as sent), with a fresh 128-bit cnonce and nc=00000001,
 * and the exchange to report. Otherwise `null` (the 401 is relayed as it is).
 */
export function digestRetry(
  credentials: { username: string; password: string },
  response: IncomingMessage,
  method: string,
  requestTarget: string,
  headers: readonly [string, string][],
  body: Uint8Array | null,
): { headers: [string, string][]; exchange: AuthExchange } | null {
  if (response.statusCode !== 401) return null;
  const raw = response.rawHeaders;
  const values: string[] = [];
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    pairs.push([raw[i]!, raw[i + 1]!]);
    if (raw[i]!.toLowerCase() === 'www-authenticate') values.push(raw[i + 1]!);
  }
  const challenge = pickDigestChallenge(parseChallenges(values));
  if (challenge === null) return null;
  const authorization = digestAuthorization(
    challenge,
    { ...credentials, method, uri: requestTarget, body },
    randomBytes(16).toString('hex'),
    1,
  );
  return {
    headers: [...headers.filter(([n]) => n.toLowerCase() !== 'authorization'), ['Authorization', authorization]],
    exchange: {
      scheme: 'Digest',
      challenge: { status: 401, reasonPhrase: response.statusMessage ?? '', headers: pairs },
      authorization,
    },
  };
}
