/**
 * The upstream leg: sends the request with node:http(s) (method, header pairs and body as
 * given), follows redirects only when asked, and streams the answer back byte-exact with
 * the upstream head in `X-Parley-Head`. Cancels upstream when the browser goes away.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest, type RequestOptions as HttpsRequestOptions } from 'node:https';
import { isIP, type Socket } from 'node:net';
import { rootCertificates, type TLSSocket } from 'node:tls';
import { performance } from 'node:perf_hooks';
import {
  PROXY_HEAD_HEADER,
  type ProxyRequestHead,
  type ProxyResponseHead,
  type AuthExchange,
  type ProxyTimings,
  type ProxyTlsOptions,
  type RedirectHop,
  type TlsSessionInfo,
} from '../../src/core/wire/proxy.ts';
import { isPrivateAddress, policyLookup, TargetPolicyError } from '../security.ts';
import { sendError } from '../respond.ts';
import { describeUpstreamError, ProxyError } from './errors.ts';
import { isRedirectStatus, nextHop, parseTarget, prepareHeaders, type UpstreamTarget } from './prepare.ts';
import { createAgents, MAX_TIMEOUT_MS, type ProxyLimits } from './limits.ts';
import { declaredLength, streamContent } from './upload.ts';
import { digestRetry } from './digest-retry.ts';
import { tlsInfoOf, tlsRequestOptions } from './tls-info.ts';

/** Most redirects followed before giving up. */
const MAX_REDIRECTS = 10;
/** Content kept in memory so it can be re-sent on a 307/308 when following redirects, in bytes. */
const MAX_REPLAY_BODY_BYTES = 32 * 1024 * 1024;
/**
 * Longest X-Parley-Head value, in characters (Chromium refuses response heads above 256 KiB).
 * Header fields beyond it are cut, with a warning in the head (`ProxyResponseHead.warnings`).
 */
export const MAX_RELAYED_HEAD_CHARS = 240 * 1024;
/** Largest upstream response head accepted, in bytes (big Set-Cookie sets exist). */
const MAX_UPSTREAM_HEAD_BYTES = 256 * 1024;

type Body =
  | { kind: 'stream'; req: IncomingMessage; leftover: Buffer<ArrayBufferLike>; length: number | null }
  | { kind: 'buffer'; data: Buffer };

