import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createServer as createHttpsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EchoReply } from '../../src/core/wire/echo.ts';
import { byteStringToBytes } from '../../src/core/wire/proxy-codec.ts';
import { viaProxy, useTestServer } from './helpers.ts';
import { describeUpstreamError } from '../../server/proxy/errors.ts';
import { delayEvents } from '../../server/echo/routes.ts';
import { once } from 'node:events';

const live = useTestServer();

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const echoOf = (body: Buffer): EchoReply => JSON.parse(body.toString('utf8')) as EchoReply;
const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** A throwaway upstream on a free loopback port. */
async function upstream(
  handler: (req: IncomingMessage, res: import('node:http').ServerResponse) => void,
): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const s = createServer(handler);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return {
    server: s,
    port: (s.address() as AddressInfo).port,
    close: () =>
      new Promise((r) => {
        s.closeAllConnections();
        s.close(() => r());
      }),
  };
}

describe('proxy: what is sent', () => {
  it('forwards a custom method, Host, Cookie, User-Agent and duplicate headers verbatim, and the status with its reason phrase', async () => {
    const r = await viaProxy(
      live.server,
      {
        method: 'PURGE',
        url: `${live.server.url}/echo/status/418?reason=I'm%20a%20teapot`,
        headers: [
          ['Host', 'example.test'],
          ['Cookie', 'a=1; b=2'],
          ['User-Agent', 'Parley-Test/1.0'],
          ['X-Dup', '1'],
          ['x-dup', '2'],
        ],
      },
      enc('Zoë 😀'),
    );
    expect(r.status).toBe(200);
    expect([r.head!.status, r.head!.reasonPhrase, r.head!.httpVersion, r.head!.redirects]).toEqual([
      418,
      "I'm a teapot",
      '1.1',
      [],
    ]);
    const echo = echoOf(r.body);
    expect(echo.method).toBe('PURGE');
    expect(echo.target).toBe("/echo/status/418?reason=I'm%20a%20teapot");
    expect(echo.headers).toEqual([
      ['Host', 'example.test'],
      ['Cookie', 'a=1; b=2'],
      ['User-Agent', 'Parley-Test/1.0'],
      ['X-Dup', '1'],
      ['x-dup', '2'],
      ['Content-Length', '9'],
      ['Connection', 'keep-alive'],
    ]);
    expect(echo.body).toEqual({
      text: 'Zoë 😀',
      base64: 'Wm/DqyDwn5iA',
      size: 9,
      sha256: '91b7847abee0482651039ac5e0fa8416d8eb9eb11de9f68e0c31c5ff7a0f0fec',
      truncated: false,
    });
  });

  it('sends a GET with a body, adding Host first and Content-Length last', async () => {
    const r = await viaProxy(
      live.server,
      { method: 'GET', url: `${live.server.url}/echo/get`, headers: [['Accept', 'application/json']] },
      enc('{"q":1}'),
    );
    expect(echoOf(r.body).headers).toEqual([
      ['Host', live.host],
      ['Accept', 'application/json'],
      ['Content-Length', '7'],
      ['Connection', 'keep-alive'],
    ]);
    expect(echoOf(r.body).body.text).toBe('{"q":1}');
  });

  it('sends no length for a GET without body and Content-Length: 0 for an empty POST', async () => {
    const get = echoOf(
      (await viaProxy(live.server, { method: 'GET', url: `${live.server.url}/echo`, headers: [] })).body,
    );
    expect(get.headers).toEqual([
      ['Host', live.host],
      ['Connection', 'keep-alive'],
    ]);
    const post = echoOf(
      (await viaProxy(live.server, { method: 'POST', url: `${live.server.url}/echo`, headers: [] })).body,
    );
    expect(post.headers).toEqual([
      ['Host', live.host],
      ['Content-Length', '0'],
      ['Connection', 'keep-alive'],
    ]);
  });

  it('sends the path and query as written', async () => {
    const r = await viaProxy(live.server, {
      method: 'GET',
      url: `${live.server.url}/echo/a/../b?x=%7e&y='`,
      headers: [],
    });
    expect(echoOf(r.body).target).toBe("/echo/a/../b?x=%7e&y='");
  });

  it('refuses contradictory framing with a clear message', async () => {
    const both = await viaProxy(
      live.server,
      {
        method: 'POST',
        url: `${live.server.url}/echo`,
        headers: [
          ['Content-Length', '2'],
          ['Transfer-Encoding', 'chunked'],
        ],
      },
      enc('hi'),
    );
    expect([both.status, both.error]).toEqual([
      400,
      {
        code: 'bad-request',
        message:
          'The request has both Content-Length and Transfer-Encoding; a sender must not send both (RFC 9112 §6.2). Remove one.',
      },
    ]);
    const wrong = await viaProxy(
      live.server,
      { method: 'POST', url: `${live.server.url}/echo`, headers: [['Content-Length', '5']] },
      enc('hi'),
    );
    expect(wrong.error).toEqual({
      code: 'bad-request',
      message:
        'Content-Length says 5 octets but the body has 2. Correct the header or remove it (Parley then sets it).',
    });
    const badName = await viaProxy(live.server, {
      method: 'GET',
      url: `${live.server.url}/echo`,
      headers: [['Bad Name', 'x']],
    });
    expect(badName.error).toEqual({ code: 'bad-request', message: '"Bad Name" is not a valid header name.' });
    const ftp = await viaProxy(live.server, { method: 'GET', url: 'ftp://127.0.0.1/x', headers: [] });
    expect(ftp.error).toEqual({
      code: 'bad-request',
      message: 'The proxy sends only http and https requests, not ftp.',
    });
  });

  it('streams a large request body upstream byte-exact', async () => {
    const body = randomBytes(3 * 1024 * 1024 + 7);
    const r = await viaProxy(
      live.server,
      { method: 'PUT', url: `${live.server.url}/echo/upload`, headers: [['Content-Type', 'application/octet-stream']] },
      body,
    );
    const echo = echoOf(r.body);
    // Above 1 MiB the echo reflects size, SHA-256 and the first 1 MiB.
    expect([echo.body.size, echo.body.sha256, echo.body.truncated]).toEqual([body.length, sha256(body), true]);
    expect(echo.body.base64).toBe(body.subarray(0, 1024 * 1024).toString('base64'));
  });
});

