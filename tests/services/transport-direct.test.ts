/** The direct transport (the platform's fetch) against the real echo server, and its error wording. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.ts';
import { createDirectTransport, directNetworkErrorMessage } from '../../src/services/transport-direct.ts';
import { SendError } from '../../src/services/transport.ts';
import type { EffectiveRequest } from '../../src/core/resolve/types.ts';
import type { EchoReply } from '../../src/core/wire/echo.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ host: '127.0.0.1', port: 0, distDir: null });
});
afterAll(async () => {
  await server?.close();
});

const request = (over: Partial<EffectiveRequest>): EffectiveRequest => ({
  method: 'GET',
  url: `${server.url}/echo/x`,
  headers: [],
  body: null,
  ...over,
});
const signal = () => new AbortController().signal;

describe('createDirectTransport', () => {
  it('sends the body bytes and headers and reads the response', async () => {
    const body = new TextEncoder().encode('{"name":"Zoë 😀"}');
    const res = await createDirectTransport().send(
      request({ method: 'POST', body, headers: [{ name: 'Content-Type', value: 'application/json', source: 'body' }] }),
      { signal: signal() },
    );
    expect(res.status).toBe(200);
    expect(res.via).toBe('direct');
    const echo = JSON.parse(new TextDecoder().decode(res.body!)) as EchoReply;
    expect(echo.body.size).toBe(20);
    expect(Buffer.from(echo.body.base64, 'base64').toString('utf8')).toBe('{"name":"Zoë 😀"}');
    expect(echo.headers.find(([n]) => n.toLowerCase() === 'content-length')?.[1]).toBe('20');
  });

  it('records no body for HEAD and 304', async () => {
    expect((await createDirectTransport().send(request({ method: 'HEAD' }), { signal: signal() })).body).toBeNull();
    const notModified = await createDirectTransport().send(request({ url: `${server.url}/echo/status/304` }), { signal: signal() });
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBeNull();
  });

  it('explains a network failure without claiming the server answered', async () => {
    const err = await createDirectTransport()
      .send(request({ url: 'http://127.0.0.1:9/' }), { signal: signal() })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SendError);
    expect((err as SendError).kind).toBe('direct-network');
    expect((err as SendError).message).toBe(directNetworkErrorMessage('http://127.0.0.1:9/', ''));
    expect((err as SendError).message).not.toMatch(/Network Error/);
  });

  it('reports a request the platform refuses to build as not sent', async () => {
    const err = await createDirectTransport()
      .send(request({ method: 'GET', body: new Uint8Array([1]) }), { signal: signal() })
      .catch((e: unknown) => e);
    expect((err as SendError).kind).toBe('invalid-request');
    expect((err as SendError).message).toMatch(/^The browser refused to build this request, so nothing was sent: /);
  });
});

describe('directNetworkErrorMessage', () => {
  it('lists CORS and unreachable, and mixed content only for an https page with an http target', () => {
    expect(directNetworkErrorMessage('https://api.example.test/', 'https:')).toBe(
      'The browser could not complete the request and did not show a response. Likely causes: (1) the server does not allow this page’s origin (CORS), or refused the CORS preflight (OPTIONS) the browser sent first; (2) the server is unreachable, the connection was refused, or you are offline. The browser does not reveal which one. Sending through Parley’s proxy avoids CORS and shows the real error.',
    );
    expect(directNetworkErrorMessage('http://api.example.test/', 'https:')).toContain(
      '(2) this page is HTTPS and the target is plain HTTP (mixed content is blocked); (3) the server is unreachable',
    );
  });
});
