/**
 * `/echo/sse`: a Server-Sent Events ticker (WHATWG HTML §9.2) for the app's event-stream view
 * and tests.
 *
 *   /echo/sse?n=5&interval=200&retry=3000&event=tick
 *
 * Sends a comment line, then (with `retry`) a `retry:` field, then `n` events (default 5, at
 * most 10000) every `interval` ms (default 200, at most 60000): `id: k`, `event: <event>` when
 * given, `data: tick k` — ids count on from the request's `Last-Event-ID` (a whole number; 0
 * without one), so a reconnect carries on where the stream stopped. Then the response ends.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ECHO_CORS_HEADERS, sendEchoText } from './echo.ts';

const MAX_EVENTS = 10_000;
const MAX_INTERVAL_MS = 60_000;

/** The ticker route (`handle` of its ROUTES entry). */
export function sseTicker(req: IncomingMessage, res: ServerResponse, _params: string[], query: URLSearchParams): void {
  req.resume();
  const n = Number(query.get('n') ?? 5);
  const interval = Number(query.get('interval') ?? 200);
  const retry = query.get('retry');
  const event = query.get('event');
  if (!(Number.isInteger(n) && n >= 0 && n <= MAX_EVENTS))
    return sendEchoText(res, 400, `n must be a whole number from 0 to ${MAX_EVENTS}.`);
  if (!(Number.isFinite(interval) && interval >= 0 && interval <= MAX_INTERVAL_MS))
    return sendEchoText(res, 400, `interval must be a number of ms from 0 to ${MAX_INTERVAL_MS}.`);
  if (retry !== null && !/^\d{1,9}$/.test(retry)) return sendEchoText(res, 400, 'retry must be a whole number of ms.');
  if (event !== null && /[\r\n]/.test(event)) return sendEchoText(res, 400, 'event may not hold a line break.');
  const lastHeader = req.headers['last-event-id'];
  const last = typeof lastHeader === 'string' && /^\d{1,15}$/.test(lastHeader.trim()) ? Number(lastHeader.trim()) : 0;
  res.writeHead(
    200,
    [...ECHO_CORS_HEADERS, ['Content-Type', 'text/event-stream; charset=utf-8'], ['Cache-Control', 'no-store']].flat(),
  );
  res.write(`: parley sse ticker, ${n} events after id ${last}\n${retry !== null ? `retry: ${retry}\n` : ''}\n`);
  let sent = 0;
  let timer: NodeJS.Timeout | undefined;
  const tick = (): void => {
    if (sent >= n) return void res.end();
    sent++;
    const id = last + sent;
    res.write(`id: ${id}\n${event !== null ? `event: ${event}\n` : ''}data: tick ${id}\n\n`);
    timer = setTimeout(tick, interval);
  };
  res.on('close', () => clearTimeout(timer));
  timer = setTimeout(tick, interval);
}
