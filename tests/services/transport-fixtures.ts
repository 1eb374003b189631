/** Shared by the transport tests: Parley's real server on loopback, both transports aimed at it, and requests to its echo. */
import type { RunningServer } from '../../server/app.ts';
import type { EffectiveRequest } from '../../src/core/resolve/types.ts';
import type { EchoReply } from '../../src/core/wire/echo.ts';
import { createDirectTransport } from '../../src/services/transport-direct.ts';
import { createProxyTransport } from '../../src/services/transport-proxy.ts';
import type { Transport, TransportKind } from '../../src/services/transport.ts';
import { useTestServer } from '../server/helpers.ts';

/** A request to the echo of `server` (GET /echo/x, no header fields, no content) with `over` applied. */
export function echoRequest(server: RunningServer, over: Partial<EffectiveRequest> = {}): EffectiveRequest {
  return { method: 'GET', url: `${server.url}/echo/x`, headers: [], body: null, ...over };
}

export const freshSignal = (): AbortSignal => new AbortController().signal;

export const decodeEcho = (body: Uint8Array | null): EchoReply =>
  JSON.parse(new TextDecoder().decode(body ?? new Uint8Array())) as EchoReply;

/** Node's fetch sends no Origin; this one adds the Origin the browser adds on Parley's own page. */
export function pageFetch(server: RunningServer): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Origin', server.url);
    return fetch(input, { ...init, headers });
  };
}

/** A transport of `kind` as the page would build it against `server`. */
export function transportFor(kind: TransportKind, server: RunningServer): Transport {
  return kind === 'proxy'
    ? createProxyTransport(server.token, { base: server.url, fetch: pageFetch(server) })
    : createDirectTransport();
}

/** Registers the test server for this file; `request()` builds echo requests to it. */
export function useEchoServer(): {
  readonly server: RunningServer;
  request(over?: Partial<EffectiveRequest>): EffectiveRequest;
} {
  const live = useTestServer();
  return {
    get server() {
      return live.server;
    },
    request: (over = {}) => echoRequest(live.server, over),
  };
}
