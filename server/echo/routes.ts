/**
 * The echo server's helper routes: one table, used for dispatch and for the README.
 *
 *   /echo/status/:code?reason=…      that status code and reason phrase (no body for HEAD/204/304)
 *   /echo/delay/:ms?head=now         the echo after :ms milliseconds (at most 60000); gives up when the client leaves;
 *                                    with head=now the status line and header fields go at once, only the content waits
 *   /echo/bytes/:n                   n bytes, byte i = i mod 256, with Content-Length
 *   /echo/cookies?name=value&…       one Set-Cookie per pair (three sample cookies without a query)
 *   /echo/cookies/check?name=value&… the echo (200) when the Cookie header holds every pair, else 400 naming the missing ones
 *   /echo/redirect/:n?status=302     a chain of n redirects ending at /echo/redirect/0 (the echo)
 *   /echo/redirect-to?url=…&status=  one redirect to url (default 302)
 *   /echo/charset/:label             "Zürich café naïve" encoded in utf-8, iso-8859-1, windows-1252, utf-16le or utf-16be
 *   /echo/json/big?mb=N              about N MB (MiB) of valid JSON with big integers, streamed, with Content-Length
 *   /echo/image.png                  a small valid PNG
 *   /echo/html                       an HTML page whose script would mark that it ran
 *   /echo/headers-dup                duplicate and mixed-case response header fields
 *   /echo/download?name=report.csv   a body with Content-Disposition: attachment
 *   /echo/encoded/:coding?pause=ms   a fixed JSON document with Content-Encoding gzip, deflate, deflate-raw, br, zstd or unknown;
 *                                    with pause, the second half of its bytes comes that many ms after the first
 *   /echo/digest/:algorithm/:user/:password?qop=auth   Digest-protected echo (RFC 7616): 401 challenge, then the echo
 *   /echo/graphql                    a GraphQL endpoint (GraphQL over HTTP, POST JSON or GET) with a small echo schema
 *   /echo/sse?n=5&interval=200       Server-Sent Events ticker; ids continue after Last-Event-ID (sse.ts)
 *   /echo/ws                         WebSocket echo on upgrade (ws.ts); a plain GET answers 426
 *   /echo/oauth/authorize | token | resource   OAuth 2.0 server (auto-approves) and protected resource (oauth.ts)
 *   anything else under /echo        the request as received (JSON, see EchoReply)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import {
  ECHO_CORS_HEADERS,
  buildEchoReply,
  readBody,
  sendEchoReply,
  sendEchoText,
  writeEchoReplyHead,
  MAX_ECHO_BODY_BYTES,
} from './echo.ts';
import { sendBytes, sendBigJson, tinyPng, sampleHtml, encodeSampleText, SAMPLE_CHARSETS } from './generators.ts';
import { contentTypeFor } from '../static.ts';
import { encoded as encodedRoute } from './encoded.ts';
import { digestRoute } from './digest.ts';
import { graphqlRoute } from './graphql.ts';
import { sseTicker } from './sse.ts';
import { wsEchoPlainGet } from './ws-plain.ts';
import { oauthAuthorize, oauthResource, oauthToken } from './oauth.ts';

type Route = (req: IncomingMessage, res: ServerResponse, params: string[], query: URLSearchParams) => void;

interface EchoRouteEntry {
  /** Path pattern as documented, e.g. `/echo/status/:code`. */
  pattern: string;
  description: string;
  match: RegExp;
  handle: Route;
}

/** Largest delay of /echo/delay, in ms. */
const MAX_DELAY_MS = 60_000;
/** Largest /echo/bytes size: 16 GiB (enough for any benchmark). */
const MAX_BYTES = 16 * 1024 ** 3;

