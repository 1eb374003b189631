/**
 * Content decoded while it arrives: when the response head says the content has codings
 * Parley undoes for display (`codingPlan`: proxy transport, gzip / deflate / br / zstd), a
 * decode worker starts at once and receives each chunk as the transport reads it; the body
 * viewer then takes the result (`liveDecodeOf`) instead of decoding after the last byte.
 * Without Web Workers (Node) nothing starts and the viewer decodes as before.
 */
import type { ResponseHead, ResponseRecord } from '../core/model/response.ts';
import { codingPlan } from '../core/response/content-coding.ts';
import type { TransportKind } from '../services/transport.ts';
import { decodeWorkersAvailable, startDecodeJob, type DecodeJob } from '../services/decode-worker.ts';

const byResponse = new WeakMap<ResponseRecord, DecodeJob>();

/** The decoding of one send's content, fed by the response store. */
export interface LiveDecode {
  /** A chunk of content as received (copied). */
  chunk(bytes: Uint8Array): void;
  /** All content arrived: the job finishes and belongs to `response` from now on. */
  finished(response: ResponseRecord): void;
  /** The send failed, was cancelled or replaced: the worker stops. */
  abandoned(): void;
}

/** Starts decoding for a response whose head just arrived, or returns null when there is nothing to undo. */
export function liveDecodeStarted(via: TransportKind, head: ResponseHead, start = startDecodeJob): LiveDecode | null {
  const plan = codingPlan(via, head.headers);
  if (plan.action !== 'decode' || !decodeWorkersAvailable()) return null;
  const job = start(plan.codings);
  // The viewer reports a failure when it shows the body; unseen, it is no error of the page.
  job.result.catch(() => undefined);
  return {
    chunk: (bytes) => job.push(bytes, false),
    finished(response) {
      if (response.body === null || response.body.length === 0) return job.cancel();
      job.push(new Uint8Array(0), true);
      byResponse.set(response, job);
    },
    abandoned: () => job.cancel(),
  };
}

/** The decode job that received `response`'s content while it arrived, or null. Do not cancel it (it is shared). */
export const liveDecodeOf = (response: ResponseRecord): DecodeJob | null => byResponse.get(response) ?? null;
