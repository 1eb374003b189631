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
import { ECHO_CORS_HEADERS, MAX_ECHO_BODY_BYTES, echoReplyOf, isEchoPath } from './echo.ts';

/** Largest request head accepted here, in bytes (as the server's own limit). */
const MAX_HEAD_BYTES = 16 * 1024;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

type ClientError = Error & { code?: string; rawPacket?: Buffer };

/** `clientError` listener for Parley's HTTP servers. */
export function onClientError(err: ClientError, socket: Socket): void {
  if (err.code === 'HPE_INVALID_METHOD' && err.rawPacket && socket.writable) {
    // Node's parser has given up on this connection; its listeners must not see more bytes.
    socket.removeAllListeners('data');
    socket.removeAllListeners('end');
    readRawRequest(socket, err.rawPacket);
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

function readRawRequest(socket: Socket, first: Buffer): void {
  let buffered = first;
  let head: ParsedHead | null = null;
  let body: BodyReader | null = null;
  let done = false;
  const step = (): void => {
    if (done) return;
    if (!head) {
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) {
        if (buffered.length > MAX_HEAD_BYTES)
          return answer(socket, 431, 'Request Header Fields Too Large', 'The request head is too large.');
        return;
      }
      const parsed = parseHead(buffered.subarray(0, end).toString('latin1'));
      if (typeof parsed === 'string') return answer(socket, 400, 'Bad Request', parsed);
      head = parsed;
      if (!isEchoPath(head.target))
        return answer(socket, 501, 'Not Implemented', `The method ${head.method} is accepted only under /echo.`);
      const framing = bodyReaderFor(head.headers);
      if (typeof framing === 'string') return answer(socket, 400, 'Bad Request', framing);
      body = framing;
      buffered = buffered.subarray(end + 4);
    }
    const outcome = body!.feed(buffered);
    buffered = Buffer.alloc(0);
    if (outcome === 'more') return;
    if (typeof outcome === 'string')
      return answer(
        socket,
        outcome.startsWith('The echo') ? 413 : 400,
        outcome.startsWith('The echo') ? 'Payload Too Large' : 'Bad Request',
        outcome,
      );
    done = true;
    const reply = echoReplyOf(head.method, head.target, head.headers, head.httpVersion, outcome);
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
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    step();
  });
  socket.on('error', () => socket.destroy());
  socket.on('end', () => {
    if (!done) socket.destroy();
  });
  socket.resume();
  step();
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

interface BodyReader {
  /** Takes more bytes; returns 'more', the whole content, or a reason it is malformed or too large. */
  // 'more' is named for the reader although string covers it: a reason is a sentence, never 'more'.
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
  feed(chunk: Buffer): 'more' | Buffer | string;
}

function bodyReaderFor(headers: [string, string][]): BodyReader | string {
  const te = headers.filter(([n]) => n.toLowerCase() === 'transfer-encoding').map(([, v]) => v.toLowerCase());
  const cl = headers.filter(([n]) => n.toLowerCase() === 'content-length').map(([, v]) => v);
  if (te.length && cl.length) return 'Both Transfer-Encoding and Content-Length (RFC 9112 §6.1).';
  if (te.length) return /(^|,)\s*chunked\s*$/.test(te.join(',')) ? chunkedReader() : 'Unsupported Transfer-Encoding.';
  if (cl.length) {
    if (new Set(cl).size !== 1 || !/^\d+$/.test(cl[0]!)) return 'Invalid Content-Length.';
    const length = Number(cl[0]);
    if (length > MAX_ECHO_BODY_BYTES)
      return `The echo server reflects request content up to ${MAX_ECHO_BODY_BYTES} bytes; this one is larger.`;
    // Chunks are kept and joined once: concatenating on every chunk copies the content again each time.
    const chunks: Buffer[] = [];
    let got = 0;
    return {
      feed(chunk) {
        chunks.push(chunk);
        got += chunk.length;
        return got >= length ? Buffer.concat(chunks, got).subarray(0, length) : 'more';
      },
    };
  }
  return { feed: () => Buffer.alloc(0) };
}

/** Chunked transfer coding (RFC 9112 §7.1), trailers ignored. */
function chunkedReader(): BodyReader {
  let pending = Buffer.alloc(0);
  const parts: Buffer[] = [];
  let size = 0;
  return {
    feed(chunk) {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const eol = pending.indexOf('\r\n');
        if (eol < 0) return 'more';
        const sizeText = pending.subarray(0, eol).toString('latin1').split(';')[0]!.trim();
        if (!/^[0-9a-fA-F]+$/.test(sizeText)) return 'Invalid chunk size.';
        const n = parseInt(sizeText, 16);
        if (n === 0) return pending.indexOf('\r\n\r\n', eol) >= 0 ? Buffer.concat(parts) : 'more';
        if (pending.length < eol + 2 + n + 2) return 'more';
        size += n;
        if (size > MAX_ECHO_BODY_BYTES)
          return `The echo server reflects request content up to ${MAX_ECHO_BODY_BYTES} bytes; this one is larger.`;
        parts.push(pending.subarray(eol + 2, eol + 2 + n));
        pending = pending.subarray(eol + 2 + n + 2);
      }
    },
  };
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
