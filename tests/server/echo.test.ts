import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import type { EchoReply } from '../../src/core/wire/echo.ts';
import { byteStringToBytes } from '../../src/core/wire/proxy-codec.ts';
import { request, type IncomingMessage } from 'node:http';
import { once } from 'node:events';
import { ECHO_ROUTES, delayEvents } from '../../server/echo/routes.ts';
import { echoReplyOf } from '../../server/echo/echo.ts';
import { ContentCollector } from '../../server/echo/content.ts';
import { rawRequest, useTestServer } from './helpers.ts';

const live = useTestServer();

const json = (body: Buffer): EchoReply => JSON.parse(body.toString('utf8')) as EchoReply;
const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

describe('echo', () => {
  it('reflects method, target, query, raw header pairs (order, case, duplicates) and body', async () => {
    const res = await rawRequest(live.server.url, {
      method: 'POST',
      path: '/echo/post/json?b=2&a=1&a=&c=%C3%BC',
      headers: [
        ['Host', live.host],
        ['X-Custom', 'one'],
        ['x-custom', 'two'],
        ['Content-Type', 'text/plain'],
        ['Content-Length', '9'],
      ],
      body: 'Zoë 😀',
    });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-expose-headers']).toBe('*');
    expect(res.headers['content-security-policy']).toBe('sandbox');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(json(res.body)).toEqual({
      method: 'POST',
      target: '/echo/post/json?b=2&a=1&a=&c=%C3%BC',
      path: '/echo/post/json',
      query: {
        raw: 'b=2&a=1&a=&c=%C3%BC',
        pairs: [
          ['b', '2'],
          ['a', '1'],
          ['a', ''],
          ['c', 'ü'],
        ],
      },
      headers: [
        ['Host', live.host],
        ['X-Custom', 'one'],
        ['x-custom', 'two'],
        ['Content-Type', 'text/plain'],
        ['Content-Length', '9'],
        ['Connection', 'close'],
      ],
      httpVersion: '1.1',
      body: {
        text: 'Zoë 😀',
        base64: 'Wm/DqyDwn5iA',
        size: 9,
        sha256: '91b7847abee0482651039ac5e0fa8416d8eb9eb11de9f68e0c31c5ff7a0f0fec',
        truncated: false,
      },
    });
  });

  it('answers /echo itself, any method token, and a GET with a body', async () => {
    const purge = json((await rawRequest(live.server.url, { method: 'PURGE', path: '/echo' })).body);
    expect([purge.method, purge.path, purge.query]).toEqual(['PURGE', '/echo', { raw: '', pairs: [] }]);
    const get = json((await rawRequest(live.server.url, { method: 'GET', path: '/echo/x', body: '{"a":1}' })).body);
    expect([get.method, get.body]).toEqual([
      'GET',
      {
        text: '{"a":1}',
        base64: 'eyJhIjoxfQ==',
        size: 7,
        sha256: '015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862',
        truncated: false,
      },
    ]);
  });

  it('keeps header value octets beyond ASCII (byte strings)', async () => {
    const res = await rawRequest(live.server.url, {
      path: '/echo',
      headers: [
        ['Host', live.host],
        ['X-City', 'Z\xfcrich'],
      ],
    });
    const value = json(res.body).headers.find(([n]) => n === 'X-City')![1];
    expect([...byteStringToBytes(value)]).toEqual([0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68]);
  });

  it('answers CORS preflights for any method and headers', async () => {
    const res = await rawRequest(live.server.url, {
      method: 'OPTIONS',
      path: '/echo/anything',
      headers: [
        ['Host', live.host],
        ['Origin', 'http://elsewhere.test'],
        ['Access-Control-Request-Method', 'PURGE'],
        ['Access-Control-Request-Headers', 'authorization,x-custom'],
      ],
    });
    expect(res.status).toBe(204);
    expect(res.rawHeaders.slice(0, 5)).toEqual([
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Methods', 'PURGE'],
      ['Access-Control-Max-Age', '600'],
      ['Access-Control-Allow-Headers', 'authorization,x-custom'],
      ['Content-Length', '0'],
    ]);
    expect(res.body.length).toBe(0);
  });

  it('answers a plain OPTIONS (no preflight) with the echo', async () => {
    const res = await rawRequest(live.server.url, { method: 'OPTIONS', path: '/echo/o' });
    expect(json(res.body).method).toBe('OPTIONS');
  });

  it('answers any Host on /echo (it reflects only the caller’s own request)', async () => {
    const res = await rawRequest(live.server.url, { path: '/echo', headers: [['Host', 'example.test']] });
    expect(json(res.body).headers[0]).toEqual(['Host', 'example.test']);
  });
});

