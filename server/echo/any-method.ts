/**
 * Echo for any method token. RFC 9110 §9.1 lets a method be any token, but Node's HTTP parser
 * (llhttp) knows a fixed list (GET … PURGE, MKCOL, QUERY …) and fails others with
 * HPE_INVALID_METHOD before a handler runs. For those, this takes over the connection's raw
 * bytes, parses the one request itself (RFC 9112: request line, fields, Content-Length or
 * chunked content), answers under /echo with the same JSON as the echo, and closes.
 * Helper routes (status, delay, …) are not applied to such methods; they get the plain echo.
 *
 * Any other client error gets Node's usual answer (400, 408, 413 or 431) and the connection closes.
 */
import type { Socket } from 'node:net';
import { DEFAULT_DEADLINES } from '../timeouts.ts';
import { ECHO_CORS_HEADERS, MAX_ECHO_BODY_BYTES, echoReplyOf, isEchoPath } from './echo.ts';
import {
  ContentCollector,
  chunkedDecoder,
  lengthDecoder,
  tooLargeMessage,
  type ContentDecoder,
  type DecodeStep,
} from './content.ts';

/** Largest request head accepted here, in bytes (as the server's own limit). */
const MAX_HEAD_BYTES = 16 * 1024;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

type ClientError = Error & { code?: string; rawPacket?: Buffer };

/**
 * `clientError` listener for Parley's HTTP servers; `bodyGapMs` is the longest pause allowed
 * while the raw parser reads a request.
 */
export function clientErrorHandler(bodyGapMs: number): (err: ClientError, socket: Socket) => void {
  return (err, socket) => handleClientError(err, socket, bodyGapMs);
}

/** `clientError` listener with the default deadlines (the Vite dev server uses it). */
export const onClientError = clientErrorHandler(DEFAULT_DEADLINES.bodyGapMs);

function handleClientError(err: ClientError, socket: Socket, bodyGapMs: number): void {
  if (err.code === 'HPE_INVALID_METHOD' && err.rawPacket && socket.writable) {
    // Node's parser has given up on this connection; its listeners must not see more bytes.
    socket.removeAllListeners('data');
    socket.removeAllListeners('end');
    socket.removeAllListeners('timeout');
    readRawRequest(socket, err.rawPacket, bodyGapMs);
    return;
  }
  // Node's behaviour when nobody listens (lib/_http_server.js socketOnError).
  if (
    socket.writable &&
    (!('_httpMessage' in socket) ||
      !(socket as Socket & { _httpMessage?: { _headerSent?: boolean } })._httpMessage?._headerSent)
  ) {
    const status =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : err.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW'
          ? '413 Payload Too Large'
          : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? '408 Request Timeout'
            : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  }
  socket.destroy(err);
}

/**
 * Takes over a connection Node's parser gave up on. Everything is linear in the bytes received:
 * the head is collected as a list of chunks (at most `MAX_HEAD_BYTES`), the content is decoded
 * as it arrives (`content.ts`); the cap is enforced on bytes received, and a pause longer than
 * `bodyGapMs` drops the connection.
 */
