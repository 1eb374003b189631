/**
 * Encoding and decoding of the proxy protocol's framing (see `proxy.ts`).
 *
 * Pure: used by the browser transport, by the server and by tests. No Buffer, no DOM —
 * only `TextEncoder`/`TextDecoder`, which Node and browsers both have.
 *
 * Header values as byte strings: HTTP field values are octets (RFC 9110 §5.5). Node hands
 * raw header values over as latin1 strings, one character per octet, and writes outgoing
 * header strings the same way. The protocol keeps that convention everywhere: a header value
 * is a *byte string* (WHATWG Infra "isomorphic decode": each character's code point 0–255 is
 * one octet). JSON + UTF-8 carries such a string losslessly (U+00FC travels as two UTF-8
 * octets and comes back as U+00FC), so the exact octets survive; use `byteStringToBytes` to
 * get them and, for example, `new TextDecoder().decode(...)` to show UTF-8 values as text.
 */
import { decodeBase64Url, encodeBase64Url } from '../share/base64url.ts';
import type { ProxyRequestHead, ProxyResponseHead } from './proxy.ts';

/** Largest accepted `ProxyRequestHead` JSON, in bytes (the 4-byte length prefix is checked against it). */
export const MAX_PROXY_REQUEST_HEAD_BYTES = 256 * 1024;

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Frames a proxy request: 4-byte big-endian length N, N bytes of UTF-8 JSON `head`, then `body`.
 *
 * @param head the request head; header values are byte strings (see module docs).
 * @param body raw content bytes, or `null` for none.
 * @returns the full content to POST to `/api/proxy`.
 * @throws RangeError when the JSON head exceeds `MAX_PROXY_REQUEST_HEAD_BYTES`.
 */
export function encodeProxyRequest(head: ProxyRequestHead, body: Uint8Array | null): Uint8Array {
  const json = encoder.encode(JSON.stringify(head));
  if (json.length > MAX_PROXY_REQUEST_HEAD_BYTES) {
    throw new RangeError(
      `The request head is ${json.length} bytes; the proxy accepts at most ${MAX_PROXY_REQUEST_HEAD_BYTES}.`,
    );
  }
  const bodyLength = body?.length ?? 0;
  const out = new Uint8Array(4 + json.length + bodyLength);
  new DataView(out.buffer).setUint32(0, json.length, false);
  out.set(json, 4);
  if (body) out.set(body, 4 + json.length);
  return out;
}

/** Result of `decodeProxyRequestPrefix`. */
export type ProxyRequestPrefix =
  | { kind: 'incomplete'; /** Bytes needed in total before the head can be decoded (≥ 4). */ needBytes: number }
  | { kind: 'head'; head: ProxyRequestHead; /** Offset in the buffer where the content starts. */ bodyOffset: number }
  | { kind: 'error'; message: string };

/**
 * Decodes the start of a proxy request as bytes arrive (server side).
 *
 * @param prefix the bytes received so far (may hold part of the content after the head).
 * @returns `incomplete` with the total bytes needed, `head` with the decoded head and where the
 *   content starts, or `error` with a sentence for a person (bad length, bad UTF-8, bad JSON,
 *   missing fields). Never throws.
 */
export function decodeProxyRequestPrefix(prefix: Uint8Array): ProxyRequestPrefix {
  if (prefix.length < 4) return { kind: 'incomplete', needBytes: 4 };
  const length = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength).getUint32(0, false);
  if (length === 0 || length > MAX_PROXY_REQUEST_HEAD_BYTES) {
    return {
      kind: 'error',
      message: `The proxy request head length ${length} is outside 1..${MAX_PROXY_REQUEST_HEAD_BYTES} bytes.`,
    };
  }
  if (prefix.length < 4 + length) return { kind: 'incomplete', needBytes: 4 + length };
  let value: unknown;
  try {
    value = JSON.parse(strictDecoder.decode(prefix.subarray(4, 4 + length)));
  } catch {
    return { kind: 'error', message: 'The proxy request head is not valid UTF-8 JSON.' };
  }
  const problem = checkRequestHead(value);
  if (problem) return { kind: 'error', message: problem };
  return { kind: 'head', head: value as ProxyRequestHead, bodyOffset: 4 + length };
}

