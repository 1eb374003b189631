/**
 * The file name to save a response under: Content-Disposition `filename*` (RFC 8187) or `filename`
 * (RFC 6266 §4.3), else the target URI's last path segment, with an extension from the media type.
 */
import { parseMediaType } from './media-type.ts';

/**
 * Extracts the file name from a Content-Disposition field value (RFC 6266 §4.3: `filename*` wins
 * over `filename`). The result is reduced to a base name (no `/`, `\`, C0/C1 control characters, no
 * bidi overrides, embeddings, isolates or marks) so it is safe to offer for saving.
 * @param value e.g. `attachment; filename="a.txt"; filename*=UTF-8''%E2%82%AC%20rates.txt`.
 * @returns the name, or `null` when the field has none. Never throws.
 */
export function filenameFromContentDisposition(value: string | null): string | null {
  if (value === null) return null;
  const params = parseDispositionParams(value);
  const extended = params.get('filename*');
  if (extended !== undefined) {
    const decoded = decodeExtValue(extended);
    if (decoded !== null) return sanitizeFilename(decoded);
  }
  const plain = params.get('filename');
  return plain !== undefined ? sanitizeFilename(plain) : null;
}

function parseDispositionParams(value: string): Map<string, string> {
  const params = new Map<string, string>();
  let i = value.indexOf(';');
  if (i === -1) return params;
  i++;
  while (i < value.length) {
    while (value[i] === ' ' || value[i] === '\t') i++;
    const eq = value.indexOf('=', i);
    if (eq === -1) break;
    const name = value.slice(i, eq).trim().toLowerCase();
    i = eq + 1;
    while (value[i] === ' ' || value[i] === '\t') i++;
    let v = '';
    if (value[i] === '"') {
      i++;
      while (i < value.length && value[i] !== '"') {
        if (value[i] === '\\' && i + 1 < value.length) i++;
        v += value[i];
        i++;
      }
      const next = value.indexOf(';', i);
      i = next === -1 ? value.length : next + 1;
    } else {
      const next = value.indexOf(';', i);
      v = value.slice(i, next === -1 ? value.length : next).trim();
      i = next === -1 ? value.length : next + 1;
    }
    if (!params.has(name)) params.set(name, v);
  }
  return params;
}

/**
 * RFC 8187 §3.2 ext-value: `charset'[language]'pct-encoded`; charset UTF-8 or ISO-8859-1.
 * @returns the decoded string, or `null` when malformed or of another charset.
 */
export function decodeExtValue(extValue: string): string | null {
  const m = /^([^']*)'[^']*'(.*)$/.exec(extValue);
  if (!m) return null;
  const charset = m[1]!.toLowerCase();
  const encoded = m[2]!;
  if (!/^(?:[!#$&+\-.^_`|~0-9A-Za-z]|%[0-9A-Fa-f]{2})*$/.test(encoded)) return null;
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    if (encoded[i] === '%') {
      bytes.push(parseInt(encoded.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(encoded.charCodeAt(i));
  }
  if (charset === 'utf-8') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
    } catch {
      return null;
    }
  }
  if (charset === 'iso-8859-1') return String.fromCharCode(...bytes);
  return null;
}

/**
 * Characters a proposed file name must not carry: C0 controls and DEL, C1 controls
 * (U+0080–U+009F), and the invisible bidirectional formatting characters (Unicode UAX #9 §2:
 * ALM U+061C, LRM/RLM U+200E/U+200F, embeddings and overrides U+202A–U+202E, isolates
 * U+2066–U+2069). A right-to-left override turns `invoice\u202Egpj.exe` into what reads as
 * `invoiceexe.jpg` (CVE-2009-3376 style spoofing), so they are removed, not escaped.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern removes
const UNSAFE_FILENAME_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Keeps only the last path component and drops control and bidi formatting characters
 * ({@link UNSAFE_FILENAME_CHARS}); `null` if nothing usable is left.
 */
function sanitizeFilename(name: string): string | null {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base.replace(UNSAFE_FILENAME_CHARS, '').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? null : cleaned;
}

/**
 * The last non-empty path segment of a URL, percent-decoded (WHATWG URL path), e.g.
 * `https://x.test/files/report%202024.csv?x=1` → `report 2024.csv`.
 * @returns the segment, or `null` for `/` or an unparsable URL.
 */
export function filenameFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const segment = path
    .split('/')
    .filter((s) => s !== '')
    .pop();
  if (segment === undefined) return null;
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    /* keep it encoded when it is not valid UTF-8 */
  }
  return sanitizeFilename(decoded);
}

const EXTENSIONS: Record<string, string> = {
  'application/json': 'json',
  'text/json': 'json',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'text/html': 'html',
  'application/xhtml+xml': 'xhtml',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'text/css': 'css',
  'text/javascript': 'js',
  'application/javascript': 'js',
  'text/markdown': 'md',
  'application/yaml': 'yaml',
  'text/yaml': 'yaml',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
  'image/bmp': 'bmp',
  'image/x-icon': 'ico',
  'image/vnd.microsoft.icon': 'ico',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/gzip': 'gz',
  'application/x-tar': 'tar',
  'application/wasm': 'wasm',
  'application/octet-stream': 'bin',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'audio/ogg': 'ogg',
  'audio/webm': 'weba',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/ogg': 'ogv',
};

/**
 * A file extension (without the dot) for a media type: the common one for well-known types,
 * `json`/`xml` for `+json`/`+xml` structured syntax suffixes (RFC 6839), else `null`.
 * @param contentType a Content-Type field value, e.g. `application/problem+json; charset=utf-8`.
 */
export function extensionForMediaType(contentType: string | null): string | null {
  const mt = parseMediaType(contentType);
  if (!mt) return null;
  const known = EXTENSIONS[mt.essence];
  if (known) return known;
  if (mt.subtype.endsWith('+json')) return 'json';
  if (mt.subtype.endsWith('+xml')) return 'xml';
  if (mt.type === 'text') return 'txt';
  return null;
}

/**
 * The name to save a response body under.
 * Order: Content-Disposition (`filename*`, then `filename`), then the URL's last path segment,
 * then `response`. When the chosen name has no extension, one from the Content-Type is appended
 * (`bin` when the type is unknown and the name came from neither header nor URL).
 * @example downloadFilename({ contentDisposition: null, url: 'http://h/api/users', contentType: 'application/json' }) // 'users.json'
 */
export function downloadFilename(input: {
  contentDisposition: string | null;
  url: string;
  contentType: string | null;
}): string {
  const fromHeader = filenameFromContentDisposition(input.contentDisposition);
  if (fromHeader !== null) return fromHeader;
  const base = filenameFromUrl(input.url) ?? 'response';
  if (/\.[A-Za-z0-9]{1,8}$/.test(base)) return base;
  const ext = extensionForMediaType(input.contentType) ?? 'bin';
  return `${base}.${ext}`;
}
