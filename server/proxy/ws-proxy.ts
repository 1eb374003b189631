/**
 * `/api/proxy/ws`: Parley's WebSocket proxy (protocol: src/core/websocket/relay.ts).
 *
 * The upgrade is checked like `POST /api/proxy` before any WebSocket exists: Host (in
 * handler.ts), the page's Origin (our own only, else 403), the per-process token (query
 * `token`, as a browser WebSocket cannot send header fields), and the proxy's concurrency caps
 * (an open relay counts as one request in flight until it closes). Then the app's first
 * message names the target; the upstream leg is opened with `ws` over `node:http(s)` with the
 * app's header fields (Cookie, Authorization …), the target address policy after DNS, and
 * the certificate check as asked.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { isIP } from 'node:net';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import {
  RELAY_MAX_MESSAGE_BYTES,
  decodeRelayData,
  encodeRelayData,
  isSendableCloseCode,
  parseRelayAppMessage,
  type RelayOpen,
  type RelayProxyMessage,
} from '../../src/core/websocket/relay.ts';
import { isOwnOrigin, isPrivateAddress, isValidToken, policyLookup } from '../security.ts';
import type { ProxyLimits } from './limits.ts';

/** How long the app has to send its `open` message, and the upstream to answer the handshake (ms). */
const OPEN_DEADLINE_MS = 30_000;

/** Answers an upgrade with a plain HTTP error and closes the socket (no WebSocket is made). */
function refuse(socket: Duplex, status: number, reason: string, message: string): void {
  const body = Buffer.from(JSON.stringify({ error: { message } }));
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.toString()}`,
  );
}

/** Makes the proxy's upgrade handler; `close()` ends every relay. */
export function createWsProxy(limits: ProxyLimits): {
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
} {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: RELAY_MAX_MESSAGE_BYTES + 1,
    perMessageDeflate: false,
  });
  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (!isOwnOrigin(req.headers.origin, req.headers.host)) {
      const seen = req.headers.origin ? `from ${req.headers.origin}` : 'without an Origin header';
      return refuse(socket, 403, 'Forbidden', `The proxy works only for Parley's own page; this upgrade came ${seen}.`);
    }
    const token = new URL(req.url ?? '/', 'http://proxy').searchParams.get('token') ?? undefined;
    if (!isValidToken(token, limits.token))
      return refuse(socket, 403, 'Forbidden', 'The proxy token is missing or wrong. Reload the page.');
    const client = req.socket.remoteAddress ?? '';
    const mine = limits.perClient.get(client) ?? 0;
    if (mine >= limits.maxPerClient || limits.inFlight >= limits.maxConcurrent)
      return refuse(socket, 429, 'Too Many Requests', 'The proxy carries too many requests now; close some first.');
    limits.inFlight++;
    limits.perClient.set(client, mine + 1);
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      limits.inFlight--;
      const left = (limits.perClient.get(client) ?? 1) - 1;
      if (left > 0) limits.perClient.set(client, left);
      else limits.perClient.delete(client);
    };
    socket.once('close', release);
    wss.handleUpgrade(req, socket, head, (app) => relay(app, limits, release));
  };
  return {
    upgrade,
    close: () => {
      for (const c of wss.clients) c.terminate();
      wss.close();
    },
  };
}

const asBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

/** One relay: waits for `open`, connects upstream, then carries messages both ways. */
function relay(app: WebSocket, limits: ProxyLimits, release: () => void): void {
  const tell = (m: RelayProxyMessage): void => {
    if (app.readyState === WebSocket.OPEN) app.send(JSON.stringify(m));
  };
  let upstream: WebSocket | null = null;
  const finish = (m: Extract<RelayProxyMessage, { type: 'closed' }>): void => {
    tell(m);
    if (app.readyState === WebSocket.OPEN) app.close(1000, 'relay closed');
    release();
  };
  const openTimer = setTimeout(() => {
    if (!upstream) finish({ type: 'closed', code: 1006, reason: 'No open message arrived in time.', wasClean: false });
  }, OPEN_DEADLINE_MS);
  app.on('error', () => app.terminate());
  app.on('close', () => {
    clearTimeout(openTimer);
    release();
    if (upstream && upstream.readyState <= WebSocket.OPEN) upstream.terminate();
  });
  app.on('message', (data, isBinary) => {
    const bytes = asBuffer(data);
    if (isBinary) {
      const frame = decodeRelayData(bytes);
      if (!frame || !upstream || upstream.readyState !== WebSocket.OPEN) return;
      if (frame.payload.length > RELAY_MAX_MESSAGE_BYTES) return;
      if (frame.kind === 'text') upstream.send(Buffer.from(frame.payload), { binary: false });
      else upstream.send(frame.payload, { binary: true });
      return;
    }
    const m = parseRelayAppMessage(bytes.toString('utf8'));
    if ('error' in m) return tell({ type: 'failed', message: m.error });
    if (m.type === 'open') {
      if (upstream) return tell({ type: 'failed', message: 'This relay is already open.' });
      upstream = connectUpstream(m, limits, tell, finish, app);
      return;
    }
    if (!upstream || upstream.readyState !== WebSocket.OPEN)
      return tell({ type: 'failed', message: 'The connection is not open.' });
    if (m.type === 'ping') {
      if (Buffer.byteLength(m.data) > 125)
        return tell({ type: 'failed', message: 'A ping carries at most 125 octets.' });
      return upstream.ping(m.data);
    }
    if (!isSendableCloseCode(m.code))
      return tell({
        type: 'failed',
        message: `${m.code} is not a close code an endpoint may send: use 1000–1003, 1007–1014 or 3000–4999.`,
      });
    if (Buffer.byteLength(m.reason) > 123)
      return tell({ type: 'failed', message: 'A close reason holds at most 123 octets (RFC 6455 §5.5).' });
    upstream.close(m.code, m.reason);
  });
}

function rawPairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

/**
 * Header fields for `ws`'s handshake request: an object (what `ws` takes), so duplicates are
 * joined — Cookie with `; ` (RFC 6265 §5.4), others with `, ` (RFC 9110 §5.3). The handshake's own
 * fields (Sec-WebSocket-*, Upgrade, Connection) are the library's and dropped from the list.
 */
export function handshakeHeaders(pairs: readonly [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  const byLower = new Map<string, string>();
  for (const [name, value] of pairs) {
    const lower = name.toLowerCase();
    if (/^(sec-websocket-.*|upgrade|connection|host|content-length|transfer-encoding)$/.test(lower)) continue;
    const key = byLower.get(lower);
    if (key === undefined) {
      byLower.set(lower, name);
      out[name] = value;
    } else out[key] = `${out[key]}${lower === 'cookie' ? '; ' : ', '}${value}`;
  }
  return out;
}

function connectUpstream(
  m: RelayOpen,
  limits: ProxyLimits,
  tell: (m: RelayProxyMessage) => void,
  finish: (m: Extract<RelayProxyMessage, { type: 'closed' }>) => void,
  app: WebSocket,
): WebSocket | null {
  let url: URL;
  try {
    url = new URL(m.target);
  } catch {
    tell({ type: 'failed', message: `"${m.target}" is not a valid absolute URL.` });
    finish({ type: 'closed', code: 1006, reason: '', wasClean: false });
    return null;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    tell({ type: 'failed', message: `A WebSocket target starts with ws:// or wss://, not ${url.protocol}//.` });
    finish({ type: 'closed', code: 1006, reason: '', wasClean: false });
    return null;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!limits.allowPrivateTargets && isIP(host) && isPrivateAddress(host)) {
    tell({
      type: 'failed',
      message: `${host} is a private, loopback or link-local address; this Parley server does not proxy to such targets.`,
    });
    finish({ type: 'closed', code: 1006, reason: '', wasClean: false });
    return null;
  }
  let upstream: WebSocket;
  try {
    upstream = new WebSocket(m.target, m.protocols, {
      headers: handshakeHeaders(m.headers),
      handshakeTimeout: OPEN_DEADLINE_MS,
      maxPayload: RELAY_MAX_MESSAGE_BYTES,
      perMessageDeflate: false,
      followRedirects: false,
      rejectUnauthorized: m.verifyTls !== false,
      lookup: limits.allowPrivateTargets ? undefined : policyLookup(() => undefined),
    });
  } catch (error) {
    tell({ type: 'failed', message: `Could not open the connection: ${(error as Error).message}` });
    finish({ type: 'closed', code: 1006, reason: '', wasClean: false });
    return null;
  }
  let head: { status: number; reasonPhrase: string; headers: [string, string][] } | null = null;
  let failedHandshake = false;
  upstream.on('upgrade', (res) => {
    head = { status: res.statusCode ?? 101, reasonPhrase: res.statusMessage ?? '', headers: rawPairs(res.rawHeaders) };
  });
  upstream.on('unexpected-response', (_req, res) => {
    failedHandshake = true;
    tell({
      type: 'failed',
      message:
        `The server answered the opening handshake with ${res.statusCode} ${res.statusMessage ?? ''}, not 101 Switching Protocols.`.replace(
          '  ',
          ' ',
        ),
      status: res.statusCode,
      headers: rawPairs(res.rawHeaders),
    });
    res.resume();
    upstream.terminate();
  });
  upstream.on('open', () => {
    tell({
      type: 'opened',
      protocol: upstream.protocol,
      status: head?.status ?? 101,
      reasonPhrase: head?.reasonPhrase ?? 'Switching Protocols',
      headers: head?.headers ?? [],
    });
  });
  upstream.on('message', (data, isBinary) => {
    if (app.readyState !== WebSocket.OPEN) return;
    app.send(encodeRelayData(isBinary ? 'binary' : 'text', asBuffer(data)), { binary: true });
  });
  upstream.on('ping', (data) => tell({ type: 'ping', data: data.toString('utf8') }));
  upstream.on('pong', (data) => tell({ type: 'pong', data: data.toString('utf8') }));
  upstream.on('error', (error) => {
    if (!failedHandshake) tell({ type: 'failed', message: error.message });
  });
  upstream.on('close', (code, reason) => {
    finish({ type: 'closed', code, reason: reason.toString('utf8'), wasClean: code !== 1006 });
  });
  return upstream;
}
