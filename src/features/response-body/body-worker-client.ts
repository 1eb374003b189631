/**
 * Where the body viewer gets its rows from. Big bodies: a Web Worker (src/workers/body.worker.ts)
 * that gets a transferred copy of the bytes (the ResponseRecord keeps its own for Download) and
 * answers queries by message. Small bodies: the same TextStore, inline, so they show at once.
 */
import {
  HANDOFF_CHUNK_BYTES,
  type DocName,
  type Phase,
  type ReadyInfo,
  type Row,
  type SearchReply,
  type TextBodyKind,
  type WorkerReply,
  type WorkerRequest,
} from '../../workers/body-protocol.ts';
import type { JsonOutlinePage } from '../../core/response/json-outline.ts';
import { TextStore } from '../../workers/text-store.ts';
import { nextTask } from './body-actions.ts';

/** Bodies up to this size are prepared on the main thread (a few ms); larger ones in the worker. */
export const INLINE_LIMIT_BYTES = 256 * 1024;

export type BodyDocState =
  | { status: 'working'; phase: Phase | 'starting' }
  | { status: 'ready'; info: ReadyInfo }
  | { status: 'failed'; message: string };

export interface BodySource {
  /** Rows available synchronously (inline documents), else `null`. */
  rowsNow(doc: DocName, from: number, to: number): Row[] | null;
  rows(doc: DocName, from: number, to: number): Promise<Row[]>;
  search(doc: DocName, query: string, caseSensitive: boolean): Promise<SearchReply>;
  children(
    offset: number,
    from: number,
    limit: number,
  ): Promise<{ page: JsonOutlinePage | null; error: string | null }>;
  text(doc: DocName): Promise<string>;
  dispose(): void;
}

/** Opens the right source for a body; `onState` reports progress and the ready info. */
export function openBodySource(
  body: Uint8Array,
  contentType: string | null,
  kind: TextBodyKind,
  onState: (state: BodyDocState) => void,
): BodySource {
  if (body.length <= INLINE_LIMIT_BYTES) {
    try {
      const store = new TextStore(body, contentType, kind);
      onState({ status: 'ready', info: store.info });
      return new InlineSource(store);
    } catch (error) {
      onState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }
  return new WorkerSource(body, contentType, kind, onState);
}

class InlineSource implements BodySource {
  constructor(private store: TextStore) {}
  rowsNow(doc: DocName, from: number, to: number) {
    return this.store.rows(doc, from, to);
  }
  rows(doc: DocName, from: number, to: number) {
    return Promise.resolve(this.store.rows(doc, from, to));
  }
  search(doc: DocName, query: string, caseSensitive: boolean) {
    return Promise.resolve(this.store.search(doc, query, caseSensitive));
  }
  children(offset: number, from: number, limit: number) {
    return Promise.resolve(this.store.children(offset, from, limit));
  }
  text(doc: DocName) {
    return Promise.resolve(this.store.text(doc));
  }
  dispose() {}
}

type Query = Extract<WorkerRequest, { id: number }>;
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

class WorkerSource implements BodySource {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, (reply: WorkerReply) => void>();
  private disposed = false;

  constructor(
    body: Uint8Array,
    contentType: string | null,
    kind: TextBodyKind,
    onState: (state: BodyDocState) => void,
  ) {
    onState({ status: 'working', phase: 'starting' });
    this.worker = new Worker(new URL('../../workers/body.worker.ts', import.meta.url), {
      type: 'module',
      name: 'parley-body',
    });
    this.worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'phase') onState({ status: 'working', phase: reply.phase });
      else if (reply.type === 'ready') {
        const { type: _type, ...info } = reply;
        onState({ status: 'ready', info });
      } else if (reply.type === 'failed')
        onState({ status: 'failed', message: `${reply.message}. Download still saves the exact bytes.` });
      else if ('id' in reply) {
        const resolve = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        resolve?.(reply);
      }
    };
    this.worker.onerror = (event) => {
      onState({
        status: 'failed',
        message: `The formatter stopped (${event.message || 'probably out of memory'}). Download still saves the exact bytes.`,
      });
    };
    void this.handOff(body, contentType, kind);
  }

  /**
   * Gives the worker its own copy of the bytes (the ResponseRecord keeps the original for
   * Download), one slice per task so no single main-thread task copies more than a few MB.
   */
  private async handOff(body: Uint8Array, contentType: string | null, kind: TextBodyKind) {
    const begin: WorkerRequest = { type: 'begin', totalBytes: body.length, contentType, kind };
    this.worker.postMessage(begin);
    for (let offset = 0; offset < body.length && !this.disposed; offset += HANDOFF_CHUNK_BYTES) {
      const slice = body.slice(offset, offset + HANDOFF_CHUNK_BYTES);
      const chunk: WorkerRequest = { type: 'chunk', bytes: slice.buffer };
      this.worker.postMessage(chunk, [slice.buffer]);
      await nextTask();
    }
  }

  private ask<T extends WorkerReply>(message: WithoutId<Query>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve) => {
      this.pending.set(id, resolve as (reply: WorkerReply) => void);
      this.worker.postMessage({ ...message, id });
    });
  }

  rowsNow() {
    return null;
  }
  rows(doc: DocName, from: number, to: number) {
    return this.ask<Extract<WorkerReply, { type: 'rows' }>>({ type: 'rows', doc, from, to }).then((r) => r.rows);
  }
  search(doc: DocName, query: string, caseSensitive: boolean) {
    return this.ask<Extract<WorkerReply, { type: 'search' }>>({ type: 'search', doc, query, caseSensitive });
  }
  children(offset: number, from: number, limit: number) {
    return this.ask<Extract<WorkerReply, { type: 'children' }>>({ type: 'children', offset, from, limit });
  }
  text(doc: DocName) {
    return this.ask<Extract<WorkerReply, { type: 'text' }>>({ type: 'text', doc }).then((r) => r.text);
  }
  /** Stops the worker and frees its memory; pending requests never settle (their views are gone). */
  dispose() {
    this.disposed = true;
    this.worker.terminate();
    this.pending.clear();
  }
}
