/**
 * Issue 9 points 4, 5 and 8 on the proxy: deadlines, upgrades, per-client fairness, framing of
 * chunked proxy requests, and relaying every header field up to the cap.
 */
import { describe, expect, it } from 'vitest';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningServer } from '../../server/app.ts';
import { decodeProxyResponseHead, encodeProxyRequest } from '../../src/core/wire/proxy-codec.ts';
import type { ProxyErrorBody, ProxyRequestHead, ProxyResponseHead } from '../../src/core/wire/proxy.ts';
import type { EchoReply } from '../../src/core/wire/echo.ts';
import { startTestServer, useTestServer, viaProxy } from './helpers.ts';
import { delayEvents } from '../../server/echo/routes.ts';

const live = useTestServer();

/** A raw TCP upstream: `answer` gets each connection and everything it received so far. */
async function rawUpstream(
  answer: (socket: Socket, received: Buffer) => void,
): Promise<{ port: number; received: Buffer[]; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const received: Buffer[] = [];
  const server: NetServer = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    let answered = false;
    const all: Buffer[] = [];
    socket.on('data', (d: Buffer) => {
      all.push(d);
      received.push(d);
      if (!answered && Buffer.concat(all).includes('\r\n\r\n')) {
        answered = true;
        answer(socket, Buffer.concat(all));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

interface Outcome {
  status: number;
  head: ProxyResponseHead | null;
  error: ProxyErrorBody['error'] | null;
  body: Buffer;
  /** How the response ended: cleanly, or cut (aborted / reset). */
  ended: 'end' | 'cut';
}

/**
 * A proxy call whose own content is chunked (no Content-Length on the proxy request), written
 * in the given pieces, optionally from another loopback address (another client).
 */
function proxyCall(
  server: RunningServer,
  head: ProxyRequestHead,
  pieces: Uint8Array[] = [],
  opts: { localAddress?: string; signal?: AbortSignal; chunked?: boolean } = {},
): Promise<Outcome> {
  const framed = encodeProxyRequest(head, null);
  return new Promise((resolve, reject) => {
    const u = new URL(server.url);
    const headers: Record<string, string> = {
      Host: u.host,
      Origin: server.url,
      'X-Parley-Token': server.token,
      'Content-Type': 'application/octet-stream',
    };
    const total = framed.length + pieces.reduce((n, p) => n + p.length, 0);
    if (opts.chunked === false) headers['Content-Length'] = String(total);
    const req = request({
      host: u.hostname,
      port: u.port,
      method: 'POST',
      path: '/api/proxy',
      headers,
      agent: false,
      maxHeaderSize: 1024 * 1024,
      localAddress: opts.localAddress,
      signal: opts.signal,
    });
    req.on('error', reject);
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      const value = res.headers['x-parley-head'];
      const finish = (ended: 'end' | 'cut') => {
        const body = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          head: typeof value === 'string' ? decodeProxyResponseHead(value) : null,
          error: typeof value === 'string' ? null : (JSON.parse(body.toString()) as ProxyErrorBody).error,
          body,
          ended,
        });
      };
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => finish('end'));
      res.on('aborted', () => finish('cut'));
      res.on('error', () => finish('cut'));
    });
    void (async () => {
      req.write(framed);
      for (const piece of pieces) {
        await new Promise((r) => setTimeout(r, 5));
        req.write(piece);
      }
      req.end();
    })();
  });
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('framing of a chunked proxy request (point 5)', () => {
  const mismatch = (declared: number, got: string) =>
    `Content-Length says ${declared} octets but the body has ${got}. Correct the header or remove it (Parley then sets it).`;

  it('refuses more content than the user Content-Length before the upstream sees a complete request', async () => {
    // An upstream that only listens: whatever it received is what the proxy let through.
    const up = await rawUpstream(() => undefined);
    try {
      const url = `http://127.0.0.1:${up.port}/`;
      const head = { method: 'POST', url, headers: [['Content-Length', '5']] as [string, string][] };
      const oneChunk = await proxyCall(live.server, head, [enc('hello'), enc('GET /smuggled HTTP/1.1\r\n\r\n')]);
      expect([oneChunk.status, oneChunk.error]).toEqual([400, { code: 'bad-request', message: mismatch(5, 'more') }]);
      const split = await proxyCall(live.server, head, [enc('hel'), enc('lo'), enc('!')]);
      expect([split.status, split.error]).toEqual([400, { code: 'bad-request', message: mismatch(5, 'more') }]);
      // The upstream never received the fifth octet, so it never had a complete request.
      const seen = Buffer.concat(up.received).toString('latin1');
      expect([seen.includes('hello'), seen.includes('smuggled')]).toEqual([false, false]);
    } finally {
      await up.close();
    }
  });

  it('refuses less content than declared, and sends a matching one', async () => {
    const head = (n: string): ProxyRequestHead => ({
      method: 'PUT',
      url: `${live.server.url}/echo/framing`,
      headers: [['Content-Length', n]],
    });
    const short = await proxyCall(live.server, head('20'), [enc('hel'), enc('lo')]);
    expect([short.status, short.error]).toEqual([400, { code: 'bad-request', message: mismatch(20, '5') }]);
    const exact = await proxyCall(live.server, head('5'), [enc('hel'), enc('lo')]);
    const echo = JSON.parse(exact.body.toString()) as EchoReply;
    expect([exact.status, exact.head?.status, echo.body.text, echo.headers.slice(1)]).toEqual([
      200,
      200,
      'hello',
      [
        ['Content-Length', '5'],
        ['Connection', 'keep-alive'],
      ],
    ]);
    // The same rule when the proxy request has its own Content-Length (checked up front).
    const framed = await proxyCall(live.server, head('4'), [enc('hello')], { chunked: false });
    expect([framed.status, framed.error]).toEqual([400, { code: 'bad-request', message: mismatch(4, '5') }]);
  });
});

