/**
 * WebSocket connections from the page: through Parley's proxy (`/api/proxy/ws`, relay protocol
 * in src/core/websocket/relay.ts: any header field, ping, any close code, the upstream's 101 head)
 * or the browser's own `WebSocket` (Direct: no header fields, no ping, close codes 1000 and
 * 3000–4999 only, the handshake's answer unseen).
 */
import { WS_PROXY_PATH, decodeRelayData, encodeRelayData, type RelayProxyMessage } from '../core/websocket/relay.ts';
import type { WebSocketHandshake } from '../core/websocket/handshake.ts';
import { readProxyToken } from './proxy-token.ts';

export interface WsOpenInfo {
  protocol: string;
  /** The upstream's handshake answer (proxy only). */
  status?: number;
  reasonPhrase?: string;
  headers?: [string, string][];
}

export interface WsEvents {
  open(info: WsOpenInfo): void;
  text(text: string, size: number): void;
  binary(bytes: Uint8Array): void;
  ping(data: string): void;
  pong(data: string): void;
  /** A sentence; the connection may still be open (e.g. a refused close code). */
  failed(message: string, status?: number): void;
  closed(code: number, reason: string, wasClean: boolean): void;
}

export interface WsConnection {
  readonly via: 'proxy' | 'direct';
  sendText(text: string): void;
  sendBinary(bytes: Uint8Array): void;
  /** @throws Error in direct mode (a browser cannot send pings). */
  ping(data: string): void;
  close(code: number, reason: string): void;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Opens the connection through Parley's proxy. */
export function connectViaProxy(hs: WebSocketHandshake, verifyTls: boolean, events: WsEvents): WsConnection {
  const token = readProxyToken() ?? '';
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const ws = new WebSocket(`${scheme}://${location.host}${WS_PROXY_PATH}?token=${encodeURIComponent(token)}`);
  ws.binaryType = 'arraybuffer';
  let closedTold = false;
  ws.onopen = () =>
    ws.send(JSON.stringify({ type: 'open', target: hs.url, protocols: hs.protocols, headers: hs.headers, verifyTls }));
  ws.onmessage = (e: MessageEvent<string | ArrayBuffer>) => {
    if (typeof e.data !== 'string') {
      const frame = decodeRelayData(new Uint8Array(e.data));
      if (!frame) return;
      if (frame.kind === 'text') events.text(decoder.decode(frame.payload), frame.payload.length);
      else events.binary(frame.payload.slice());
      return;
    }
    const m = JSON.parse(e.data) as RelayProxyMessage;
    if (m.type === 'opened')
      events.open({ protocol: m.protocol, status: m.status, reasonPhrase: m.reasonPhrase, headers: m.headers });
    else if (m.type === 'ping') events.ping(m.data);
    else if (m.type === 'pong') events.pong(m.data);
    else if (m.type === 'failed') events.failed(m.message, m.status);
    else {
      closedTold = true;
      events.closed(m.code, m.reason, m.wasClean);
    }
  };
  ws.onclose = (e) => {
    if (closedTold) return;
    closedTold = true;
    events.failed(
      e.code === 1006
        ? "Parley's proxy could not be reached, or it refused the connection (reload the page if the server restarted)."
        : `Parley's proxy closed the relay (${e.code} ${e.reason}).`,
    );
    events.closed(1006, '', false);
  };
  const control = (m: object): void => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(m));
  };
  return {
    via: 'proxy',
    sendText: (text) => ws.send(encodeRelayData('text', encoder.encode(text))),
    sendBinary: (bytes) => ws.send(encodeRelayData('binary', bytes)),
    ping: (data) => control({ type: 'ping', data }),
    close: (code, reason) => control({ type: 'close', code, reason }),
  };
}

/** Opens the connection with the browser's own WebSocket (no header fields can be sent). */
export function connectDirect(hs: WebSocketHandshake, events: WsEvents): WsConnection {
  let ws: WebSocket;
  try {
    ws = new WebSocket(hs.url, hs.protocols);
  } catch (error) {
    queueMicrotask(() => {
      events.failed(`The browser refused to open this WebSocket: ${(error as Error).message}`);
      events.closed(1006, '', false);
    });
    return { via: 'direct', sendText() {}, sendBinary() {}, ping() {}, close() {} };
  }
  ws.binaryType = 'arraybuffer';
  ws.onopen = () => events.open({ protocol: ws.protocol });
  ws.onmessage = (e: MessageEvent<string | ArrayBuffer>) => {
    if (typeof e.data === 'string') events.text(e.data, encoder.encode(e.data).length);
    else events.binary(new Uint8Array(e.data));
  };
  ws.onerror = () => events.failed('The connection failed (the browser does not say why: see its console).');
  ws.onclose = (e) => events.closed(e.code, e.reason, e.wasClean);
  return {
    via: 'direct',
    sendText: (text) => ws.send(text),
    sendBinary: (bytes) => ws.send(bytes),
    ping: () => {
      throw new Error('A browser WebSocket cannot send pings; connect through the proxy.');
    },
    close: (code, reason) => ws.close(code, reason),
  };
}
