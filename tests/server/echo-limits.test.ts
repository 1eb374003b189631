/**
 * Issue 9 point 3 (and the client-side deadlines of point 4): the echo reads content streaming,
 * enforces its cap on bytes received in linear time, answers large uploads with size + SHA-256 +
 * a prefix, and drops clients that stall.
 */
import { describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { request } from 'node:http';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { ContentCollector, chunkedDecoder } from '../../server/echo/content.ts';
import { MAX_ECHO_BODY_BYTES } from '../../server/echo/echo.ts';
import { ECHO_INLINE_BODY_BYTES, type EchoReply } from '../../src/core/wire/echo.ts';
import { startTestServer, useTestServer } from './helpers.ts';

const live = useTestServer();
const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
const TOO_LARGE = `The echo server reflects request content up to ${MAX_ECHO_BODY_BYTES} bytes; this one is larger.\n`;

/** Writes raw pieces, then resolves with all bytes the server sent before closing. */
function exchange(port: number, pieces: (string | Buffer)[], waitMs = 5): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const out: Buffer[] = [];
    socket.on('data', (d: Buffer) => out.push(d));
    socket.on('close', () => resolve(Buffer.concat(out)));
    socket.on('error', reject);
    socket.on('connect', () => {
      void (async () => {
        for (const piece of pieces) {
          if (socket.destroyed) return;
          socket.write(piece);
          await new Promise((r) => setTimeout(r, waitMs));
        }
      })();
    });
  });
}

const replyOf = (raw: Buffer): { status: string; reply: EchoReply } => {
  const at = raw.indexOf('\r\n\r\n');
  return {
    status: raw.subarray(0, raw.indexOf('\r\n')).toString('latin1'),
    reply: JSON.parse(raw.subarray(at + 4).toString('utf8')) as EchoReply,
  };
};

/** Chunked framing of `content` cut into chunks of the given sizes (RFC 9112 §7.1). */
function chunked(content: Uint8Array, sizes: number[], lf = '\r\n', ext = ''): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (const size of sizes) {
    const n = Math.min(size, content.length - at);
    if (n <= 0) break;
    parts.push(Buffer.from(`${n.toString(16)}${ext}${lf}`), Buffer.from(content.subarray(at, at + n)), Buffer.from(lf));
    at += n;
  }
  if (at < content.length)
    parts.push(
      Buffer.from(`${(content.length - at).toString(16)}${lf}`),
      Buffer.from(content.subarray(at)),
      Buffer.from(lf),
    );
  parts.push(Buffer.from(`0${lf}X-Trailer: t${lf}${lf}`));
  return Buffer.concat(parts);
}

describe('chunked decoder (RFC 9112 §7.1)', () => {
  it('decodes any content, chunking and split of the wire bytes exactly once', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        fc.array(fc.integer({ min: 1, max: 700 }), { maxLength: 10 }),
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('\r\n', '\n'),
        fc.constantFrom('', ';a=b', ';q="x y"'),
        (content, sizes, cuts, lf, ext) => {
          const wire = chunked(content, sizes, lf, ext);
          const sink = new ContentCollector();
          const decoder = chunkedDecoder(1_000_000, sink);
          const steps: string[] = [];
          let at = 0;
          for (let i = 0; at < wire.length; i++) {
            const n = cuts[i % cuts.length]!;
            steps.push(decoder.feed(wire.subarray(at, at + n)).kind);
            at += n;
          }
          const got = sink.finish();
          expect(steps.at(-1)).toBe('done');
          expect(steps.slice(0, -1).every((s) => s === 'more')).toBe(true);
          expect([got.size, got.sha256, Buffer.compare(got.prefix, Buffer.from(content))]).toEqual([
            content.length,
            sha256(content),
            0,
          ]);
        },
      ),
    );
  });

  it('refuses a chunk announced above the cap as soon as its size line is read, before its data', () => {
    const sink = new ContentCollector();
    const decoder = chunkedDecoder(100, sink);
    expect(decoder.feed(Buffer.from('10\r\n0123456789abcdef\r\n'))).toEqual({ kind: 'more' });
    expect(decoder.feed(Buffer.from('55\r\n'))).toEqual({
      kind: 'error',
      status: 413,
      message: 'The echo server reflects request content up to 100 bytes; this one is larger.',
    });
    expect(sink.size).toBe(16);
  });

  it('refuses malformed framing with 400', () => {
    const cases: [string, string][] = [
      ['zz\r\n', 'Invalid chunk size.'],
      ['11111111111111111\r\n', 'Invalid chunk size.'],
      ['3\r\nabcX\r\n', 'Chunk data is not followed by CRLF.'],
      [`${'1'.repeat(10)}${';e'.repeat(3000)}`, 'A chunk-size line is too long.'],
    ];
    for (const [wire, message] of cases) {
      const decoder = chunkedDecoder(1 << 30, new ContentCollector());
      expect([wire.slice(0, 12), decoder.feed(Buffer.from(wire))]).toEqual([
        wire.slice(0, 12),
        { kind: 'error', status: 400, message },
      ]);
    }
  });
});