describe('proxy: what comes back', () => {
  it('keeps two Set-Cookie lines as two pairs, in order', async () => {
    const r = await viaProxy(live.server, {
      method: 'GET',
      url: `${live.server.url}/echo/cookies?a=1&b=2`,
      headers: [],
    });
    expect(r.head!.headers.filter(([n]) => n === 'Set-Cookie')).toEqual([
      ['Set-Cookie', 'a=1; Path=/'],
      ['Set-Cookie', 'b=2; Path=/'],
    ]);
  });

  it('streams a large response byte-exact (SHA-256) with its Content-Length', async () => {
    const n = 8 * 1024 * 1024 + 3;
    const r = await viaProxy(live.server, { method: 'GET', url: `${live.server.url}/echo/bytes/${n}`, headers: [] });
    const expected = Buffer.alloc(n);
    for (let i = 0; i < n; i++) expected[i] = i & 0xff;
    expect(r.raw.headers['content-length']).toBe(String(n));
    expect(sha256(r.body)).toBe(sha256(expected));
  });

  it('does not decode Content-Encoding and keeps raw header octets', async () => {
    const gz = gzipSync(Buffer.from('hello hello hello'));
    const up = await upstream((_req, res) => {
      res.writeHead(200, ['Content-Encoding', 'gzip', 'X-City', 'Z\xfcrich', 'Content-Length', String(gz.length)]);
      res.end(gz);
    });
    try {
      const r = await viaProxy(live.server, { method: 'GET', url: `http://127.0.0.1:${up.port}/`, headers: [] });
      expect(r.body.equals(gz)).toBe(true);
      expect(r.head!.headers.slice(0, 3)).toEqual([
        ['Content-Encoding', 'gzip'],
        ['X-City', 'Z\u00fcrich'],
        ['Content-Length', String(gz.length)],
      ]);
      expect([...byteStringToBytes(r.head!.headers[1]![1])]).toEqual([0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68]);
      expect(r.raw.headers['content-encoding']).toBe(undefined);
    } finally {
      await up.close();
    }
  });

  it('returns no body for HEAD, 204 and 304 whatever the headers say', async () => {
    const head = await viaProxy(live.server, {
      method: 'HEAD',
      url: `${live.server.url}/echo/bytes/1000`,
      headers: [],
    });
    expect([head.head!.status, head.body.length, head.head!.headers.find(([n]) => n === 'Content-Length')![1]]).toEqual(
      [200, 0, '1000'],
    );
    const none = await viaProxy(live.server, { method: 'GET', url: `${live.server.url}/echo/status/204`, headers: [] });
    expect([none.head!.status, none.head!.reasonPhrase, none.body.length]).toEqual([204, 'No Content', 0]);
  });

  it('reports timings for a new connection', async () => {
    const up = await upstream((_req, res) => res.end('ok'));
    try {
      const r = await viaProxy(live.server, { method: 'GET', url: `http://127.0.0.1:${up.port}/`, headers: [] });
      expect(Object.keys(r.head!.timings).sort()).toEqual(['connectMs', 'firstByteMs']);
      expect(r.head!.timings.firstByteMs!).toBeGreaterThanOrEqual(r.head!.timings.connectMs!);
      const named = await viaProxy(live.server, { method: 'GET', url: `http://localhost:${up.port}/`, headers: [] });
      expect(named.head!.timings.dnsMs).toBeTypeOf('number');
    } finally {
      await up.close();
    }
  });
});

