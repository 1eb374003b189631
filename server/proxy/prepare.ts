/**
 * Pure rules for the upstream request: validation of what the app asked for, message framing
 * (RFC 9112 §6), and what changes on a followed redirect (Fetch standard, HTTP-redirect fetch).
 */
import type { ProxyRequestHead } from '../../src/core/wire/proxy.ts';
import { ProxyError } from './errors.ts';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Field values: visible octets, space and tab (RFC 9110 §5.5); obs-text (0x80–0xFF) allowed. */
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Methods Node's client would frame with chunked encoding when no length is given. */
const NO_DEFAULT_BODY = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);

export interface UpstreamTarget {
  url: URL;
  /** The request-target as the user wrote it (path + query), not re-normalised when valid. */
  requestTarget: string;
}

/**
 * Parses the absolute target URI and keeps its path and query as written when they are a
 * valid request-target (RFC 9112 §3.2), so `/a/../b` or `%7e` are sent as typed.
 * @throws ProxyError (400) for a URL that is not absolute http(s).
 */
export function parseTarget(raw: string): UpstreamTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ProxyError(400, 'bad-request', `"${raw}" is not a valid absolute URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProxyError(
      400,
      'bad-request',
      `The proxy sends only http and https requests, not ${url.protocol.replace(':', '')}.`,
    );
  }
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*([^#]*)/.exec(raw);
  const written = m?.[1] ?? '';
  const requestTarget = /^[/?][\x21-\x7e]*$/.test(written)
    ? written.startsWith('?')
      ? '/' + written
      : written
    : url.pathname + url.search;
  return { url, requestTarget };
}

function has(headers: [string, string][], name: string): boolean {
  return headers.some(([n]) => n.toLowerCase() === name);
}

/**
 * Checks the method and header fields and returns the pairs to send, in order, with the
 * framing the body needs: the user's own `Host`, `Content-Length` and `Transfer-Encoding`
 * are kept verbatim; missing ones are added (`Host` first, a length last).
 *
 * @param bodyLength content octets, or `null` when not known in advance (then chunked).
 * @throws ProxyError (400) with a sentence naming the faulty field.
 */
export function prepareHeaders(
  head: Pick<ProxyRequestHead, 'method' | 'headers'>,
  url: URL,
  bodyLength: number | null,
): [string, string][] {
  if (!TOKEN.test(head.method))
    throw new ProxyError(
      400,
      'bad-request',
      `"${head.method}" is not a valid method: use letters, digits and !#$%&'*+-.^_\`|~ only.`,
    );
  for (const [name, value] of head.headers) {
    if (!TOKEN.test(name)) throw new ProxyError(400, 'bad-request', `"${name}" is not a valid header name.`);
    if (!FIELD_VALUE.test(value))
      throw new ProxyError(
        400,
        'bad-request',
        `The value of header "${name}" holds a line break, a control character or a character outside Latin-1.`,
      );
  }
  const headers = head.headers.map(([n, v]): [string, string] => [n, v]);
  const lengths = [...new Set(headers.filter(([n]) => n.toLowerCase() === 'content-length').map(([, v]) => v.trim()))];
  const te = headers.filter(([n]) => n.toLowerCase() === 'transfer-encoding').map(([, v]) => v);
  if (lengths.length > 0 && te.length > 0) {
    throw new ProxyError(
      400,
      'bad-request',
      'The request has both Content-Length and Transfer-Encoding; a sender must not send both (RFC 9112 §6.2). Remove one.',
    );
  }
  if (lengths.length > 1 || (lengths[0] !== undefined && !/^\d+$/.test(lengths[0]))) {
    throw new ProxyError(
      400,
      'bad-request',
      `Content-Length must be one number of octets, not "${lengths.join(', ')}".`,
    );
  }
  if (te.length > 0 && !/(^|,)\s*chunked\s*$/i.test(te.join(','))) {
    throw new ProxyError(400, 'bad-request', 'Transfer-Encoding must end with "chunked" (RFC 9112 §6.1).');
  }
  if (lengths[0] !== undefined && bodyLength !== null && Number(lengths[0]) !== bodyLength) {
    throw new ProxyError(
      400,
      'bad-request',
      `Content-Length says ${lengths[0]} octets but the body has ${bodyLength}. Correct the header or remove it (Parley then sets it).`,
    );
  }
  if (!has(headers, 'host')) headers.unshift(['Host', url.host]);
  if (lengths.length === 0 && te.length === 0) {
    if (bodyLength === null) headers.push(['Transfer-Encoding', 'chunked']);
    else if (bodyLength > 0 || !NO_DEFAULT_BODY.has(head.method.toUpperCase()))
      headers.push(['Content-Length', String(bodyLength)]);
  }
  return headers;
}

/** Status codes that redirect (RFC 9110 §15.4; 300 and 304 are not followed). */
export function isRedirectStatus(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** Fetch's request-body-header names, plus the framing fields, dropped when the body is. */
const BODY_HEADERS = new Set([
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
  'content-length',
  'transfer-encoding',
]);
/** Credentials that must not leak to another origin (Fetch drops Authorization; we also drop Cookie). */
const CROSS_ORIGIN_DROP = new Set(['authorization', 'proxy-authorization', 'cookie', 'host']);

export interface NextHop {
  method: string;
  url: URL;
  requestTarget: string;
  headers: [string, string][];
  keepBody: boolean;
}

/**
 * The request for the next hop of a followed redirect (Fetch, HTTP-redirect fetch, steps 11–13):
 * 301/302 turn POST into GET and 303 turns anything but GET/HEAD into GET, dropping the body
 * and its headers; a hop to another origin drops Authorization, Proxy-Authorization, Cookie
 * and a user-set Host.
 * @throws ProxyError (502) when Location is not a valid http(s) URL.
 */
export function nextHop(
  status: number,
  location: string,
  method: string,
  current: URL,
  headers: [string, string][],
): NextHop {
  let url: URL;
  try {
    url = new URL(location, current);
  } catch {
    throw new ProxyError(502, 'upstream-error', `The server redirected to "${location}", which is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProxyError(
      502,
      'upstream-error',
      `The server redirected to a ${url.protocol} URL, which the proxy does not follow.`,
    );
  }
  const upper = method.toUpperCase();
  const toGet =
    ((status === 301 || status === 302) && upper === 'POST') || (status === 303 && upper !== 'GET' && upper !== 'HEAD');
  const crossOrigin = url.origin !== current.origin;
  const kept = headers.filter(([name]) => {
    const n = name.toLowerCase();
    if (toGet && BODY_HEADERS.has(n)) return false;
    if (crossOrigin && CROSS_ORIGIN_DROP.has(n)) return false;
    // The Host we added for the previous target must follow the new one.
    return n !== 'host' || !crossOrigin;
  });
  return {
    method: toGet ? 'GET' : method,
    url,
    requestTarget: url.pathname + url.search,
    headers: kept,
    keepBody: !toGet,
  };
}
