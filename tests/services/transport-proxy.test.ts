/** What only the proxy transport does, against Parley's real server and echo (loopback only); shared behaviour is in transport-contract.test.ts. */
import { describe, expect, it } from 'vitest';
import { createProxyTransport } from '../../src/services/transport-proxy.ts';
import { SendError } from '../../src/services/transport.ts';
import { decodeEcho, freshSignal, pageFetch, transportFor, useEchoServer } from './transport-fixtures.ts';

const echo = useEchoServer();
const transport = () => transportFor('proxy', echo.server);

describe('createProxyTransport', () => {
  it('sends a custom method, header pairs (order, case, duplicates) and exact body bytes', async () => {
    const body = new Uint8Array([0x7b, 0x00, 0xff, 0xc3, 0xa4, 0x7d]);
    const res = await transport().send(
      echo.request({
        method: 'PURGE',
        url: `${echo.server.url}/echo/a%20b?x=1&y`,
        headers: [
          { name: 'X-Dup', value: 'one', source: 'user' },
          { name: 'x-dup', value: 'two', source: 'user' },
          { name: 'Cookie', value: 'a=1', source: 'user' },
        ],
        body,
      }),
      { signal: freshSignal() },
    );
    const reply = decodeEcho(res.body);
    expect(reply.method).toBe('PURGE');
    expect(reply.target).toBe('/echo/a%20b?x=1&y');
    expect(reply.headers.filter(([n]) => /^(x-dup|cookie)$/i.test(n))).toEqual([
      ['X-Dup', 'one'],
      ['x-dup', 'two'],
      ['Cookie', 'a=1'],
    ]);
    expect(Buffer.from(reply.body.base64, 'base64')).toEqual(Buffer.from(body));
  });

  it('keeps every Set-Cookie field in order', async () => {
    const res = await transport().send(echo.request({ url: `${echo.server.url}/echo/cookies?a=1&b=2` }), {
      signal: freshSignal(),
    });
    expect(res.headers.filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, v]) => v.split(';')[0])).toEqual([
      'a=1',
      'b=2',
    ]);
  });

  it('keeps a custom reason phrase', async () => {
    const res = await transport().send(
      echo.request({ url: `${echo.server.url}/echo/status/418?reason=Short%20and%20stout` }),
      { signal: freshSignal() },
    );
    expect(`${res.status} ${res.reasonPhrase}`).toBe('418 Short and stout');
  });

  it('turns a refused connection into a clear proxy error', async () => {
    const err = await transport()
      .send(echo.request({ url: 'http://127.0.0.1:9/' }), { signal: freshSignal() })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SendError);
    expect((err as SendError).kind).toBe('proxy');
    expect((err as SendError).code).toBe('connection-refused');
    // One sentence naming the address (not a generic title followed by the same thing again).
    expect((err as SendError).message).toBe('Connection refused by 127.0.0.1:9 — nothing is listening there.');
  });

  it('reports a stale token without pretending the target answered', async () => {
    const err = await createProxyTransport('wrong-token', { base: echo.server.url, fetch: pageFetch(echo.server) })
      .send(echo.request(), { signal: freshSignal() })
      .catch((e: unknown) => e);
    expect((err as SendError).kind).toBe('proxy');
    expect((err as SendError).code).toBe('bad-token');
  });
});
