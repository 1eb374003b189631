/**
 * The one request handler shared by the production server (`app.ts`) and the Vite dev
 * server plugin (`vite-plugin.ts`), so both answer /api and /echo identically.
 *
 * Routing:
 *   /echo, /echo/**   echo server (any Host: it reflects only the caller's own request, CORS-open; no PARLEY_AUTH)
 *   /api/health       { ok: true }
 *   /api/proxy        the proxy (Host, Origin and token checked)
 *   upgrades          /echo/ws (WebSocket echo), /api/proxy/ws (WebSocket proxy; same checks) — see `upgrade`
 *   /api/load/**      load tests (load/routes.ts; Host, Origin and token checked)
 *   anything else     the built app (Host checked: index.html carries the token)
 * With `basicAuth` (PARLEY_AUTH) every route but /echo first needs HTTP Basic credentials.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { isEchoPath } from './echo/echo.ts';
import { handleEcho } from './echo/entry.ts';
import { handleProxy } from './proxy/proxy.ts';
import { disposeAgents, type ProxyLimits } from './proxy/limits.ts';
import { serveStatic } from './static.ts';
import { isAllowedHost, isAuthorized, type BasicCredentials } from './security.ts';
import { sendJson, sendError } from './respond.ts';
import { DEFAULT_DEADLINES, type Deadlines } from './timeouts.ts';
import { createWsEcho, isWsEchoTarget } from './echo/ws.ts';
import { createWsProxy } from './proxy/ws-proxy.ts';
import { WS_PROXY_PATH } from '../src/core/websocket/relay.ts';
import type { Duplex } from 'node:stream';
import { createLoadApi, publicTargetsFromEnv } from './load/routes.ts';

export interface HandlerOptions {
  token: string;
  /** Folder of the built app; `null` serves no app (API and echo only). */
  distDir: string | null;
  /** Host the server listens on (its own name is accepted in `Host`). */
  listenHost: string;
  /** Extra accepted `Host` values (`name` or `name:port`). */
  allowedHosts: readonly string[];
  allowPrivateTargets: boolean;
  /** Default proxy timeout in ms. */
  proxyTimeoutMs: number;
  /** Proxy requests in flight from all clients before answering 429 (default 256). */
  maxConcurrentProxies?: number;
  /** Proxy requests in flight from one client address before answering it 429 (default 16). */
  maxProxiesPerClient?: number;
  /** Deadlines of every phase (default `DEFAULT_DEADLINES`). */
  deadlines?: Deadlines;
  /** When set, every route but /echo needs these HTTP Basic credentials (`PARLEY_AUTH`). */
  basicAuth?: BasicCredentials;
  /** Load tests may target public addresses (default: `PARLEY_LOAD_PUBLIC_TARGETS`; else loopback/private only). */
  loadPublicTargets?: boolean;
}

export interface ParleyHandler {
  (req: IncomingMessage, res: ServerResponse, next?: () => void): void;
  /** Closes the proxy's upstream keep-alive connections. */
  dispose(): void;
  /**
   * An HTTP `upgrade` (WebSocket): `/echo/ws` (any Host) and `/api/proxy/ws` (Host, Basic auth,
   * Origin and token checked). Returns false for any other path, leaving the socket to others
   * (Vite's hot reload).
   */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
}

/** A fresh random per-process token (URL-safe, 256 bits). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Makes the request handler. With `next` (connect-style middleware in Vite) requests that are
 * not /api or /echo are passed on instead of served from `distDir`.
 */
export function createParleyHandler(opts: HandlerOptions): ParleyHandler {
  const deadlines = opts.deadlines ?? DEFAULT_DEADLINES;
  const limits: ProxyLimits = {
    token: opts.token,
    allowPrivateTargets: opts.allowPrivateTargets,
    defaultTimeoutMs: opts.proxyTimeoutMs,
    maxConcurrent: opts.maxConcurrentProxies ?? 256,
    inFlight: 0,
    maxPerClient: opts.maxProxiesPerClient ?? 16,
    perClient: new Map(),
    deadlines,
  };
  const load = createLoadApi({
    token: opts.token,
    allowPrivateTargets: opts.allowPrivateTargets,
    allowPublicTargets: opts.loadPublicTargets ?? publicTargetsFromEnv(),
  });
  const handler = (req: IncomingMessage, res: ServerResponse, next?: () => void): void => {
    const url = req.url ?? '/';
    if (isEchoPath(url)) return handleEcho(req, res, deadlines.bodyGapMs);
    const isApi = url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
    if (!isApi && next) return next();
    if (!isAllowedHost(req.headers.host, req.socket.localPort ?? 0, opts.listenHost, opts.allowedHosts)) {
      req.resume();
      return sendError(
        res,
        421,
        'bad-host',
        `This server does not answer for the host "${req.headers.host ?? ''}". Open Parley at the address it printed, or add the name to PARLEY_ALLOWED_HOSTS.`,
      );
    }
    if (opts.basicAuth && !isAuthorized(req.headers.authorization, opts.basicAuth)) {
      req.resume();
      // RFC 7617: the browser asks for the user and password, then sends them on every request here.
      res.setHeader('WWW-Authenticate', 'Basic realm="Parley", charset="UTF-8"');
      return sendError(
        res,
        401,
        'unauthorized',
        'This Parley server needs a user name and password (PARLEY_AUTH); sign in when the browser asks.',
      );
    }
    if (isApi) {
      const path = url.split('?')[0];
      if (path === '/api/health') {
        req.resume();
        return sendJson(res, 200, { ok: true });
      }
      if (path === '/api/proxy') return handleProxy(req, res, limits);
      if (path === '/api/load' || path?.startsWith('/api/load/')) return load.handle(req, res);
      req.resume();
      return sendError(res, 404, 'bad-request', `No API route ${path}.`);
    }
    serveStatic(req, res, opts.distDir, opts.token);
  };
  const wsEcho = createWsEcho();
  const wsProxy = createWsProxy(limits);
  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
    const url = req.url ?? '/';
    if (isWsEchoTarget(url)) {
      wsEcho.upgrade(req, socket, head);
      return true;
    }
    if (url.split('?')[0] !== WS_PROXY_PATH) return false;
    socket.on('error', () => socket.destroy());
    const refuse = (status: string, message: string): true => {
      const body = JSON.stringify({ error: { message } });
      socket.end(
        `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      return true;
    };
    if (!isAllowedHost(req.headers.host, req.socket.localPort ?? 0, opts.listenHost, opts.allowedHosts))
      return refuse('421 Misdirected Request', `This server does not answer for the host "${req.headers.host ?? ''}".`);
    if (opts.basicAuth && !isAuthorized(req.headers.authorization, opts.basicAuth))
      return refuse('401 Unauthorized', 'This Parley server needs a user name and password (PARLEY_AUTH).');
    wsProxy.upgrade(req, socket, head);
    return true;
  };
  return Object.assign(handler, {
    dispose: () => {
      disposeAgents(limits);
      wsEcho.close();
      wsProxy.close();
      load.dispose();
    },
    upgrade,
  });
}
