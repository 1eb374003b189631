/**
 * Suggestions for header rows: common request header field names (RFC 9110 and the IANA
 * HTTP Field Name Registry, plus widely used non-standard ones) and values for the fields
 * whose values come from a known list (media types for Content-Type and Accept, IANA Media
 * Types registry). Static, for `<datalist>` autocomplete.
 */

/** Request header field names people type most, in their registered case. */
export const COMMON_REQUEST_HEADERS: readonly string[] = [
  'Accept',
  'Accept-Encoding',
  'Accept-Language',
  'Authorization',
  'Cache-Control',
  'Connection',
  'Content-Disposition',
  'Content-Encoding',
  'Content-Language',
  'Content-Type',
  'Cookie',
  'DNT',
  'Expect',
  'Forwarded',
  'From',
  'Host',
  'If-Match',
  'If-Modified-Since',
  'If-None-Match',
  'If-Range',
  'If-Unmodified-Since',
  'Max-Forwards',
  'Origin',
  'Pragma',
  'Prefer',
  'Priority',
  'Proxy-Authorization',
  'Range',
  'Referer',
  'TE',
  'Upgrade',
  'User-Agent',
  'Via',
  'X-API-Key',
  'X-Correlation-ID',
  'X-Forwarded-For',
  'X-Forwarded-Host',
  'X-Forwarded-Proto',
  'X-Request-ID',
  'X-Requested-With',
];

/** Media types for Content-Type and Accept. */
export const COMMON_MEDIA_TYPES: readonly string[] = [
  'application/json',
  'application/ld+json',
  'application/merge-patch+json',
  'application/json-patch+json',
  'application/problem+json',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/xml',
  'text/xml',
  'text/plain',
  'text/html',
  'text/csv',
  'application/octet-stream',
  'application/pdf',
  'application/graphql-response+json',
  'application/x-ndjson',
  'text/event-stream',
  'image/png',
  'image/jpeg',
  '*/*',
];

const VALUES: Readonly<Record<string, readonly string[]>> = {
  'content-type': COMMON_MEDIA_TYPES,
  accept: COMMON_MEDIA_TYPES,
  'accept-encoding': ['gzip, deflate, br, zstd', 'gzip', 'deflate', 'br', 'zstd', 'identity'],
  'cache-control': ['no-cache', 'no-store', 'max-age=0', 'no-transform', 'only-if-cached'],
  connection: ['keep-alive', 'close'],
  authorization: ['Bearer ', 'Basic '],
  prefer: ['return=minimal', 'return=representation', 'respond-async'],
  expect: ['100-continue'],
};

/**
 * Values to suggest for a header field `name` (case-insensitive, surrounding whitespace ignored).
 * @returns a static list; `[]` for names without a known set of values
 * @example headerValueSuggestions('content-type')[0] → 'application/json'
 */
export function headerValueSuggestions(name: string): readonly string[] {
  return VALUES[name.trim().toLowerCase()] ?? [];
}