describe('proxy: redirects', () => {
  it('reports a 3xx without following it by default', async () => {
    const r = await viaProxy(live.server, { method: 'GET', url: `${live.server.url}/echo/redirect/2`, headers: [] });
    expect([r.head!.status, r.head!.redirects, r.head!.headers.find(([n]) => n === 'Location')]).toEqual([
      302,
      [],
      ['Location', '/echo/redirect/1'],
    ]);
  });

  it('follows when asked, recording every hop', async () => {
    const r = await viaProxy(live.server, {
      method: 'GET',
      url: `${live.server.url}/echo/redirect/2`,
      headers: [],
      followRedirects: true,
    });
    expect(r.head!.status).toBe(200);
    expect(r.head!.url).toBe(`${live.server.url}/echo/redirect/0`);
    expect(r.head!.redirects).toEqual([
      {
        status: 302,
        reasonPhrase: 'Found',
        method: 'GET',
        url: `${live.server.url}/echo/redirect/2`,
        location: '/echo/redirect/1',
      },
      {
        status: 302,
        reasonPhrase: 'Found',
        method: 'GET',
        url: `${live.server.url}/echo/redirect/1`,
        location: '/echo/redirect/0',
      },
    ]);
  });

  it('turns POST into GET without body on 303 and keeps both on 307', async () => {
    const to = (status: number): string =>
      `${live.server.url}/echo/redirect-to?url=${encodeURIComponent('/echo/after')}&status=${status}`;
    const headers: [string, string][] = [
      ['Content-Type', 'application/json'],
      ['X-Keep', 'yes'],
    ];
    const see = echoOf(
      (await viaProxy(live.server, { method: 'POST', url: to(303), headers, followRedirects: true }, enc('{"a":1}')))
        .body,
    );
    expect([see.method, see.headers, see.body.size]).toEqual([
      'GET',
      [
        ['Host', live.host],
        ['X-Keep', 'yes'],
        ['Connection', 'keep-alive'],
      ],
      0,
    ]);
    const temp = echoOf(
      (await viaProxy(live.server, { method: 'POST', url: to(307), headers, followRedirects: true }, enc('{"a":1}')))
        .body,
    );
    expect([temp.method, temp.headers, temp.body.text]).toEqual([
      'POST',
      [
        ['Host', live.host],
        ['Content-Type', 'application/json'],
        ['X-Keep', 'yes'],
        ['Content-Length', '7'],
        ['Connection', 'keep-alive'],
      ],
      '{"a":1}',
    ]);
  });

  it('drops Authorization and Cookie on a cross-origin hop, keeps them on a same-origin one', async () => {
    const headers: [string, string][] = [
      ['Authorization', 'Bearer s3cret'],
      ['Cookie', 'id=1'],
      ['X-Other', 'kept'],
    ];
    const other = `http://localhost:${live.server.port}/echo/landed`;
    const cross = echoOf(
      (
        await viaProxy(live.server, {
          method: 'GET',
          url: `${live.server.url}/echo/redirect-to?url=${encodeURIComponent(other)}`,
          headers,
          followRedirects: true,
        })
      ).body,
    );
    expect(cross.headers).toEqual([
      ['Host', `localhost:${live.server.port}`],
      ['X-Other', 'kept'],
      ['Connection', 'keep-alive'],
    ]);
    const same = echoOf(
      (
        await viaProxy(live.server, {
          method: 'GET',
          url: `${live.server.url}/echo/redirect/1`,
          headers,
          followRedirects: true,
        })
      ).body,
    );
    expect(same.headers).toEqual([
      ['Host', live.host],
      ['Authorization', 'Bearer s3cret'],
      ['Cookie', 'id=1'],
      ['X-Other', 'kept'],
      ['Connection', 'keep-alive'],
    ]);
  });

  it('stops after 10 redirects', async () => {
    const r = await viaProxy(live.server, {
      method: 'GET',
      url: `${live.server.url}/echo/redirect/11`,
      headers: [],
      followRedirects: true,
    });
    expect([r.status, r.error]).toEqual([
      502,
      { code: 'too-many-redirects', message: 'Stopped after 10 redirects; the last one pointed to /echo/redirect/0.' },
    ]);
  });
});

