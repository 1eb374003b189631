/**
 * `npm run dev`: mounts Parley's /api (proxy, health) and /echo routes into the Vite dev
 * server, with the same handler as the production server, so the app talks to its proxy
 * same-origin during development too.
 *
 * The per-process token is written into index.html by `transformIndexHtml` while serving.
 * For `vite build` the `%PARLEY_PROXY_TOKEN%` placeholder stays in dist/index.html: the
 * production server fills it in on every request with its own token.
 */
import type { Plugin } from 'vite';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { createParleyHandler, newToken, type ParleyHandler } from './handler.ts';
import { isLoopbackHost } from './security.ts';
import { TOKEN_PLACEHOLDER } from './static.ts';
import { appSecurityHeaders } from './security-headers.ts';
import { onClientError } from './echo/any-method.ts';

/** Mounts Parley's server routes (/api/*, /echo/*) into the Vite dev server. */
export function parleyDevServer(): Plugin {
  // One token per dev process: Vite re-creates plugins when it restarts on a config change,
  // and an open page keeps working across that.
  const state = globalThis as { __parleyDevToken?: string };
  const token = (state.__parleyDevToken ??= newToken());
  let serving = false;
  let handler: ParleyHandler | null = null;
  return {
    name: 'parley-dev-server',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    configureServer(server) {
      const configured = server.config.server.host;
      // Vite listens on localhost unless told otherwise; `true` means every interface.
      const listenHost = typeof configured === 'string' ? configured : configured === true ? '0.0.0.0' : '127.0.0.1';
      const allowed = server.config.server.allowedHosts;
      handler = createParleyHandler({
        token,
        distDir: null,
        listenHost,
        allowedHosts: Array.isArray(allowed) ? allowed : [],
        allowPrivateTargets: isLoopbackHost(listenHost) || listenHost === 'localhost',
        proxyTimeoutMs: 30_000,
      });
      const h = handler;
      // Added before Vite's own middlewares, so /api and /echo never reach the SPA fallback.
      // The app's pages get the anti-framing headers (dev mode: hot reload needs inline script).
      const devHeaders = Object.entries(appSecurityHeaders('dev'));
      server.middlewares.use((req, res, next) =>
        h(req, res, () => {
          for (const [name, value] of devHeaders) res.setHeader(name, value);
          next();
        }),
      );
      server.httpServer?.once('close', () => h.dispose());
      // WebSocket echo and proxy; other upgrades (Vite's hot reload) are left to Vite.
      server.httpServer?.on(
        'upgrade',
        (req: IncomingMessage, socket: Duplex, head: Buffer) => void h.upgrade(req, socket, head),
      );
      // Custom method tokens Node's parser does not know still reach the echo (see any-method.ts).
      if (server.httpServer && server.httpServer.listenerCount('clientError') === 0)
        server.httpServer.on('clientError', onClientError);
    },
    transformIndexHtml(html) {
      return serving ? html.replaceAll(TOKEN_PLACEHOLDER, token) : html;
    },
  };
}