describe('upgrades and deadlines (point 4)', () => {
  const refused = (port: number, what: string) => ({
    code: 'upgrade-refused',
    message: `127.0.0.1:${port} answered ${what}, asking to switch to another protocol; Parley does not support protocol upgrades (such as WebSocket) yet, so the call was ended.`,
  });

  it('ends a call answered with 101 Switching Protocols (with or without Upgrade) or a 2xx to CONNECT', async () => {
    const up = await rawUpstream((socket, received) => {
      const withUpgrade = received.toString('latin1').includes('/ws');
      socket.write(
        received.toString('latin1').startsWith('CONNECT')
          ? 'HTTP/1.1 200 Connection Established\r\n\r\n'
          : `HTTP/1.1 101 Switching Protocols\r\n${withUpgrade ? 'Upgrade: websocket\r\nConnection: Upgrade\r\n' : ''}\r\n`,
      );
    });
    try {
      const base = `http://127.0.0.1:${up.port}`;
      const ws = await viaProxy(live.server, { method: 'GET', url: `${base}/ws`, headers: [['Upgrade', 'websocket']] });
      const bare = await viaProxy(live.server, { method: 'GET', url: `${base}/plain`, headers: [] });
      const connect = await viaProxy(live.server, { method: 'CONNECT', url: `${base}/`, headers: [] });
      expect([ws.status, ws.error]).toEqual([502, refused(up.port, '101 Switching Protocols')]);
      expect([bare.status, bare.error]).toEqual([502, refused(up.port, '101 Switching Protocols')]);
      expect([connect.status, connect.error]).toEqual([502, refused(up.port, '200 to CONNECT')]);
      // 40 such calls at once (more than any cap) all end, and the proxy still serves others.
      const many = await Promise.all(
        Array.from({ length: 40 }, () => viaProxy(live.server, { method: 'GET', url: `${base}/ws`, headers: [] })),
      );
      // Each ends at once with 502 (or, when more than 16 are in flight from this client, 429).
      const outcomes = many.map((r) => `${r.status} ${r.error?.code}`);
      expect(outcomes.filter((o) => o !== '502 upgrade-refused' && o !== '429 too-many-requests')).toEqual([]);
      expect(outcomes.filter((o) => o === '502 upgrade-refused').length).toBeGreaterThanOrEqual(16);
      const after = await viaProxy(live.server, { method: 'GET', url: `${live.server.url}/echo/after`, headers: [] });
      expect(after.head?.status).toBe(200);
    } finally {
      await up.close();
    }
  });

  it('cuts a response whose content stalls longer than the body gap, and one that trickles past the total deadline', async () => {
    const quick = await startTestServer({ deadlines: { upstreamBodyGapMs: 200, proxyTotalMs: 700 } });
    const up = await rawUpstream((socket, received) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nab');
      // /trickle: one octet every 100 ms, each gap below the 200 ms limit, 1000 octets in 100 s.
      if (received.toString('latin1').includes('/trickle')) {
        const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write('c')), 100);
      }
    });
    try {
      const base = `http://127.0.0.1:${up.port}`;
      const stalled = await proxyCall(quick, { method: 'GET', url: `${base}/stall`, headers: [] });
      expect([stalled.status, stalled.head?.status, stalled.body.toString(), stalled.ended]).toEqual([
        200,
        200,
        'ab',
        'cut',
      ]);
      const trickle = await proxyCall(quick, { method: 'GET', url: `${base}/trickle`, headers: [] });
      expect([trickle.status, trickle.ended]).toEqual([200, 'cut']);
      expect(trickle.body.length).toBeLessThan(1000);
    } finally {
      await up.close();
      await quick.close();
    }
  });

  it('ends a call whose browser stops sending the request content (streamed, and buffered for redirects)', async () => {
    const quick = await startTestServer({ deadlines: { bodyGapMs: 200 } });
    try {
      const u = new URL(quick.url);
      const outcomes: string[] = [];
      for (const followRedirects of [false, true]) {
        const framed = encodeProxyRequest(
          { method: 'PUT', url: `${quick.url}/echo/gap`, headers: [], followRedirects },
          null,
        );
        outcomes.push(
          await new Promise<string>((resolve) => {
            const req = request({
              host: u.hostname,
              port: u.port,
              method: 'POST',
              path: '/api/proxy',
              agent: false,
              headers: { Host: u.host, Origin: quick.url, 'X-Parley-Token': quick.token },
            });
            req.on('response', (res) => {
              res.resume();
              res.on('end', () => resolve(`answered ${res.statusCode}`));
              res.on('aborted', () => resolve('cut'));
            });
            req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
            req.write(framed);
            req.write('some content, then silence');
          }),
        );
      }
      // The connection is closed on the browser (nothing can be answered while it still "sends").
      expect(outcomes).toEqual(['ECONNRESET', 'ECONNRESET']);
    } finally {
      await quick.close();
    }
  });
});

