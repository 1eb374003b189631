/**
 * Python snippets, written here rather than by snippetz: its `requests` snippet lacks
 * `import requests` and breaks the quoting of a body it emits as `b"…"` (unescaped `"`),
 * and its `http.client` snippet puts non-ASCII characters into a bytes literal (a
 * SyntaxError) and keeps only one of repeated header fields.
 */
import type { EffectiveRequest } from '../resolve/types.ts';
import { bodySegments, describeBody, utf8OrNull, type BodySegment } from './body.ts';
import { combineHeaders } from './har.ts';
import { pyBytes, pyString } from './literals.ts';

/** Characters urllib3 (`_encode_invalid_chars`) percent-encodes in a path or query although Parley sends them as typed. */
const URLLIB3_ENCODES = /[[\]{}|^`"<>\\]/;

/** The part of an absolute URL after the authority. */
function queryAndPath(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url);
  return m ? url.slice(m[0].length) : url;
}

/** A Python expression for octets: a UTF-8 `str` literal `.encode()` when readable, else a bytes literal. */
function pyOctets(bytes: Uint8Array): string {
  const text = utf8OrNull(bytes);
  // eslint-disable-next-line no-control-regex -- control octets are what this pattern is about
  if (text !== null && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) {
    return /^[\x20-\x7e\r\n\t]*$/.test(text) ? pyBytes(bytes) : `${pyString(text)}.encode("utf-8")`;
  }
  return pyBytes(bytes);
}

function pySegments(segments: BodySegment[]): string {
  if (segments.length === 0) return 'b""';
  const items = segments.map((s) => ('file' in s ? `open(${pyString(s.file)}, "rb").read()` : pyOctets(s.bytes)));
  return items.length === 1 ? items[0]! : `b"".join([\n    ${items.join(',\n    ')},\n])`;
}

/**
 * Python `requests` (https://requests.readthedocs.io) snippet for `req`, a complete program
 * that prints the status code, reason phrase and body. Repeated header fields are joined
 * with `, ` (RFC 9110 §5.3) because `requests` takes a dict. The target is sent byte-exact:
 * the request is prepared, then `prepared.url` is set verbatim (requests' `requote_uri`
 * would re-encode it), and when the target holds a character urllib3 2.x percent-encodes
 * (`[ ] { } | ^` and a few more, `_encode_target`), that step is switched off. Content goes
 * as exact octets (`data=`), multipart included, with Parley's Content-Type and boundary and
 * file parts read by their chosen name. Pure; never throws.
 */
export function pythonRequests(req: EffectiveRequest): string {
  const view = describeBody(req);
  const lines = ['import requests'];
  const keepTarget = URLLIB3_ENCODES.test(queryAndPath(req.url));
  if (keepTarget) lines.push('import urllib3.connectionpool');
  lines.push('', `url = ${pyString(req.url)}`);
  const headers = combineHeaders(req.headers.map((h) => ({ name: h.name, value: h.value })));
  const args = [pyString(req.method), 'url'];
  if (headers.length) {
    lines.push('headers = {', ...headers.map((h) => `    ${pyString(h.name)}: ${pyString(h.value)},`), '}');
    args.push('headers=headers');
  }
  if (view.kind !== 'none') {
    lines.push(`data = ${pySegments(bodySegments(view))}`);
    args.push('data=data');
  }
  lines.push(
    '',
    'session = requests.Session()',
    `prepared = session.prepare_request(requests.Request(${args.join(', ')}))`,
    '# requests re-quotes the target; send it exactly as written above.',
    'prepared.url = url',
  );
  if (keepTarget) {
    lines.push(
      '# urllib3 percent-encodes [ ] { } | ^ ` " < > \\ in the target; keep them as written.',
      'urllib3.connectionpool._encode_target = lambda target: target',
    );
  }
  lines.push(
    'response = session.send(prepared)',
    'print(response.status_code, response.reason)',
    'print(response.text)',
    '',
  );
  return lines.join('\n');
}

/**
 * Python standard library `http.client` snippet for `req`: header fields are written one
 * by one with `putheader`, so order, case and repetition are kept; the content (multipart
 * included, with Parley's boundary and file parts read by name) is byte-identical.
 * Pure; never throws.
 */
export function pythonHttpClient(req: EffectiveRequest): string {
  const view = describeBody(req);
  let u: URL | null = null;
  try {
    u = new URL(req.url);
  } catch {
    u = null;
  }
  const https = u?.protocol === 'https:';
  const host = u ? u.host : '';
  const target = u ? req.url.slice(req.url.indexOf(u.host) + u.host.length) || '/' : req.url;
  const hasHost = req.headers.some((h) => h.name.toLowerCase() === 'host');
  const lines = ['import http.client', ''];
  lines.push(`conn = http.client.${https ? 'HTTPSConnection' : 'HTTPConnection'}(${pyString(host)})`);
  if (req.body !== null) lines.push(`body = ${pySegments(bodySegments(view))}`);
  const skips = ['skip_accept_encoding=True', ...(hasHost ? ['skip_host=True'] : [])];
  lines.push(`conn.putrequest(${pyString(req.method)}, ${pyString(target)}, ${skips.join(', ')})`);
  for (const h of req.headers) {
    // putheader encodes str values as Latin-1; pass UTF-8 octets for anything beyond it.
    // eslint-disable-next-line no-control-regex -- Latin-1 is U+0000-U+00FF, controls included
    const latin1 = /^[\u0000-\u00ff]*$/.test(h.value);
    const value = latin1 ? pyString(h.value) : `${pyString(h.value)}.encode("utf-8")`;
    lines.push(`conn.putheader(${pyString(h.name)}, ${value})`);
  }
  if (req.body !== null) {
    lines.push('conn.putheader("Content-Length", str(len(body)))', 'conn.endheaders(body)');
  } else {
    lines.push('conn.endheaders()');
  }
  lines.push(
    'response = conn.getresponse()',
    'print(response.status, response.reason)',
    'print(response.read().decode("utf-8", "replace"))',
    'conn.close()',
    '',
  );
  return lines.join('\n');
}
