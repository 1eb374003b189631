/**
 * The WebSocket connection of the open request and its message log (docs/websocket-sse.md).
 * The handshake is built by `resolveRequest` (through `handshakeDraft`), so what the raw view
 * and the proxy send is the same request. One connection at a time.
 */
import { create } from 'zustand';
import { directBlocker, handshakeDraft, webSocketHandshake } from '../../core/websocket/handshake.ts';
import { parseHex, utf8Length, type WsLogEntry } from '../../core/websocket/message-format.ts';
import { isSendableCloseCode } from '../../core/websocket/relay.ts';
import { closeCodeName } from '../../core/websocket/message-format.ts';
import { connectDirect, connectViaProxy, type WsConnection } from '../../services/websocket-client.ts';
import { resolveCurrent } from '../../stores/request-derived.ts';
import { getDraft } from '../../stores/request-store.ts';
import { getTransportKind, proxyAvailable } from '../../stores/settings-store.ts';

export type WsStatus = 'idle' | 'connecting' | 'open' | 'closing' | 'closed';

/** Most log entries kept; older ones are dropped (the count says so). */
export const MAX_LOG_ENTRIES = 20_000;

interface WsState {
  status: WsStatus;
  log: WsLogEntry[];
  dropped: number;
  via: 'proxy' | 'direct' | null;
  protocol: string;
  /** The upstream's handshake answer (proxy): status line and raw header fields. */
  handshake: { status: number; reasonPhrase: string; headers: [string, string][] } | null;
  /** A sentence for the last problem (a refused send, a failed connect). */
  problem: string | null;
}

const useWsStore = create<WsState>()(() => ({
  status: 'idle',
  log: [],
  dropped: 0,
  via: null,
  protocol: '',
  handshake: null,
  problem: null,
}));

export const useWsStatus = (): WsStatus => useWsStore((s) => s.status);
export const useWsLog = (): WsLogEntry[] => useWsStore((s) => s.log);
export const useWsDropped = (): number => useWsStore((s) => s.dropped);
export const useWsVia = (): 'proxy' | 'direct' | null => useWsStore((s) => s.via);
export const useWsProtocol = (): string => useWsStore((s) => s.protocol);
export const useWsHandshake = (): WsState['handshake'] => useWsStore((s) => s.handshake);
export const useWsProblem = (): string | null => useWsStore((s) => s.problem);

let connection: WsConnection | null = null;
let seq = 0;

function append(entry: Omit<WsLogEntry, 'seq' | 'at'>): void {
  const full: WsLogEntry = { ...entry, seq: ++seq, at: Date.now() };
  useWsStore.setState((s) => {
    const over = s.log.length + 1 - MAX_LOG_ENTRIES;
    return over > 0 ? { log: [...s.log.slice(over), full], dropped: s.dropped + over } : { log: [...s.log, full] };
  });
}

/** How the next connection would go and why: `{ via, note }` (note: why the proxy is needed, or why it cannot be used). */
export function plannedRoute(): { via: 'proxy' | 'direct'; note: string | null; error: string | null } {
  const result = resolveCurrent(handshakeDraft(getDraft()));
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (!result.request) return { via: 'proxy', note: null, error: errors.map((p) => p.message).join(' ') };
  const hs = webSocketHandshake(result.request, getDraft().websocket?.subprotocols ?? '');
  const blocker = directBlocker(hs);
  if (getTransportKind() === 'direct' && !blocker) return { via: 'direct', note: null, error: null };
  if (!proxyAvailable())
    return { via: 'direct', note: blocker ? `${blocker} The proxy is not available on this page.` : null, error: null };
  return { via: 'proxy', note: getTransportKind() === 'direct' ? blocker : null, error: null };
}

