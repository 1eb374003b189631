/**
 * What Parley's echo server (`/echo` and every path below it) answers: the request exactly as
 * it arrived. Shared by the server, the tests and the app.
 *
 * Header values are byte strings (one character per octet, as in `proxy-codec.ts`), so the
 * exact octets of a non-ASCII value are kept.
 */

/**
 * Content up to this many octets (1 MiB) is reflected whole in `EchoReply.body`; above it only
 * this many leading octets are, with the size and SHA-256 of the whole, so a large upload never
 * makes the echo build a reply several times its size.
 */
export const ECHO_INLINE_BODY_BYTES = 1024 * 1024;

export interface EchoReply {
  /** Method token exactly as received (case kept). */
  method: string;
  /** The request-target as received, e.g. `/echo/a%20b?x=1&y` (RFC 9112 §3.2). */
  target: string;
  /** The path part of the target, still percent-encoded as sent. */
  path: string;
  query: {
    /** Everything after the first `?`, as sent (empty when none). */
    raw: string;
    /** Name/value pairs decoded as application/x-www-form-urlencoded (WHATWG URL), order and duplicates kept. */
    pairs: [string, string][];
  };
  /** Header fields in arrival order, case and duplicates kept. */
  headers: [string, string][];
  /** e.g. `1.1`. */
  httpVersion: string;
  body: {
    /** Content (or, when `truncated`, its first `ECHO_INLINE_BODY_BYTES` octets) decoded as UTF-8 (invalid sequences become U+FFFD). */
    text: string;
    /** Content (or, when `truncated`, its first `ECHO_INLINE_BODY_BYTES` octets) as standard base64 (RFC 4648 §4). */
    base64: string;
    /** Size of the whole content in octets. */
    size: number;
    /** SHA-256 of the whole content, lowercase hex (FIPS 180-4). */
    sha256: string;
    /** True when `size` > `ECHO_INLINE_BODY_BYTES`: `text` and `base64` hold only the leading octets. */
    truncated: boolean;
  };
}
