/**
 * The plain echo: the request exactly as received (`EchoReply`), and the reply writers that the
 * helper routes (`routes.ts`) share. The entry point that picks a route is `entry.ts`; keeping it
 * apart keeps routes.ts → echo.ts one-way (no import cycle).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EchoReply } from '../../src/core/wire/echo.ts';

/** Largest request content the echo reflects, in bytes (it is buffered to build the JSON). */
export const MAX_ECHO_BODY_BYTES = 64 * 1024 * 1024;

/** Headers every echo response carries so any page may read it. */
export const ECHO_CORS_HEADERS: [string, string][] = [
  ['Access-Control-Allow-Origin', '*'],
  ['Access-Control-Expose-Headers', '*'],
];

/** True for `/echo`, `/echo/...` and `/echo?...`. */
export function isEchoPath(target: string): boolean {
  return target === '/echo' || target.startsWith('/echo/') || target.startsWith('/echo?');
}

/** Reads the request content, rejecting with a readable message above `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new Error(`The echo server reflects request content up to ${limit} bytes; this one is larger.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The `EchoReply` for a request whose content has been read. */
export function buildEchoReply(req: IncomingMessage, body: Buffer): EchoReply {
  const headers: [string, string][] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
  return echoReplyOf(req.method ?? '', req.url ?? '', headers, req.httpVersion, body);
}

/** The `EchoReply` from the parts of a request (also used by the raw parser in `any-method.ts`). */
export function echoReplyOf(
  method: string,
  target: string,
  headers: [string, string][],
  httpVersion: string,
  body: Buffer,
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
    body: { text: body.toString('utf8'), base64: body.toString('base64'), size: body.length },
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
