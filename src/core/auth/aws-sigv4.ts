/**
 * AWS Signature Version 4 over the request exactly as sent (issue 16 point 3).
 *
 * Synchronous on purpose: `resolveRequest()` is pure and synchronous, and the raw view, the
 * snippets and Send all show its output, so the signature is part of that output. The
 * well-kept signers are not usable here: `aws4` needs Node's `crypto`, `querystring` and
 * `url`; `@smithy/signature-v4` is async only (WebCrypto-shaped hash). So the canonical
 * request is built here (≈100 lines) over `@noble/hashes` (audited, synchronous SHA-256 and
 * HMAC), and tests hold it to the official AWS SigV4 test suite and to `@smithy/signature-v4`
 * on generated requests (tests/core/auth/aws-sigv4*.test.ts). See docs/auth.md.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** The credentials and scope of a signature. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials (STS): sent and signed as `X-Amz-Security-Token`; empty = none. */
  sessionToken?: string;
  /** e.g. `us-east-1`. */
  region: string;
  /** Signing name of the service, e.g. `s3`, `execute-api`, `dynamodb`. */
  service: string;
}

/** The request to sign: what goes on the wire, before the signature fields are added. */
export interface AwsSignInput {
  method: string;
  /** Absolute target URI as sent (path and query percent-encoded as on the wire). */
  url: string;
  /** Header fields as sent, in order, duplicates kept (not Host: it is taken from `url` unless present). */
  headers: readonly (readonly [string, string])[];
  /** Content octets, `null` = none (hashed as the empty string). */
  body: Uint8Array | null;
  /** Signing time as ISO 8601 basic format `YYYYMMDDTHHMMSSZ`; an `X-Amz-Date` field in `headers` wins. */
  amzDate: string;
  /** Add and sign `X-Amz-Content-Sha256` (default true; S3 requires it, others accept it). */
  contentSha256Header?: boolean;
}

export interface AwsSignature {
  /** Fields to add after `headers`, in this order: X-Amz-Date, X-Amz-Security-Token, X-Amz-Content-Sha256, Authorization (each only when not already in `headers`). */
  headers: [string, string][];
  canonicalRequest: string;
  stringToSign: string;
  /** Lower-case hex, 64 characters. */
  signature: string;
}

const UNSIGNED = new Set([
  'authorization',
  'connection',
  'expect',
  'keep-alive',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);

/** `YYYYMMDDTHHMMSSZ` for an ISO 8601 time such as `2026-12-03T06:18:22.123Z` (milliseconds dropped). */
export function amzDateOf(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+/, '').slice(0, 15) + 'Z';
}

/** RFC 3986 unreserved characters kept, every other octet of the UTF-8 form `%XX` (upper case), as AWS's UriEncode. */
export function awsUriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The canonical URI: each segment of the path as sent, decoded and UriEncoded once (S3) or,
 * for every other service, with empty segments dropped (`//a//` → `/a/`) and encoded twice,
 * as the AWS SDKs do.
 */
function canonicalPath(pathname: string, service: string): string {
  const once = (segments: string[]) => segments.map((s) => awsUriEncode(decode(s)));
  if (service === 's3') return once(pathname.split('/')).join('/') || '/';
  const segments = once(pathname.split('/').filter((s) => s !== '')).map(awsUriEncode);
  const trailing = segments.length > 0 && pathname.endsWith('/') ? '/' : '';
  return '/' + segments.join('/') + trailing;
}

/** Query pairs decoded, UriEncoded, sorted by name then value (code point order); `a` alone is `a=`. */
function canonicalQuery(search: string): string {
  if (search.length <= 1) return '';
  const pairs = search
    .slice(1)
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const name = eq === -1 ? p : p.slice(0, eq);
      const value = eq === -1 ? '' : p.slice(eq + 1);
      return [awsUriEncode(decode(name)), awsUriEncode(decode(value))] as const;
    });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join('&');
}

/**
 * Signs a request with AWS Signature Version 4 (AWS IAM user guide, "Create a signed AWS API
 * request"; the AWS SigV4 test suite): canonical request = method, canonical URI, canonical
 * query, canonical headers (names lower-cased and sorted, values trimmed with inner runs of
 * spaces collapsed, duplicates joined by `,`), signed header names, hex SHA-256 of the
 * content octets (or a typed `X-Amz-Content-Sha256` value such as `UNSIGNED-PAYLOAD`).
 * Host (from `url`, default port omitted, as sent), X-Amz-Date, X-Amz-Security-Token and
 * X-Amz-Content-Sha256 are signed; hop-by-hop fields, User-Agent and Authorization are not.
 * Pure and synchronous. Throws `TypeError` when `url` is not absolute or `amzDate` (or a typed
 * X-Amz-Date) is not `YYYYMMDDTHHMMSSZ`.
 */
export function signAwsV4(input: AwsSignInput, creds: AwsCredentials): AwsSignature {
  const url = new URL(input.url);
  const lower = input.headers.map(([n, v]) => [n.toLowerCase(), v] as const);
  const typed = (name: string) => lower.find(([n]) => n === name)?.[1].trim();
  const amzDate = typed('x-amz-date') ?? input.amzDate;
  if (!/^\d{8}T\d{6}Z$/.test(amzDate)) throw new TypeError(`X-Amz-Date must be YYYYMMDDTHHMMSSZ, got "${amzDate}"`);
  const added: [string, string][] = [];
  if (typed('x-amz-date') === undefined) added.push(['X-Amz-Date', amzDate]);
  const token = creds.sessionToken ?? '';
  if (token !== '' && typed('x-amz-security-token') === undefined) added.push(['X-Amz-Security-Token', token]);
  const payloadHash = typed('x-amz-content-sha256') ?? bytesToHex(sha256(input.body ?? new Uint8Array(0)));
  if (input.contentSha256Header !== false && typed('x-amz-content-sha256') === undefined)
    added.push(['X-Amz-Content-Sha256', payloadHash]);

  const fields = new Map<string, string[]>();
  if (typed('host') === undefined) fields.set('host', [url.host]);
  for (const [name, value] of [...lower, ...added.map(([n, v]) => [n.toLowerCase(), v] as const)]) {
    if (UNSIGNED.has(name)) continue;
    const list = fields.get(name) ?? [];
    list.push(value.trim().replace(/\s+/g, ' '));
    fields.set(name, list);
  }
  const names = [...fields.keys()].sort();
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    input.method,
    canonicalPath(url.pathname, creds.service),
    canonicalQuery(url.search),
    names.map((n) => `${n}:${fields.get(n)!.join(',')}\n`).join(''),
    signedHeaders,
    payloadHash,
  ].join('\n');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${creds.region}/${creds.service}/aws4_request`;
  const enc = new TextEncoder();
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, bytesToHex(sha256(enc.encode(canonicalRequest)))].join(
    '\n',
  );
  let key: Uint8Array = enc.encode('AWS4' + creds.secretAccessKey);
  for (const part of [day, creds.region, creds.service, 'aws4_request']) key = hmac(sha256, key, enc.encode(part));
  const signature = bytesToHex(hmac(sha256, key, enc.encode(stringToSign)));
  added.push([
    'Authorization',
    `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  ]);
  return { headers: added, canonicalRequest, stringToSign, signature };
}