const ROUTES: EchoRouteEntry[] = [
  {
    pattern: '/echo/status/:code?reason=…',
    description: 'that status code and reason phrase (no body for HEAD, 204 and 304)',
    match: /^\/echo\/status\/([^/]*)$/,
    handle: status,
  },
  {
    pattern: '/echo/delay/:ms?head=now',
    description: `the echo after :ms milliseconds (at most ${MAX_DELAY_MS}); stops when the client leaves; with head=now, the status line and header fields go at once and only the content waits`,
    match: /^\/echo\/delay\/(\d+)$/,
    handle: delay,
  },
  {
    pattern: '/echo/bytes/:n',
    description: 'n bytes (byte i = i mod 256) with Content-Length',
    match: /^\/echo\/bytes\/(\d+)$/,
    handle: bytes,
  },
  {
    pattern: '/echo/cookies?name=value&…',
    description: 'one Set-Cookie line per pair; three sample cookies without a query',
    match: /^\/echo\/cookies$/,
    handle: cookies,
  },
  {
    pattern: '/echo/cookies/check?name=value&…',
    description:
      'the echo (200) when the request’s Cookie header holds every name=value pair, else 400 with the pairs missing',
    match: /^\/echo\/cookies\/check$/,
    handle: checkCookies,
  },
  {
    pattern: '/echo/redirect/:n?status=302',
    description: 'a chain of n redirects ending at /echo/redirect/0, which echoes',
    match: /^\/echo\/redirect\/(\d+)$/,
    handle: redirectChain,
  },
  {
    pattern: '/echo/redirect-to?url=…&status=302',
    description: 'one redirect to url',
    match: /^\/echo\/redirect-to$/,
    handle: redirectTo,
  },
  {
    pattern: '/echo/charset/:label',
    description: `"Zürich café naïve" encoded in ${SAMPLE_CHARSETS.join(', ')}`,
    match: /^\/echo\/charset\/([A-Za-z0-9_-]+)$/,
    handle: charset,
  },
  {
    pattern: '/echo/json/big?mb=N',
    description: 'about N MiB of valid JSON with big integers, streamed, with Content-Length',
    match: /^\/echo\/json\/big$/,
    handle: bigJson,
  },
  { pattern: '/echo/image.png', description: 'a small valid PNG image', match: /^\/echo\/image\.png$/, handle: image },
  {
    pattern: '/echo/html',
    description: 'an HTML page whose script marks that it ran (for sandbox tests)',
    match: /^\/echo\/html$/,
    handle: html,
  },
  {
    pattern: '/echo/headers-dup',
    description: 'duplicate and mixed-case response header fields',
    match: /^\/echo\/headers-dup$/,
    handle: headersDup,
  },
  {
    pattern: '/echo/download?name=report.csv',
    description: 'a body with Content-Disposition: attachment',
    match: /^\/echo\/download$/,
    handle: download,
  },
  {
    pattern: '/echo/encoded/:coding?pause=ms',
    description:
      'a fixed JSON document (17,920 octets decoded) with Content-Encoding: gzip, deflate, deflate-raw (raw DEFLATE labelled deflate), br, zstd, or unknown (x-parley-unknown); with pause, the second half of the encoded bytes follows the first after that many ms (at most 60000)',
    match: /^\/echo\/encoded\/([^/]*)$/,
    handle: encodedRoute,
  },
  {
    pattern: '/echo/digest/:algorithm/:user/:password?qop=auth',
    description:
      'Digest-protected echo (RFC 7616): without valid credentials for user:password, 401 with a Digest challenge (algorithm MD5, SHA-256 or SHA-512-256, each also -sess; qop auth, auth-int or none); with them, the echo',
    match: /^\/echo\/digest\/([^/]+)\/([^/]+)\/([^/]+)$/,
    handle: digestRoute,
  },
  {
    pattern: '/echo/graphql',
    description:
      'a GraphQL endpoint (GraphQL over HTTP: POST application/json or GET ?query=&variables=&operationName=) with echo(text, times), items(first, color), fail(message) (always a GraphQL error), request, and the mutation createItem(input); introspection works',
    match: /^\/echo\/graphql$/,
    handle: graphqlRoute,
  },
  {
    pattern: '/echo/sse?n=5&interval=200&retry=&event=',
    description:
      'Server-Sent Events ticker (text/event-stream): n events (at most 10000) every interval ms, ids counting on from the Last-Event-ID request header, optional retry and event fields',
    match: /^\/echo\/sse$/,
    handle: sseTicker,
  },
  {
    pattern: '/echo/ws?protocol=none',
    description:
      'WebSocket echo (upgrade): text and binary messages echoed, the first offered subprotocol chosen (none with protocol=none), pings answered; commands /close <code> <reason>, /ping <data>, /headers. A plain GET answers 426',
    match: /^\/echo\/ws$/,
    handle: wsEchoPlainGet,
  },
  {
    pattern: '/echo/oauth/authorize',
    description:
      'OAuth 2.0 authorization endpoint that approves at once (user alice): 302 to redirect_uri with code and state (PKCE S256/plain; required for client parley-public), or response_type=token with the token in the fragment',
    match: /^\/echo\/oauth\/authorize$/,
    handle: oauthAuthorize,
  },
  {
    pattern: '/echo/oauth/token?expires_in=s',
    description:
      'OAuth 2.0 token endpoint (RFC 6749): authorization_code (checks redirect_uri and PKCE), client_credentials, password (alice / wonderland), refresh_token; clients parley-client / parley-secret (Basic or body) and parley-public; expires_in sets the lifetime',
    match: /^\/echo\/oauth\/token$/,
    handle: oauthToken,
  },
  {
    pattern: '/echo/oauth/resource',
    description:
      'protected resource: 200 with the token’s sub, client_id and scope for a valid Bearer token from the token endpoint, else 401 with WWW-Authenticate: Bearer',
    match: /^\/echo\/oauth\/resource$/,
    handle: oauthResource,
  },
];

