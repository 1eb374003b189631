/**
 * The protocol between the app and Parley's WebSocket proxy (`/api/proxy/ws`), shared with
 * server/proxy/ws-proxy.ts. A browser's WebSocket cannot set header fields, send a ping or close
 * with any code, so the app speaks to the proxy over one WebSocket of its own:
 *
 * - **text frames are control messages** (JSON): the app sends `open` first (target URI,
 *   subprotocols, header fields), then `ping` / `close`; the proxy answers `opened` (negotiated
 *   subprotocol, the upstream's 101 head), `pong`, `ping`, `failed` and finally `closed`
 *   (the upstream's close code and reason, whatever they are).
 * - **binary frames carry data**: one type octet (`0x01` text message, `0x02` binary message),
 *   then the message's payload octets unchanged (text as UTF-8). Each one is one upstream message.
 */

/** Type octet of a relayed data message (RFC 6455 §5.2 opcodes 0x1 text, 0x2 binary). */
export const RELAY_TEXT = 0x01;
export const RELAY_BINARY = 0x02;

/** Largest message (payload octets) either leg relays; larger ones close the connection with 1009. */
export const RELAY_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Path of the proxy endpoint; the per-process token goes in the `token` query parameter. */
export const WS_PROXY_PATH = '/api/proxy/ws';

/** App → proxy, first message: what to connect to. */
export interface RelayOpen {
  type: 'open';
  /** Absolute `ws:` or `wss:` URI. */
  target: string;
  /** Offered subprotocols (Sec-WebSocket-Protocol), in order. */
  protocols: string[];
  /** Header fields for the opening handshake, in order (Cookie, Authorization, …). */
  headers: [string, string][];
  /** Check the target's TLS certificate (default true). */
  verifyTls?: boolean;
}

export type RelayAppMessage =
  | RelayOpen
  | { type: 'ping'; /** Payload as text (at most 125 octets, RFC 6455 §5.5). */ data: string }
  | { type: 'close'; code: number; reason: string };

export type RelayProxyMessage =
  | {
      type: 'opened';
      /** Negotiated subprotocol; '' when none. */
      protocol: string;
      /** The upstream's handshake answer: status code, reason phrase and raw header fields in order. */
      status: number;
      reasonPhrase: string;
      headers: [string, string][];
    }
  | { type: 'pong'; data: string }
  | { type: 'ping'; data: string }
  | {
      type: 'failed';
      message: string;
      /** When the upstream answered the handshake with something other than 101. */
      status?: number;
      headers?: [string, string][];
    }
  | { type: 'closed'; code: number; reason: string; wasClean: boolean };

/** A data message: text or binary, with its payload octets. */
export interface RelayData {
  kind: 'text' | 'binary';
  payload: Uint8Array;
}

/** Prefixes `payload` with its type octet. Example: `encodeRelayData('text', [0x68, 0x69])` → `01 68 69`. */
export function encodeRelayData(kind: 'text' | 'binary', payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(payload.length + 1);
  out[0] = kind === 'text' ? RELAY_TEXT : RELAY_BINARY;
  out.set(payload, 1);
  return out;
}

/**
 * Splits a relayed binary frame into kind and payload (a view, no copy).
 * @returns `null` for an empty frame or an unknown type octet.
 */
export function decodeRelayData(frame: Uint8Array): RelayData | null {
  const type = frame[0];
  if (type !== RELAY_TEXT && type !== RELAY_BINARY) return null;
  return { kind: type === RELAY_TEXT ? 'text' : 'binary', payload: frame.subarray(1) };
}

const isPairs = (v: unknown): v is [string, string][] =>
  Array.isArray(v) &&
  v.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string');

/**
 * Reads a control message the app sent.
 * @returns the message, or a sentence saying what is wrong with it.
 */
export function parseRelayAppMessage(text: string): RelayAppMessage | { error: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { error: 'A control message must be JSON.' };
  }
  if (typeof v !== 'object' || v === null) return { error: 'A control message must be a JSON object.' };
  const m = v as Record<string, unknown>;
  if (m.type === 'open') {
    if (typeof m.target !== 'string') return { error: 'open needs a target URI.' };
    const protocols = m.protocols ?? [];
    if (!Array.isArray(protocols) || !protocols.every((p) => typeof p === 'string'))
      return { error: 'open.protocols must be a list of strings.' };
    const headers = m.headers ?? [];
    if (!isPairs(headers)) return { error: 'open.headers must be a list of [name, value] pairs.' };
    return {
      type: 'open',
      target: m.target,
      protocols,
      headers,
      verifyTls: m.verifyTls !== false,
    };
  }
  if (m.type === 'ping') return { type: 'ping', data: typeof m.data === 'string' ? m.data : '' };
  if (m.type === 'close') {
    const code = typeof m.code === 'number' ? m.code : 1000;
    return { type: 'close', code, reason: typeof m.reason === 'string' ? m.reason : '' };
  }
  return { error: `Unknown control message type ${JSON.stringify(m.type)}.` };
}

/**
 * Whether an endpoint may send this close code (RFC 6455 §7.4: 1000–1003, 1007–1014 and
 * 3000–4999; 1004–1006 and 1015 are reserved and never sent).
 */
export function isSendableCloseCode(code: number): boolean {
  if (!Number.isInteger(code)) return false;
  if (code >= 3000 && code <= 4999) return true;
  return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014);
}
