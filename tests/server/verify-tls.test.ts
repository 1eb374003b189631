/** Issue 10 point 10: the per-request "Verify TLS certificate" switch (curl -k) is honoured by the proxy. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeProxyRequestPrefix, encodeProxyRequest } from '../../src/core/wire/proxy-codec.ts';
import { useTestServer, viaProxy } from './helpers.ts';

const live = useTestServer();
const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
let tls: Server;
let url: string;

beforeAll(async () => {
  tls = createHttpsServer(
    {
      key: readFileSync(join(fixtures, 'self-signed-key.pem')),
      cert: readFileSync(join(fixtures, 'self-signed-cert.pem')),
    },
    (_req, res) => res.end('secret'),
  );
  await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  tls.closeAllConnections();
  await new Promise((r) => tls.close(r));
});

describe('verifyTls', () => {
  it('false: the proxy accepts a self-signed certificate and relays the answer', async () => {
    const r = await viaProxy(live.server, { method: 'GET', url, headers: [], verifyTls: false });
    expect([r.status, r.head?.status, r.body.toString('utf8')]).toEqual([200, 200, 'secret']);
  });

  it('absent or true right after: the certificate is checked again (no unverified connection reused)', async () => {
    for (const verifyTls of [undefined, true]) {
      const r = await viaProxy(live.server, { method: 'GET', url, headers: [], verifyTls });
      expect([r.status, r.error?.code]).toEqual([502, 'tls-failed']);
    }
  });

  it('the codec refuses a verifyTls that is not a boolean', () => {
    const bytes = encodeProxyRequest({ method: 'GET', url, headers: [], verifyTls: 'no' as unknown as boolean }, null);
    expect(decodeProxyRequestPrefix(bytes)).toEqual({ kind: 'error', message: 'verifyTls must be true or false.' });
  });
});