/** The helper routes, for documentation (README). */
export const ECHO_ROUTES: ReadonlyArray<{ pattern: string; description: string }> = [
  ...ROUTES.map(({ pattern, description }) => ({ pattern, description })),
  {
    pattern: '/echo/** (any other path, any method)',
    description: 'the request as received: method, target, query, raw headers, body as text and base64',
  },
];

/** Finds the helper route for a request-target, bound to its parameters; `null` means plain echo. */
export function matchEchoRoute(target: string): ((req: IncomingMessage, res: ServerResponse) => void) | null {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : target.slice(q + 1));
  for (const route of ROUTES) {
    const m = route.match.exec(path);
    if (m) return (req, res) => route.handle(req, res, m.slice(1), query);
  }
  return null;
}

/** Echoes after reading the content; for routes that answer with the echo JSON. */
function withEcho(req: IncomingMessage, res: ServerResponse, send: (reply: unknown) => void): void {
  readBody(req, MAX_ECHO_BODY_BYTES).then(
    (body) => send(buildEchoReply(req, body)),
    (err: Error) => sendEchoText(res, 413, err.message),
  );
}

function status(req: IncomingMessage, res: ServerResponse, [code]: string[], query: URLSearchParams): void {
  const n = /^\d{3}$/.test(code!) ? Number(code) : 0;
  if (n < 200 || n > 599) return sendEchoText(res, 400, 'Choose a status code from 200 to 599.');
  const reason = query.get('reason') ?? undefined;
  if (reason !== undefined && /[^\t\x20-\x7e\x80-\xff]/.test(reason))
    return sendEchoText(res, 400, 'The reason phrase may hold only tab, space, visible ASCII and Latin-1 characters.');
  withEcho(req, res, (reply) => sendEchoReply(res, n, reason, reply));
}

/**
 * Lets tests see the delay route at work: `waiting` (target) when a delayed answer starts,
 * `abandoned` (target) when its client left before the answer — how cancel is proven end to end.
 */
export const delayEvents = new EventEmitter();

