/**
 * Percent-encoding shared by query components and path segments (RFC 3986 §2.1): UTF-8,
 * upper-case hex, an existing `%XX` escape kept as is, a lone `%` written as `%25`.
 */

const HEX = '0123456789ABCDEF';

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** `%XX` for one octet (0–255). */
export function percentByte(b: number): string {
  return '%' + HEX[b >> 4] + HEX[b & 15];
}

/** UTF-8 percent-escapes of one code point; a lone surrogate becomes U+FFFD, as the Encoding standard's UTF-8 encoder does. */
function percentCodePoint(cp: number): string {
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
  if (cp < 0x80) return percentByte(cp);
  if (cp < 0x800) return percentByte(0xc0 | (cp >> 6)) + percentByte(0x80 | (cp & 63));
  if (cp < 0x10000) {
    return percentByte(0xe0 | (cp >> 12)) + percentByte(0x80 | ((cp >> 6) & 63)) + percentByte(0x80 | (cp & 63));
  }
  return (
    percentByte(0xf0 | (cp >> 18)) +
    percentByte(0x80 | ((cp >> 12) & 63)) +
    percentByte(0x80 | ((cp >> 6) & 63)) +
    percentByte(0x80 | (cp & 63))
  );
}

/** A 128-entry table: `true` for ASCII characters kept as typed. */
export function asciiSet(chars: string): boolean[] {
  const set = new Array<boolean>(128).fill(false);
  for (let c = 0x30; c <= 0x39; c++) set[c] = true;
  for (let c = 0x41; c <= 0x5a; c++) set[c] = true;
  for (let c = 0x61; c <= 0x7a; c++) set[c] = true;
  for (const ch of '-._~' + chars) set[ch.charCodeAt(0)] = true;
  return set;
}

/**
 * Percent-encodes `text`, keeping ASCII characters marked in `keep` and every valid
 * `%XX` escape; a `%` not followed by two hex digits becomes `%25`; any other character
 * (controls, space, non-ASCII, ASCII not in `keep`) becomes its UTF-8 escapes.
 * Idempotent: encoding the output again returns it unchanged. Never throws.
 */
export function percentEncodeKeeping(text: string, keep: boolean[]): string {
  let out = '';
  let from = 0; // start of the pending run of characters kept verbatim
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 && keep[c]) continue;
    if (c === 0x25 && i + 2 < n && isHexDigit(text.charCodeAt(i + 1)) && isHexDigit(text.charCodeAt(i + 2))) {
      i += 2;
      continue;
    }
    out += text.slice(from, i);
    if (c === 0x25) {
      out += '%25';
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += percentCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        i++;
      } else {
        out += percentCodePoint(c);
      }
    } else {
      out += percentCodePoint(c);
    }
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