/** Carries one proxy request to its end: a streamed answer or a `ProxyErrorBody`. */
export function forward(
  req: IncomingMessage,
  res: ServerResponse,
  limits: ProxyLimits,
  head: ProxyRequestHead,
  leftover: Buffer<ArrayBufferLike>,
  bodyLength: number | null,
): void {
  const timeoutMs = Math.min(head.timeoutMs ?? limits.defaultTimeoutMs, MAX_TIMEOUT_MS);
  const { proxyTotalMs, upstreamBodyGapMs, bodyGapMs } = limits.deadlines;
  let current: ClientRequest | null = null;
  let targetLabel = head.url;
  // Why the exchange must stop (checked before every hop too, as a stop can come between hops).
  // Declared with `as`: callbacks set it, and `= null` alone would narrow it to null for the whole body.
  let stopped = null as ProxyError | 'browser-gone' | null;
  const deadline = setTimeout(() => {
    stopped = new ProxyError(
      504,
      'timeout',
      `No response from ${targetLabel} within ${timeoutMs} ms (the timeout); the request was cancelled.`,
    );
    current?.destroy(stopped);
  }, timeoutMs);
  // However the call goes (slow head, trickling content), it ends by this time.
  const total = setTimeout(() => {
    stopped ??= new ProxyError(
      504,
      'timeout',
      `The exchange with ${targetLabel} took longer than the proxy's limit of ${proxyTotalMs} ms for one call; it was cut.`,
    );
    if (stopped instanceof ProxyError) current?.destroy(stopped);
    if (res.headersSent) res.destroy();
  }, proxyTotalMs);
  res.once('close', () => {
    clearTimeout(deadline);
    clearTimeout(total);
    if (res.writableFinished) return;
    // The browser went away (cancel, closed tab): stop the upstream request too.
    stopped ??= 'browser-gone';
    current?.destroy();
  });
  const fail = (err: unknown): void => {
    clearTimeout(deadline);
    clearTimeout(total);
    if (res.destroyed || res.headersSent) return void res.destroy();
    req.resume();
    const failure = describeUpstreamError(err, targetLabel);
    sendError(res, failure.status, failure.code, failure.message);
  };

  void (async () => {
    let target: UpstreamTarget = parseTarget(head.url);
    let body: Body | null = { kind: 'stream', req, leftover, length: bodyLength };
    // Kept in memory when it may be sent again: to follow a redirect, or to answer a Digest challenge.
    if (head.followRedirects || head.digest) body = { kind: 'buffer', data: await readAll(req, leftover, bodyGapMs) };
    let method = head.method;
    let headers = head.headers;
    const redirects: RedirectHop[] = [];
    let authExchange: AuthExchange | undefined;
    for (;;) {
      if (stopped === 'browser-gone') return;
      if (stopped) throw stopped;
      const length = body === null ? 0 : body.kind === 'buffer' ? body.data.length : body.length;
      const pairs = prepareHeaders({ method, headers }, target.url, length);
      targetLabel = `${target.url.hostname}:${target.url.port || (target.url.protocol === 'https:' ? 443 : 80)}`;
      const verifyTls = head.verifyTls !== false;
      const send = (b: Body | null) =>
        sendHop(target, method, pairs, b, limits, bodyGapMs, (r) => (current = r), verifyTls, head.tls);
      const { response, timings, tls } = await send(body).catch((err: unknown) => {
        // A kept-alive connection the server had just closed: retry once on a new one, as
        // browsers do, when the content can be sent again (none, buffered, or all already here).
        const again = replayable(body);
        if (!isStaleConnection(err) || again === undefined) throw err;
        body = again;
        return send(again);
      });
      const status = response.statusCode ?? 0;
      if (head.digest && authExchange === undefined) {
        const data = body?.kind === 'buffer' ? body.data : null;
        const retry = digestRetry(head.digest, response, method, target.requestTarget, headers, data);
        if (retry) {
          response.resume();
          authExchange = retry.exchange;
          headers = retry.headers;
          continue;
        }
      }
      const location = response.headers.location;
      if (head.followRedirects && isRedirectStatus(status) && location !== undefined) {
        response.resume();
        if (redirects.length >= MAX_REDIRECTS) {
          throw new ProxyError(
            502,
            'too-many-redirects',
            `Stopped after ${MAX_REDIRECTS} redirects; the last one pointed to ${location}.`,
          );
        }
        redirects.push({ status, reasonPhrase: response.statusMessage ?? '', method, url: target.url.href, location });
        const next = nextHop(status, location, method, target.url, pairs);
        target = { url: next.url, requestTarget: next.requestTarget };
        method = next.method;
        headers = next.headers;
        if (!next.keepBody) body = null;
        continue;
      }
      clearTimeout(deadline);
      relay(
        res,
        current!,
        response,
        method,
        {
          timings,
          redirects,
          url: target.url.href,
          ...(authExchange ? { authExchange } : {}),
          ...(tls ? { tls } : {}),
        },
        Math.min(timeoutMs, upstreamBodyGapMs),
      );
      return;
    }
  })().catch(fail);
}

/** The body as re-sendable bytes, `null` for none, or `undefined` when part of it was already streamed away. */
function replayable(body: Body | null): Body | null | undefined {
  if (body === null || body.kind === 'buffer') return body;
  if (body.length !== null && body.leftover.length >= body.length)
    return { kind: 'buffer', data: Buffer.from(body.leftover.subarray(0, body.length)) };
  return undefined;
}

function isStaleConnection(err: unknown): boolean {
  const e = err as { code?: string; reusedSocket?: boolean };
  return e.reusedSocket === true && (e.code === 'ECONNRESET' || e.code === 'EPIPE');
}

