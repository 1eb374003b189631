/**
 * Port blocking (Fetch standard §2.9 "Port blocking", the "bad port" table): browsers
 * refuse to fetch http(s) URLs on these ports, to stop a page from speaking to
 * text-based services (SMTP, IRC, …) by smuggling commands in an HTTP request.
 * Chromium fails such a fetch with net::ERR_UNSAFE_PORT, which a page sees only as a
 * bare TypeError. Parley's proxy is a server, not a browser, so it may use them.
 */

/** The Fetch standard's bad ports (fetch.spec.whatwg.org/#bad-port, incl. 4190 and 6679 added in 2024). */
const BAD_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/**
 * True when `port` (a TCP port number, 0–65535) is a "bad port" of the Fetch standard
 * (§2.9). Example: `isBadPort(1)` → `true`, `isBadPort(8080)` → `false`. Never throws.
 */
export function isBadPort(port: number): boolean {
  return BAD_PORTS.has(port);
}

/**
 * The port a browser would refuse for `url`, or `null`. Follows Fetch §2.9 "should
 * request be blocked due to a bad port": only `http:` and `https:` URLs are checked
 * (the only schemes Parley sends), with the URL's explicit port; a default port
 * (80, 443, dropped by the WHATWG URL parser) is never bad. Input: an absolute URL
 * string; an unparsable one gives `null`. Never throws.
 * Example: `blockedPort('http://127.0.0.1:1/x')` → `1`; `blockedPort('http://127.0.0.1:8080/')` → `null`.
 */
export function blockedPort(url: string): number | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.port === '') return null;
  const port = Number(parsed.port);
  return isBadPort(port) ? port : null;
}

/** The sentence shown when direct mode targets a blocked `port`. */
export function blockedPortMessage(port: number): string {
  return `Browsers refuse to connect to port ${port} (the Fetch standard's blocked ports). Send it through Parley's proxy instead.`;
}
