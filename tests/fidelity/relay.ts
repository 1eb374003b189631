/**
 * A loopback TCP relay in front of the echo server that records each HTTP response the
 * echo sent back. Snippets print the response in different ways (or not at all); reading
 * the echo's reply off the wire works the same for every client.
 */
import { createServer, connect, type Server, type AddressInfo } from 'node:net';
import type { EchoReply } from '../../src/core/wire/echo.ts';

export interface Relay {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Echo replies seen so far, in order. */
  replies(): EchoReply[];
  clear(): void;
  close(): Promise<void>;
}

/** Parses every complete HTTP/1.1 response (Content-Length or chunked) in `buf`. */
function parseResponses(buf: Buffer): EchoReply[] {
  const out: EchoReply[] = [];
  let pos = 0;
  for (;;) {
    const headEnd = buf.indexOf('\r\n\r\n', pos);
    if (headEnd < 0) break;
    const head = buf.subarray(pos, headEnd).toString('latin1');
    const lengthMatch = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let body: Buffer;
    let next: number;
    if (lengthMatch) {
      const n = Number(lengthMatch[1]);
      if (buf.length < headEnd + 4 + n) break;
      body = buf.subarray(headEnd + 4, headEnd + 4 + n);
      next = headEnd + 4 + n;
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const chunks: Buffer[] = [];
      let p = headEnd + 4;
      let done = false;
      for (;;) {
        const lineEnd = buf.indexOf('\r\n', p);
        if (lineEnd < 0) break;
        const size = parseInt(buf.subarray(p, lineEnd).toString('latin1'), 16);
        if (size === 0) {
          done = buf.length >= lineEnd + 4;
          p = lineEnd + 4;
          break;
        }
        if (buf.length < lineEnd + 2 + size + 2) break;
        chunks.push(buf.subarray(lineEnd + 2, lineEnd + 2 + size));
        p = lineEnd + 2 + size + 2;
      }
      if (!done) break;
      body = Buffer.concat(chunks);
      next = p;
    } else break;
    try {
      out.push(JSON.parse(body.toString('utf8')) as EchoReply);
    } catch {
      // not an echo reply (e.g. an error page): ignore
    }
    pos = next;
  }
  return out;
}

export async function startRelay(targetPort: number): Promise<Relay> {
  const streams: Buffer[][] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    const chunks: Buffer[] = [];
    streams.push(chunks);
    const upstream = connect(targetPort, '127.0.0.1');
    client.pipe(upstream);
    upstream.on('data', (d: Buffer) => {
      chunks.push(d);
      client.write(d);
    });
    upstream.on('end', () => client.end());
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    replies: () => streams.flatMap((c) => parseResponses(Buffer.concat(c))),
    clear: () => void streams.splice(0),
    close: () =>
      new Promise<void>((res) => {
        for (const s of sockets) s.destroy();
        server.close(() => res());
      }),
  };
}
