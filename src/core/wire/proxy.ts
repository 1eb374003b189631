/**
 * The proxy protocol between the app and Parley's server (`POST /api/proxy`).
 *
 * Request to the proxy: headers `X-Parley-Token: <per-process token>` and
 * `Content-Type: application/octet-stream`; content = 4-byte big-endian length N,
 * then N bytes of UTF-8 JSON `ProxyRequestHead`, then the raw request content bytes
 * (streamed upstream as they arrive).
 *
 * Response from the proxy:
 * - upstream answered: status 200, header `X-Parley-Head: <base64url(UTF-8 JSON ProxyResponseHead)>`,
 *   content = the upstream response content bytes exactly as received (not decoded), streamed.
 * - the proxy could not get an answer: a non-200 status, NO `X-Parley-Head`, JSON `ProxyErrorBody`.
 */

export const PROXY_PATH = '/api/proxy';
export const PROXY_TOKEN_HEADER = 'X-Parley-Token';
export const PROXY_HEAD_HEADER = 'X-Parley-Head';

export interface ProxyRequestHead {
  method: string;
  /** Absolute http(s) target URI. */
  url: string;
  /** Header fields in order, duplicates and case kept, sent verbatim. */
  headers: [string, string][];
  /** Follow 3xx redirects (default false: the 3xx is reported). */
  followRedirects?: boolean;
  /** Check the upstream TLS certificate (default true); false = `curl -k`, Node's `rejectUnauthorized: false`. */
  verifyTls?: boolean;
  /** Overall timeout in milliseconds (default 30000, capped by the server). */
  timeoutMs?: number;
  /**
   * HTTP Digest credentials (RFC 7616): when the target answers 401 with a Digest challenge,
   * the proxy sends the request once more with the Authorization it computes (`authExchange`).
   */
  digest?: { username: string; password: string };
  /** TLS options of the upstream connection (https targets); absent = Node's defaults. */
  tls?: ProxyTlsOptions;
}

/**
 * Per-request TLS settings (issue 16 point 6), as Node's `tls.connect` takes them. PEM texts
 * as strings; a PKCS#12 bundle as standard base64.
 */
export interface ProxyTlsOptions {
  /** Extra trusted CA certificates (PEM, one or more), added to Node's default roots. */
  ca?: string;
  /** Client certificate chain (PEM) and its private key (PEM) for mutual TLS. */
  cert?: string;
  key?: string;
  /** Client certificate and key as PKCS#12 (base64), instead of cert + key. */
  pfx?: string;
  /** Passphrase of `key` or `pfx`. */
  passphrase?: string;
  /** Lowest protocol version accepted. */
  minVersion?: 'TLSv1.2' | 'TLSv1.3';
  /** Server name sent in SNI (and checked against the certificate) instead of the target's host. */
  servername?: string;
}

/** One certificate of the chain the server presented, leaf first. */
export interface PeerCertificate {
  subject: string;
  issuer: string;
  /** Subject alternative names as Node reports them, e.g. `DNS:localhost, IP Address:127.0.0.1`. */
  subjectAltName?: string;
  validFrom: string;
  validTo: string;
  /** SHA-256 fingerprint, colon-separated upper-case hex. */
  fingerprint256: string;
}

/** The TLS session of the response (https targets). */
export interface TlsSessionInfo {
  /** e.g. `TLSv1.3`. */
  protocol: string;
  /** e.g. `TLS_AES_256_GCM_SHA384`. */
  cipher: string;
  /** Whether the chain verified against the trusted roots (false only with verify off). */
  authorized: boolean;
  authorizationError?: string;
  chain: PeerCertificate[];
}

/** The challenge-and-response the proxy ran before the response it relays (Digest, RFC 7616). */
export interface AuthExchange {
  scheme: 'Digest';
  /** The first answer: the 401 with its WWW-Authenticate challenge. */
  challenge: { status: number; reasonPhrase: string; headers: [string, string][] };
  /** The Authorization field value the second request added (its only difference from the first). */
  authorization: string;
}

/** Durations in milliseconds from the start of the (last) hop; absent when not applicable (e.g. no DNS for an IP literal). */
// Offsets, not phase lengths (like curl's time_namelookup, time_connect, …): each field is ms from
// the hop's start, so dnsMs ≤ connectMs ≤ tlsMs ≤ firstByteMs. A reused keep-alive connection has only firstByteMs.
export interface ProxyTimings {
  /** Name resolved (absent for an IP literal or a reused connection). */
  dnsMs?: number;
  /** TCP connection established. */
  connectMs?: number;
  /** TLS handshake done (https only). */
  tlsMs?: number;
  /** Response head received (status line and header fields). */
  firstByteMs?: number;
}

export interface RedirectHop {
  status: number;
  reasonPhrase: string;
  method: string;
  url: string;
  location: string | null;
}

export interface ProxyResponseHead {
  status: number;
  reasonPhrase: string;
  httpVersion: string;
  /** Raw header pairs as received: order, case and duplicates kept. */
  headers: [string, string][];
  timings: ProxyTimings;
  /** Hops before this response when redirects were followed. */
  redirects: RedirectHop[];
  /** The target finally answered (after redirects). */
  url: string;
  /**
   * Sentences about what the proxy could not relay as received, e.g. header fields cut because
   * the relayed head passed its cap (server/proxy/forward.ts `MAX_RELAYED_HEAD_CHARS`); absent when none.
   */
  warnings?: string[];
  /** Present when the proxy answered an auth challenge: the response relayed is the second one's. */
  authExchange?: AuthExchange;
  /** The TLS session of the (last) hop, for https targets. */
  tls?: TlsSessionInfo;
}

export type ProxyErrorCode =
  | 'bad-request'
  | 'forbidden-origin'
  | 'bad-token'
  | 'bad-host'
  | 'unauthorized'
  | 'target-refused-by-policy'
  | 'dns-failed'
  | 'connection-refused'
  | 'connection-reset'
  | 'timeout'
  | 'tls-failed'
  | 'too-many-requests'
  | 'too-many-redirects'
  | 'upgrade-refused'
  | 'upstream-error';

export interface ProxyErrorBody {
  error: { code: ProxyErrorCode; message: string };
}