describe('echo of large and hostile content', () => {
  it('answers an unknown method announcing a 256 MiB chunk with 413 at once', async () => {
    const raw = await exchange(live.server.port, [
      'FROB /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n10000000\r\n',
      'x'.repeat(1000),
    ]);
    expect(raw.toString('latin1')).toBe(
      'HTTP/1.1 413 Payload Too Large\r\nAccess-Control-Allow-Origin: *\r\nContent-Type: text/plain; charset=utf-8\r\n' +
        `Content-Length: ${TOO_LARGE.length}\r\nConnection: close\r\n\r\n${TOO_LARGE}`,
    );
  });

  it('refuses an unknown method whose chunks add up past the cap, counting bytes received', async () => {
    const piece = Buffer.concat([Buffer.from('100000\r\n'), Buffer.alloc(0x100000, 0x61), Buffer.from('\r\n')]);
    const pieces: (string | Buffer)[] = ['FROB /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n'];
    for (let i = 0; i < 65; i++) pieces.push(piece);
    const raw = await exchange(live.server.port, pieces, 0);
    expect(raw.toString('latin1').split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
    expect(raw.toString('latin1').endsWith(`\r\n\r\n${TOO_LARGE}`)).toBe(true);
  });

  it('reflects a 3 MiB chunked body of an unknown method as size, SHA-256 and its first 1 MiB', async () => {
    const content = Buffer.alloc(3 * 1024 * 1024 + 5);
    for (let i = 0; i < content.length; i++) content[i] = 0x41 + (i % 26);
    const wire = chunked(
      content,
      Array.from({ length: 400 }, () => 8000),
    );
    const pieces: Buffer[] = [Buffer.from('FROB /echo/big HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n')];
    for (let at = 0; at < wire.length; at += 64 * 1024) pieces.push(wire.subarray(at, at + 64 * 1024));
    const { status, reply } = replyOf(await exchange(live.server.port, pieces, 0));
    const prefix = content.subarray(0, ECHO_INLINE_BODY_BYTES);
    expect([status, reply.method, reply.body]).toEqual([
      'HTTP/1.1 200 OK',
      'FROB',
      {
        text: prefix.toString('latin1'),
        base64: prefix.toString('base64'),
        size: content.length,
        sha256: sha256(content),
        truncated: true,
      },
    ]);
  });

  it('answers POST /echo of 64 MiB (the cap) with a reply of about 2.4 MiB, and refuses one byte more', async () => {
    const post = (size: number) =>
      new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
        const req = request(`${live.server.url}/echo/up`, {
          method: 'POST',
          agent: false,
          headers: { 'Content-Length': String(size) },
        });
        req.on('response', (res) => {
          const out: Buffer[] = [];
          res.on('data', (d: Buffer) => out.push(d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(out) }));
        });
        req.on('error', reject);
        const block = Buffer.alloc(1024 * 1024, 0x62);
        void (async () => {
          let left = size;
          while (left > 0 && !req.destroyed) {
            const n = Math.min(left, block.length);
            if (!req.write(block.subarray(0, n))) await new Promise((r) => req.once('drain', r));
            left -= n;
          }
          req.end();
        })();
      });
    const ok = await post(MAX_ECHO_BODY_BYTES);
    const reply = JSON.parse(ok.body.toString('utf8')) as EchoReply;
    const prefix = Buffer.alloc(ECHO_INLINE_BODY_BYTES, 0x62);
    expect([ok.status, reply.body.size, reply.body.truncated, reply.body.sha256]).toEqual([
      200,
      MAX_ECHO_BODY_BYTES,
      true,
      sha256(Buffer.alloc(MAX_ECHO_BODY_BYTES, 0x62)),
    ]);
    expect([reply.body.text, reply.body.base64]).toEqual([prefix.toString('latin1'), prefix.toString('base64')]);
    expect(ok.body.length).toBeLessThan(2.5 * 1024 * 1024);
    const over = await post(MAX_ECHO_BODY_BYTES + 1);
    expect([over.status, over.body.toString()]).toEqual([413, TOO_LARGE]);
  }, 60_000);

  it('keeps memory flat: three 64 MiB uploads at once grow RSS by far less than one copy', async () => {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const block = Buffer.alloc(1024 * 1024, 0x63);
    const upload = () =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${live.server.url}/echo/rss`, {
          method: 'PUT',
          agent: false,
          headers: { 'Content-Length': String(64 * block.length) },
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        void (async () => {
          for (let i = 0; i < 64; i++) if (!req.write(block)) await new Promise((r) => req.once('drain', r));
          req.end();
        })();
      });
    const statuses = await Promise.all([upload(), upload(), upload()]);
    clearInterval(sampler);
    expect(statuses).toEqual([200, 200, 200]);
    // Before the fix one 64 MiB echo cost ~1.7 GB; now each keeps 1 MiB plus socket buffers.
    expect((peak - before) / 1024 / 1024).toBeLessThan(64);
  }, 60_000);
});

describe('client deadlines', () => {
  it('answers 408 and closes a connection whose head is not complete in time, and one that sends nothing', async () => {
    const quick = await startTestServer({ deadlines: { headMs: 300 } });
    try {
      const timeout = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';
      const slowHead = await exchange(quick.port, ['GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n']);
      const silent = await exchange(quick.port, []);
      expect([slowHead.toString('latin1'), silent.toString('latin1')]).toEqual([timeout, timeout]);
    } finally {
      await quick.close();
    }
  });

  it('drops a client that pauses in the middle of its content, for known and unknown methods', async () => {
    const quick = await startTestServer({ deadlines: { bodyGapMs: 300 } });
    try {
      const known = await exchange(quick.port, ['POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabcde']);
      const unknown = await exchange(quick.port, ['FROB /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabcde']);
      expect([known.length, unknown.length]).toEqual([0, 0]);
      // Refused content (413 at once) that then stalls is dropped too, not drained for ever.
      const refused = await exchange(quick.port, [
        `PUT /echo HTTP/1.1\r\nHost: h\r\nContent-Length: ${MAX_ECHO_BODY_BYTES + 1}\r\n\r\nabc`,
      ]);
      expect(refused.toString('latin1').split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
      expect(refused.toString('latin1').endsWith(`\r\n\r\n${TOO_LARGE}`)).toBe(true);
      // A client that keeps sending is not cut.
      const steady = await exchange(
        quick.port,
        ['POST /echo HTTP/1.1\r\nHost: h\r\nConnection: close\r\nContent-Length: 4\r\n\r\n', 'a', 'b', 'c', 'd'],
        150,
      );
      expect(replyOf(steady).reply.body.text).toBe('abcd');
    } finally {
      await quick.close();
    }
  });
});