describe('fairness (point 4)', () => {
  it('a client with many stalled calls fills only its own share; another client is still served', async () => {
    const fair = await startTestServer({ maxProxiesPerClient: 3 });
    const abort = new AbortController();
    try {
      const stalledHead = { method: 'GET', url: `${fair.url}/echo/delay/60000`, headers: [] };
      const stalled = Array.from({ length: 3 }, () =>
        proxyCall(fair, stalledHead, [], { localAddress: '127.0.0.2', signal: abort.signal }).catch(() => null),
      );
      // Poll until the three are counted, then one more from the same client is refused.
      let fourth = await proxyCall(fair, { method: 'GET', url: `${fair.url}/echo/x`, headers: [] }, [], {
        localAddress: '127.0.0.2',
      });
      while (fourth.status === 200)
        fourth = await proxyCall(fair, { method: 'GET', url: `${fair.url}/echo/x`, headers: [] }, [], {
          localAddress: '127.0.0.2',
        });
      expect([fourth.status, fourth.error]).toEqual([
        429,
        { code: 'too-many-requests', message: 'You already have 3 proxy requests in flight; wait for some to finish.' },
      ]);
      const other = await proxyCall(fair, { method: 'GET', url: `${fair.url}/echo/other`, headers: [] }, [], {
        localAddress: '127.0.0.1',
      });
      expect([other.status, other.head?.status]).toEqual([200, 200]);
      abort.abort();
      await Promise.all(stalled);
    } finally {
      await fair.close();
    }
  });
});

describe('fairness across the upstream connection pool (point 4)', () => {
  it('72 stalled calls to one upstream do not make a call to the same upstream wait for a socket', async () => {
    const abort = new AbortController();
    let waiting = 0;
    const onWaiting = () => waiting++;
    delayEvents.on('waiting', onWaiting);
    try {
      const stalledHead = { method: 'GET', url: `${live.server.url}/echo/delay/60000`, headers: [] };
      const stalled = Array.from({ length: 72 }, (_, i) =>
        proxyCall(live.server, stalledHead, [], { localAddress: `127.0.0.${2 + (i % 8)}`, signal: abort.signal }).catch(
          () => null,
        ),
      );
      while (waiting < 72) await new Promise((r) => setTimeout(r, 20));
      const other = await proxyCall(live.server, { method: 'GET', url: `${live.server.url}/echo/free`, headers: [] });
      expect([other.status, other.head?.status]).toEqual([200, 200]);
      abort.abort();
      await Promise.all(stalled);
    } finally {
      delayEvents.off('waiting', onWaiting);
    }
  });
});

describe('header fields relayed up to the cap (point 8)', () => {
  it('relays all 2,501 header fields of a response, with no warning', async () => {
    const fields = Array.from({ length: 2501 }, (_, i): [string, string] => [`X-Field-${i}`, `v${i}`]);
    const up = await rawUpstream((socket) =>
      socket.end(`HTTP/1.1 200 OK\r\n${fields.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`),
    );
    try {
      const r = await proxyCall(live.server, { method: 'GET', url: `http://127.0.0.1:${up.port}/`, headers: [] });
      expect([r.status, r.head?.headers.length, r.head?.warnings]).toEqual([200, 2501, undefined]);
      expect(r.head?.headers).toEqual(fields);
    } finally {
      await up.close();
    }
  });

  it('cuts fields past the cap and says how many it relayed', async () => {
    const fields = Array.from({ length: 6000 }, (_, i): [string, string] => [
      `X-Field-${String(i).padStart(4, '0')}`,
      'v'.repeat(24),
    ]);
    const up = await rawUpstream((socket) =>
      socket.end(
        `HTTP/1.1 200 OK\r\n${fields.map(([n, v]) => `${n}: ${v}\r\n`).join('')}Content-Length: 4\r\n\r\nbody`,
      ),
    );
    try {
      const r = await proxyCall(live.server, { method: 'GET', url: `http://127.0.0.1:${up.port}/`, headers: [] });
      const kept = r.head!.headers.length;
      expect([r.status, r.body.toString(), r.head!.headers]).toEqual([200, 'body', fields.slice(0, kept)]);
      expect(kept).toBeGreaterThan(4000);
      expect(kept).toBeLessThan(6001);
      expect(r.head!.warnings).toEqual([
        `Parley relayed ${kept} of 6001 response header fields: the rest did not fit in its limit of 245760 characters for the relayed head (about 180 KiB of header fields). The content is complete.`,
      ]);
    } finally {
      await up.close();
    }
  });
});
