/**
 * The echo server's entry point: `/echo` and every path below it, any method, answers 200 with
 * the request exactly as received (`EchoReply`), unless a helper route in `routes.ts` matches.
 * CORS-open (any origin, preflights answered) so the app's direct mode works against it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  BODY_GAP_TIMEOUT_MS,
  MAX_ECHO_BODY_BYTES,
  buildEchoReply,
  readBody,
  sendEchoReply,
  sendEchoText,
  setBodyGap,
} from './echo.ts';
import { matchEchoRoute } from './routes.ts';

/** Entry point for every echo request; `bodyGapMs` is the longest pause allowed in its content. */
export function handleEcho(req: IncomingMessage, res: ServerResponse, bodyGapMs = BODY_GAP_TIMEOUT_MS): void {
  setBodyGap(req, bodyGapMs);
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
    return answerPreflight(req, res);
  }
  const route = matchEchoRoute(req.url ?? '/echo');
  if (route) return route(req, res);
  void readBody(req, MAX_ECHO_BODY_BYTES).then(
    (body) => sendEchoReply(res, 200, undefined, buildEchoReply(req, body)),
    (err: Error) => {
      if (!res.headersSent && !res.destroyed) sendEchoText(res, 413, err.message);
    },
  );
}

/**
 * Preflight (Fetch §4.8): allow the requested method and headers from any origin.
 * Also answers Private Network Access preflights.
 */
function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  const headers: [string, string][] = [
    ['Access-Control-Allow-Origin', '*'],
    ['Access-Control-Allow-Methods', String(req.headers['access-control-request-method'])],
    ['Access-Control-Max-Age', '600'],
  ];
  const requested = req.headers['access-control-request-headers'];
  if (requested) headers.push(['Access-Control-Allow-Headers', String(requested)]);
  if (req.headers['access-control-request-private-network'] === 'true')
    headers.push(['Access-Control-Allow-Private-Network', 'true']);
  headers.push(['Content-Length', '0']);
  res.writeHead(204, headers.flat());
  res.end();
}
