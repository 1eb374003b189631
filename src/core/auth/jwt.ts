/**
 * JWT bearer (issue 16 point 4), the pure part: reading the header and payload editors and
 * telling whether the signed token still matches them. Signing itself (HS256/384/512, RS256,
 * ES256, with `jose`) is asynchronous WebCrypto, so the Auth tab signs as the fields change
 * (src/services/jwt-sign.ts) and stores the token; resolveRequest sends that stored token,
 * so the raw view and the wire always agree (RFC 7519, RFC 7515 compact serialization).
 */

/** The algorithms offered, as JWS `alg` values (RFC 7518 §3.1). */
export const JWT_ALGORITHMS = ['HS256', 'HS384', 'HS512', 'RS256', 'ES256'] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

/** A JSON object from an editor's text: `{ value }`, or `{ error }` with a sentence. Empty text = `{}`. */
export function jsonObjectOf(text: string, what: string): { value: Record<string, unknown> } | { error: string } {
  if (text.trim() === '') return { value: {} };
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return { value: v as Record<string, unknown> };
    return { error: `The JWT ${what} must be a JSON object.` };
  } catch (e) {
    return { error: `The JWT ${what} is not valid JSON (${(e as Error).message}).` };
  }
}

/** JSON with object keys sorted at every depth: equal for equal values whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

function decodePart(part: string): unknown {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
}

/**
 * Whether compact JWS `token` carries exactly `payload` and the header `{ ...header, alg }`
 * (key order ignored). `false` for anything that is not a three-part token. Pure; never throws.
 */
export function tokenMatches(
  token: string,
  alg: string,
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  try {
    return (
      canonical(decodePart(parts[0]!)) === canonical({ ...header, alg }) &&
      canonical(decodePart(parts[1]!)) === canonical(payload)
    );
  } catch {
    return false;
  }
}
