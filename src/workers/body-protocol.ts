/** Messages between the body viewer and its Web Worker (src/workers/body.worker.ts). */
import type { JsonOutlineNode, JsonOutlinePage } from '../core/response/json-outline.ts';
import type { TextRow } from '../core/response/text-rows.ts';
import type { TextBodyKind } from '../core/response/body-text.ts';

export type { TextBodyKind };
export type Row = TextRow;
/** `raw`: the content decoded as received; `pretty`: formatted (JSON/XML only). */
export type DocName = 'raw' | 'pretty';

export interface DocInfo {
  rows: number;
  lines: number;
  /** UTF-16 code units. */
  chars: number;
}

export type WorkerRequest =
  /** Starts a body of `totalBytes`; the bytes follow in `chunk` messages, and work starts with the last one. */
  | { type: 'begin'; totalBytes: number; contentType: string | null; kind: TextBodyKind }
  | { type: 'chunk'; bytes: ArrayBuffer }
  | { type: 'rows'; id: number; doc: DocName; from: number; to: number }
  | { type: 'search'; id: number; doc: DocName; query: string; caseSensitive: boolean }
  | { type: 'children'; id: number; offset: number; from: number; limit: number }
  | { type: 'text'; id: number; doc: DocName }
  /**
   * Content-coding decoding (a worker of its own): the bytes as received, in order, `last` on
   * the final slice; `codings` as `contentCodingsOf` lists them (same on every message).
   */
  | { type: 'decode'; codings: string[]; chunk: ArrayBuffer; last: boolean };

export type Phase = 'decoding' | 'formatting' | 'indexing';

export interface ReadyInfo {
  charset: string;
  charsetNote: string | null;
  raw: DocInfo;
  pretty: DocInfo | null;
  /** Why there is no pretty view (e.g. the JSON error with line and column), or `null`. */
  prettyError: string | null;
  treeRoot: JsonOutlineNode | null;
}

export interface SearchReply {
  rows: Uint32Array;
  total: number;
  capped: boolean;
}

export type WorkerReply =
  | { type: 'phase'; phase: Phase }
  | ({ type: 'ready' } & ReadyInfo)
  | { type: 'failed'; message: string }
  | { type: 'rows'; id: number; rows: Row[] }
  | ({ type: 'search'; id: number } & SearchReply)
  | { type: 'children'; id: number; page: JsonOutlinePage | null; error: string | null }
  | { type: 'text'; id: number; text: string }
  /** After each `decode` slice but the last: bytes taken in and decoded bytes produced so far. */
  | { type: 'decode-progress'; receivedBytes: number; decodedBytes: number }
  /** The decoded content (transferred). */
  | { type: 'decoded'; bytes: ArrayBuffer }
  | { type: 'decode-failed'; message: string };

/**
 * Bytes per `chunk` message. Copying 100 MB on the main thread takes 120–200 ms on a small
 * machine, so the copy is cut into slices of a few ms each, one per task.
 */
export const HANDOFF_CHUNK_BYTES = 4 * 1024 * 1024;

/** Search stops after this many matches and says so. */
export const SEARCH_LIMIT = 100_000;
