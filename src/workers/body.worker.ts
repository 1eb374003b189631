/// <reference lib="webworker" />
/**
 * Decodes, formats, indexes and searches a response body off the main thread, so a 100 MB
 * body never freezes the page. The main thread only ever receives the rows it displays.
 */
import { TextStore } from './text-store.ts';
import type { TextBodyKind, WorkerReply, WorkerRequest } from './body-protocol.ts';
import { DecodeSession } from './decode-session.ts';

let store: TextStore | null = null;
let incoming: { bytes: Uint8Array; received: number; contentType: string | null; kind: TextBodyKind } | null = null;
const post = (reply: WorkerReply, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(reply, transfer);
/** A decode worker decodes one body, slice by slice as the client sends them. */
const decoding = new DecodeSession(post);

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
    void decoding.handle(msg);
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
