/**
 * Undoes the content codings of a body already received, in a worker (src/services/decode-worker.ts),
 * handing the bytes over a few MB per task so neither the copy nor the decoding blocks the page.
 * A body decoded while it arrived (`liveDecodeOf` in the response store) does not come here.
 */
import { HANDOFF_CHUNK_BYTES } from '../../workers/body-protocol.ts';
import { startDecodeJob, type DecodeJob } from '../../services/decode-worker.ts';
import { nextTask } from './body-actions.ts';

export type { DecodeJob };

/** Starts decoding `body` (to which `codings` were applied, in order) in a worker of its own. */
export function decodeInWorker(body: Uint8Array, codings: string[]): DecodeJob {
  const job = startDecodeJob(codings);
  let cancelled = false;
  const handOff = async () => {
    let offset = 0;
    do {
      const slice = body.subarray(offset, offset + HANDOFF_CHUNK_BYTES);
      offset += HANDOFF_CHUNK_BYTES;
      job.push(slice, offset >= body.length);
      if (offset < body.length) await nextTask();
    } while (offset < body.length && !cancelled);
  };
  void handOff();
  const stop = job.cancel;
  job.cancel = () => {
    cancelled = true;
    stop();
  };
  return job;
}
