/// <reference lib="webworker" />
/**
 * Decodes, formats, indexes and searches a response body off the main thread, so a 100 MB
 * body never freezes the page. The main thread only ever receives the rows it displays.
 */
import { TextStore } from './text-store.ts';
import type { TextBodyKind, WorkerReply, WorkerRequest } from './body-protocol.ts';
import type { ContentDecoder } from '../core/response/content-decode.ts';

let store: TextStore | null = null;
let decoder: ContentDecoder | null = null;
/**
 * The decoders (brotli's dictionary alone is ~100 KB) load only when a body needs them;
 * decode messages are handled in order on this chain while they load.
 */
let decoding: Promise<void> = Promise.resolve();

/** After a failure the rest of that body's slices are ignored (the client has its answer). */
let decodeFailed = false;

async function decodeStep(msg: Extract<WorkerRequest, { type: 'decode' }>): Promise<void> {
  if (decodeFailed) return;
  try {
    if (decoder === null) {
      const { createContentDecoder } = await import('../core/response/content-decode.ts');
      decoder = createContentDecoder(msg.codings);
    }
    decoder.push(new Uint8Array(msg.chunk), msg.last);
    if (!msg.last) return;
    const decoded = decoder.result();
    decoder = null;
    // Own buffer, so it can be transferred whole.
    const buffer =
      decoded.byteOffset === 0 && decoded.byteLength === decoded.buffer.byteLength
        ? (decoded.buffer as ArrayBuffer)
        : decoded.slice().buffer;
    post({ type: 'decoded', bytes: buffer }, [buffer]);
  } catch (error) {
    decoder = null;
    decodeFailed = true;
    post({ type: 'decode-failed', message: error instanceof Error ? error.message : String(error) });
  }
}
let incoming: { bytes: Uint8Array; received: number; contentType: string | null; kind: TextBodyKind } | null = null;
const post = (reply: WorkerReply, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(reply, transfer);

function finishLoad() {
  const { bytes, contentType, kind } = incoming!;
  incoming = null;
  post({ type: 'phase', phase: 'decoding' });
  store = new TextStore(bytes, contentType, kind, (phase) => post({ type: 'phase', phase }));
  post({ type: 'ready', ...store.info });
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  if (msg.type === 'decode') {
    decoding = decoding.then(() => decodeStep(msg));
    return;
  }
  try {
    if (msg.type === 'begin') {
      incoming = { bytes: new Uint8Array(msg.totalBytes), received: 0, contentType: msg.contentType, kind: msg.kind };
      if (msg.totalBytes === 0) finishLoad();
      return;
    }
    if (msg.type === 'chunk') {
      if (!incoming) throw new Error('A chunk arrived before begin');
      incoming.bytes.set(new Uint8Array(msg.bytes), incoming.received);
      incoming.received += msg.bytes.byteLength;
      if (incoming.received >= incoming.bytes.length) finishLoad();
      return;
    }
    if (!store) throw new Error('The body is not loaded yet');
    switch (msg.type) {
      case 'rows':
        return post({ type: 'rows', id: msg.id, rows: store.rows(msg.doc, msg.from, msg.to) });
      case 'search': {
        const result = store.search(msg.doc, msg.query, msg.caseSensitive);
        return post({ type: 'search', id: msg.id, ...result }, [result.rows.buffer]);
      }
      case 'children':
        return post({ type: 'children', id: msg.id, ...store.children(msg.offset, msg.from, msg.limit) });
      case 'text':
        return post({ type: 'text', id: msg.id, text: store.text(msg.doc) });
    }
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
};
