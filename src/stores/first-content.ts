/**
 * The first bytes of a response's content while it arrives, for its first rows on screen
 * (response-store's `firstContent`). Loaded with the transports at send time (send-parts.ts).
 */
import type { ResponseHead } from '../core/model/response.ts';
import { codingPlan } from '../core/response/content-coding.ts';
import { FIRST_ROWS_BYTES } from '../core/response/first-rows.ts';
import type { TransportKind } from '../services/transport.ts';

/** Copies the first `FIRST_ROWS_BYTES` of content as chunks arrive (each chunk's view is valid only during the call). */
export class FirstBytes {
  private buffer = new Uint8Array(FIRST_ROWS_BYTES);
  private size = 0;
  /** Takes what fits of `chunk`; true when something was taken (the shown bytes changed). */
  add(chunk: Uint8Array): boolean {
    const take = Math.min(chunk.length, FIRST_ROWS_BYTES - this.size);
    if (take <= 0) return false;
    this.buffer.set(chunk.subarray(0, take), this.size);
    this.size += take;
    return true;
  }
  /** A copy of the bytes so far (a new object, so views see the change). */
  bytes(): Uint8Array {
    return this.buffer.slice(0, this.size);
  }
}

/**
 * A collector for this response's first bytes, or `null` when the bytes as received are not
 * what the viewer shows: a content coding Parley undoes itself (`decoding`, or a `decode` plan
 * without a decoder). Identity, an unknown coding (shown as received) and content the browser
 * decoded (direct mode) are collected.
 */
export function firstBytesFor(via: TransportKind, head: ResponseHead, decoding: boolean): FirstBytes | null {
  if (decoding || codingPlan(via, head.headers).action === 'decode') return null;
  return new FirstBytes();
}
