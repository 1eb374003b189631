/**
 * Content negotiation for the app's files: which content coding to send (RFC 9110 §12.5.3
 * `Accept-Encoding`) and entity-tag comparison for `If-None-Match` (RFC 9110 §8.8.3, §13.1.2).
 */

/** The content codings Parley's server can send, best first (brotli is smaller than gzip). */
export type ContentCoding = 'br' | 'gzip' | 'identity';

/** File-name suffix of a precompressed copy next to the original (`app.js.br`, `app.js.gz`). */
export const CODING_SUFFIX: Record<Exclude<ContentCoding, 'identity'>, string> = { br: '.br', gzip: '.gz' };

/**
 * Picks the content coding for a response from the request's `Accept-Encoding` field value
 * and the codings that are `available` (besides identity, which always is).
 *
 * Follows RFC 9110 §12.5.3: codings are compared case-insensitively, `x-gzip` counts as
 * `gzip`, a `q` weight of 0 means "not acceptable", `*` stands for every coding not listed,
 * an unlisted identity ranks with the lowest non-zero weight listed (as `negotiator` does), and
 * a missing field means any coding is fine but identity is preferred (we send identity).
 * Among acceptable codings the highest weight wins; on a tie brotli beats gzip beats identity.
 * When identity is refused (`identity;q=0` or `*;q=0`) and nothing else fits, identity is still
 * returned: the section lets the server send it rather than fail (no 415 for a GET).
 *
 * Example: `chooseContentCoding('gzip, deflate, br;q=0.9', ['br', 'gzip'])` → `'gzip'`.
 */
export function chooseContentCoding(
  acceptEncoding: string | undefined,
  available: readonly Exclude<ContentCoding, 'identity'>[],
): ContentCoding {
  if (acceptEncoding === undefined) return 'identity';
  const weights = parseAcceptEncoding(acceptEncoding);
  const weightOf = (coding: ContentCoding): number => {
    const own = weights.get(coding);
    if (own !== undefined) return own;
    const star = weights.get('*');
    if (star !== undefined) return star;
    // Identity is acceptable unless excluded explicitly or by `*;q=0`; like `negotiator` (Express)
    // it ranks with the lowest weight listed, so `gzip;q=0.1` still means "gzip, please".
    return coding === 'identity' ? Math.min(1, ...[...weights.values()].filter((w) => w > 0)) : 0;
  };
  let best: ContentCoding = 'identity';
  let bestWeight = weightOf('identity');
  for (const coding of (['br', 'gzip'] as const).filter((c) => available.includes(c))) {
    const w = weightOf(coding);
    if (w > 0 && (w > bestWeight || (w === bestWeight && best === 'identity'))) {
      best = coding;
      bestWeight = w;
    }
  }
  return best;
}

/** `Accept-Encoding` as lower-cased coding → weight (0..1); malformed weights count as 1 (lenient). */
function parseAcceptEncoding(value: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const member of value.split(',')) {
    const [rawName, ...params] = member.split(';');
    let name = (rawName ?? '').trim().toLowerCase();
    if (name === '') continue;
    if (name === 'x-gzip') name = 'gzip';
    let weight = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
      if (match) {
        const q = Number(match[1]);
        if (Number.isFinite(q) && q >= 0 && q <= 1) weight = q;
      }
    }
    // A coding listed twice keeps its highest weight.
    weights.set(name, Math.max(weights.get(name) ?? 0, weight));
  }
  return weights;
}

/**
 * Whether `If-None-Match` matches `etag` with the weak comparison RFC 9110 §13.1.2 asks for
 * this field (a `W/` prefix on either side is ignored); `*` matches any current representation.
 * `etag` is a full entity tag with quotes, e.g. `"1a2b-br"`.
 */
export function ifNoneMatchHits(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  const tags = ifNoneMatch.match(/(?:W\/)?"[^"]*"/g) ?? [];
  return tags.some((tag) => tag.replace(/^W\//, '') === opaque);
}
