/** TLS of the upstream leg (issue 16 point 6): per-request options in, session facts out. */
import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';
import type { ProxyTlsOptions, TlsSessionInfo } from '../../src/core/wire/proxy.ts';

/** The `https.request` options for `tls` (absent fields: Node's defaults; `ca` adds to the default roots). */
export function tlsRequestOptions(
  tls: ProxyTlsOptions | undefined,
  defaultCa: readonly string[],
): Record<string, unknown> {
  if (!tls) return {};
  const out: Record<string, unknown> = {};
  if (tls.ca) out['ca'] = [...defaultCa, tls.ca];
  if (tls.cert) out['cert'] = tls.cert;
  if (tls.key) out['key'] = tls.key;
  if (tls.pfx) out['pfx'] = Buffer.from(tls.pfx, 'base64');
  if (tls.passphrase !== undefined && tls.passphrase !== '') out['passphrase'] = tls.passphrase;
  if (tls.minVersion) out['minVersion'] = tls.minVersion;
  if (tls.servername) out['servername'] = tls.servername;
  return out;
}

function name(fields: Record<string, string | string[]> | undefined): string {
  if (!fields) return '';
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}

/** Protocol, cipher, verification and the certificate chain (leaf first) of a connected TLS socket. */
export function tlsInfoOf(socket: TLSSocket): TlsSessionInfo | undefined {
  if (typeof socket.getPeerCertificate !== 'function') return undefined;
  const chain: TlsSessionInfo['chain'] = [];
  let cert: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (cert && cert.fingerprint256 && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push({
      subject: name(cert.subject as unknown as Record<string, string>),
      issuer: name(cert.issuer as unknown as Record<string, string>),
      ...(cert.subjectaltname ? { subjectAltName: cert.subjectaltname } : {}),
      validFrom: cert.valid_from,
      validTo: cert.valid_to,
      fingerprint256: cert.fingerprint256,
    });
    cert = cert.issuerCertificate;
  }
  const error = socket.authorizationError;
  return {
    protocol: socket.getProtocol() ?? '',
    cipher: socket.getCipher()?.standardName ?? '',
    authorized: socket.authorized,
    ...(error ? { authorizationError: String(error) } : {}),
    chain,
  };
}
