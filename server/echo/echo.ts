/**
 * The plain echo: the request exactly as received (`EchoReply`), and the reply writers that the
 * helper routes (`routes.ts`) share. The entry point that picks a route is `entry.ts`; keeping it
 * apart keeps routes.ts → echo.ts one-way (no import cycle).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EchoReply } from '../../src/core/wire/echo.ts';
import { DEFAULT_DEADLINES } from '../timeouts.ts';
import { ContentCollector, tooLargeMessage, type EchoContent } from './content.ts';

/** Largest request content the echo accepts, in bytes (read streaming; only 1 MiB of it is kept). */
export const MAX_ECHO_BODY_BYTES = 64 * 1024 * 1024;

/**
 * Headers every echo response carries: any page may read it (CORS), and because the echo shares
 * Parley's origin, a response opened directly in a tab (`/echo/html`, an echoed body) runs in an
 * opaque origin (`Content-Security-Policy: sandbox`, CSP3 §6.3.2) with no MIME sniffing, so no
 * echoed byte can act as Parley's page.
 */
export const ECHO_CORS_HEADERS: [string, string][] = [
  ['Access-Control-Allow-Origin', '*'],
  ['Access-Control-Expose-Headers', '*'],
  ['Content-Security-Policy', 'sandbox'],
  ['X-Content-Type-Options', 'nosniff'],
];

/** True for `/echo`, `/echo/...` and `/echo?...`. */
export function isEchoPath(target: string): boolean {
  return target === '/echo' || target.startsWith('/echo/') || target.startsWith('/echo?');
}

/** Body gap deadline per request, set by the entry point (`entry.ts`) for the routes' `readBody` calls. */
const gapOf = new WeakMap<IncomingMessage, number>();

/** Records the longest pause (ms) allowed in `req`'s content, used by later `readBody(req, …)` calls. */
export function setBodyGap(req: IncomingMessage, gapMs: number): void {
  gapOf.set(req, gapMs);
}

/**
 * Default longest pause between two pieces of request content, in ms; a client that stops
 * sending is dropped (the socket is destroyed) so it does not hold the connection forever.
 */
export const BODY_GAP_TIMEOUT_MS = DEFAULT_DEADLINES.bodyGapMs;

/**
 * Reads the request content as it streams in (`ContentCollector`: bounded memory, linear time),
 * rejecting with a readable message as soon as more than `limit` bytes have been received.
 * A pause of more than `gapMs` between chunks destroys the connection and rejects.
 */
export function readBody(
  req: IncomingMessage,
  limit: number,
  gapMs = gapOf.get(req) ?? BODY_GAP_TIMEOUT_MS,
): Promise<EchoContent> {
  return new Promise((resolve, reject) => {
    const collector = new ContentCollector();
    // The gap deadline also guards the drain of refused content; it ends with the request.
    req.setTimeout(gapMs, () => {
      reject(new Error(`No request content for ${gapMs} ms; the connection was closed.`));
      req.destroy();
    });
    req.once('end', () => void req.setTimeout(0));
    req.once('error', (err) => {
      req.setTimeout(0);
      reject(err);
    });
    const refuse = (): void => {
      req.removeAllListeners('data');
      // Drained, not kept: the rest is read and dropped (linear, no memory) so the answer can go
      // out; once it has, Node moves the socket timer to keep-alive, so the drain keeps its own.
      const idle = setTimeout(() => req.destroy(), gapMs);
      req.on('data', () => idle.refresh());
      req.once('close', () => clearTimeout(idle));
      req.once('end', () => clearTimeout(idle));
      reject(new Error(tooLargeMessage(limit)));
    };
    // Refused before reading: the client learns at once instead of after uploading the cap.
    if (Number(req.headers['content-length'] ?? 0) > limit) return refuse();
    req.on('data', (chunk: Buffer) => {
      if (collector.size + chunk.length > limit) return refuse();
      collector.add(chunk);
    });
    req.once('end', () => resolve(collector.finish()));
  });
}

/** The `EchoReply` for a request whose content has been read. */
export function buildEchoReply(req: IncomingMessage, body: EchoContent): EchoReply {
  const headers: [string, string][] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
  return echoReplyOf(req.method ?? '', req.url ?? '', headers, req.httpVersion, body);
}

/**
 * The `EchoReply` from the parts of a request; content above `ECHO_INLINE_BODY_BYTES` is
 * reflected as its size, SHA-256 and leading octets (see `EchoReply.body`). The parts come from Node's parser or the raw one in `any-method.ts`.
 */
export function echoReplyOf(
  method: string,
  target: string,
  headers: [string, string][],
  httpVersion: string,
  body: EchoContent,
): EchoReply {
  const q = target.indexOf('?');
  const rawQuery = q < 0 ? '' : target.slice(q + 1);
  return {
    method,
    target,
    path: q < 0 ? target : target.slice(0, q),
    query: { raw: rawQuery, pairs: [...new URLSearchParams(rawQuery)] },
    headers,
    httpVersion,
    body: {
      text: body.prefix.toString('utf8'),
      base64: body.prefix.toString('base64'),
      size: body.size,
      sha256: body.sha256,
      truncated: body.size > body.prefix.length,
    },
  };
}

/** Sends an echo JSON reply with a chosen status and reason phrase (no body for HEAD, 204, 304). */
export function sendEchoReply(
  res: ServerResponse,
  status: number,
  reason: string | undefined,
  reply: unknown,
  extra: [string, string][] = [],
): void {
  res.end(writeEchoReplyHead(res, status, reason, reply, extra));
}

/**
 * Writes the status line and header fields of an echo JSON reply (Content-Length included) and
 * returns the content still to send — `undefined` when there is none (HEAD, 1xx, 204, 304).
 */
export function writeEchoReplyHead(
  res: ServerResponse,
  status: number,
  reason: string | undefined,
  reply: unknown,
  extra: [string, string][] = [],
): Buffer | undefined {
  const noBody = res.req.method === 'HEAD' || status === 204 || status === 304 || (status >= 100 && status < 200);
  const body = Buffer.from(JSON.stringify(reply, null, 2) + '\n');
  const headers: [string, string][] = [...ECHO_CORS_HEADERS, ...extra, ['Cache-Control', 'no-store']];
  if (!noBody || res.req.method === 'HEAD') {
    headers.push(['Content-Type', 'application/json; charset=utf-8'], ['Content-Length', String(body.length)]);
  }
  if (reason === undefined) res.writeHead(status, headers.flat());
  else res.writeHead(status, reason, headers.flat());
  return noBody ? undefined : body;
}

/** A short text answer from the echo server (errors of helper routes). */
export function sendEchoText(res: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(text + '\n');
  res.writeHead(
    status,
    [
      ...ECHO_CORS_HEADERS,
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['Content-Length', String(body.length)],
    ].flat(),
  );
  res.end(body);
}
