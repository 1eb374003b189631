/**
 * `multipart/form-data` content (RFC 7578, RFC 2046 §5.1.1), with names and filenames
 * escaped as the WHATWG HTML standard's multipart/form-data encoding algorithm does.
 */

/** One part, resolved: text content or file bytes. */
export type MultipartEntry =
  | { kind: 'text'; name: string; value: string; contentType: string }
  | { kind: 'file'; name: string; fileName: string; contentType: string; bytes: Uint8Array };

/**
 * Where a file part's content lies in encoded multipart content: `start` and `length` in
 * octets, and the file's name as chosen (not escaped as it appears in the part header).
 */
export interface MultipartFileSpan {
  fileName: string;
  start: number;
  length: number;
}

/**
 * Escapes a name or filename for a quoted `Content-Disposition` parameter the way the HTML
 * standard (and so every browser) does: LF → `%0A`, CR → `%0D`, `"` → `%22`. Other
 * characters, non-ASCII included, are sent as UTF-8 (RFC 7578 §5.1.1; no RFC 2231 `*=`).
 */
export function escapeDispositionParam(text: string): string {
  return text.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}

/** `chunks` joined into one new array, in order (length = sum of their lengths, in octets). Never throws. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** First index of `needle` in `hay`, or -1. */
export function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  if (needle.length === 0) return from;
  const first = needle[0] as number;
  const last = hay.length - needle.length;
  outer: for (let i = hay.indexOf(first, from); i !== -1 && i <= last; i = hay.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** FNV-1a (32-bit) over a string, continuing from `h`. */
function fnv1a(text: string, h: number): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A boundary that depends only on the entries' names, values, types, filenames and sizes
 * (so the SAME form always gives the SAME bytes: Send, raw view and snippets agree), in the
 * style browsers use: `----ParleyFormBoundary` + 16 hex digits (RFC 2046 §5.1.1: ≤ 70
 * characters, no characters needing quotes). `attempt` varies it when it collides.
 */
export function deterministicBoundary(entries: readonly MultipartEntry[], attempt = 0): string {
  let a = 0x811c9dc5 ^ attempt;
  let b = 0x01234567 + attempt;
  for (const e of entries) {
    const key =
      e.kind === 'text'
        ? `t\0${e.name}\0${e.value}\0${e.contentType}`
        : `f\0${e.name}\0${e.fileName}\0${e.contentType}\0${e.bytes.length}`;
    a = fnv1a(key, a);
    b = fnv1a(key + '\u0001', b ^ a);
  }
  return `----ParleyFormBoundary${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/**
 * Encodes `entries` as `multipart/form-data` content:
 * ```
 * --B CRLF  Content-Disposition: form-data; name="n"[; filename="f"] CRLF
 * [Content-Type: t CRLF]  CRLF  <content> CRLF ... --B-- CRLF
 * ```
 * Text values are UTF-8, sent as typed (line breaks are not rewritten); file bytes are
 * copied exactly; a file part without a type gets `application/octet-stream` (as browsers
 * do). `boundary` is used when given, else `deterministicBoundary(entries)`, re-derived
 * while it occurs inside any content. Returns `{ bytes, boundary, files }`, where `files`
 * locates each file part's content in `bytes` (octet offsets) under its name as chosen,
 * unescaped, for snippets that read the file by name; the caller sends
 * `Content-Type: multipart/form-data; boundary=<boundary>`. Never throws.
 */
export function encodeMultipart(
  entries: readonly MultipartEntry[],
  boundary?: string,
): { bytes: Uint8Array; boundary: string; files: MultipartFileSpan[] } {
  const enc = new TextEncoder();
  const contents = entries.map((e) => (e.kind === 'text' ? enc.encode(e.value) : e.bytes));
  let chosen = boundary ?? deterministicBoundary(entries);
  if (boundary === undefined) {
    for (let attempt = 1; contents.some((c) => indexOfBytes(c, enc.encode(`--${chosen}`)) !== -1); attempt++) {
      chosen = deterministicBoundary(entries, attempt);
    }
  }
  const chunks: Uint8Array[] = [];
  const files: MultipartFileSpan[] = [];
  let at = 0;
  entries.forEach((e, i) => {
    let head = `--${chosen}\r\nContent-Disposition: form-data; name="${escapeDispositionParam(e.name)}"`;
    if (e.kind === 'file') head += `; filename="${escapeDispositionParam(e.fileName)}"`;
    const type = e.kind === 'file' ? e.contentType || 'application/octet-stream' : e.contentType;
    if (type !== '') head += `\r\nContent-Type: ${type}`;
    const headBytes = enc.encode(head + '\r\n\r\n');
    const content = contents[i] as Uint8Array;
    if (e.kind === 'file') files.push({ fileName: e.fileName, start: at + headBytes.length, length: content.length });
    chunks.push(headBytes, content, enc.encode('\r\n'));
    at += headBytes.length + content.length + 2;
  });
  chunks.push(enc.encode(`--${chosen}--\r\n`));
  return { bytes: concatBytes(chunks), boundary: chosen, files };
}
