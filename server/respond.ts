/** Small helpers to answer with JSON, shared by every route. */
import type { ServerResponse } from 'node:http';
import type { ProxyErrorBody, ProxyErrorCode } from '../src/core/wire/proxy.ts';

/** Sends `value` as JSON with `status`, unless the response already started. */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(body);
}

/** Sends a `ProxyErrorBody` with a sentence a person understands. */
export function sendError(res: ServerResponse, status: number, code: ProxyErrorCode, message: string): void {
  const body: ProxyErrorBody = { error: { code, message } };
  sendJson(res, status, body);
}
