/**
 * What a WebSocket request sends: the opening handshake (RFC 6455 §4.1) is an HTTP GET, so its
 * target URI and header fields come from `resolveRequest` like every other request (DESIGN §1):
 * variables, auth schemes, header rows and the cookie jar apply. Only the scheme differs
 * (`ws` ↔ `http`, `wss` ↔ `https`), and there is no content.
 */
import type { RequestDraft } from '../model/draft.ts';
import type { EffectiveRequest } from '../resolve/types.ts';

/** True when the URL as typed is a WebSocket URI (`ws://`, `wss://`, any case, blanks around it ignored). */
export function isWebSocketUrl(url: string): boolean {
  return /^\s*wss?:\/\//i.test(url);
}

/**
 * The draft of the handshake: method GET, no body, and the URL's `ws`/`wss` scheme spelled
 * `http`/`https` so `resolveRequest` accepts it. A draft whose URL is not a WebSocket URI is
 * returned unchanged.
 */
export function handshakeDraft(draft: RequestDraft): RequestDraft {
  if (!isWebSocketUrl(draft.url)) return draft;
  const url = draft.url.trim().replace(/^ws(s?):\/\//i, (_m, s: string) => `http${s}://`);
  return { ...draft, url, method: 'GET', body: { mode: 'none' } };
}

/** What the WebSocket client opens: target URI (`ws`/`wss`) and the handshake's own header fields in order. */
export interface WebSocketHandshake {
  url: string;
  headers: [string, string][];
  protocols: string[];
}

/**
 * Turns the resolved handshake back into WebSocket terms.
 * @param subprotocols the field as typed: comma- or space-separated tokens (empty entries dropped).
 * Example: `{ url: 'https://h/x' }` → `{ url: 'wss://h/x', … }`.
 */
export function webSocketHandshake(request: EffectiveRequest, subprotocols: string): WebSocketHandshake {
  return {
    url: request.url.replace(/^http(s?):\/\//i, (_m, s: string) => `ws${s}://`),
    headers: request.headers.map((h) => [h.name, h.value]),
    protocols: parseSubprotocols(subprotocols),
  };
}

/** Splits a subprotocol list as typed (`graphql-ws, v2` or `a b`) into tokens, order kept, duplicates dropped. */
export function parseSubprotocols(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((p) => p !== ''))];
}

/**
 * Why a browser WebSocket (Direct mode) cannot send this handshake, or `null` when it can: a
 * browser's `WebSocket` sets every header field itself and takes none from the page (WHATWG
 * WebSockets §3), so any header field — Authorization, Cookie, a custom one — needs the proxy.
 */
export function directBlocker(handshake: WebSocketHandshake): string | null {
  if (handshake.headers.length === 0) return null;
  const names = [...new Set(handshake.headers.map(([n]) => n))].join(', ');
  return `A browser WebSocket cannot send header fields (${names}): this connection goes through Parley's proxy.`;
}
