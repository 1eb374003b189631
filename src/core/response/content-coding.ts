/**
 * Content-Encoding of a response (RFC 9110 §8.4): which codings were applied, in order, and
 * which of them Parley can undo for display. Parsing only; the decoders are in
 * content-decode.ts (loaded in the body worker, not on the main thread).
 */
/** Codings Parley decodes: gzip (§8.4.1.3, `x-gzip` is the same), deflate (§8.4.1.2: zlib; raw DEFLATE also accepted), br (RFC 7932), zstd (RFC 8878). */
export type KnownCoding = 'gzip' | 'deflate' | 'br' | 'zstd';

export interface ContentCodings {
  /** The codings in the order the server applied them (the header's order), lower case, `identity` dropped, `x-gzip` → `gzip`. */
  codings: string[];
  /** Those Parley cannot decode (`compress`, `x-foo` …), as written but lower case; empty when all are known. */
  unknown: string[];
}

const KNOWN = new Set<string>(['gzip', 'deflate', 'br', 'zstd']);

/**
 * The content codings of a response from its header fields: every `Content-Encoding`
 * field, in order, split on commas (§5.3: several fields are one comma-separated list),
 * trimmed and lower-cased; `identity` and empty items are dropped; `x-gzip` is `gzip`
 * (§8.4.1.3). Never throws. Example: `[['Content-Encoding', 'GZIP, br']]` →
 * `{ codings: ['gzip', 'br'], unknown: [] }`.
 */
export function contentCodingsOf(headers: readonly (readonly [string, string])[]): ContentCodings {
  const codings: string[] = [];
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'content-encoding') continue;
    for (const item of value.split(',')) {
      const c = item.trim().toLowerCase();
      if (c === '' || c === 'identity') continue;
      codings.push(c === 'x-gzip' ? 'gzip' : c);
    }
  }
  return { codings, unknown: codings.filter((c) => !KNOWN.has(c)) };
}

/** True when `coding` is one `contentCodingsOf` calls known. */
export function isKnownCoding(coding: string): coding is KnownCoding {
  return KNOWN.has(coding);
}

/** File name extension for content still in `coding` (`.gz`, `.zz`, `.br`, `.zst`), or `''` for an unknown one. */
export function codingExtension(coding: string): string {
  return ({ gzip: '.gz', deflate: '.zz', br: '.br', zstd: '.zst' } as Record<string, string>)[coding] ?? '';
}

/** What the body viewer does about a response's Content-Encoding. */
export type CodingPlan =
  /** No coding (or only `identity`): the bytes are the content. */
  | { action: 'none' }
  /** Direct mode: the browser's fetch already undid the codings (Fetch §4.6), the bytes are the content. */
  | { action: 'browser-decoded'; codings: string[] }
  /** At least one coding Parley cannot undo: the bytes are shown as received, and the view says so. */
  | { action: 'unknown'; codings: string[]; unknown: string[] }
  /** Undo `codings` (in the body worker) before showing the content. */
  | { action: 'decode'; codings: string[] };

/**
 * The plan for a response that arrived `via` the proxy (which relays content codings
 * untouched) or directly (the browser decodes the codings it knows itself and keeps the
 * header). Any unknown coding → `unknown`, whichever the transport. Pure.
 * Example: `codingPlan('proxy', [['Content-Encoding', 'br']])` → `{ action: 'decode', codings: ['br'] }`.
 */
export function codingPlan(via: 'proxy' | 'direct', headers: readonly (readonly [string, string])[]): CodingPlan {
  const { codings, unknown } = contentCodingsOf(headers);
  if (codings.length === 0) return { action: 'none' };
  // A browser leaves content in a coding it does not know as it came, as Parley does.
  if (unknown.length > 0) return { action: 'unknown', codings, unknown };
  if (via === 'direct') return { action: 'browser-decoded', codings };
  return { action: 'decode', codings };
}
