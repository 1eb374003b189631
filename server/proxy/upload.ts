/**
 * The browser's request content on its way upstream: streamed, with the user's Content-Length
 * enforced when the proxy request itself is chunked, and a deadline for each gap.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';
import { ProxyError } from './errors.ts';

/** The user's Content-Length when the content's own length is not known in advance (a chunked proxy request). */
export function declaredLength(pairs: [string, string][], known: number | null): number | null {
  if (known !== null) return null; // already checked against the content by prepareHeaders
  const field = pairs.find(([n]) => n.toLowerCase() === 'content-length');
  return field ? Number(field[1].trim()) : null;
}

/**
 * Streams the rest of the browser's content upstream. When the user set a Content-Length and the
 * proxy request itself is chunked (its length unknown up front), the last octet is held back until
 * the browser's content has ended: if the total differs from the declared length, the upstream
 * request is destroyed before it is complete, so the upstream never sees a finished request with
 * a wrong length (or a second request smuggled after it — RFC 9112 §6.3, §11.2).
 * A pause above `bodyGapMs` in the browser's content ends the call.
 */
export function streamContent(
  req: IncomingMessage,
  leftover: Buffer<ArrayBufferLike>,
  upstream: ClientRequest,
  declared: number | null,
  bodyGapMs: number,
): void {
  req.setTimeout(bodyGapMs, () => {
    upstream.destroy(
      new ProxyError(408, 'timeout', `The request content stopped arriving for ${bodyGapMs} ms; the call was ended.`),
    );
    req.destroy();
  });
  req.once('end', () => req.setTimeout(0));
  if (declared === null) {
    if (leftover.length > 0) upstream.write(leftover);
    req.pipe(upstream);
    return;
  }
  let seen = 0;
  let held: Buffer<ArrayBufferLike> | null = null;
  const mismatch = (got: string): void => {
    req.unpipe();
    req.resume();
    upstream.destroy(
      new ProxyError(
        400,
        'bad-request',
        `Content-Length says ${declared} octets but the body has ${got}. Correct the header or remove it (Parley then sets it).`,
      ),
    );
  };
  const take = (chunk: Buffer<ArrayBufferLike>): boolean => {
    seen += chunk.length;
    if (seen > declared) {
      mismatch('more');
      return false;
    }
    if (seen < declared) return upstream.write(chunk);
    // The declared length is reached: keep its last octet until the content is known to end here.
    if (chunk.length > 1) upstream.write(chunk.subarray(0, chunk.length - 1));
    held = chunk.subarray(chunk.length - 1);
    return true;
  };
  if (leftover.length > 0 && !take(leftover)) return;
  req.on('data', (chunk: Buffer) => {
    if (upstream.destroyed) return;
    if (!take(chunk)) return;
    if (upstream.writableNeedDrain) {
      req.pause();
      upstream.once('drain', () => req.resume());
    }
  });
  req.once('end', () => {
    if (upstream.destroyed) return;
    if (seen !== declared) return mismatch(String(seen));
    upstream.end(held ?? undefined);
  });
  req.resume();
}