function checkRequestHead(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'The proxy request head must be a JSON object.';
  const v = value as Record<string, unknown>;
  if (typeof v.method !== 'string' || v.method === '') return 'The proxy request head needs a method (a string).';
  if (typeof v.url !== 'string') return 'The proxy request head needs a url (a string).';
  if (!Array.isArray(v.headers)) return 'The proxy request head needs headers as [name, value] pairs.';
  for (const pair of v.headers) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      return 'Every header must be a [name, value] pair of strings.';
    }
  }
  if (v.followRedirects !== undefined && typeof v.followRedirects !== 'boolean')
    return 'followRedirects must be true or false.';
  if (v.verifyTls !== undefined && typeof v.verifyTls !== 'boolean') return 'verifyTls must be true or false.';
  if (v.timeoutMs !== undefined && (typeof v.timeoutMs !== 'number' || !(v.timeoutMs > 0)))
    return 'timeoutMs must be a positive number of milliseconds.';
  if (v.digest !== undefined) {
    const d = v.digest as Record<string, unknown> | null;
    if (typeof d !== 'object' || d === null || typeof d.username !== 'string' || typeof d.password !== 'string')
      return 'digest must be { username, password } (strings).';
  }
  if (v.tls !== undefined) {
    const t = v.tls as Record<string, unknown> | null;
    if (typeof t !== 'object' || t === null) return 'tls must be an object.';
    for (const k of ['ca', 'cert', 'key', 'pfx', 'passphrase', 'servername'])
      if (t[k] !== undefined && typeof t[k] !== 'string') return `tls.${k} must be a string.`;
    if (t.minVersion !== undefined && t.minVersion !== 'TLSv1.2' && t.minVersion !== 'TLSv1.3')
      return 'tls.minVersion must be TLSv1.2 or TLSv1.3.';
  }
  return null;
}

/**
 * Encodes the response head for the `X-Parley-Head` header: base64url (RFC 4648 §5, no padding)
 * of the UTF-8 JSON. Header values are byte strings (module docs), so octets 0x80–0xFF survive.
 *
 * @returns an ASCII string safe as an HTTP header value.
 */
export function encodeProxyResponseHead(head: ProxyResponseHead): string {
  return encodeBase64Url(encoder.encode(JSON.stringify(head)));
}

/**
 * Decodes an `X-Parley-Head` value made by `encodeProxyResponseHead`.
 *
 * @throws Error with a readable message when the value is not base64url of a UTF-8 JSON object
 *   with `status` (number) and `headers` (pairs).
 */
export function decodeProxyResponseHead(value: string): ProxyResponseHead {
  let parsed: unknown;
  try {
    parsed = JSON.parse(strictDecoder.decode(decodeBase64Url(value)));
  } catch {
    throw new Error('The proxy sent a response head that could not be read (X-Parley-Head is not base64url JSON).');
  }
  const v = parsed as Partial<ProxyResponseHead> | null;
  if (typeof v !== 'object' || v === null || typeof v.status !== 'number' || !Array.isArray(v.headers)) {
    throw new Error('The proxy sent a response head without a status code or headers.');
  }
  return {
    status: v.status,
    reasonPhrase: typeof v.reasonPhrase === 'string' ? v.reasonPhrase : '',
    httpVersion: typeof v.httpVersion === 'string' ? v.httpVersion : '1.1',
    headers: v.headers,
    timings: v.timings ?? {},
    redirects: Array.isArray(v.redirects) ? v.redirects : [],
    url: typeof v.url === 'string' ? v.url : '',
    ...(Array.isArray(v.warnings) && v.warnings.length > 0
      ? { warnings: v.warnings.filter((w): w is string => typeof w === 'string') }
      : {}),
    ...(v.authExchange && typeof v.authExchange === 'object' ? { authExchange: v.authExchange } : {}),
    ...(v.tls && typeof v.tls === 'object' ? { tls: v.tls } : {}),
  };
}

/**
 * Octets of a byte string (WHATWG Infra "isomorphic encode"): each character's code point is one octet.
 * @throws RangeError when a character is above U+00FF (it is not a byte string).
 */
export function byteStringToBytes(value: string): Uint8Array {
  const out = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0xff)
      throw new RangeError(
        `Character U+${code.toString(16).toUpperCase().padStart(4, '0')} at ${i} is not a single octet.`,
      );
    out[i] = code;
  }
  return out;
}

/** Byte string of octets (WHATWG Infra "isomorphic decode"): one character U+0000–U+00FF per octet. */
export function bytesToByteString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
}
