/**
 * How a snippet should carry the content of an `EffectiveRequest`: as text, as raw octets,
 * or as multipart parts (so the snippet can reference a file by its name instead of
 * inlining its bytes). Derived from the effective request only (DESIGN §1).
 */
import type { EffectiveRequest } from '../resolve/types.ts';

/** One part of a `multipart/form-data` content (RFC 7578 §4). */
export interface MultipartPartView {
  /** The `name` parameter of the part's Content-Disposition. */
  name: string;
  /** The `filename` parameter, when the part is a file; snippets read the file by this name. */
  fileName: string | null;
  /** The part's Content-Type field, or `null` when the part has none. */
  contentType: string | null;
  /** The part's content octets. */
  bytes: Uint8Array;
  /** Offset of the content in the whole body, in octets. */
  offset: number;
}

export type BodyView =
  | { kind: 'none' }
  /** Content that is valid UTF-8: `text` decodes to exactly the content octets. */
  | { kind: 'text'; text: string; bytes: Uint8Array }
  /** Content that is not valid UTF-8. */
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'multipart'; boundary: string; parts: MultipartPartView[]; bytes: Uint8Array };

/** Value of the first header field named `name` (case-insensitive, RFC 9110 §5.1), or `null`. */
export function headerValue(req: EffectiveRequest, name: string): string | null {
  const lower = name.toLowerCase();
  return req.headers.find((h) => h.name.toLowerCase() === lower)?.value ?? null;
}

/**
 * Classifies the content of `req`. `multipart` only when the Content-Type is
 * `multipart/form-data` with a boundary and the content parses back into parts; otherwise
 * `text` when the octets are valid UTF-8, else `bytes`. Never throws.
 */
export function describeBody(req: EffectiveRequest): BodyView {
  const bytes = req.body;
  if (bytes === null) return { kind: 'none' };
  const contentType = headerValue(req, 'content-type') ?? '';
  const boundary = multipartBoundary(contentType);
  if (boundary !== null) {
    const parts = parseMultipart(bytes, boundary);
    if (parts !== null) {
      // The part header shows file names escaped (`"` → `%22`, HTML standard); the file on disk has its chosen name.
      for (const p of parts) {
        const chosen = req.files?.find((f) => f.start === p.offset && f.length === p.bytes.length);
        if (p.fileName !== null && chosen) p.fileName = chosen.fileName;
      }
      return { kind: 'multipart', boundary, parts, bytes };
    }
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { kind: 'text', text, bytes };
  } catch {
    return { kind: 'bytes', bytes };
  }
}

/** The `boundary` parameter of a `multipart/form-data` media type (RFC 2046 §5.1.1), or `null`. */
export function multipartBoundary(contentType: string): string | null {
  if (!/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const m = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

const latin1 = (b: Uint8Array): string => {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
};

/**
 * Splits `multipart/form-data` content (RFC 7578, RFC 2046 §5.1.1) into parts.
 * Returns `null` when the content does not have the expected shape (delimiters with CRLF,
 * a close delimiter, a Content-Disposition `form-data` in every part), so callers fall back
 * to sending raw octets. Part header values are read as UTF-8.
 */
export function parseMultipart(body: Uint8Array, boundary: string): MultipartPartView[] | null {
  // Work on a Latin-1 view so string indexes are byte offsets.
  const s = latin1(body);
  const delim = `--${boundary}`;
  if (!s.startsWith(delim + '\r\n')) return null;
  const parts: MultipartPartView[] = [];
  let pos = delim.length + 2;
  const utf8 = new TextDecoder();
  for (;;) {
    const headEnd = s.indexOf('\r\n\r\n', pos);
    if (headEnd < 0) return null;
    const next = s.indexOf(`\r\n${delim}`, headEnd + 4);
    if (next < 0) return null;
    const head = utf8.decode(body.subarray(pos, headEnd));
    const fields = head.split('\r\n');
    const disposition = fields.find((f) => /^content-disposition:/i.test(f));
    if (!disposition || !/:\s*form-data/i.test(disposition)) return null;
    const name = /;\s*name="((?:[^"\\]|\\.)*)"/i.exec(disposition)?.[1];
    if (name === undefined) return null;
    const fileName = /;\s*filename="((?:[^"\\]|\\.)*)"/i.exec(disposition)?.[1] ?? null;
    const ctField = fields.find((f) => /^content-type:/i.test(f));
    const contentType = ctField ? ctField.slice(ctField.indexOf(':') + 1).trim() : null;
    parts.push({ name, fileName, contentType, bytes: body.slice(headEnd + 4, next), offset: headEnd + 4 });
    pos = next + 2 + delim.length;
    if (s.startsWith('--', pos)) {
      // Close delimiter; only an optional CRLF may follow (no epilogue expected from us).
      const rest = s.slice(pos + 2);
      return rest === '' || rest === '\r\n' ? parts : null;
    }
    if (!s.startsWith('\r\n', pos)) return null;
    pos += 2;
  }
}

/** A piece of the content: literal octets, or the whole content of a file read by name. */
export type BodySegment = { bytes: Uint8Array } | { file: string };

/**
 * The content of `view` as segments whose concatenation is exactly the request's content
 * octets, except that each multipart file part is replaced by a reference to its file name
 * (the snippet reads that file). Boundary and part headers stay byte-identical, so a
 * snippet built from segments sends what Parley sends when the file holds the same bytes.
 */
export function bodySegments(view: BodyView): BodySegment[] {
  if (view.kind === 'none') return [];
  if (view.kind !== 'multipart') return [{ bytes: view.bytes }];
  const out: BodySegment[] = [];
  let start = 0;
  for (const part of view.parts) {
    if (part.fileName === null) continue;
    out.push({ bytes: view.bytes.subarray(start, part.offset) });
    out.push({ file: part.fileName });
    start = part.offset + part.bytes.length;
  }
  out.push({ bytes: view.bytes.subarray(start) });
  return out.filter((s) => !('bytes' in s) || s.bytes.length > 0);
}

/**
 * Whether a client that builds multipart content itself (FormData, curl `-F`, Go's
 * mime/multipart, …) sends the same parts as Parley: names and file names without `"`, `\`,
 * `%` or control characters (clients escape those differently: `\"`, `%22`, or not at all),
 * text values without CR or LF (FormData turns a bare LF into CRLF, WHATWG XHR §5.2
 * "multipart/form-data encoding"), and no Content-Type on text parts (most clients cannot
 * set one). With `fileTypesKept` false (a client that labels every file
 * `application/octet-stream`, like Go's `CreateFormFile`), file parts must have that type.
 * Otherwise a snippet must send Parley's octets with its boundary. Never throws.
 */
export function clientMultipartIsExact(view: BodyView, fileTypesKept = true): boolean {
  if (view.kind !== 'multipart') return false;
  // eslint-disable-next-line no-control-regex
  const plain = (s: string): boolean => !/["\\%\u0000-\u001f\u007f]/.test(s);
  return view.parts.every(
    (p) =>
      plain(p.name) &&
      (p.fileName === null
        ? p.contentType === null && !p.bytes.includes(0x0d) && !p.bytes.includes(0x0a)
        : plain(p.fileName) && (fileTypesKept || p.contentType === 'application/octet-stream')),
  );
}

/** Decodes octets as UTF-8, or returns `null` when they are not valid UTF-8. */
export function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
