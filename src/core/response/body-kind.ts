/**
 * Deciding how to present a response body: from its Content-Type, checked against the bytes
 * (WHATWG MIME Sniffing §7.1 "binary data byte" rule and §6 signature table for images/PDF/media).
 */
import { parseMediaType } from './media-type.ts';

export type BodyKind = 'none' | 'json' | 'xml' | 'html' | 'text' | 'image' | 'pdf' | 'audio' | 'video' | 'binary';

export interface BodyClassification {
  kind: BodyKind;
  /** MIME type used for previews/blobs, e.g. `image/png` (sniffed when the header is missing or generic). */
  mimeType: string;
  /** Why, in words shown to the user, e.g. `Content-Type says text/plain but the content has NUL bytes`. */
  reason: string;
}

/** How many leading bytes are inspected: MIME Sniffing §7 uses the first 1445; NUL detection looks further. */
const SNIFF_BYTES = 8192;

const SIGNATURES: { mime: string; kind: BodyKind; bytes: (number | null)[] }[] = [
  { mime: 'image/png', kind: 'image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', kind: 'image', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/gif', kind: 'image', bytes: [0x47, 0x49, 0x46, 0x38] },
  {
    mime: 'image/webp',
    kind: 'image',
    bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50],
  },
  { mime: 'image/bmp', kind: 'image', bytes: [0x42, 0x4d] },
  { mime: 'image/x-icon', kind: 'image', bytes: [0x00, 0x00, 0x01, 0x00] },
  { mime: 'application/pdf', kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mime: 'audio/wav', kind: 'audio', bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x41, 0x56, 0x45] },
  { mime: 'audio/ogg', kind: 'audio', bytes: [0x4f, 0x67, 0x67, 0x53, 0x00] },
  { mime: 'audio/mpeg', kind: 'audio', bytes: [0x49, 0x44, 0x33] },
  { mime: 'video/webm', kind: 'video', bytes: [0x1a, 0x45, 0xdf, 0xa3] },
];

/** Returns the MIME type whose signature the bytes start with (MIME Sniffing §6), or `null`. */
export function sniffSignature(head: Uint8Array): { mime: string; kind: BodyKind } | null {
  for (const s of SIGNATURES) {
    if (head.length < s.bytes.length) continue;
    if (s.bytes.every((b, i) => b === null || head[i] === b)) return { mime: s.mime, kind: s.kind };
  }
  // ISO BMFF (mp4): "ftyp" at offset 4.
  if (head.length >= 12 && head[4] === 0x66 && head[5] === 0x74 && head[6] === 0x79 && head[7] === 0x70) {
    return { mime: 'video/mp4', kind: 'video' };
  }
  return null;
}

/**
 * True when the bytes look binary (MIME Sniffing §7.1: a "binary data byte" — 0x00–0x08, 0x0B,
 * 0x0E–0x1A, 0x1C–0x1F — in the inspected prefix). Text in UTF-16 has NULs, so callers skip this
 * check when a UTF-16 charset or BOM was declared.
 * @param head the first bytes (only the first `SNIFF_BYTES` are read).
 */
export function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) return true;
  }
  return false;
}

function kindOfEssence(essence: string, subtype: string, type: string): BodyKind | null {
  if (essence === 'application/json' || essence === 'text/json' || subtype.endsWith('+json')) return 'json';
  if (essence === 'text/html' || essence === 'application/xhtml+xml') return 'html';
  if (essence === 'image/svg+xml') return 'image';
  if (essence === 'text/xml' || essence === 'application/xml' || subtype.endsWith('+xml')) return 'xml';
  if (type === 'image') return 'image';
  if (essence === 'application/pdf') return 'pdf';
  if (type === 'audio') return 'audio';
  if (type === 'video') return 'video';
  if (type === 'text') return 'text';
  if (
    /^(javascript|ecmascript|x-javascript|x-www-form-urlencoded|yaml|x-yaml|toml|graphql|sql|x-ndjson|jsonl|x-sh|csv)$/.test(
      subtype,
    )
  ) {
    return 'text';
  }
  return null;
}

/**
 * Classifies a response body for display.
 *
 * - No content (`null` or 0 bytes) → `none`.
 * - A specific Content-Type (JSON, `+json`, HTML, XML, `+xml`, text/*, image/*, PDF, audio/*, video/*)
 *   decides, except that text-like types whose bytes contain binary data bytes become `binary`
 *   (never garbled text), unless the charset is UTF-16.
 * - Missing, `application/octet-stream` or unknown types are sniffed: signatures (PNG, JPEG, GIF,
 *   WebP, PDF, …), then binary bytes → `binary`, then a leading `{`/`[` → `json`, `<` → `xml`/`html`, else `text`.
 *
 * @param contentType the Content-Type field value or `null`.
 * @param body the content bytes or `null`.
 * @returns kind, MIME type and the reason, never throws.
 */
export function classifyBody(contentType: string | null, body: Uint8Array | null): BodyClassification {
  if (body === null || body.length === 0) return { kind: 'none', mimeType: '', reason: 'No content' };
  const head = body.subarray(0, SNIFF_BYTES);
  const mt = parseMediaType(contentType);
  const utf16 =
    /^utf-16|^ucs-2|^unicode/i.test(mt?.parameters.get('charset') ?? '') ||
    (head[0] === 0xfe && head[1] === 0xff) ||
    (head[0] === 0xff && head[1] === 0xfe);
  const declaredKind = mt ? kindOfEssence(mt.essence, mt.subtype, mt.type) : null;
  if (mt && declaredKind) {
    const textual =
      declaredKind === 'json' || declaredKind === 'xml' || declaredKind === 'html' || declaredKind === 'text';
    if (textual && !utf16 && looksBinary(head)) {
      return {
        kind: 'binary',
        mimeType: 'application/octet-stream',
        reason: `Content-Type says ${mt.essence} but the content has binary bytes (e.g. NUL); shown as hex`,
      };
    }
    return { kind: declaredKind, mimeType: mt.essence, reason: `Content-Type: ${mt.essence}` };
  }
  const sniffed = sniffSignature(head);
  const said = mt ? `Content-Type ${mt.essence}` : 'No Content-Type';
  if (sniffed)
    return { kind: sniffed.kind, mimeType: sniffed.mime, reason: `${said}; content looks like ${sniffed.mime}` };
  if (!utf16 && looksBinary(head)) {
    return { kind: 'binary', mimeType: 'application/octet-stream', reason: `${said}; content has binary bytes` };
  }
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  const first = head[i];
  if (first === 0x7b || first === 0x5b)
    return { kind: 'json', mimeType: 'application/json', reason: `${said}; content looks like JSON` };
  if (first === 0x3c) {
    const start = new TextDecoder().decode(head.subarray(i, i + 512)).toLowerCase();
    if (start.startsWith('<!doctype html') || start.startsWith('<html')) {
      return { kind: 'html', mimeType: 'text/html', reason: `${said}; content looks like HTML` };
    }
    return { kind: 'xml', mimeType: 'application/xml', reason: `${said}; content looks like XML` };
  }
  return { kind: 'text', mimeType: 'text/plain', reason: `${said}; content looks like text` };
}
