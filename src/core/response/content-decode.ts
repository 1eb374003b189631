/**
 * Decoders for content codings (RFC 9110 §8.4.1), streaming: bytes are pushed as they arrive
 * and decoded on the way. gzip and deflate use fflate, zstd uses fzstd (both stream);
 * br uses brotli.js, which has no streaming API, so its input is collected and decoded at
 * the end. Pure JS: runs in the body worker and in Node tests alike.
 */
import { Gunzip, Inflate, Unzlib } from 'fflate';
import { Decompress as ZstdDecompress } from 'fzstd';
import { decompress as brotliDecompress } from 'brotli/decompress';
import { concatBytes } from '../body/multipart.ts';
import { isKnownCoding } from './content-coding.ts';

/** Largest decoded content kept (bytes): a small "zip bomb" must not exhaust the tab's memory. */
export const MAX_DECODED_BYTES = 512 * 1024 * 1024;

/** A decoding failed: corrupt or truncated input, an unknown coding, or more than the limit. */
export class ContentDecodeError extends Error {
  override name = 'ContentDecodeError';
}

/** Push chunks (`final` on the last), then `result()`. */
export interface ContentDecoder {
  /** Decodes `chunk`; `final: true` on the last one (which may be empty). Throws ContentDecodeError. */
  push(chunk: Uint8Array, final: boolean): void;
  /** The decoded bytes, once the final chunk was pushed. Throws ContentDecodeError before that. */
  result(): Uint8Array;
  /** Bytes of decoded content produced so far (brotli: 0 until the final chunk, it decodes in one go). */
  decodedBytes(): number;
}

type Sink = (data: Uint8Array, final: boolean) => void;
interface Stage {
  push(chunk: Uint8Array, final: boolean): void;
}

/**
 * A zlib stream starts with CMF/FLG where CM = 8 (deflate) and (CMF·256 + FLG) is a multiple
 * of 31 (RFC 1950 §2.2); anything else labelled `deflate` is taken as raw DEFLATE (RFC 1951),
 * which some servers send, and which browsers accept too.
 */
function isZlibHeader(a: number, b: number): boolean {
  return (a & 0x0f) === 8 && a >> 4 <= 7 && ((a << 8) | b) % 31 === 0;
}

function deflateStage(sink: Sink): Stage {
  let inner: Stage | null = null;
  let head: Uint8Array = new Uint8Array(0);
  return {
    push(chunk, final) {
      if (inner === null) {
        head = concatBytes([head, chunk]);
        if (head.length < 2 && !final) return;
        const zlib = head.length >= 2 && isZlibHeader(head[0] as number, head[1] as number);
        inner = zlib ? new Unzlib((d, f) => sink(d, f)) : new Inflate((d, f) => sink(d, f));
        inner.push(head, final);
        return;
      }
      inner.push(chunk, final);
    },
  };
}

function brotliStage(sink: Sink): Stage {
  const parts: Uint8Array[] = [];
  return {
    push(chunk, final) {
      parts.push(chunk);
      if (final) sink(brotliDecompress(concatBytes(parts)), true);
    },
  };
}

function stageFor(coding: string, sink: Sink): Stage {
  switch (coding) {
    case 'gzip':
      return new Gunzip((d, f) => sink(d, f));
    case 'deflate':
      return deflateStage(sink);
    case 'zstd':
      return new ZstdDecompress((d, f) => sink(d, f === true));
    case 'br':
      return brotliStage(sink);
    default:
      throw new ContentDecodeError(`The content coding "${coding}" is not one Parley can decode.`);
  }
}

function describe(error: unknown, coding: string): ContentDecodeError {
  if (error instanceof ContentDecodeError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ContentDecodeError(`The ${coding} content could not be decoded (${detail}): it is corrupt or cut short.`);
}

/**
 * A streaming decoder for content to which `codings` were applied in that order (as
 * `contentCodingsOf` lists them): they are undone last first (RFC 9110 §8.4). Output beyond
 * `limit` bytes (default MAX_DECODED_BYTES) is an error. Throws ContentDecodeError right
 * away for an unknown coding; corrupt input throws from `push`, truncated input from the
 * final `push`. With no codings the output is the input.
 * Example: `const d = createContentDecoder(['gzip']); d.push(gz, true); d.result()`.
 */
export function createContentDecoder(codings: readonly string[], limit = MAX_DECODED_BYTES): ContentDecoder {
  for (const c of codings) {
    if (!isKnownCoding(c)) throw new ContentDecodeError(`The content coding "${c}" is not one Parley can decode.`);
  }
  const out: Uint8Array[] = [];
  let size = 0;
  let finished = false;
  let sink: Sink = (data, final) => {
    size += data.length;
    if (size > limit) {
      throw new ContentDecodeError(
        `The decoded content is larger than ${limit >= 1048576 ? `${Math.floor(limit / 1048576)} MB` : `${limit} bytes`}; it is not shown. Download saves the bytes as received.`,
      );
    }
    if (data.length > 0) out.push(data);
    if (final) finished = true;
  };
  // Built from the first coding applied (its output is the content) outwards: the last one
  // applied is undone first, so bytes enter at stages[0].
  const stages: { coding: string; stage: Stage }[] = [];
  for (const coding of codings) {
    const next = sink;
    const stage = stageFor(coding, next);
    stages.unshift({ coding, stage });
    sink = (data, final) => stage.push(data, final);
  }
  const first = stages[0];
  return {
    push(chunk, final) {
      if (!first) {
        sink(chunk, final);
        return;
      }
      try {
        first.stage.push(chunk, final);
      } catch (error) {
        throw describe(error, first.coding);
      }
      if (final && !finished) {
        throw new ContentDecodeError(`The ${first.coding} content ended before its end marker: it was cut short.`);
      }
    },
    decodedBytes() {
      return size;
    },
    result() {
      if (!finished) throw new ContentDecodeError('The content has not been pushed to its end yet.');
      return concatBytes(out);
    },
  };
}

/** Decodes `bytes` in one go (see `createContentDecoder`). Throws ContentDecodeError. */
export function decodeContent(bytes: Uint8Array, codings: readonly string[], limit = MAX_DECODED_BYTES): Uint8Array {
  const decoder = createContentDecoder(codings, limit);
  decoder.push(bytes, true);
  return decoder.result();
}
