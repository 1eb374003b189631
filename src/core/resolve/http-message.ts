/**
 * The raw HTTP/1.1 request message (RFC 9112) for an `EffectiveRequest`: what the Raw
 * request view shows and what the proxy puts on the wire for an http: target.
 */
import type { EffectiveRequest, Transport } from './types.ts';
import { isForbiddenRequestHeader } from './validate.ts';
import { concatBytes, indexOfBytes } from '../body/multipart.ts';

/** Methods for which Node's http client (so Parley's proxy) sends no `Content-Length: 0` without a body. */
const NO_DEFAULT_LENGTH = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);

/**
 * The Content-Length value (in OCTETS) the transport adds, or `null` when it sends none:
 * - a body of N > 0 octets → N;
 * - `direct` (Fetch standard §4.5 "HTTP-network-or-cache fetch" step 8): a null body gives
 *   `0` for POST and PUT only; an empty non-null body gives `0`;
 * - `proxy` (default; Node's http client rule, which the proxy follows): no body gives `0`
 *   for every method except GET, HEAD, DELETE, OPTIONS, TRACE, CONNECT (any case).
 */
export function contentLengthFor(
  req: Pick<EffectiveRequest, 'method' | 'body'>,
  transport: Transport = 'proxy',
): number | null {
  const length = req.body?.length ?? 0;
  if (length > 0) return length;
  if (transport === 'direct') return req.body !== null || req.method === 'POST' || req.method === 'PUT' ? 0 : null;
  return NO_DEFAULT_LENGTH.has(req.method.toUpperCase()) ? null : 0;
}

/** `text` of the body: UTF-8 text when it decodes and has no NUL, otherwise a placeholder. */
function bodyText(body: Uint8Array, contentType: string | undefined): string {
  const boundary =
    contentType && /^multipart\//i.test(contentType) ? /;\s*boundary="?([^";]+)"?/i.exec(contentType)?.[1] : undefined;
  if (boundary) return multipartText(body, boundary);
  return textOrPlaceholder(body);
}

function textOrPlaceholder(bytes: Uint8Array): string {
  if (bytes.includes(0)) return `<${bytes.length} bytes of binary content>`;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return `<${bytes.length} bytes of binary content>`;
  }
}

/** Multipart shown part by part, so a binary file part does not hide the text fields. */
function multipartText(body: Uint8Array, boundary: string): string {
  const whole = textOrPlaceholder(body);
  if (!whole.startsWith('<')) return whole;
  const enc = new TextEncoder();
  const delimiter = enc.encode(`\r\n--${boundary}`);
  const blankLine = enc.encode('\r\n\r\n');
  // The first part starts right after `--boundary` (no CRLF before it).
  if (indexOfBytes(body, delimiter.subarray(2)) !== 0) return whole;
  let out = '';
  let from = 0;
  while (from < body.length) {
    const next = indexOfBytes(body, delimiter, from + 1);
    const end = next === -1 ? body.length : next;
    const part = body.subarray(from, end);
    const headEnd = indexOfBytes(part, blankLine);
    out +=
      headEnd === -1
        ? textOrPlaceholder(part)
        : textOrPlaceholder(part.subarray(0, headEnd + 4)) + textOrPlaceholder(part.subarray(headEnd + 4));
    from = end;
  }
  return out;
}

function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/**
 * Renders `req` as the HTTP/1.1 message sent (RFC 9112 §3, §5), lines ending CRLF:
 * ```
 * POST /echo/post/json HTTP/1.1        request line: method, origin-form target (path + query)
 * Host: 127.0.0.1:8080                 first; authority with the default port omitted (§3.2)
 * <header fields in order, duplicates kept>
 * Content-Length: 20                   in octets, when `contentLengthFor` says so (last)
 *                                      blank line, then the content
 * ```
 * A `Host` or `Content-Length` field already in `req.headers` (typed through the proxy) is
 * used instead of the generated one. `opts.transport === 'proxy'` (given explicitly: the raw
 * view of a proxied request): every field Node's http client adds is listed where it puts
 * it — `Host` first, `Content-Length` after the typed fields, then `Connection: keep-alive`
 * (the proxy's upstream agents keep connections alive) unless a `Connection` field was
 * typed; checked against the echo's raw header list in tests/server/proxy-wire-view.test.ts.
 * Without `opts.transport` the message is the generic HTTP/1.1 one (no Connection line;
 * Content-Length by the proxy's rule), as the `http` snippet shows it. `opts.transport === 'direct'`: header fields a browser
 * refuses (`isForbiddenRequestHeader`) are left out, so the view never claims they were
 * sent; note that the browser adds fields of its own (User-Agent, Origin, Accept-Encoding,
 * …) that no page can see, so they are not shown either.
 * Returns `{ text, bytes }`: `bytes` is the exact message (header section as Latin-1
 * octets, then the body bytes); `text` is the same message for display, with a body that
 * is not UTF-8 text (or a binary multipart part) shown as `<N bytes of binary content>`.
 * Throws `TypeError` if `req.url` is not an absolute URL (resolveRequest never gives one).
 */
export function renderHttpMessage(
  req: EffectiveRequest,
  opts: { transport?: Transport } = {},
): { text: string; bytes: Uint8Array } {
  const url = new URL(req.url);
  const headers =
    opts.transport === 'direct'
      ? req.headers.filter((h) => isForbiddenRequestHeader(h.name, h.value) === null)
      : req.headers;
  const has = (name: string) => headers.some((h) => h.name.toLowerCase() === name);
  // Not `url.search`: it hides an empty query, and `http://h/?` is sent as `/?`.
  const q = req.url.indexOf('?');
  const lines = [`${req.method} ${url.pathname}${q === -1 ? '' : req.url.slice(q)} HTTP/1.1`];
  if (!has('host')) lines.push(`Host: ${url.host}`);
  for (const h of headers) lines.push(`${h.name}: ${h.value}`);
  const length = contentLengthFor(req, opts.transport);
  if (length !== null && !has('content-length') && !has('transfer-encoding')) lines.push(`Content-Length: ${length}`);
  if (opts.transport === 'proxy' && !has('connection')) lines.push('Connection: keep-alive');
  const head = lines.join('\r\n') + '\r\n\r\n';
  const headBytes = latin1Bytes(head);
  if (req.body === null) return { text: head, bytes: headBytes };
  const bytes = concatBytes([headBytes, req.body]);
  const contentType = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  return { text: head + bodyText(req.body, contentType), bytes };
}
