/**
 * Parley's one Node process: the built app, /api (proxy, health) and /echo, on loopback by default.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';
import { createParleyHandler, newToken } from './handler.ts';
import { isLoopbackHost, type BasicCredentials } from './security.ts';
import { clientErrorHandler } from './echo/any-method.ts';
import { deadlinesOf, type Deadlines } from './timeouts.ts';

export interface ServerOptions {
  /** Listening address; default `127.0.0.1`. */
  host?: string;
  /** Port; default 8080; 0 picks any free port. */
  port?: number;
  /** Folder of the built app; default `./dist`; `null` serves no app. */
  distDir?: string | null;
  /** Extra names accepted in the `Host` header (`name` or `name:port`), e.g. when deployed behind a reverse proxy. */
  allowedHosts?: string[];
  /** Let the proxy reach private/loopback/link-local targets; default true only when listening on loopback. */
  allowPrivateTargets?: boolean;
  /** Per-process proxy token; default a fresh random one. */
  token?: string;
  /** Default proxy timeout in ms (default 30000). */
  proxyTimeoutMs?: number;
  /** Deadlines of every phase (defaults: `DEFAULT_DEADLINES` in timeouts.ts). */
  deadlines?: Partial<Deadlines>;
  /** Proxy requests in flight from all clients (default 256) and from one client address (default 16). */
  maxConcurrentProxies?: number;
  maxProxiesPerClient?: number;
  /** HTTP Basic credentials every route but /echo requires (`PARLEY_AUTH`); default none. */
  basicAuth?: BasicCredentials;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8080`, no trailing slash. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * Starts the server and resolves once it listens.
 * @throws the `listen` error (e.g. `EADDRINUSE`) when the port cannot be bound.
 */
export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? newToken();
  const deadlines = deadlinesOf(opts.deadlines);
  const handler = createParleyHandler({
    token,
    distDir: opts.distDir === null ? null : resolve(opts.distDir ?? 'dist'),
    listenHost: host,
    allowedHosts: opts.allowedHosts ?? [],
    allowPrivateTargets: opts.allowPrivateTargets ?? isLoopbackHost(host),
    proxyTimeoutMs: opts.proxyTimeoutMs ?? 30_000,
    deadlines,
    maxConcurrentProxies: opts.maxConcurrentProxies,
    maxProxiesPerClient: opts.maxProxiesPerClient,
    basicAuth: opts.basicAuth,
  });
  const server: Server = createServer(
    {
      // 16 KiB of request head is Node's default; say so explicitly as the head size limit.
      maxHeaderSize: 16 * 1024,
      // A slow or silent client is answered 408 and dropped (Node checks every `connectionsCheckingInterval`).
      headersTimeout: deadlines.headMs,
      requestTimeout: Math.max(deadlines.requestMs, deadlines.headMs),
      keepAliveTimeout: deadlines.keepAliveMs,
      connectionsCheckingInterval: Math.min(1000, Math.ceil(deadlines.headMs / 4)),
    },
    (req, res) => handler(req, res),
  );
  server.on('clientError', clientErrorHandler(deadlines.bodyGapMs));
  server.on('upgrade', (req, socket, head: Buffer) => {
    if (handler.upgrade(req, socket, head)) return;
    // Not a WebSocket route (e.g. Java's HttpClient offering h2c, RFC 9113 §3.1 of RFC 7540): a server may
    // ignore Upgrade (RFC 9110 §7.8). Node hands every Upgrade request to this listener, so the request is
    // parsed again as a plain HTTP/1.1 request, without its Upgrade field, on the same socket.
    const head1 = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      if (req.rawHeaders[i]!.toLowerCase() !== 'upgrade') head1.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    }
    socket.unshift(Buffer.concat([Buffer.from(`${head1.join('\r\n')}\r\n\r\n`, 'latin1'), head]));
    server.emit('connection', socket);
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        for (const socket of sockets) socket.destroy();
        handler.dispose();
      }),
  };
}
