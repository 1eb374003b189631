/**
 * Who may use the server, and where the proxy may go.
 *
 * - Host check (DNS rebinding): a page on evil.example whose name is re-pointed at 127.0.0.1
 *   reaches us with `Host: evil.example`; we answer only the names we serve.
 * - Origin + token (not an open relay): the proxy acts only for our own page, which received
 *   the per-process token in index.html.
 * - Target policy: private, loopback and link-local addresses are refused when the server is
 *   deployed for others; checked on the resolved address (after DNS) on every hop.
 */
import { isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { createHash, timingSafeEqual } from 'node:crypto';
import ipaddr from 'ipaddr.js';

/** Hostnames that always mean this machine. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** True for a listening host that only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * Whether a `Host` header names this server: `localhost` or any IP literal on the port the
 * request arrived on, the listening host itself, or an entry of `allowedHosts`
 * (`name:port` matches exactly; a bare `name` matches any port).
 */
export function isAllowedHost(
  hostHeader: string | undefined,
  localPort: number,
  listenHost: string,
  allowedHosts: readonly string[],
): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.trim().toLowerCase();
  if (ownHostValues(localPort, listenHost).has(host)) return true;
  const { name, port } = splitHostPort(host);
  // An IP literal cannot be a rebinding target (that needs a name the attacker controls), so any
  // address of this machine on our port is fine, e.g. the LAN address when HOST=0.0.0.0.
  if (port === String(localPort) && isIP(name.replace(/^\[|\]$/g, '')) !== 0) return true;
  return allowedHosts.some((entry) => {
    const e = entry.trim().toLowerCase();
    if (e === '') return false;
    return splitHostPort(e).port === null ? e === name : e === host;
  });
}

/** `Host` values that name this server on `localPort` (lower case), built once per port and listening host. */
const ownHosts = new Map<string, ReadonlySet<string>>();
function ownHostValues(localPort: number, listenHost: string): ReadonlySet<string> {
  const key = `${localPort} ${listenHost}`;
  let set = ownHosts.get(key);
  if (!set) {
    const names = [...LOOPBACK_NAMES];
    if (listenHost && listenHost !== '0.0.0.0' && listenHost !== '::')
      names.push(isIP(listenHost) === 6 ? `[${listenHost}]` : listenHost);
    set = new Set(names.map((name) => `${name}:${localPort}`.toLowerCase()));
    ownHosts.set(key, set);
  }
  return set;
}

function splitHostPort(host: string): { name: string; port: string | null } {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(host);
  return m ? { name: m[1] ?? host, port: m[2] ?? null } : { name: host, port: null };
}

/**
 * The page's `Origin` must be this server as addressed by the (already checked) `Host`
 * header; `https` is accepted too for a TLS-terminating reverse proxy in front of us.
 */
export function isOwnOrigin(origin: string | undefined, hostHeader: string | undefined): boolean {
  if (!origin || !hostHeader) return false;
  const o = origin.toLowerCase();
  const h = hostHeader.toLowerCase();
  return o === `http://${h}` || o === `https://${h}`;
}

/** Credentials for HTTP Basic authentication of the app itself (`PARLEY_AUTH=user:password`). */
export interface BasicCredentials {
  user: string;
  password: string;
}

/**
 * Reads `PARLEY_AUTH`: `user:password`, split at the first colon (RFC 7617 §2: a user-id holds
 * no colon, the password may).
 * @throws Error with a sentence for the operator when there is no colon or the password is empty.
 */
export function parseBasicCredentials(value: string): BasicCredentials {
  const colon = value.indexOf(':');
  if (colon < 0 || colon === value.length - 1)
    throw new Error('PARLEY_AUTH must be "user:password" with a non-empty password, e.g. PARLEY_AUTH=alice:s3cret.');
  return { user: value.slice(0, colon), password: value.slice(colon + 1) };
}

/**
 * Whether an `Authorization` header carries exactly these Basic credentials (RFC 7617; the
 * user-pass is read as UTF-8). The comparison is constant-time: both sides are hashed with
 * SHA-256 first, so neither length nor content leaks through timing.
 */
