/**
 * The first lines of a body, decoded from its first bytes only: what the viewer shows at once
 * while the whole body is decoded, formatted and indexed in its worker (issue 12: first rows
 * ≤ 1 s after the head, whatever the size).
 */
import { chooseDecoder } from './charset.ts';

/** Bytes read for the first rows (a screenful of even very long lines). */
export const FIRST_ROWS_BYTES = 64 * 1024;
/** Most lines returned. */
export const FIRST_ROWS_LINES = 200;
/** Characters shown of one line; the rest is in the full view. */
export const FIRST_ROWS_LINE_CHARS = 2000;

export interface FirstRows {
  /** The first lines as decoded, each at most `FIRST_ROWS_LINE_CHARS` characters (UTF-16 code units). */
  lines: string[];
  /** True when there is more content than these lines (more lines, longer lines or more bytes). */
  more: boolean;
}

/**
 * Decodes the start of `bytes` with the charset the full view uses (`chooseDecoder`: BOM,
 * Content-Type charset, else UTF-8, per WHATWG Encoding) and splits it at CR, LF or CRLF.
 * A character cut by the byte limit is dropped, never shown as U+FFFD; the last line is
 * included even when the limit cut it (`more` is then true).
 * @param bytes the content (only the first `FIRST_ROWS_BYTES` are read)
 * @param contentType the response's Content-Type field value, or `null`
 * @example firstRows(new TextEncoder().encode('a\nb'), null) // → { lines: ['a', 'b'], more: false }
 */
export function firstRows(bytes: Uint8Array, contentType: string | null): FirstRows {
  const head = bytes.subarray(0, FIRST_ROWS_BYTES);
  const cut = head.length < bytes.length;
  const decoder = new TextDecoder(chooseDecoder(contentType, head.subarray(0, 4)).encoding);
  // `stream: true` holds back an incomplete last character instead of replacing it.
  const text = cut ? decoder.decode(head, { stream: true }) : decoder.decode(head);
  const all = text.split(/\r\n|\n|\r/);
  const lines = all.slice(0, FIRST_ROWS_LINES);
  let more = cut || all.length > lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.length > FIRST_ROWS_LINE_CHARS) {
      lines[i] = lines[i]!.slice(0, FIRST_ROWS_LINE_CHARS);
      more = true;
    }
  }
  return { lines, more };
}