function readRawRequest(socket: Socket, first: Buffer, bodyGapMs: number): void {
  let headChunks: Buffer[] = [];
  let headBytes = 0;
  let tail = Buffer.alloc(0);
  let head: ParsedHead | null = null;
  let decoder: ContentDecoder | null = null;
  const collector = new ContentCollector();
  let done = false;
  const finish = (status: number, reason: string, text: string): void => {
    done = true;
    socket.setTimeout(0);
    answer(socket, status, reason, text);
  };
  const step = (chunk: Buffer): void => {
    if (done) return;
    if (!head) {
      // Only the newest chunk and the 3 bytes before it can hold the end of the head: the chunks
      // are joined once, when it is found.
      const seam = Buffer.concat([tail, chunk.subarray(0, 3)]);
      const at = seam.indexOf('\r\n\r\n');
      const inChunk = at >= 0 ? -1 : chunk.indexOf('\r\n\r\n');
      headChunks.push(chunk);
      headBytes += chunk.length;
      if (at < 0 && inChunk < 0) {
        if (headBytes > MAX_HEAD_BYTES)
          return finish(431, 'Request Header Fields Too Large', 'The request head is too large.');
        tail = Buffer.concat([tail, chunk]).subarray(-3);
        return;
      }
      const end = headBytes - chunk.length + (at >= 0 ? at - tail.length : inChunk);
      if (end > MAX_HEAD_BYTES) return finish(431, 'Request Header Fields Too Large', 'The request head is too large.');
      const joined = Buffer.concat(headChunks, headBytes);
      const parsed = parseHead(joined.subarray(0, end).toString('latin1'));
      if (typeof parsed === 'string') return finish(400, 'Bad Request', parsed);
      head = parsed;
      if (!isEchoPath(head.target))
        return finish(501, 'Not Implemented', `The method ${head.method} is accepted only under /echo.`);
      const framing = decoderFor(head.headers, collector);
      if ('kind' in framing)
        return finish(framing.status, framing.status === 413 ? 'Payload Too Large' : 'Bad Request', framing.message);
      decoder = framing;
      chunk = joined.subarray(end + 4);
      headChunks = [];
    }
    const outcome = decoder!.feed(chunk);
    if (outcome.kind === 'more') return;
    if (outcome.kind === 'error')
      return finish(outcome.status, outcome.status === 413 ? 'Payload Too Large' : 'Bad Request', outcome.message);
    done = true;
    socket.setTimeout(0);
    const reply = echoReplyOf(head.method, head.target, head.headers, head.httpVersion, collector.finish());
    const json = Buffer.from(JSON.stringify(reply, null, 2) + '\n');
    const lines = [
      ...ECHO_CORS_HEADERS,
      ['Cache-Control', 'no-store'],
      ['Content-Type', 'application/json; charset=utf-8'],
      ['Content-Length', String(json.length)],
      ['Connection', 'close'],
    ];
    socket.end(
      Buffer.concat([
        Buffer.from(`HTTP/1.1 200 OK\r\n${lines.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`, 'latin1'),
        json,
      ]),
    );
  };
  socket.on('data', step);
  socket.on('error', () => socket.destroy());
  socket.on('end', () => {
    if (!done) socket.destroy();
  });
  socket.setTimeout(bodyGapMs, () => socket.destroy());
  socket.resume();
  step(first);
}

interface ParsedHead {
  method: string;
  target: string;
  httpVersion: string;
  headers: [string, string][];
}

/** Request line and header fields (RFC 9112 §3, §5); a string is the reason it is malformed. */
function parseHead(text: string): ParsedHead | string {
  const [line = '', ...fieldLines] = text.split('\r\n');
  const m = /^(\S+) (\S+) HTTP\/(\d\.\d)$/.exec(line);
  if (!m || !TOKEN.test(m[1]!)) return 'The request line is not "METHOD target HTTP/1.1".';
  const headers: [string, string][] = [];
  for (const field of fieldLines) {
    const colon = field.indexOf(':');
    const name = field.slice(0, colon);
    if (colon <= 0 || !TOKEN.test(name)) return `The header line "${field}" is malformed.`;
    headers.push([name, field.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')]);
  }
  return { method: m[1]!, target: m[2]!, httpVersion: m[3]!, headers };
}

/** The decoder for the request's framing (RFC 9112 §6.3), or the reason it is refused. */
function decoderFor(
  headers: [string, string][],
  sink: ContentCollector,
): ContentDecoder | (DecodeStep & { kind: 'error' }) {
  const bad = (message: string, status: 400 | 413 = 400) => ({ kind: 'error' as const, status, message });
  const te = headers.filter(([n]) => n.toLowerCase() === 'transfer-encoding').map(([, v]) => v.toLowerCase());
  const cl = headers.filter(([n]) => n.toLowerCase() === 'content-length').map(([, v]) => v);
  if (te.length && cl.length) return bad('Both Transfer-Encoding and Content-Length (RFC 9112 §6.1).');
  if (te.length)
    return /(^|,)\s*chunked\s*$/.test(te.join(','))
      ? chunkedDecoder(MAX_ECHO_BODY_BYTES, sink)
      : bad('Unsupported Transfer-Encoding.');
  if (cl.length) {
    if (new Set(cl).size !== 1 || !/^\d+$/.test(cl[0]!)) return bad('Invalid Content-Length.');
    const length = Number(cl[0]);
    if (length > MAX_ECHO_BODY_BYTES) return bad(tooLargeMessage(MAX_ECHO_BODY_BYTES), 413);
    return lengthDecoder(length, sink);
  }
  return lengthDecoder(0, sink);
}

function answer(socket: Socket, status: number, reason: string, text: string): void {
  socket.removeAllListeners('data');
  const body = Buffer.from(text + '\n');
  socket.end(
    Buffer.concat([
      Buffer.from(
        `HTTP/1.1 ${status} ${reason}\r\nAccess-Control-Allow-Origin: *\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
        'latin1',
      ),
      body,
    ]),
  );
}
