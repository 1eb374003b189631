/**
 * The body worker's content-coding half: one body's `decode` messages, decoded as they come
 * (see `createContentDecoder`), answered with `decode-progress` after each slice and
 * `decoded` / `decode-failed` at the end. No worker globals here, so Node tests drive it too.
 */
import type { WorkerReply, WorkerRequest } from './body-protocol.ts';
import type { ContentDecoder } from '../core/response/content-decode.ts';

type DecodeMessage = Extract<WorkerRequest, { type: 'decode' }>;
type Post = (reply: WorkerReply, transfer?: Transferable[]) => void;

export class DecodeSession {
  private decoder: ContentDecoder | null = null;
  /** After a failure the rest of that body's slices are ignored (the client has its answer). */
  private failed = false;
  private received = 0;
  /**
   * The decoders (brotli's dictionary alone is ~100 KB) load only when a body needs them;
   * messages are handled in order on this chain while they load.
   */
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly post: Post) {}

  /** Queues one `decode` message; the returned promise settles once it (and all before it) was handled. */
  handle(msg: DecodeMessage): Promise<void> {
    this.chain = this.chain.then(() => this.step(msg));
    return this.chain;
  }

  private async step(msg: DecodeMessage): Promise<void> {
    if (this.failed) return;
    try {
      if (this.decoder === null) {
        const { createContentDecoder } = await import('../core/response/content-decode.ts');
        this.decoder = createContentDecoder(msg.codings);
      }
      this.decoder.push(new Uint8Array(msg.chunk), msg.last);
      this.received += msg.chunk.byteLength;
      if (!msg.last) {
        this.post({ type: 'decode-progress', receivedBytes: this.received, decodedBytes: this.decoder.decodedBytes() });
        return;
      }
      const decoded = this.decoder.result();
      this.decoder = null;
      // Own buffer, so it can be transferred whole.
      const buffer =
        decoded.byteOffset === 0 && decoded.byteLength === decoded.buffer.byteLength
          ? (decoded.buffer as ArrayBuffer)
          : decoded.slice().buffer;
      this.post({ type: 'decoded', bytes: buffer }, [buffer]);
    } catch (error) {
      this.decoder = null;
      this.failed = true;
      this.post({ type: 'decode-failed', message: error instanceof Error ? error.message : String(error) });
    }
  }
}
