/**
 * One interface for the two ways a request leaves the browser: through Parley's proxy
 * (`transport-proxy.ts`) or with the browser's own `fetch` (`transport-direct.ts`).
 * Both take the EffectiveRequest from `resolveRequest()` — nothing else — so what is
 * sent is what every other view shows (DESIGN §1).
 */
import type { EffectiveRequest } from '../core/resolve/types.ts';
import type { ResponseHead, ResponseRecord } from '../core/model/response.ts';
import { headerValue } from '../core/response/media-type.ts';
import type { ProxyTlsOptions } from '../core/wire/proxy.ts';

export type TransportKind = 'proxy' | 'direct';

/** Bytes of response content received so far; `totalBytes` from Content-Length when known. */
export interface SendProgress {
  receivedBytes: number;
  totalBytes: number | null;
}

export interface SendOptions {
  signal: AbortSignal;
  onProgress?: (progress: SendProgress) => void;
  /** Ask the proxy to follow 3xx redirects (direct mode: the browser always follows). */
  followRedirects?: boolean;
  /** Check the target's TLS certificate (default true). The proxy honours false; a browser always checks. */
  verifyTls?: boolean;
  /** TLS settings for the target's host (custom CA, client certificate …); the proxy only. */
  tls?: ProxyTlsOptions;
  /** Called once, as soon as the status line and header fields have arrived — before the content. */
  onHead?: (head: ResponseHead) => void;
  /**
   * Called with each chunk of content as it is read, bytes as received (not decoded), before
   * the next read; the view is only valid during the call (copy what you keep).
   */
  onContentChunk?: (chunk: Uint8Array) => void;
}

export interface Transport {
  readonly kind: TransportKind;
  send(request: EffectiveRequest, options: SendOptions): Promise<ResponseRecord>;
}

/**
 * Why no response could be shown. `kind`:
 * - `cancelled`: the user pressed Cancel.
 * - `proxy`: Parley's proxy answered with an error (connection refused, DNS, timeout …); `code` is its ProxyErrorCode.
 * - `proxy-unreachable`: Parley's own server could not be reached.
 * - `direct-network`: the browser's fetch failed with a TypeError (CORS, mixed content, offline …).
 * - `invalid-request`: the browser refused to build the request (e.g. a method it forbids).
 * In every case, no response from the target server was received.
 */
export type SendErrorKind = 'cancelled' | 'proxy' | 'proxy-unreachable' | 'direct-network' | 'invalid-request';

export class SendError extends Error {
  readonly kind: SendErrorKind;
  readonly code: string | undefined;
  constructor(kind: SendErrorKind, message: string, code?: string) {
    super(message);
    this.name = 'SendError';
    this.kind = kind;
    this.code = code;
  }
}

/** The message of a cancel before any response arrived. */
export const CANCELLED_BEFORE_HEAD = 'Request cancelled. No response was received.';
/** The message of a cancel after the head arrived: status and header fields were received, the content was not. */
export const CANCELLED_DURING_CONTENT =
  'Request cancelled while the response content was arriving; the content received so far was discarded.';

/**
 * Both transports' fetch: an abort becomes a `cancelled` SendError, any other failure
 * the error `unreachable()` builds (its wording depends on the transport).
 */
export async function fetchOrFail(
  fetchFn: typeof fetch,
  input: RequestInfo | URL,
  init: RequestInit | undefined,
  unreachable: () => SendError,
): Promise<Response> {
  try {
    return await fetchFn(input, init);
  } catch (error) {
    if (isAbortError(error)) throw new SendError('cancelled', CANCELLED_BEFORE_HEAD);
    throw unreachable();
  }
}

/**
 * What both transports do once the response head is known: announce it (`onHead`), read the
 * content with progress, and build the record. `started` is the `performance.now()` of the send;
 * `lost()` builds the error for a connection that breaks while the content arrives.
 */
export async function receiveContent(
  method: string,
  head: ResponseHead,
  stream: ReadableStream<Uint8Array> | null,
  options: SendOptions,
  started: number,
  lost: () => SendError,
): Promise<ResponseRecord> {
  options.onHead?.(head);
  const noContent = responseHasNoContent(method, head.status);
  let body: Uint8Array | null;
  try {
    const bytes = await readBodyBytes(
      stream,
      noContent ? 0 : contentLengthOf(head.headers),
      options.onProgress,
      noContent ? undefined : options.onContentChunk,
    );
    body = noContent ? null : bytes;
  } catch (error) {
    if (isAbortError(error)) throw new SendError('cancelled', CANCELLED_DURING_CONTENT);
    throw lost();
  }
  return { ...head, body, totalMs: Math.round(performance.now() - started), sizeBytes: body?.byteLength ?? 0 };
}

/**
 * RFC 9112 §6.3: a response to HEAD, and any 1xx, 204 or 304 response, has no content
 * whatever its header fields say (a Content-Length there describes the GET response).
 */
export function responseHasNoContent(method: string, status: number): boolean {
  return method.toUpperCase() === 'HEAD' || (status >= 100 && status < 200) || status === 204 || status === 304;
}

// The header lookup lives in core; re-exported for callers of this module.
export { headerValue };

/** Content-Length as a byte count, or `null` when absent or not a plain non-negative integer. */
export function contentLengthOf(headers: readonly (readonly [string, string])[]): number | null {
  const raw = headerValue(headers, 'content-length');
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return null;
  return Number(raw.trim());
}

/** Largest buffer allocated up front from a declared Content-Length (bytes); beyond it the buffer grows. */
const MAX_PREALLOCATED_BYTES = 256 * 1024 * 1024;

/**
 * Reads a fetch body stream to the end, reporting progress after each chunk and handing each
 * chunk to `onChunk` (in order, as read) first. Returns the exact bytes received (never decoded), as a view of one buffer.
 *
 * Chunks are copied into one buffer as they arrive — sized from `totalBytes` (the declared
 * Content-Length, when known) or grown by doubling — so no single main-thread task has to
 * join a 100 MB body at the end (a ~120 ms task measured in bench/large-response.ts).
 * The declared length is only a hint: a shorter or longer body is returned as received.
 */
export async function readBodyBytes(
  stream: ReadableStream<Uint8Array> | null,
  totalBytes: number | null,
  onProgress?: (progress: SendProgress) => void,
  onChunk?: (chunk: Uint8Array) => void,
): Promise<Uint8Array> {
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  let buffer = new Uint8Array(Math.min(totalBytes ?? 64 * 1024, MAX_PREALLOCATED_BYTES));
  let received = 0;
  onProgress?.({ receivedBytes: 0, totalBytes });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (received + value.byteLength > buffer.length) {
      const grown = new Uint8Array(Math.max(buffer.length * 2, received + value.byteLength));
      grown.set(buffer.subarray(0, received));
      buffer = grown;
    }
    buffer.set(value, received);
    received += value.byteLength;
    onChunk?.(value);
    onProgress?.({ receivedBytes: received, totalBytes });
  }
  return received === buffer.length ? buffer : buffer.subarray(0, received);
}

/** True for the DOMException fetch rejects with after `AbortController.abort()`. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
