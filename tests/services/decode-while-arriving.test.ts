/**
 * Issue 10 point 5 follow-up: content codings are undone while the content arrives. The
 * client (src/services/decode-worker.ts) and the worker's decode half (DecodeSession, what
 * src/workers/body.worker.ts runs) talk through a stand-in for a Web Worker that delivers
 * each message a task later, as a real one does.
 */
import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkerReply, WorkerRequest } from '../../src/workers/body-protocol.ts';
import { DecodeSession } from '../../src/workers/decode-session.ts';
import { startDecodeJob, type DecodeProgress, type DecodeWorker } from '../../src/services/decode-worker.ts';
import { liveDecodeOf, liveDecodeStarted } from '../../src/stores/response-decode.ts';
import { readBodyBytes } from '../../src/services/transport.ts';
import type { ResponseHead, ResponseRecord } from '../../src/core/model/response.ts';
import { encodedSampleDocument, ENCODED_CODINGS } from '../../server/echo/encoded.ts';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A worker running DecodeSession; records every message the client posted. */
function sessionWorker(posted: WorkerRequest[]): DecodeWorker & { terminated: boolean } {
  const worker: DecodeWorker & { terminated: boolean } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    postMessage(message) {
      posted.push(message);
      setTimeout(() => {
        if (!worker.terminated && message.type === 'decode') void session.handle(message);
      }, 0);
    },
    terminate() {
      worker.terminated = true;
    },
  };
  const session = new DecodeSession((reply: WorkerReply) =>
    setTimeout(() => worker.onmessage?.({ data: reply } as MessageEvent<WorkerReply>), 0),
  );
  return worker;
}

/** ~1.2 MB of JSON lines, deterministic, compressible but not trivially. */
const bigDocument = Buffer.from(
  Array.from({ length: 20000 }, (_, i) => `{"n":${i},"sq":${(i * i) % 100003},"tag":"t${(i * 7919) % 997}"}\n`).join(
    '',
  ),
  'utf8',
);
const split = (b: Buffer, parts: number): Uint8Array[] =>
  Array.from(
    { length: parts },
    (_, i) => new Uint8Array(b.subarray(Math.floor((i * b.length) / parts), Math.floor(((i + 1) * b.length) / parts))),
  );

describe('decode worker protocol: decoding starts before the last byte', () => {
  it('gzip: every slice is decoded as it comes, the result is the document byte for byte', async () => {
    const encoded = gzipSync(bigDocument);
    const posted: WorkerRequest[] = [];
    const job = startDecodeJob(['gzip'], () => sessionWorker(posted));
    const progress: DecodeProgress[] = [];
    job.onProgress = (p) => progress.push(p);
    const chunks = split(encoded, 4);
    for (const [i, chunk] of chunks.slice(0, -1).entries()) {
      job.push(chunk, false);
      await vi.waitFor(() => expect(progress.length).toBe(i + 1));
    }
    // Three quarters of the bytes are in and the last is not sent yet: most of the content is decoded already.
    expect(progress.map((p) => p.receivedBytes)).toEqual([
      chunks[0]!.length,
      chunks[0]!.length + chunks[1]!.length,
      chunks[0]!.length + chunks[1]!.length + chunks[2]!.length,
    ]);
    expect(progress[0]!.decodedBytes).toBeGreaterThan(0);
    expect(progress[2]!.decodedBytes).toBeGreaterThan(bigDocument.length / 2);
    expect(progress[2]!.decodedBytes).toBeLessThan(bigDocument.length);
    expect(posted.map((m) => (m.type === 'decode' ? [m.codings, m.chunk.byteLength, m.last] : m.type))).toEqual([
      [['gzip'], chunks[0]!.length, false],
      [['gzip'], chunks[1]!.length, false],
      [['gzip'], chunks[2]!.length, false],
    ]);
    job.push(chunks[3]!, true);
    expect(Buffer.from(await job.result).equals(bigDocument)).toBe(true);
    expect(progress).toHaveLength(3);
  });

  it('raw DEFLATE labelled deflate and zstd decode slice by slice too', async () => {
    const deflated = deflateRawSync(bigDocument);
    const d = startDecodeJob(['deflate'], () => sessionWorker([]));
    const dProgress: DecodeProgress[] = [];
    d.onProgress = (p) => dProgress.push(p);
    const [a, b] = split(deflated, 2);
    d.push(a!, false);
    await vi.waitFor(() => expect(dProgress).toHaveLength(1));
    expect(dProgress[0]!.receivedBytes).toBe(a!.length);
    expect(dProgress[0]!.decodedBytes).toBeGreaterThan(0);
    d.push(b!, true);
    expect(Buffer.from(await d.result).equals(bigDocument)).toBe(true);

    const zstd = ENCODED_CODINGS.zstd!.encode(encodedSampleDocument());
    const z = startDecodeJob(['zstd'], () => sessionWorker([]));
    const zProgress: DecodeProgress[] = [];
    z.onProgress = (p) => zProgress.push(p);
    z.push(new Uint8Array(zstd.subarray(0, 100)), false);
    await vi.waitFor(() => expect(zProgress).toEqual([{ receivedBytes: 100, decodedBytes: 0 }]));
    z.push(new Uint8Array(zstd.subarray(100)), true);
    expect(Buffer.from(await z.result).equals(encodedSampleDocument())).toBe(true);
  });

  it('brotli is gathered and decoded after the last slice (brotli.js has no streaming API)', async () => {
    const doc = encodedSampleDocument();
    const br = brotliCompressSync(doc);
    const job = startDecodeJob(['br'], () => sessionWorker([]));
    const progress: DecodeProgress[] = [];
    job.onProgress = (p) => progress.push(p);
    const [a, b] = split(br, 2);
    job.push(a!, false);
    await vi.waitFor(() => expect(progress).toEqual([{ receivedBytes: a!.length, decodedBytes: 0 }]));
    job.push(b!, true);
    expect(Buffer.from(await job.result).equals(doc)).toBe(true);
  });

  it('corrupt content fails at the slice that breaks it, in words, and later slices are ignored', async () => {
    const encoded = gzipSync(bigDocument);
    const bad = new Uint8Array(encoded.subarray(0, 4000));
    bad[10] = 0x06 | 0x01; // the first DEFLATE block header: BFINAL, BTYPE 11 (reserved, RFC 1951 §3.2.3)
    const posted: WorkerRequest[] = [];
    const worker = sessionWorker(posted);
    const job = startDecodeJob(['gzip'], () => worker);
    job.push(bad, false);
    await expect(job.result).rejects.toThrow(
      'The gzip content could not be decoded (invalid block type): it is corrupt or cut short.',
    );
    expect(worker.terminated).toBe(true);
    job.push(new Uint8Array(encoded.subarray(4000)), true);
    expect(posted).toHaveLength(1);
  });
});