/** Sends one hop and resolves with its response head (1xx informational responses are skipped by Node). */
function sendHop(
  target: UpstreamTarget,
  method: string,
  pairs: [string, string][],
  body: Body | null,
  limits: ProxyLimits,
  bodyGapMs: number,
  onRequest: (r: ClientRequest) => void,
  verifyTls = true,
  tlsOptions?: ProxyTlsOptions,
): Promise<{ response: IncomingMessage; timings: ProxyTimings; tls?: TlsSessionInfo }> {
  const { url } = target;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!limits.allowPrivateTargets && isIP(host) && isPrivateAddress(host)) {
    return Promise.reject(new TargetPolicyError(host, host));
  }
  const https = url.protocol === 'https:';
  const started = performance.now();
  const since = (): number => Math.round((performance.now() - started) * 100) / 100;
  const timings: ProxyTimings = {};
  const upstream = (https ? httpsRequest : httpRequest)(
    upstreamOptions(target, method, pairs, limits, verifyTls, tlsOptions),
  );
  // Node's default keeps only the first ~1,000 response header fields and drops the rest silently;
  // the head's size is capped by maxHeaderSize instead, and `relay` says when fields are cut.
  upstream.maxHeadersCount = 0;
  keepMethodCase(upstream, method);
  onRequest(upstream);
  upstream.once('socket', (socket: Socket) => {
    if (!socket.connecting) return; // a kept-alive connection: no DNS, connect or TLS this time
    // Head and body go out as separate writes; without this, Nagle + delayed ACK can add 40 ms.
    socket.setNoDelay(true);
    socket.once('lookup', () => (timings.dnsMs = since()));
    socket.once('connect', () => (timings.connectMs = since()));
    if (https) socket.once('secureConnect', () => (timings.tlsMs = since()));
  });
  const answered = new Promise<{ response: IncomingMessage; timings: ProxyTimings; tls?: TlsSessionInfo }>(
    (resolve, reject) => {
      upstream.once('response', (response) => {
        timings.firstByteMs = since();
        const tls = https ? tlsInfoOf(response.socket as TLSSocket) : undefined;
        if (response.statusCode === 101) {
          response.destroy();
          upstream.destroy();
          return reject(upgradeRefused(target, 101));
        }
        resolve(tls ? { response, timings, tls } : { response, timings });
      });
      // 101 Switching Protocols with Upgrade, or a 2xx to CONNECT: Node hands the socket over (and
      // with no listener waits forever). Parley speaks no other protocol yet: end the call.
      const refuse = (response: IncomingMessage, socket: Socket): void => {
        socket.destroy();
        reject(upgradeRefused(target, response.statusCode ?? 0));
      };
      upstream.once('upgrade', refuse);
      upstream.once('connect', refuse);
      // Node marks requests that went out on a kept-alive connection (`reusedSocket`).
      upstream.once('error', (err: Error) => reject(Object.assign(err, { reusedSocket: upstream.reusedSocket })));
    },
  );
  if (body === null) upstream.end();
  else if (body.kind === 'buffer') upstream.end(body.data);
  else if (body.length !== null && body.leftover.length >= body.length) {
    // All content came with the head (the usual small request): one write, no waiting for 'end'.
    upstream.end(body.leftover.subarray(0, body.length));
    body.req.resume();
  } else streamContent(body.req, body.leftover, upstream, declaredLength(pairs, body.length), bodyGapMs);
  return answered;
}

/**
 * The options of one upstream `http(s).request`, all in one place (connection reuse, TLS and
 * socket settings are added here).
 */
function upstreamOptions(
  target: UpstreamTarget,
  method: string,
  pairs: [string, string][],
  limits: ProxyLimits,
  verifyTls: boolean,
  tlsOptions?: ProxyTlsOptions,
): HttpsRequestOptions {
  const { url } = target;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const https = url.protocol === 'https:';
  limits.agents ??= createAgents();
  return {
    host,
    port: url.port || (https ? 443 : 80),
    method,
    path: target.requestTarget,
    // A flat [name, value, ...] array is written verbatim: order, case and duplicates kept, no Host added.
    headers: pairs.flat(),
    agent: https ? limits.agents.https : limits.agents.http,
    maxHeaderSize: MAX_UPSTREAM_HEAD_BYTES,
    // SNI follows the target URI, not a user-set Host header (as curl does).
    servername: https && !isIP(host) ? host : undefined,
    // The request's "Verify TLS certificate" switch (curl -k); the agent pools the two kinds apart.
    rejectUnauthorized: verifyTls,
    // The request's TLS settings (custom CA, client certificate, minimum version, SNI override); the agent pools by them.
    ...(https ? tlsRequestOptions(tlsOptions, rootCertificates) : {}),
    lookup: limits.allowPrivateTargets ? undefined : policyLookup(() => undefined),
  };
}

function upgradeRefused(target: UpstreamTarget, status: number): ProxyError {
  return new ProxyError(
    502,
    'upgrade-refused',
    `${target.url.host} answered ${status === 101 ? '101 Switching Protocols' : `${status} to CONNECT`}, asking to switch to another protocol; Parley does not support protocol upgrades (such as WebSocket) yet, so the call was ended.`,
  );
}

/**
 * Method names are case-sensitive (RFC 9110 §9.1) but Node's ClientRequest upper-cases them.
 * With array headers Node has already rendered the head in the constructor, so the request
 * line is restored to the method as given. Guarded: if Node's internals ever differ, the
 * upper-cased method is sent rather than anything broken.
 */
function keepMethodCase(upstream: ClientRequest, method: string): void {
  const internal = upstream as ClientRequest & { _header?: unknown; _headerSent?: boolean };
  const upper = method.toUpperCase();
  if (
    method === upper ||
    internal._headerSent ||
    typeof internal._header !== 'string' ||
    !internal._header.startsWith(`${upper} `)
  )
    return;
  internal._header = method + internal._header.slice(upper.length);
}

