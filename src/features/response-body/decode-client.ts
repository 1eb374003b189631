/**
 * Undoes a response's content codings (gzip, deflate, br, zstd) in a Web Worker, streaming
 * the bytes as received to it a few MB per task, so neither the copy nor the decoding ever
 * blocks the page. The ResponseRecord keeps the bytes as received (Download offers both).
 */
import { HANDOFF_CHUNK_BYTES, type WorkerReply, type WorkerRequest } from '../../workers/body-protocol.ts';
import { nextTask } from './body-actions.ts';

export interface DecodeJob {
  /** The decoded content; rejects with an Error whose message a person understands. */
  result: Promise<Uint8Array>;
  /** Stops the worker; `result` then never settles. */
  cancel(): void;
}

/** Starts decoding `body` (to which `codings` were applied, in order) in a worker of its own. */
export function decodeInWorker(body: Uint8Array, codings: string[]): DecodeJob {
  const worker = new Worker(new URL('../../workers/body.worker.ts', import.meta.url), {
    type: 'module',
    name: 'parley-decode',
  });
  let cancelled = false;
  const result = new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'decoded') resolve(new Uint8Array(reply.bytes));
      else if (reply.type === 'decode-failed') reject(new Error(reply.message));
      else return;
      worker.terminate();
    };
    worker.onerror = (event) => {
      reject(new Error(`The decoder stopped (${event.message || 'probably out of memory'}).`));
      worker.terminate();
    };
  });
  const handOff = async () => {
    let offset = 0;
    do {
      const slice = body.slice(offset, offset + HANDOFF_CHUNK_BYTES);
      offset += HANDOFF_CHUNK_BYTES;
      const message: WorkerRequest = { type: 'decode', codings, chunk: slice.buffer, last: offset >= body.length };
      worker.postMessage(message, [slice.buffer]);
      if (offset < body.length) await nextTask();
    } while (offset < body.length && !cancelled);
  };
  void handOff();
  return {
    result,
    cancel() {
      cancelled = true;
      worker.terminate();
    },
  };
}
