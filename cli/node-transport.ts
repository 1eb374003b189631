/**
 * The CLI's transport: sends resolveRequest's EffectiveRequest with node:http / node:https,
 * header fields in order with their case (a flat raw array), the content bytes as given, and
 * the framing Parley's proxy adds (`Host` first, `Content-Length` last when missing — the same
 * `prepareHeaders` the proxy uses). Redirects are not followed (the 3xx is the result), as
 * the runner reports what the target answered.
 */
import http from 'node:http';
import https from 'node:https';
import { prepareHeaders } from '../server/proxy/prepare.ts';
import type { EffectiveRequest } from '../src/core/resolve/types.ts';
import type { RunnerResponse } from '../src/core/runner/types.ts';

export interface NodeTransportOptions {
  /** Milliseconds without progress before the request fails. Default 30000. */
  timeoutMs?: number;
  /** Check TLS certificates (default true; `--insecure` turns it off). */
  verifyTls?: boolean;
}

export interface NodeTransport {
  /** Sends `request`; resolves to the response with its content bytes as received (not decoded). */
  send: (request: EffectiveRequest) => Promise<RunnerResponse>;
  /** Closes the kept-alive connections (call when the run is over). */
  close: () => void;
}

/**
 * A transport with keep-alive connections, as the proxy's upstream agents (so a target sees
 * the same `Connection: keep-alive` from the app and the CLI).
 */
export function createNodeTransport(options: NodeTransportOptions = {}): NodeTransport {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  const send = (request: EffectiveRequest) =>
    new Promise<RunnerResponse>((resolve, reject) => {
      let url: URL;
      let pairs: [string, string][];
      try {
        url = new URL(request.url);
        pairs = prepareHeaders(
          { method: request.method, headers: request.headers.map((h) => [h.name, h.value]) },
          url,
          request.body?.byteLength ?? 0,
        );
      } catch (e) {
        reject(new Error(`Not sent: ${e instanceof Error ? e.message : String(e)}`));
        return;
      }
      const secure = url.protocol === 'https:';
      const started = performance.now();
      const req = (secure ? https : http).request({
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || (secure ? 443 : 80),
        method: request.method,
        path: url.pathname + url.search,
        headers: pairs.flat(),
        rejectUnauthorized: options.verifyTls ?? true,
        agent: secure ? agents.https : agents.http,
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`No answer from ${url.host} within ${timeoutMs} ms.`)));
      req.on('error', (e) => reject(new Error(`No response from ${url.host}: ${e.message}`)));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) =>
          reject(new Error(`The connection to ${url.host} broke while the content arrived: ${e.message}`)),
        );
        res.on('end', () => {
          const raw = res.rawHeaders;
          const headers: [string, string][] = [];
          for (let i = 0; i + 1 < raw.length; i += 2) headers.push([raw[i] as string, raw[i + 1] as string]);
          const noContent = request.method.toUpperCase() === 'HEAD' || [204, 304].includes(res.statusCode ?? 0);
          resolve({
            status: res.statusCode ?? 0,
            reasonPhrase: res.statusMessage ?? '',
            headers,
            body: noContent ? null : new Uint8Array(Buffer.concat(chunks)),
            totalMs: Math.round(performance.now() - started),
          });
        });
      });
      req.end(request.body === null ? undefined : Buffer.from(request.body));
    });
  return {
    send,
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
