/**
 * Request content for the echo, read as it streams in: at most `ECHO_INLINE_BODY_BYTES` are kept
 * (for the reply's text/base64), the rest only hashed, so memory per request is bounded whatever
 * the size. Also the linear-time decoders the raw parser (`any-method.ts`) uses for
 * Content-Length and chunked framing (RFC 9112 §6.2, §7.1).
 */
import { createHash, type Hash } from 'node:crypto';
import { ECHO_INLINE_BODY_BYTES } from '../../src/core/wire/echo.ts';

/** What the echo keeps of a request's content. */
export interface EchoContent {
  /** The first `ECHO_INLINE_BODY_BYTES` octets (all of them for smaller content). */
  prefix: Buffer;
  /** Octets received in total. */
  size: number;
  /** SHA-256 of all octets, lowercase hex. */
  sha256: string;
}

/** Collects content chunk by chunk in O(size) time and O(`ECHO_INLINE_BODY_BYTES`) memory. */
export class ContentCollector {
  private readonly kept: Buffer[] = [];
  private keptBytes = 0;
  private readonly hash: Hash = createHash('sha256');
  size = 0;

  add(chunk: Buffer): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.keptBytes < ECHO_INLINE_BODY_BYTES) {
      const part = chunk.subarray(0, ECHO_INLINE_BODY_BYTES - this.keptBytes);
      // A copy: a subarray would keep the whole socket chunk alive.
      this.kept.push(part.length === chunk.length ? chunk : Buffer.from(part));
      this.keptBytes += part.length;
    }
  }

  finish(): EchoContent {
    return { prefix: Buffer.concat(this.kept, this.keptBytes), size: this.size, sha256: this.hash.digest('hex') };
  }
}

/** Outcome of feeding bytes to a decoder. */
export type DecodeStep =
  | { kind: 'more' }
  /** The content is complete; `rest` is what followed it (ignored: the connection closes). */
  | { kind: 'done' }
  | { kind: 'error'; status: 400 | 413; message: string };

export interface ContentDecoder {
  /** Takes the next bytes of the connection; never copies more than a size line. */
  feed(chunk: Buffer): DecodeStep;
}

/** The sentence for content above the echo's cap. */
export function tooLargeMessage(limit: number): string {
  return `The echo server reflects request content up to ${limit} bytes; this one is larger.`;
}

/** Content framed by a Content-Length of `length` octets (already checked ≤ the cap). */
export function lengthDecoder(length: number, sink: ContentCollector): ContentDecoder {
  let left = length;
  return {
    feed(chunk) {
      if (left > 0) {
        const part = chunk.length <= left ? chunk : chunk.subarray(0, left);
        sink.add(part);
        left -= part.length;
      }
      return left === 0 ? { kind: 'done' } : { kind: 'more' };
    },
  };
}

/** Longest chunk-size line (size + extensions) and trailer section accepted, in bytes. */
const MAX_CHUNK_LINE_BYTES = 4096;
const MAX_TRAILER_BYTES = 16 * 1024;
const CRLF = 0x0a;

/**
 * Chunked transfer coding (RFC 9112 §7.1) as a state machine over the bytes as they come: each
 * byte is looked at once, chunk data goes straight to `sink`, and a chunk whose announced size
 * would pass `limit` is refused (413) as soon as its size line is read, before any of its data.
 * Trailer fields are read and ignored. A bare LF ends a line too (RFC 9112 §2.2 allows it).
 */
export function chunkedDecoder(limit: number, sink: ContentCollector): ContentDecoder {
  let state: 'size' | 'data' | 'data-end' | 'trailer' | 'done' = 'size';
  let line = '';
  let left = 0;
  let trailerBytes = 0;
  const error = (status: 400 | 413, message: string): DecodeStep => ({ kind: 'error', status, message });
  return {
    feed(chunk) {
      let i = 0;
      while (i < chunk.length && state !== 'done') {
        if (state === 'data') {
          const take = Math.min(left, chunk.length - i);
          sink.add(chunk.subarray(i, i + take));
          i += take;
          left -= take;
          if (left === 0) state = 'data-end';
          continue;
        }
        const eol = chunk.indexOf(CRLF, i);
        const end = eol < 0 ? chunk.length : eol;
        line += chunk.toString('latin1', i, end);
        i = eol < 0 ? chunk.length : eol + 1;
        if (line.length > (state === 'trailer' ? MAX_TRAILER_BYTES : MAX_CHUNK_LINE_BYTES))
          return error(
            400,
            state === 'trailer' ? 'The trailer section is too large.' : 'A chunk-size line is too long.',
          );
        if (eol < 0) return { kind: 'more' };
        const text = line.endsWith('\r') ? line.slice(0, -1) : line;
        line = '';
        if (state === 'data-end') {
          if (text !== '') return error(400, 'Chunk data is not followed by CRLF.');
          state = 'size';
        } else if (state === 'trailer') {
          trailerBytes += text.length + 2;
          if (trailerBytes > MAX_TRAILER_BYTES) return error(400, 'The trailer section is too large.');
          if (text === '') state = 'done';
        } else {
          const sizeText = text.split(';')[0]!.trim();
          if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText)) return error(400, 'Invalid chunk size.');
          const n = parseInt(sizeText, 16);
          if (n > limit - sink.size) return error(413, tooLargeMessage(limit));
          if (n === 0) state = 'trailer';
          else {
            left = n;
            state = 'data';
          }
        }
      }
      return state === 'done' ? { kind: 'done' } : { kind: 'more' };
    },
  };
}