describe('proxy: failures', () => {
  it('explains a refused connection (closed loopback port)', async () => {
    const up = await upstream(() => undefined);
    const port = up.port;
    await up.close();
    const r = await viaProxy(live.server, { method: 'GET', url: `http://127.0.0.1:${port}/`, headers: [] });
    expect([r.status, r.error]).toEqual([
      502,
      { code: 'connection-refused', message: `Connection refused by 127.0.0.1:${port} — nothing is listening there.` },
    ]);
  });

  it('times out when the upstream never answers, and closes the upstream connection', async () => {
    let closed!: () => void;
    const upstreamClosed = new Promise<void>((r) => (closed = r));
    const up = await upstream((req) => req.socket.on('close', closed));
    try {
      const r = await viaProxy(live.server, {
        method: 'GET',
        url: `http://127.0.0.1:${up.port}/`,
        headers: [],
        timeoutMs: 150,
      });
      expect([r.status, r.error]).toEqual([
        504,
        {
          code: 'timeout',
          message: `No response from 127.0.0.1:${up.port} within 150 ms (the timeout); the request was cancelled.`,
        },
      ]);
      await upstreamClosed;
    } finally {
      await up.close();
    }
  });

  it('cancels the upstream request when the browser goes away', async () => {
    let arrived!: () => void;
    let closed!: () => void;
    const upstreamArrived = new Promise<void>((r) => (arrived = r));
    const upstreamClosed = new Promise<void>((r) => (closed = r));
    const up = await upstream((req) => {
      req.socket.on('close', closed);
      arrived();
    });
    try {
      const abort = new AbortController();
      const pending = viaProxy(
        live.server,
        { method: 'GET', url: `http://127.0.0.1:${up.port}/slow`, headers: [] },
        null,
        { signal: abort.signal },
      );
      await upstreamArrived;
      abort.abort();
      await expect(pending).rejects.toThrow();
      await upstreamClosed;
    } finally {
      await up.close();
    }
  });

  it('cancel reaches the echo: its delay route sees the client leave', async () => {
    const target = '/echo/delay/30000?id=cancel';
    const waiting = once(delayEvents, 'waiting');
    const abandoned = once(delayEvents, 'abandoned');
    const abort = new AbortController();
    const pending = viaProxy(live.server, { method: 'GET', url: `${live.server.url}${target}`, headers: [] }, null, {
      signal: abort.signal,
    });
    expect(await waiting).toEqual([target]);
    abort.abort();
    await expect(pending).rejects.toThrow();
    expect(await abandoned).toEqual([target]);
  });

  it('retries once on a new connection when a kept-alive one turns out closed', async () => {
    const seen = new WeakMap<object, number>();
    const up = await upstream((req, res) => {
      const n = (seen.get(req.socket) ?? 0) + 1;
      seen.set(req.socket, n);
      // The second request on a connection meets a server that has just closed it.
      if (n === 2) return void req.socket.destroy();
      res.end(`ok ${req.method}`);
    });
    try {
      const url = `http://127.0.0.1:${up.port}/`;
      expect((await viaProxy(live.server, { method: 'GET', url, headers: [] })).body.toString()).toBe('ok GET');
      const second = await viaProxy(live.server, { method: 'POST', url, headers: [] }, enc('body'));
      expect([second.status, second.head?.status, second.body.toString()]).toEqual([200, 200, 'ok POST']);
    } finally {
      await up.close();
    }
  });

  it('cuts a response head browsers would reject to the fields that fit, with a warning; refuses one above its own limit', async () => {
    const up = await upstream((req, res) => {
      const size = req.url === '/huge' ? 300 * 1024 : 200 * 1024;
      // Node adds Date, Connection, Keep-Alive and Transfer-Encoding: 6 fields in all.
      res.writeHead(200, ['X-Before', '1', 'X-Big', 'a'.repeat(size)]);
      res.end('content');
    });
    try {
      const big = await viaProxy(live.server, { method: 'GET', url: `http://127.0.0.1:${up.port}/big`, headers: [] });
      expect([big.status, big.head?.headers, big.head?.warnings, big.body.toString()]).toEqual([
        200,
        [['X-Before', '1']],
        [
          'Parley relayed 1 of 6 response header fields: the rest did not fit in its limit of 245760 characters for the relayed head (about 180 KiB of header fields). The content is complete.',
        ],
        'content',
      ]);
      const huge = await viaProxy(live.server, { method: 'GET', url: `http://127.0.0.1:${up.port}/huge`, headers: [] });
      expect([huge.status, huge.error]).toEqual([
        502,
        {
          code: 'upstream-error',
          message: `The response head from 127.0.0.1:${up.port} is larger than the proxy's limit of 256 KiB.`,
        },
      ]);
    } finally {
      await up.close();
    }
  });

  it('explains a failed TLS handshake (self-signed certificate)', async () => {
    const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
    const tls = createHttpsServer(
      {
        key: readFileSync(join(fixtures, 'self-signed-key.pem')),
        cert: readFileSync(join(fixtures, 'self-signed-cert.pem')),
      },
      (_req, res) => res.end('secret'),
    );
    await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
    const port = (tls.address() as AddressInfo).port;
    try {
      const r = await viaProxy(live.server, { method: 'GET', url: `https://127.0.0.1:${port}/`, headers: [] });
      expect([r.status, r.error]).toEqual([
        502,
        {
          code: 'tls-failed',
          message: `The TLS handshake with 127.0.0.1:${port} failed: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT).`,
        },
      ]);
    } finally {
      tls.closeAllConnections();
      await new Promise((r) => tls.close(r));
    }
  });

  it('explains a connection reset before the response', async () => {
    const up = await upstream((req) => req.socket.destroy());
    try {
      const r = await viaProxy(live.server, { method: 'GET', url: `http://127.0.0.1:${up.port}/`, headers: [] });
      expect([r.status, r.error?.code]).toEqual([502, 'connection-reset']);
      expect(r.error!.message).toBe(
        `127.0.0.1:${up.port} closed the connection before sending a complete response (ECONNRESET).`,
      );
    } finally {
      await up.close();
    }
  });

  it('explains a name that cannot be resolved (mapping of the resolver error; no DNS query leaves the machine)', () => {
    const err = Object.assign(new Error('getaddrinfo ENOTFOUND api.example.test'), {
      code: 'ENOTFOUND',
      hostname: 'api.example.test',
    });
    expect(describeUpstreamError(err, 'api.example.test:443')).toEqual({
      status: 502,
      code: 'dns-failed',
      message:
        'The name api.example.test could not be resolved (ENOTFOUND). Check the spelling, or whether this machine is offline.',
    });
  });
});