function delay(req: IncomingMessage, res: ServerResponse, [ms]: string[], query: URLSearchParams): void {
  const wait = Math.min(Number(ms), MAX_DELAY_MS);
  const headFirst = query.get('head') === 'now';
  withEcho(req, res, (reply) => {
    let answered = false;
    let content: Buffer | undefined;
    if (headFirst) {
      content = writeEchoReplyHead(res, 200, undefined, reply);
      // Without this, Node holds the head back until the first byte of content.
      res.flushHeaders();
    }
    const timer = setTimeout(() => {
      answered = true;
      if (headFirst) res.end(content);
      else sendEchoReply(res, 200, undefined, reply);
    }, wait);
    res.on('close', () => {
      if (answered) return;
      // The client left: stop waiting, nothing will read the answer.
      clearTimeout(timer);
      delayEvents.emit('abandoned', req.url);
    });
    delayEvents.emit('waiting', req.url);
  });
}

function bytes(req: IncomingMessage, res: ServerResponse, [n]: string[]): void {
  req.resume();
  const size = Number(n);
  if (size > MAX_BYTES) return sendEchoText(res, 400, `At most ${MAX_BYTES} bytes.`);
  res.writeHead(
    200,
    [
      ...ECHO_CORS_HEADERS,
      ['Content-Type', 'application/octet-stream'],
      ['Content-Length', String(size)],
      ['Cache-Control', 'no-store'],
    ].flat(),
  );
  if (req.method === 'HEAD') return void res.end();
  sendBytes(res, size);
}

function cookies(req: IncomingMessage, res: ServerResponse, _params: string[], query: URLSearchParams): void {
  const pairs = [...query];
  const lines = pairs.length
    ? pairs.map(([name, value]) => `${name}=${value}; Path=/`)
    : [
        'session=abc123; Path=/; HttpOnly; SameSite=Lax',
        'theme=dark; Path=/; Max-Age=3600',
        'lang=en-GB; Path=/echo; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Secure',
      ];
  if (lines.some((l) => /[\r\n\0]/.test(l) || /[^\t\x20-\x7e\x80-\xff]/.test(l)))
    return sendEchoText(res, 400, 'Cookie names and values may not hold line breaks or characters beyond Latin-1.');
  withEcho(req, res, (reply) =>
    sendEchoReply(
      res,
      200,
      undefined,
      reply,
      lines.map((l) => ['Set-Cookie', l]),
    ),
  );
}

/** The cookie pairs of the request's Cookie field(s) (RFC 6265 §4.2: `name=value` joined by `; `). */
function requestCookies(req: IncomingMessage): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() !== 'cookie') continue;
    for (const part of req.rawHeaders[i + 1]!.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0) out.push([part.slice(0, eq).trim(), part.slice(eq + 1).trim()]);
    }
  }
  return out;
}

function checkCookies(req: IncomingMessage, res: ServerResponse, _params: string[], query: URLSearchParams): void {
  const have = requestCookies(req);
  const missing = [...query]
    .filter(([n, v]) => !have.some(([hn, hv]) => hn === n && hv === v))
    .map(([n, v]) => `${n}=${v}`);
  withEcho(req, res, (reply) =>
    missing.length === 0 ? sendEchoReply(res, 200, undefined, reply) : sendEchoReply(res, 400, undefined, { missing }),
  );
}

function redirectStatus(query: URLSearchParams): number | null {
  const s = Number(query.get('status') ?? 302);
  return [301, 302, 303, 307, 308].includes(s) ? s : null;
}

function redirectChain(req: IncomingMessage, res: ServerResponse, [n]: string[], query: URLSearchParams): void {
  const left = Number(n);
  const code = redirectStatus(query);
  if (code === null) return sendEchoText(res, 400, 'status must be 301, 302, 303, 307 or 308.');
  if (left === 0) return withEcho(req, res, (reply) => sendEchoReply(res, 200, undefined, reply));
  req.resume();
  const suffix = query.has('status') ? `?status=${code}` : '';
  sendRedirect(res, code, `/echo/redirect/${left - 1}${suffix}`);
}