describe('response store: the decode starts with the response head', () => {
  afterEach(() => vi.unstubAllGlobals());
  const head = (encoding: string): ResponseHead => ({
    status: 200,
    reasonPhrase: 'OK',
    headers: [
      ['Content-Type', 'application/json'],
      ['Content-Encoding', encoding],
    ],
    via: 'proxy',
    timings: {},
    redirects: [],
    url: 'http://h.test/x',
  });

  it('feeds each chunk to the worker as it is read, and hands the job to the finished response', async () => {
    vi.stubGlobal('Worker', class {});
    const posted: WorkerRequest[] = [];
    const progress: DecodeProgress[] = [];
    const live = liveDecodeStarted('proxy', head('gzip'), (codings) => {
      const job = startDecodeJob(codings, () => sessionWorker(posted));
      job.onProgress = (p) => progress.push(p);
      return job;
    });
    expect(live).not.toBeNull();
    const encoded = gzipSync(bigDocument);
    const chunks = split(encoded, 3);
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    const read = readBodyBytes(stream, encoded.length, undefined, (chunk) => live!.chunk(chunk));
    controller.enqueue(chunks[0]);
    controller.enqueue(chunks[1]);
    // Two of three chunks read, the stream still open: the worker has decoded both already.
    await vi.waitFor(() =>
      expect(progress.map((p) => p.receivedBytes)).toEqual([chunks[0]!.length, chunks[0]!.length + chunks[1]!.length]),
    );
    expect(progress[1]!.decodedBytes).toBeGreaterThan(0);
    controller.enqueue(chunks[2]);
    controller.close();
    const body = await read;
    expect(Buffer.from(body).equals(encoded)).toBe(true);
    const response: ResponseRecord = { ...head('gzip'), body, totalMs: 1, sizeBytes: body.length };
    live!.finished(response);
    expect(posted.map((m) => (m.type === 'decode' ? [m.chunk.byteLength, m.last] : m.type))).toEqual([
      [chunks[0]!.length, false],
      [chunks[1]!.length, false],
      [chunks[2]!.length, false],
      [0, true],
    ]);
    expect(Buffer.from(await liveDecodeOf(response)!.result).equals(bigDocument)).toBe(true);
  });

  it('starts nothing for the direct transport, identity content, or without Web Workers', () => {
    const start = vi.fn(startDecodeJob);
    expect(liveDecodeStarted('proxy', head('gzip'), start)).toBeNull();
    vi.stubGlobal('Worker', class {});
    expect(liveDecodeStarted('direct', head('gzip'), start)).toBeNull();
    expect(liveDecodeStarted('proxy', head('identity'), start)).toBeNull();
    expect(liveDecodeStarted('proxy', head('x-parley-unknown'), start)).toBeNull();
    expect(start).not.toHaveBeenCalled();
  });

  it('an abandoned send stops its worker', async () => {
    vi.stubGlobal('Worker', class {});
    let worker: ReturnType<typeof sessionWorker> | null = null;
    const live = liveDecodeStarted('proxy', head('br'), (codings) =>
      startDecodeJob(codings, () => (worker = sessionWorker([]))),
    );
    live!.chunk(new Uint8Array([1, 2, 3]));
    live!.abandoned();
    await nextTask();
    expect(worker!.terminated).toBe(true);
  });
});
