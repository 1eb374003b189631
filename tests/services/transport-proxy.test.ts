/** The proxy transport against Parley's real server and echo (loopback only). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.ts';
import { createProxyTransport } from '../../src/services/transport-proxy.ts';
import { SendError, type SendProgress } from '../../src/services/transport.ts';
import type { EffectiveRequest } from '../../src/core/resolve/types.ts';
import type { EchoReply } from '../../src/core/wire/echo.ts';

let server: RunningServer;
/** Node's fetch sends no Origin; add the one the browser adds for the app's own page. */
let pageFetch: typeof fetch;

beforeAll(async () => {
  server = await startServer({ host: '127.0.0.1', port: 0, distDir: null });
  pageFetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Origin', server.url);
    return fetch(input, { ...init, headers });
  };
});
afterAll(async () => {
  await server?.close();
});

const transport = () => createProxyTransport(server.token, { base: server.url, fetch: pageFetch });
const request = (over: Partial<EffectiveRequest>): EffectiveRequest => ({
  method: 'GET',
  url: `${server.url}/echo/x`,
  headers: [],
  body: null,
  ...over,
});
const signal = () => new AbortController().signal;
const decodeEcho = (body: Uint8Array | null): EchoReply => JSON.parse(new TextDecoder().decode(body ?? new Uint8Array())) as EchoReply;

describe('createProxyTransport', () => {
  it('sends method, header pairs (order, case, duplicates) and exact body bytes', async () => {
    const body = new Uint8Array([0x7b, 0x00, 0xff, 0xc3, 0xa4, 0x7d]);
    const progress: SendProgress[] = [];
    const res = await transport().send(
      request({
        method: 'PURGE',
        url: `${server.url}/echo/a%20b?x=1&y`,
        headers: [
          { name: 'X-Dup', value: 'one', source: 'user' },
          { name: 'x-dup', value: 'two', source: 'user' },
          { name: 'Cookie', value: 'a=1', source: 'user' },
        ],
        body,
      }),
      { signal: signal(), onProgress: (p) => progress.push(p) },
    );
    expect(res.status).toBe(200);
    expect(res.reasonPhrase).toBe('OK');
    expect(res.via).toBe('proxy');
    const echo = decodeEcho(res.body);
    expect(echo.method).toBe('PURGE');
    expect(echo.target).toBe('/echo/a%20b?x=1&y');
    expect(echo.headers.filter(([n]) => /^(x-dup|cookie)$/i.test(n))).toEqual([
      ['X-Dup', 'one'],
      ['x-dup', 'two'],
      ['Cookie', 'a=1'],
    ]);
    expect(Buffer.from(echo.body.base64, 'base64')).toEqual(Buffer.from(body));
    expect(res.sizeBytes).toBe(res.body?.byteLength);
    expect(progress.at(-1)?.receivedBytes).toBe(res.sizeBytes);
  });

  it('keeps every Set-Cookie field in order', async () => {
    const res = await transport().send(request({ url: `${server.url}/echo/cookies?a=1&b=2` }), { signal: signal() });
    expect(res.headers.filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, v]) => v.split(';')[0])).toEqual(['a=1', 'b=2']);
  });

  it('records no body for HEAD and for 204 (RFC 9112 §6.3)', async () => {
    const head = await transport().send(request({ method: 'HEAD' }), { signal: signal() });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(head.sizeBytes).toBe(0);
    const noContent = await transport().send(request({ url: `${server.url}/echo/status/204` }), { signal: signal() });
    expect(noContent.status).toBe(204);
    expect(noContent.body).toBeNull();
  });

  it('keeps a custom reason phrase', async () => {
    const res = await transport().send(request({ url: `${server.url}/echo/status/418?reason=Short%20and%20stout` }), { signal: signal() });
    expect(`${res.status} ${res.reasonPhrase}`).toBe('418 Short and stout');
  });

  it('turns a refused connection into a clear proxy error', async () => {
    const err = await transport()
      .send(request({ url: 'http://127.0.0.1:9/' }), { signal: signal() })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SendError);
    expect((err as SendError).kind).toBe('proxy');
    expect((err as SendError).code).toBe('connection-refused');
    expect((err as SendError).message).toMatch(/^Connection refused: nothing is listening/);
  });

  it('reports a stale token without pretending the target answered', async () => {
    const err = await createProxyTransport('wrong-token', { base: server.url, fetch: pageFetch })
      .send(request({}), { signal: signal() })
      .catch((e: unknown) => e);
    expect((err as SendError).kind).toBe('proxy');
    expect((err as SendError).code).toBe('bad-token');
  });

  it('cancels: the abort becomes a "cancelled" error', async () => {
    const controller = new AbortController();
    const pending = transport().send(request({ url: `${server.url}/echo/delay/10000` }), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const err = await pending.catch((e: unknown) => e);
    expect((err as SendError).kind).toBe('cancelled');
    expect((err as SendError).message).toBe('Request cancelled. No response was received.');
  });
});