/** Streams the final upstream response to the browser: 200 + X-Parley-Head + the content bytes as received. */
function relay(
  res: ServerResponse,
  upstream: ClientRequest,
  response: IncomingMessage,
  method: string,
  rest: Pick<ProxyResponseHead, 'timings' | 'redirects' | 'url' | 'authExchange' | 'tls'>,
  idleTimeoutMs: number,
): void {
  const status = response.statusCode ?? 0;
  const head: ProxyResponseHead = {
    status,
    reasonPhrase: response.statusMessage ?? '',
    httpVersion: response.httpVersion,
    headers: pairsOf(response.rawHeaders),
    ...rest,
  };
  // RFC 9112 §6.3: responses to HEAD, and 1xx/204/304, have no content whatever their headers say.
  const noBody = method.toUpperCase() === 'HEAD' || status === 204 || status === 304 || status < 200;
  const encoded = encodeWithinCap(head);
  const out: [string, string][] = [
    [PROXY_HEAD_HEADER, encoded],
    ['Content-Type', 'application/octet-stream'],
    ['Cache-Control', 'no-store'],
    ['X-Content-Type-Options', 'nosniff'],
  ];
  const length = response.headers['content-length'];
  if (noBody) out.push(['Content-Length', '0']);
  else if (length !== undefined && /^\d+$/.test(length) && response.headers['transfer-encoding'] === undefined)
    out.push(['Content-Length', length]);
  res.writeHead(200, out.flat());
  if (noBody) {
    response.resume();
    res.end();
    return;
  }
  // The browser shows the status and header fields as soon as they arrive: send them without
  // waiting for content that may be long in coming, but one turn of the event loop later, so a
  // small response whose content came in the same packet leaves in ONE write (head + content):
  // a separate write per part was the largest per-request cost on loopback (bench/proxy.ts).
  // (`res.headersSent` is already true after writeHead, before anything is written: track content.)
  let contentStarted = false;
  response.once('data', () => (contentStarted = true));
  setImmediate(() => {
    if (!contentStarted && !res.writableEnded && !res.destroyed) res.flushHeaders();
  });
  // Between chunks, the same timeout applies as for the head: a stalled upstream is given up.
  upstream.setTimeout(idleTimeoutMs, () => upstream.destroy(new Error(`No data for ${idleTimeoutMs} ms`)));
  // pipe, not stream.pipeline: pipeline builds an AbortSignal and a DOMException per call, a
  // measurable cost on small requests. Failures are wired by hand: an upstream error ends the
  // browser's response abruptly (so it sees a truncated body, never a clean end), and the
  // browser leaving destroys the upstream request (see `forward`).
  response.on('error', () => res.destroy());
  response.on('aborted', () => res.destroy());
  response.on('end', () => upstream.setTimeout(0));
  response.pipe(res);
}

/**
 * Encodes the head for `X-Parley-Head`; when it would pass `MAX_RELAYED_HEAD_CHARS`, relays the
 * longest run of leading header fields that fits and adds a warning saying how many were cut.
 */
function encodeWithinCap(head: ProxyResponseHead): string {
  const whole = encodeResponseHead(head);
  if (whole.length <= MAX_RELAYED_HEAD_CHARS) return whole;
  const all = head.headers;
  const attempt = (kept: number): string =>
    encodeResponseHead({
      ...head,
      headers: all.slice(0, kept),
      warnings: [
        `Parley relayed ${kept} of ${all.length} response header fields: the rest did not fit in its limit of ${MAX_RELAYED_HEAD_CHARS} characters for the relayed head (about 180 KiB of header fields). The content is complete.`,
      ],
    });
  // Binary search for the most fields that fit (each try is one encode: O(n log n) overall).
  let lo = 0;
  let hi = all.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (attempt(mid).length <= MAX_RELAYED_HEAD_CHARS) lo = mid;
    else hi = mid - 1;
  }
  return attempt(lo);
}

/**
 * `encodeProxyResponseHead` (src/core/wire/proxy-codec.ts: base64url without padding of the
 * UTF-8 JSON, RFC 4648 §5) with Node's native encoder: the same text, several times faster than
 * the portable one, on every proxied response (tests/server/proxy-head-encoding.test.ts).
 */
export function encodeResponseHead(head: ProxyResponseHead): string {
  return Buffer.from(JSON.stringify(head)).toString('base64url');
}

function pairsOf(raw: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

/** Reads the rest of the content into memory (for redirects that re-send it); a pause above `gapMs` ends the call. */
function readAll(req: IncomingMessage, leftover: Buffer<ArrayBufferLike>, gapMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks = [leftover];
    let size = leftover.length;
    req.setTimeout(gapMs, () => {
      reject(
        new ProxyError(408, 'timeout', `The request content stopped arriving for ${gapMs} ms; the call was ended.`),
      );
      req.destroy();
    });
    req.once('end', () => req.setTimeout(0));
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REPLAY_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(
          new ProxyError(
            413,
            'bad-request',
            `With "follow redirects" or Digest auth on, the body is kept to re-send it; it may be at most ${MAX_REPLAY_BODY_BYTES} bytes. Turn redirects off to stream it.`,
          ),
        );
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.resume();
  });
}
