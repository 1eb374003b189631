/**
 * Undoes a response's content codings (gzip, deflate, br, zstd) in a Web Worker of its own
 * (src/workers/body.worker.ts, `decode` messages), fed slice by slice: while the content is
 * still arriving (the response store pushes each chunk the transport reads) or, for a body
 * already received, a few MB per task (`decodeInWorker` in features/response-body). gzip,
 * deflate and zstd decode each slice as it comes; br (brotli.js has no streaming API) is
 * gathered in the worker and decoded after the last slice. Output is capped at 512 MB
 * (`MAX_DECODED_BYTES`). The ResponseRecord keeps the bytes as received (Download offers both).
 */
import type { WorkerReply, WorkerRequest } from '../workers/body-protocol.ts';

/** What a decode job needs of a Worker (a Web Worker in the app; tests may pass their own). */
export interface DecodeWorker {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Bytes taken in by the worker and decoded bytes it produced so far (after each slice but the last). */
export interface DecodeProgress {
  receivedBytes: number;
  decodedBytes: number;
}

export interface DecodeJob {
  /** The content codings, as `contentCodingsOf` lists them. */
  readonly codings: readonly string[];
  /**
   * Sends the next slice of the bytes as received (copied: the caller keeps `chunk`);
   * `last: true` on the final one, which may be empty. Ignored after `last` or `cancel()`.
   */
  push(chunk: Uint8Array, last: boolean): void;
  /** The decoded content; rejects with an Error whose message a person understands. */
  readonly result: Promise<Uint8Array>;
  /** Called after the worker decoded each slice but the last. */
  onProgress: ((progress: DecodeProgress) => void) | null;
  /** Stops the worker; `result` then never settles. */
  cancel: () => void;
}

/** Whether this platform has Web Workers (Node tests do not: there nothing is decoded while it arrives). */
export const decodeWorkersAvailable = (): boolean => typeof Worker !== 'undefined';

function openWorker(): DecodeWorker {
  return new Worker(new URL('../workers/body.worker.ts', import.meta.url), { type: 'module', name: 'parley-decode' });
}

/**
 * Starts a decode worker for content to which `codings` were applied (in that order); the
 * bytes follow with `push`. `createWorker` defaults to the body worker (needs `Worker`).
 */
export function startDecodeJob(codings: readonly string[], createWorker: () => DecodeWorker = openWorker): DecodeJob {
  const worker = createWorker();
  const list = [...codings];
  let closed = false;
  const job: DecodeJob = {
    codings: list,
    onProgress: null,
    result: new Promise<Uint8Array>((resolve, reject) => {
      worker.onmessage = (event) => {
        const reply = event.data;
        if (reply.type === 'decode-progress') {
          job.onProgress?.({ receivedBytes: reply.receivedBytes, decodedBytes: reply.decodedBytes });
          return;
        }
        if (reply.type === 'decoded') resolve(new Uint8Array(reply.bytes));
        else if (reply.type === 'decode-failed') reject(new Error(reply.message));
        else return;
        closed = true;
        worker.terminate();
      };
      worker.onerror = (event) => {
        reject(new Error(`The decoder stopped (${event.message || 'probably out of memory'}).`));
        closed = true;
        worker.terminate();
      };
    }),
    push(chunk, last) {
      if (closed) return;
      if (last) closed = true;
      const copy = chunk.slice();
      const message: WorkerRequest = { type: 'decode', codings: list, chunk: copy.buffer, last };
      worker.postMessage(message, [copy.buffer]);
    },
    cancel() {
      closed = true;
      worker.terminate();
    },
  };
  return job;
}