function redirectTo(req: IncomingMessage, res: ServerResponse, _p: string[], query: URLSearchParams): void {
  req.resume();
  const url = query.get('url');
  const code = redirectStatus(query);
  if (!url || /[\r\n\0]/.test(url) || /[^\x20-\x7e\x80-\xff]/.test(url))
    return sendEchoText(res, 400, 'Give the target as ?url=… (no line breaks).');
  if (code === null) return sendEchoText(res, 400, 'status must be 301, 302, 303, 307 or 308.');
  sendRedirect(res, code, url);
}

function sendRedirect(res: ServerResponse, code: number, location: string): void {
  const body = Buffer.from(`Redirecting to ${location}\n`);
  res.writeHead(
    code,
    [
      ...ECHO_CORS_HEADERS,
      ['Location', location],
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['Content-Length', String(body.length)],
    ].flat(),
  );
  res.end(body);
}

function charset(req: IncomingMessage, res: ServerResponse, [label]: string[]): void {
  req.resume();
  const encoded = encodeSampleText(label!);
  if (!encoded) return sendEchoText(res, 400, `Unknown charset "${label}"; try one of ${SAMPLE_CHARSETS.join(', ')}.`);
  res.writeHead(
    200,
    [
      ...ECHO_CORS_HEADERS,
      ['Content-Type', `text/plain; charset=${label}`],
      ['Content-Length', String(encoded.length)],
    ].flat(),
  );
  res.end(encoded);
}

function bigJson(req: IncomingMessage, res: ServerResponse, _p: string[], query: URLSearchParams): void {
  req.resume();
  const mb = Number(query.get('mb') ?? 1);
  if (!(mb > 0 && mb <= 1024)) return sendEchoText(res, 400, 'mb must be a number above 0 and at most 1024.');
  sendBigJson(res, mb, [...ECHO_CORS_HEADERS, ['Cache-Control', 'no-store']]);
}

function image(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  const png = tinyPng();
  res.writeHead(
    200,
    [...ECHO_CORS_HEADERS, ['Content-Type', 'image/png'], ['Content-Length', String(png.length)]].flat(),
  );
  res.end(png);
}

function html(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  const body = Buffer.from(sampleHtml());
  res.writeHead(
    200,
    [
      ...ECHO_CORS_HEADERS,
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Content-Length', String(body.length)],
    ].flat(),
  );
  res.end(body);
}

/** Response header fields as a server may really send them: duplicates, odd case. */
const DUPLICATE_HEADERS: [string, string][] = [
  ['X-Dup', 'one'],
  ['x-dup', 'two'],
  ['X-DUP', 'three'],
  ['x-MiXeD-cAsE', 'kept'],
  ['Set-Cookie', 'a=1; Path=/'],
  ['Set-Cookie', 'b=2; Path=/'],
];

function headersDup(req: IncomingMessage, res: ServerResponse): void {
  withEcho(req, res, (reply) => sendEchoReply(res, 200, undefined, reply, DUPLICATE_HEADERS));
}

function download(req: IncomingMessage, res: ServerResponse, _p: string[], query: URLSearchParams): void {
  req.resume();
  // Keep the name a plain file name: no quotes, separators or control characters.
  // eslint-disable-next-line no-control-regex -- strips control octets from a file name
  const name = (query.get('name') ?? 'report.csv').replace(/[\\/"\x00-\x1f\x7f]/g, '_').slice(0, 200) || 'download';
  const asciiName = name.replace(/[^\x20-\x7e]/g, '_');
  const body = Buffer.from('id,name,city\n1,Emma,Boston\n2,Zoë,Zürich\n');
  res.writeHead(
    200,
    [
      ...ECHO_CORS_HEADERS,
      ['Content-Type', contentTypeFor(name)],
      ['Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`],
      ['Content-Length', String(body.length)],
    ].flat(),
  );
  res.end(body);
}