describe('echo helper routes', () => {
  it('/echo/status/:code sets status and reason phrase; no body for 204, 304 and HEAD', async () => {
    const teapot = await rawRequest(live.server.url, { path: "/echo/status/418?reason=I'm%20a%20teapot" });
    expect([teapot.status, teapot.reason, json(teapot.body).path]).toEqual([418, "I'm a teapot", '/echo/status/418']);
    const plain = await rawRequest(live.server.url, { path: '/echo/status/503' });
    expect([plain.status, plain.reason]).toEqual([503, 'Service Unavailable']);
    for (const code of [204, 304]) {
      const r = await rawRequest(live.server.url, { path: `/echo/status/${code}` });
      expect([r.status, r.body.length, r.headers['content-type']]).toEqual([code, 0, undefined]);
    }
    const head = await rawRequest(live.server.url, { method: 'HEAD', path: '/echo/status/200' });
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect((await rawRequest(live.server.url, { path: '/echo/status/99' })).status).toBe(400);
    expect((await rawRequest(live.server.url, { path: '/echo/status/999' })).status).toBe(400);
  });

  it('/echo/bytes/:n sends n bytes of the i mod 256 pattern with Content-Length', async () => {
    const res = await rawRequest(live.server.url, { path: '/echo/bytes/70000' });
    const expected = Buffer.alloc(70000);
    for (let i = 0; i < expected.length; i++) expected[i] = i % 256;
    expect(res.headers['content-length']).toBe('70000');
    expect(sha256(res.body)).toBe(sha256(expected));
    expect((await rawRequest(live.server.url, { path: '/echo/bytes/0' })).body.length).toBe(0);
  });

  it('/echo/cookies sets one Set-Cookie per pair, three samples by default', async () => {
    const two = await rawRequest(live.server.url, { path: '/echo/cookies?a=1&b=two' });
    expect(two.rawHeaders.filter(([n]) => n === 'Set-Cookie')).toEqual([
      ['Set-Cookie', 'a=1; Path=/'],
      ['Set-Cookie', 'b=two; Path=/'],
    ]);
    const samples = await rawRequest(live.server.url, { path: '/echo/cookies' });
    expect(samples.headers['set-cookie']).toEqual([
      'session=abc123; Path=/; HttpOnly; SameSite=Lax',
      'theme=dark; Path=/; Max-Age=3600',
      'lang=en-GB; Path=/echo; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Secure',
    ]);
  });

  it('/echo/redirect/:n and /echo/redirect-to redirect with relative and given locations', async () => {
    const r = await rawRequest(live.server.url, { path: '/echo/redirect/2' });
    expect([r.status, r.headers.location]).toEqual([302, '/echo/redirect/1']);
    const r307 = await rawRequest(live.server.url, { path: '/echo/redirect/2?status=307' });
    expect([r307.status, r307.headers.location]).toEqual([307, '/echo/redirect/1?status=307']);
    const end = await rawRequest(live.server.url, { path: '/echo/redirect/0' });
    expect([end.status, json(end.body).path]).toEqual([200, '/echo/redirect/0']);
    const to = await rawRequest(live.server.url, {
      path: '/echo/redirect-to?url=http%3A%2F%2Fexample.test%2Fx&status=308',
    });
    expect([to.status, to.headers.location]).toEqual([308, 'http://example.test/x']);
    expect((await rawRequest(live.server.url, { path: '/echo/redirect-to?url=/x&status=200' })).status).toBe(400);
  });

  it('/echo/charset/:label encodes the sample text in that charset', async () => {
    const latin1 = await rawRequest(live.server.url, { path: '/echo/charset/iso-8859-1' });
    expect(latin1.headers['content-type']).toBe('text/plain; charset=iso-8859-1');
    expect(latin1.body.toString('hex')).toBe(
      Buffer.from([...'Zürich café naïve'].map((c) => c.charCodeAt(0))).toString('hex'),
    );
    expect(latin1.body.length).toBe(17);
    const utf8 = await rawRequest(live.server.url, { path: '/echo/charset/utf-8' });
    expect(utf8.body.toString('utf8')).toBe('Zürich café naïve');
    expect(utf8.body.length).toBe(20);
    const be = await rawRequest(live.server.url, { path: '/echo/charset/utf-16be' });
    expect(be.body.subarray(0, 4).toString('hex')).toBe('005a00fc');
    expect((await rawRequest(live.server.url, { path: '/echo/charset/klingon' })).status).toBe(400);
  });

  it('/echo/json/big streams valid JSON of the announced length with every digit of big integers', async () => {
    const res = await rawRequest(live.server.url, { path: '/echo/json/big?mb=0.25' });
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(Math.abs(res.body.length - 0.25 * 1024 * 1024)).toBeLessThan(200);
    const text = res.body.toString('utf8');
    const parsed = JSON.parse(text) as { count: number; items: unknown[] };
    expect(parsed.items.length).toBe(parsed.count);
    expect(
      text.startsWith(
        `{"count":${parsed.count},"items":[{"id":1000000000000003023,"name":"item-000000000","big":9007199254740993,`,
      ),
    ).toBe(true);
    expect(
      text.endsWith(
        `{"id":${1000000000000003023n + BigInt(parsed.count - 1)},"name":"item-${String(parsed.count - 1).padStart(9, '0')}","big":9007199254740993,"price":19.99,"active":true,"tags":["alpha","beta"],"note":null}]}`,
      ),
    ).toBe(true);
  });

  it('/echo/image.png is a valid 16×16 PNG', async () => {
    const res = await rawRequest(live.server.url, { path: '/echo/image.png' });
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.body.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([res.body.readUInt32BE(16), res.body.readUInt32BE(20)]).toEqual([16, 16]);
    const idatLength = res.body.readUInt32BE(33);
    expect(inflateSync(res.body.subarray(41, 41 + idatLength)).length).toBe(16 * (1 + 16 * 3));
  });

  it('/echo/html carries a script; /echo/headers-dup keeps duplicates and case; /echo/download names a file', async () => {
    const html = await rawRequest(live.server.url, { path: '/echo/html' });
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body.toString()).toContain("document.title = 'SCRIPT RAN';");
    // Opened directly in a tab, it runs in an opaque origin, never as Parley's page.
    expect(html.headers['content-security-policy']).toBe('sandbox');
    const dup = await rawRequest(live.server.url, { path: '/echo/headers-dup' });
    expect(dup.rawHeaders.slice(4, 10)).toEqual([
      ['X-Dup', 'one'],
      ['x-dup', 'two'],
      ['X-DUP', 'three'],
      ['x-MiXeD-cAsE', 'kept'],
      ['Set-Cookie', 'a=1; Path=/'],
      ['Set-Cookie', 'b=2; Path=/'],
    ]);
    const dl = await rawRequest(live.server.url, { path: '/echo/download?name=r%C3%A9sum%C3%A9%22.csv' });
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="r_sum__.csv"; filename*=UTF-8''r%C3%A9sum%C3%A9_.csv`,
    );
    expect(dl.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(dl.body.toString('utf8')).toBe('id,name,city\n1,Emma,Boston\n2,Zoë,Zürich\n');
  });

  it('/echo/delay/:ms answers with the echo after the delay', async () => {
    const res = await rawRequest(live.server.url, { path: '/echo/delay/20' });
    expect([res.status, json(res.body).path]).toEqual([200, '/echo/delay/20']);
  });

  it('/echo/delay/:ms?head=now sends the status line and header fields before the delayed content', async () => {
    const target = '/echo/delay/60000?head=now';
    const abandoned = once(delayEvents, 'abandoned');
    const sentHeaders: [string, string][] = [
      ['Host', live.host],
      ['Connection', 'close'],
    ];
    const req = request(`${live.server.url}${target}`, { agent: false, headers: sentHeaders.flat() });
    req.end();
    // The head arrives while the content still waits its 60 s: the client leaves, the server stops.
    const [res] = (await once(req, 'response')) as [IncomingMessage];
    const expectedLength = Buffer.byteLength(
      JSON.stringify(echoReplyOf('GET', target, sentHeaders, '1.1', new ContentCollector().finish()), null, 2) + '\n',
    );
    expect([res.statusCode, res.headers['content-type'], res.headers['content-length']]).toEqual([
      200,
      'application/json; charset=utf-8',
      String(expectedLength),
    ]);
    req.destroy();
    expect(await abandoned).toEqual([target]);
  });

  it('answers an h2c Upgrade offer (Java HttpClient) as plain HTTP/1.1, content intact (RFC 9110 §7.8)', async () => {
    const res = await rawRequest(live.server.url, {
      method: 'POST',
      path: '/echo/h2c',
      headers: [
        ['Host', new URL(live.server.url).host],
        ['Connection', 'Upgrade, HTTP2-Settings'],
        ['Upgrade', 'h2c'],
        ['HTTP2-Settings', 'AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA'],
      ],
      body: '{"a":1}',
    });
    const echo = json(res.body);
    expect([res.status, echo.method, echo.path, echo.body.text]).toEqual([200, 'POST', '/echo/h2c', '{"a":1}']);
    expect(echo.headers.map(([n]: [string, string]) => n)).toEqual([
      'Host',
      'Connection',
      'HTTP2-Settings',
      'Content-Length',
    ]);
  });

  it('documents every helper route', () => {
    expect(ECHO_ROUTES.map((r) => r.pattern.split(/[?:]/)[0])).toEqual([
      '/echo/status/',
      '/echo/delay/',
      '/echo/bytes/',
      '/echo/cookies',
      '/echo/cookies/check',
      '/echo/redirect/',
      '/echo/redirect-to',
      '/echo/charset/',
      '/echo/json/big',
      '/echo/image.png',
      '/echo/html',
      '/echo/headers-dup',
      '/echo/download',
      '/echo/encoded/',
      '/echo/digest/',
      '/echo/graphql',
      '/echo/sse',
      '/echo/ws',
      '/echo/oauth/authorize',
      '/echo/oauth/token',
      '/echo/oauth/resource',
      '/echo/** (any other path, any method)',
    ]);
  });
});
