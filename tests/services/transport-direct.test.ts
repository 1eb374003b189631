/** The direct transport (the platform's fetch) against the real echo server, and its error wording. */
import { describe, expect, it } from 'vitest';
import { createDirectTransport, directNetworkErrorMessage } from '../../src/services/transport-direct.ts';
import { SendError } from '../../src/services/transport.ts';
import { freshSignal, useEchoServer } from './transport-fixtures.ts';

const echo = useEchoServer();

describe('createDirectTransport', () => {
  it('explains a network failure without claiming the server answered', async () => {
    const err = await createDirectTransport()
      .send(echo.request({ url: 'http://127.0.0.1:9/' }), { signal: freshSignal() })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SendError);
    expect((err as SendError).kind).toBe('direct-network');
    expect((err as SendError).message).toBe(directNetworkErrorMessage('http://127.0.0.1:9/', ''));
    expect((err as SendError).message).not.toMatch(/Network Error/);
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
});
