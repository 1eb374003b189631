/** The direct transport (the platform's fetch) against the real echo server, and its error wording. */
import { describe, expect, it } from 'vitest';
import { createDirectTransport, directNetworkErrorMessage } from '../../src/services/transport-direct.ts';
import { SendError } from '../../src/services/transport.ts';
import { createServer } from 'node:net';
import { freshSignal, useEchoServer } from './transport-fixtures.ts';

/** A loopback port nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const echo = useEchoServer();

describe('createDirectTransport', () => {
  it('explains a network failure without claiming the server answered', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/`;
    const err = await createDirectTransport()
      .send(echo.request({ url }), { signal: freshSignal() })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SendError);
    expect((err as SendError).kind).toBe('direct-network');
    expect((err as SendError).message).toBe(directNetworkErrorMessage(url, ''));
    expect((err as SendError).message).toMatch(/^The browser could not complete the request/);
    expect((err as SendError).message).not.toMatch(/Network Error/);
  });

  it('names the blocked port as the cause when fetch refuses a bad port (Fetch §2.9)', async () => {
    // Node's fetch (undici) blocks the same ports as browsers, so this is the real refusal.
    const err = await createDirectTransport()
      .send(echo.request({ url: 'http://127.0.0.1:1/x' }), { signal: freshSignal() })
      .catch((e: unknown) => e);
    expect((err as SendError).kind).toBe('direct-network');
    expect((err as SendError).message).toBe(
      "The browser did not send the request. Browsers refuse to connect to port 1 (the Fetch standard's blocked ports). Send it through Parley's proxy instead.",
    );
  });

  it('reports a request the platform refuses to build as not sent', async () => {
    const err = await createDirectTransport()
      .send(echo.request({ method: 'GET', body: new Uint8Array([1]) }), { signal: freshSignal() })
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

  it('names only the blocked port when the target uses one: CORS, mixed content and offline are not the cause', () => {
    const expected =
      "The browser did not send the request. Browsers refuse to connect to port 6667 (the Fetch standard's blocked ports). Send it through Parley's proxy instead.";
    expect(directNetworkErrorMessage('http://127.0.0.1:6667/x', 'https:')).toBe(expected);
    expect(directNetworkErrorMessage('https://api.example.test:6667/', 'http:')).toBe(expected);
  });

  it('a port just outside the list gets the usual list of causes', () => {
    expect(directNetworkErrorMessage('http://127.0.0.1:8080/x', 'http:')).toMatch(
      /^The browser could not complete the request and did not show a response\. Likely causes: \(1\) the server does not allow this page’s origin \(CORS\)/,
    );
  });
});
