/**
 * base64url without padding (RFC 4648 §5), strict on decode. Pure: no `btoa`/`Buffer`, so it
 * runs the same in the browser and in Node tests, and never mangles non-Latin-1 bytes.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/**
 * Encodes bytes as base64url without `=` padding (RFC 4648 §5, §3.2).
 * @param bytes any octets
 * @returns ASCII text of length ceil(bytes.length * 4 / 3) using `A–Z a–z 0–9 - _`
 * @example encodeBase64Url(new Uint8Array([0xfb, 0xff])) === '-_8'
 */
export function encodeBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/** Thrown by {@link decodeBase64Url} for text that is not base64url. */
export class Base64UrlError extends Error {
  override name = 'Base64UrlError';
}

/**
 * Decodes unpadded base64url (RFC 4648 §5). Trailing `=` padding is tolerated because some
 * tools add it; anything else outside the alphabet is rejected.
 * @param text base64url characters
 * @returns the decoded octets
 * @throws Base64UrlError on a character outside the alphabet, or a length that no byte
 *   sequence encodes to (length % 4 === 1 — a typical sign of a cut-off link)
 */
export function decodeBase64Url(text: string): Uint8Array {
  const s = text.replace(/=+$/, '');
  const bad = /[^A-Za-z0-9_-]/.exec(s);
  if (bad) throw new Base64UrlError(`character ${JSON.stringify(bad[0])} at position ${bad.index} is not base64url`);
  if (s.length % 4 === 1) throw new Base64UrlError(`a base64url text cannot be ${s.length} characters long`);
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? LOOKUP[c]! : -1;
    if (v < 0) throw new Base64UrlError(`character ${JSON.stringify(s[i])} at position ${i} is not base64url`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}