export function isAuthorized(authorization: string | undefined, expected: BasicCredentials): boolean {
  const m = /^basic[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/i.exec(authorization ?? '');
  const presented = m ? Buffer.from(m[1]!, 'base64') : Buffer.alloc(0);
  const digest = (b: Buffer): Buffer => createHash('sha256').update(b).digest();
  const want = Buffer.from(`${expected.user}:${expected.password}`, 'utf8');
  // `&&` after the compare, so a missing header costs the same as a wrong one.
  return timingSafeEqual(digest(presented), digest(want)) && m !== null;
}

/** Constant-time comparison of the presented token with ours. */
export function isValidToken(presented: string | undefined, token: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = tokenBytes(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

let lastToken: { text: string; bytes: Buffer } | null = null;
/** The token's UTF-8 bytes, kept for the next call (a server has one token for its lifetime). */
function tokenBytes(token: string): Buffer {
  if (lastToken?.text !== token) lastToken = { text: token, bytes: Buffer.from(token) };
  return lastToken.bytes;
}

/**
 * True for every address that is not plainly on the public internet, so the proxy refuses it
 * when deployed for others: every IPv4 and IPv6 range of the IANA special-purpose address
 * registries (RFC 6890) that `ipaddr.js`'s `range()` names (loopback, RFC 1918 private,
 * carrier-grade NAT, link-local incl. cloud metadata 169.254.169.254, unique-local, multicast,
 * unspecified, broadcast, documentation 192.0.2.0/24 198.51.100.0/24 203.0.113.0/24
 * 2001:db8::/32 3fff::/20, benchmarking 198.18.0.0/15 2001:2::/48, discard 100::/64, ORCHID,
 * Teredo, AS112, AMT, segment routing, 240.0.0.0/4 …) — anything but `unicast` — plus IPv6 forms
 * that embed an IPv4 address a translator would reach (NAT64 64:ff9b::/96 and 64:ff9b:1::/48,
 * 6to4 2002::/16, SIIT ::ffff:0:0/96, IPv4-compatible ::a.b.c.d and the rest of ::/8).
 * An IPv4-mapped address (`::ffff:a.b.c.d`, RFC 4291 §2.5.5.2) *is* that IPv4 address on a
 * dual-stack socket, so it is judged as the IPv4 address.
 *
 * @param address an IP literal in any spelling Node or the WHATWG URL parser accepts (dotted,
 *   hex, compressed, bracketed, mapped); anything else counts as private (refuse rather than guess).
 */
export function isPrivateAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '').toLowerCase();
  const family = isIP(a);
  if (family === 4) return ipaddr.IPv4.parse(a).range() !== 'unicast';
  if (family !== 6) return true;
  // ipaddr.js reads `::1.2.3.4` as `::ffff:1.2.3.4`; the WHATWG serialisation (RFC 5952 hex) is unambiguous.
  let canonical: string;
  try {
    canonical = new URL(`http://[${a.replace(/%.*$/, '')}]/`).hostname.slice(1, -1);
  } catch {
    return true;
  }
  const v6 = ipaddr.IPv6.parse(canonical);
  const p = v6.parts;
  if (p[0] === 0 && p[1] === 0 && p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0xffff)
    return isPrivateAddress(v6.toIPv4Address().toString());
  if ((p[0]! & 0xff00) === 0) return true; // ::/8: unspecified, loopback, IPv4-compatible, SIIT, reserved
  return v6.range() !== 'unicast';
}

/** Error raised by `policyLookup` and the literal-address check; mapped to `target-refused-by-policy`. */
export class TargetPolicyError extends Error {
  readonly code = 'EPARLEYPOLICY';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      `${host} resolves to ${address}, a private, loopback or link-local address; this Parley server does not proxy to such targets (set PARLEY_ALLOW_PRIVATE_TARGETS=1 to allow them).`,
    );
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for `net.connect` that refuses private addresses after resolution, so a public
 * name that resolves to 10.0.0.1 is caught too. Handles both `all: true` (Happy Eyeballs)
 * and single-address calls. Also records when resolution finished, for the DNS timing.
 */
export function policyLookup(onResolved: () => void) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      onResolved();
      if (err) return callback(err, '');
      const bad = addresses.find((entry) => isPrivateAddress(entry.address));
      if (bad) return callback(new TargetPolicyError(hostname, bad.address), '');
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      callback(null, first.address, first.family);
    });
  };
}
