/** `/echo/ws` without an upgrade: 426 Upgrade Required (RFC 9110 §15.5.22), saying how to connect. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ECHO_CORS_HEADERS } from './echo.ts';

export function wsEchoPlainGet(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  const body = Buffer.from('This is a WebSocket echo: connect to ws://…/echo/ws with a WebSocket client.\n');
  res.writeHead(
    426,
    [
      ...ECHO_CORS_HEADERS,
      ['Upgrade', 'websocket'],
      ['Connection', 'Upgrade'],
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['Content-Length', String(body.length)],
    ].flat(),
  );
  res.end(body);
}