/** Connect: resolves the handshake, opens through the proxy (or directly), logs the timeline. */
export function connectClicked(): void {
  if (connection && useWsStore.getState().status !== 'closed') return;
  const draft = getDraft();
  const result = resolveCurrent(handshakeDraft(draft));
  if (!result.request) {
    const message = result.problems
      .filter((p) => p.severity === 'error')
      .map((p) => p.message)
      .join(' ');
    useWsStore.setState({ problem: `Cannot connect: ${message}` });
    return;
  }
  const hs = webSocketHandshake(result.request, draft.websocket?.subprotocols ?? '');
  const route = plannedRoute();
  useWsStore.setState({ status: 'connecting', via: route.via, protocol: '', handshake: null, problem: null });
  append({
    direction: 'info',
    kind: 'connecting',
    size: 0,
    text: `Connecting to ${hs.url}${hs.protocols.length ? ` offering ${hs.protocols.join(', ')}` : ''} via ${route.via === 'proxy' ? 'proxy' : 'browser (direct)'}`,
  });
  let mine: WsConnection | null = null;
  const live = () => connection === mine;
  const events = {
    open: (info: { protocol: string; status?: number; reasonPhrase?: string; headers?: [string, string][] }) => {
      if (!live()) return;
      useWsStore.setState({
        status: 'open',
        protocol: info.protocol,
        handshake:
          info.status !== undefined
            ? { status: info.status, reasonPhrase: info.reasonPhrase ?? '', headers: info.headers ?? [] }
            : null,
      });
      append({
        direction: 'info',
        kind: 'open',
        size: 0,
        text: `Open${info.status !== undefined ? ` (${info.status} ${info.reasonPhrase ?? ''})`.replace(' )', ')') : ''}, subprotocol ${info.protocol || 'none'}`,
      });
    },
    text: (text: string, size: number) => live() && append({ direction: 'received', kind: 'text', size, text }),
    binary: (bytes: Uint8Array) =>
      live() && append({ direction: 'received', kind: 'binary', size: bytes.length, bytes }),
    ping: (data: string) =>
      live() && append({ direction: 'received', kind: 'ping', size: utf8Length(data), text: data }),
    pong: (data: string) =>
      live() && append({ direction: 'received', kind: 'pong', size: utf8Length(data), text: data }),
    failed: (message: string) => {
      if (!live()) return;
      useWsStore.setState({ problem: message });
      append({ direction: 'info', kind: 'error', size: 0, text: message });
    },
    closed: (code: number, reason: string, wasClean: boolean) => {
      if (!live()) return;
      useWsStore.setState({ status: 'closed' });
      append({
        direction: 'info',
        kind: 'closed',
        size: 0,
        text: `Closed ${code} (${closeCodeName(code)})${reason ? `: ${reason}` : ''}${wasClean ? '' : ', not cleanly'}`,
      });
    },
  };
  mine = route.via === 'proxy' ? connectViaProxy(hs, draft.verifyTls, events) : connectDirect(hs, events);
  connection = mine;
}

function openConnection(): WsConnection | null {
  if (!connection || useWsStore.getState().status !== 'open') {
    useWsStore.setState({ problem: 'Connect first: the connection is not open.' });
    return null;
  }
  return connection;
}

/**
 * Sends one message typed in the composer. `kind` json checks that the text parses (sent as a
 * text message, as typed); binary reads hex.
 * @returns false when nothing was sent (the problem says why).
 */
export function messageSent(kind: 'text' | 'json' | 'binary', text: string): boolean {
  const c = openConnection();
  if (!c) return false;
  if (kind === 'binary') {
    const bytes = parseHex(text);
    if (!(bytes instanceof Uint8Array)) {
      useWsStore.setState({ problem: bytes.error });
      return false;
    }
    return bytesSent(bytes);
  }
  if (kind === 'json') {
    try {
      JSON.parse(text);
    } catch (error) {
      useWsStore.setState({ problem: `Not JSON: ${(error as Error).message}` });
      return false;
    }
  }
  c.sendText(text);
  useWsStore.setState({ problem: null });
  append({ direction: 'sent', kind: 'text', size: utf8Length(text), text });
  return true;
}

/** Sends octets as one binary message (typed hex, or a file's content). */
export function bytesSent(bytes: Uint8Array): boolean {
  const c = openConnection();
  if (!c) return false;
  c.sendBinary(bytes);
  useWsStore.setState({ problem: null });
  append({ direction: 'sent', kind: 'binary', size: bytes.length, bytes });
  return true;
}

export function pingClicked(data: string): void {
  const c = openConnection();
  if (!c) return;
  if (c.via === 'direct') {
    useWsStore.setState({ problem: 'A browser WebSocket cannot send pings; connect through the proxy.' });
    return;
  }
  c.ping(data);
  append({ direction: 'sent', kind: 'ping', size: utf8Length(data), text: data });
}

/** Close with a code and reason (RFC 6455 §7.4; the browser allows only 1000 and 3000–4999 in Direct). */
export function closeClicked(code: number, reason: string): void {
  const c = openConnection();
  if (!c) return;
  if (!isSendableCloseCode(code) || (c.via === 'direct' && code !== 1000 && code < 3000)) {
    useWsStore.setState({
      problem:
        c.via === 'direct'
          ? 'A browser WebSocket closes only with 1000 or 3000–4999.'
          : `${code} is not a close code an endpoint may send: use 1000–1003, 1007–1014 or 3000–4999.`,
    });
    return;
  }
  if (utf8Length(reason) > 123) {
    useWsStore.setState({ problem: 'A close reason holds at most 123 octets (RFC 6455 §5.5).' });
    return;
  }
  useWsStore.setState({ status: 'closing', problem: null });
  append({ direction: 'info', kind: 'closed', size: 0, text: `Closing with ${code}${reason ? `: ${reason}` : ''}…` });
  c.close(code, reason);
}

export function logCleared(): void {
  useWsStore.setState({ log: [], dropped: 0 });
}
