/**
 * `/echo/ws`: a WebSocket echo (RFC 6455) on the `ws` library, for the app's WebSocket
 * requests and tests. Any origin (like the rest of /echo, it reflects only the caller's own data).
 *
 * - every text message comes back as text, every binary message as binary, octet for octet;
 * - a requested subprotocol is honoured: the first one offered is chosen (`?protocol=none`
 *   chooses none, to show a refused offer);
 * - pings are answered with pongs (the library does so, with the same payload);
 * - commands (text messages): `/close <code> <reason…>` closes with that code and reason;
 *   `/ping <data>` makes the server ping the client; `/headers` answers the handshake's
 *   raw header fields as JSON `[[name, value], …]` (to see what a proxy sent).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { RELAY_MAX_MESSAGE_BYTES, isSendableCloseCode } from '../../src/core/websocket/relay.ts';

/** Path of the WebSocket echo. */
export const WS_ECHO_PATH = '/echo/ws';

/** True when an upgrade request is for the WebSocket echo (query allowed). */
export function isWsEchoTarget(target: string): boolean {
  const path = target.split('?')[0];
  return path === WS_ECHO_PATH;
}

/** Makes the echo's upgrade handler (one `WebSocketServer` in no-server mode); `close()` ends its connections. */
export function createWsEcho(): {
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
} {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: RELAY_MAX_MESSAGE_BYTES,
    // Echo data as sent: no permessage-deflate, so sizes on the wire are the message sizes.
    perMessageDeflate: false,
    handleProtocols: (protocols, req) => {
      const wanted = new URL(req.url ?? '/', 'http://echo').searchParams.get('protocol');
      if (wanted === 'none') return false;
      const first = [...protocols][0];
      return first ?? false;
    },
  });
  wss.on('connection', (ws, req) => serve(ws, req));
  return {
    upgrade: (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)),
    close: () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

function serve(ws: WebSocket, req: IncomingMessage): void {
  ws.on('error', () => ws.terminate());
  ws.on('message', (data: Buffer, isBinary) => {
    if (isBinary) return ws.send(data, { binary: true });
    const text = data.toString('utf8');
    const close = /^\/close(?: (\d+))?(?: ([\s\S]*))?$/.exec(text);
    if (close) {
      const code = Number(close[1] ?? 1000);
      const reason = close[2] ?? '';
      if (!isSendableCloseCode(code) || Buffer.byteLength(reason) > 123)
        return ws.send(
          `Cannot close with ${code}: use 1000–1003, 1007–1014 or 3000–4999 and a reason of at most 123 octets.`,
        );
      return ws.close(code, reason);
    }
    const ping = /^\/ping(?: ([\s\S]*))?$/.exec(text);
    if (ping) return ws.ping(ping[1] ?? '');
    if (text === '/headers') {
      const pairs: [string, string][] = [];
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) pairs.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
      return ws.send(JSON.stringify(pairs));
    }
    ws.send(text);
  });
}
