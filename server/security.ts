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
import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { timingSafeEqual } from 'node:crypto';

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
  const ours = [...LOOPBACK_NAMES];
  if (listenHost && listenHost !== '0.0.0.0' && listenHost !== '::')
    ours.push(isIP(listenHost) === 6 ? `[${listenHost}]` : listenHost);
  if (ours.some((name) => host === `${name}:${localPort}`.toLowerCase())) return true;
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

/** Constant-time comparison of the presented token with ours. */
export function isValidToken(presented: string | undefined, token: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const privateRanges = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  privateRanges.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  privateRanges.addSubnet(net, prefix, 'ipv6');
}

/**
 * True for addresses that are not on the public internet: loopback, RFC 1918 private,
 * carrier-grade NAT, link-local (incl. cloud metadata 169.254.169.254), unique-local,
 * multicast, unspecified. IPv4-mapped IPv6 (`::ffff:10.0.0.1`) is judged as its IPv4 address.
 */
export function isPrivateAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return privateRanges.check(mapped[1]!, 'ipv4');
  const family = isIP(a);
  if (family === 4) return privateRanges.check(a, 'ipv4');
  if (family === 6) return privateRanges.check(a, 'ipv6');
  return true; // not an address: refuse rather than guess
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
