/**
 * The last response of a request, as kept in IndexedDB (issue 13 point 3): the response with
 * its body when the body is within the size limit, else without it and with the reason.
 */
import type { ResponseRecord } from '../model/response.ts';

/** Default cap on a kept response body: 5 MB (5 × 1024 × 1024 bytes). */
export const DEFAULT_KEPT_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export interface KeptResponse {
  v: 1;
  /** When the response ended, ms since the epoch. */
  at: number;
  /** The request as sent: method and target URI. */
  method: string;
  url: string;
  /** `body` is `null` when it was not kept (see `bodyNotKept`). */
  response: ResponseRecord;
  /** Why the body was left out, e.g. `body not kept (12 MB > 5 MB limit)`; `null` when kept. */
  bodyNotKept: string | null;
}

/** Bytes as MB (1 MB = 1,048,576 bytes, as browsers show sizes), one decimal below 10: `12 MB`, `0.5 MB`. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const text = mb >= 10 ? String(Math.round(mb)) : String(Math.round(mb * 10) / 10);
  return `${text} MB`;
}

/**
 * What is kept of `response`: everything, but the body only when it has at most `limitBytes`
 * bytes. Bodies of exactly the limit are kept.
 * @param at when the response ended, ms since the epoch
 */
export function keptResponse(
  request: { method: string; url: string },
  response: ResponseRecord,
  at: number,
  limitBytes: number,
): KeptResponse {
  const size = response.body?.byteLength ?? 0;
  if (response.body === null || size <= limitBytes)
    return { v: 1, at, method: request.method, url: request.url, response, bodyNotKept: null };
  return {
    v: 1,
    at,
    method: request.method,
    url: request.url,
    response: { ...response, body: null },
    bodyNotKept: `body not kept (${formatMegabytes(size)} > ${formatMegabytes(limitBytes)} limit)`,
  };
}
