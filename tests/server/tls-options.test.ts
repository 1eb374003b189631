/**
 * Issue 16 point 6 with real HTTPS servers started here (fixtures from
 * tests/server/fixtures/tls/make.sh): a custom CA, SNI override, a server that requires a
 * client certificate (PEM, and PKCS#12 with passphrase), the minimum TLS version, and the
 * session facts (protocol, cipher, chain) the proxy reports.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestServer, viaProxy } from './helpers.ts';
import type { ProxyTlsOptions } from '../../src/core/wire/proxy.ts';

const dir = new URL('./fixtures/tls/', import.meta.url);
const pem = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const CA = pem('ca.pem');
const live = useTestServer();

/** Answers with what the TLS layer saw: SNI and the client certificate's CN. */
function reporter(opts: object): Promise<{ server: Server; port: number }> {
  const server = createServer({ key: pem('server-key.pem'), cert: pem('server.pem'), ...opts }, (req, res) => {
    const socket = req.socket as TLSSocket & { servername?: string | false };
    const peer = socket.getPeerCertificate();
    res.end(JSON.stringify({ servername: socket.servername, client: peer?.subject?.CN ?? null }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })),
  );
}

let open: { server: Server; port: number };
let mtls: { server: Server; port: number };
let old: { server: Server; port: number };
beforeAll(async () => {
  open = await reporter({});
  mtls = await reporter({ requestCert: true, rejectUnauthorized: true, ca: CA });
  old = await reporter({ maxVersion: 'TLSv1.2' });
});
afterAll(async () => {
  for (const s of [open, mtls, old]) {
    s.server.closeAllConnections();
    await new Promise((r) => s.server.close(r));
  }
});

/** What the reporter answered. */
const seen = (body: Buffer) => JSON.parse(body.toString()) as { servername: string | false; client: string | null };

const get = (port: number, tls?: ProxyTlsOptions, host = '127.0.0.1') =>
  viaProxy(live.server, {
    method: 'GET',
    url: `https://${host}:${port}/`,
    headers: [['Host', `localhost:${port}`]],
    ...(tls ? { tls } : {}),
  });

describe('TLS options through the proxy', () => {
  it('a certificate from an unknown CA fails; with that CA trusted it passes, and the session is reported', async () => {
    const refused = await get(open.port);
    expect([refused.status, refused.error?.code]).toEqual([502, 'tls-failed']);
    const r = await get(open.port, { ca: CA });
    expect(r.head?.status).toBe(200);
    const tls = r.head!.tls!;
    expect(tls.protocol).toBe('TLSv1.3');
    expect(tls.cipher).toMatch(/^TLS_/);
    expect(tls.authorized).toBe(true);
    expect(tls.chain.map((c) => [c.subject, c.issuer])).toEqual([
      ['CN=localhost', 'CN=Parley Test CA'],
      ['CN=Parley Test CA', 'CN=Parley Test CA'],
    ]);
    expect(tls.chain[0]!.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost, DNS:api.parley.test');
    expect(tls.chain[0]!.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    // An IP literal sends no SNI (RFC 6066 §3).
    expect(JSON.parse(r.body.toString())).toEqual({ servername: false, client: null });
  });

  it('SNI override: the server sees the name given, and the certificate is checked against it', async () => {
    const r = await get(open.port, { ca: CA, servername: 'api.parley.test' });
    expect(r.head?.status).toBe(200);
    expect(seen(r.body).servername).toBe('api.parley.test');
    const wrong = await get(open.port, { ca: CA, servername: 'other.example' });
    expect([wrong.status, wrong.error?.code]).toEqual([502, 'tls-failed']);
  });

  it('mutual TLS: refused without a client certificate, accepted with PEM cert + key and with PKCS#12', async () => {
    const none = await get(mtls.port, { ca: CA });
    expect(none.status).toBe(502);
    const withPem = await get(mtls.port, { ca: CA, cert: pem('client.pem'), key: pem('client-key.pem') });
    expect(withPem.head?.status).toBe(200);
    expect(seen(withPem.body).client).toBe('parley-client');
    const pfx = readFileSync(new URL('client.p12', dir)).toString('base64');
    // (Before the right one: a pooled connection made with the right passphrase would be reused.)
    const badPass = await get(mtls.port, { ca: CA, pfx, passphrase: 'wrong' });
    expect([badPass.status, badPass.error]).toEqual([
      502,
      {
        code: 'tls-failed',
        message: `The client certificate or key for 127.0.0.1:${mtls.port} could not be opened: mac verify failure. Check the passphrase and the file.`,
      },
    ]);
    const withP12 = await get(mtls.port, { ca: CA, pfx, passphrase: 'parley' });
    expect(withP12.head?.status).toBe(200);
    expect(seen(withP12.body).client).toBe('parley-client');
  });

  it('minimum version: TLSv1.3 required against a TLSv1.2-only server fails; TLSv1.2 passes', async () => {
    const r12 = await get(old.port, { ca: CA, minVersion: 'TLSv1.2' });
    expect(r12.head?.tls?.protocol).toBe('TLSv1.2');
    const r13 = await get(old.port, { ca: CA, minVersion: 'TLSv1.3' });
    expect([r13.status, r13.error?.code]).toEqual([502, 'tls-failed']);
  });
});
