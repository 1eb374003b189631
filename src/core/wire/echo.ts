/**
 * What Parley's echo server (`/echo` and every path below it) answers: the request exactly as
 * it arrived. Shared by the server, the tests and the app.
 *
 * Header values are byte strings (one character per octet, as in `proxy-codec.ts`), so the
 * exact octets of a non-ASCII value are kept.
 */
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
    /** Content decoded as UTF-8 (invalid sequences become U+FFFD). */
    text: string;
    /** Content as standard base64 (RFC 4648 §4): the exact octets. */
    base64: string;
    /** Content size in octets. */
    size: number;
  };
}
