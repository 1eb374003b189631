/** Test helpers: raw HTTP calls (node:http keeps header case and lets us set Host/Origin freely). */
import { request } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../server/app.ts';
import { decodeProxyResponseHead, encodeProxyRequest } from '../../src/core/wire/proxy-codec.ts';
import type { ProxyErrorBody, ProxyRequestHead, ProxyResponseHead } from '../../src/core/wire/proxy.ts';

export interface RawResponse {
  status: number;
  reason: string;
  rawHeaders: [string, string][];
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request with headers given as ordered pairs; resolves when the whole body arrived. */
export function rawRequest(
  url: string,
  opts: {
    method?: string;
    path?: string;
    headers?: [string, string][];
    body?: Uint8Array | string;
    signal?: AbortSignal;
  } = {},
): Promise<RawResponse> {
  const u = new URL(url);
  const headers = opts.headers ?? [['Host', u.host]];
  // Like a browser, frame a known body with Content-Length unless the test set framing itself.
  if (opts.body !== undefined && !headers.some(([n]) => /^(content-length|transfer-encoding)$/i.test(n))) {
    headers.push([
      'Content-Length',
      String(typeof opts.body === 'string' ? Buffer.byteLength(opts.body) : opts.body.length),
    ]);
  }
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        method: opts.method ?? 'GET',
        path: opts.path ?? u.pathname + u.search,
        headers: headers.flat(),
        agent: false,
        signal: opts.signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const rawHeaders: [string, string][] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2)
            rawHeaders.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
          resolve({
            status: res.statusCode ?? 0,
            reason: res.statusMessage ?? '',
            rawHeaders,
            headers: res.headers,
            body: Buffer.concat(chunks),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

export interface ProxyResult {
  status: number;
  head: ProxyResponseHead | null;
  error: ProxyErrorBody['error'] | null;
  body: Buffer;
  raw: RawResponse;
}

/** Calls the proxy as Parley's page would (own Origin, token), unless overridden. */
export async function viaProxy(
  server: RunningServer,
  head: ProxyRequestHead,
  body: Uint8Array | null = null,
  override: { origin?: string | null; token?: string | null; host?: string; signal?: AbortSignal } = {},
): Promise<ProxyResult> {
  const host = override.host ?? new URL(server.url).host;
  const headers: [string, string][] = [
    ['Host', host],
    ['Content-Type', 'application/octet-stream'],
  ];
  const origin = override.origin === undefined ? server.url : override.origin;
  if (origin !== null) headers.push(['Origin', origin]);
  const token = override.token === undefined ? server.token : override.token;
  if (token !== null) headers.push(['X-Parley-Token', token]);
  const raw = await rawRequest(`${server.url}/api/proxy`, {
    method: 'POST',
    headers,
    body: encodeProxyRequest(head, body),
    signal: override.signal,
  });
  const headValue = raw.headers['x-parley-head'];
  return {
    status: raw.status,
    head: typeof headValue === 'string' ? decodeProxyResponseHead(headValue) : null,
    error: typeof headValue === 'string' ? null : (JSON.parse(raw.body.toString('utf8')) as ProxyErrorBody).error,
    body: raw.body,
    raw,
  };
}

/** A server with no app, on a free loopback port. */
export function startTestServer(opts: ServerOptions = {}): Promise<RunningServer> {
  return startServer({ host: '127.0.0.1', port: 0, distDir: null, ...opts });
}

/**
 * Starts a test server before this file's tests and closes it after them. Read `server` and
 * `host` (its `127.0.0.1:port`) inside tests: they exist only once `beforeAll` has run.
 */
export function useTestServer(opts: ServerOptions = {}): { readonly server: RunningServer; readonly host: string } {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(opts);
  });
  afterAll(() => server?.close());
  const running = (): RunningServer => {
    if (!server) throw new Error('The test server starts in beforeAll: use it inside tests.');
    return server;
  };
  return {
    get server() {
      return running();
    },
    get host() {
      return new URL(running().url).host;
    },
  };
}
