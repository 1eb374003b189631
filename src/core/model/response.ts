/** A response as the app holds it, whichever transport fetched it. */
import type { AuthExchange, ProxyTimings, RedirectHop, TlsSessionInfo } from '../wire/proxy.ts';

export interface ResponseHead {
  status: number;
  /** Reason phrase as received; empty in direct mode over HTTP/2+ where none exists. */
  reasonPhrase: string;
  /** Header fields in order, duplicates kept (the proxy keeps case too). */
  headers: [string, string][];
  /** `proxy` or `direct`: what carried it. */
  via: 'proxy' | 'direct';
  timings: ProxyTimings;
  redirects: RedirectHop[];
  url: string;
  /** What the proxy could not relay as received (e.g. header fields past its cap); absent when none. */
  warnings?: string[];
  /** The proxy answered an auth challenge (Digest) first: the 401 and the Authorization it added; absent otherwise. */
  authExchange?: AuthExchange;
  /** The TLS session (proxy, https targets): protocol, cipher, certificate chain; absent otherwise. */
  tls?: TlsSessionInfo;
}

export interface ResponseRecord extends ResponseHead {
  /** Content bytes exactly as received; `null` when the response has no body (HEAD, 1xx, 204, 304). */
  body: Uint8Array | null;
  /** Milliseconds from send to the last byte. */
  totalMs: number;
  /** Octets of content received. */
  sizeBytes: number;
}
