import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningServer } from '../../server/app.ts';
import { createParleyHandler } from '../../server/handler.ts';
import { isAllowedHost, isOwnOrigin, isPrivateAddress, isValidToken } from '../../server/security.ts';
import { rawRequest, startTestServer, viaProxy } from './helpers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ allowedHosts: ['parley.example'] });
});
afterAll(() => server.close());

const echoHead = (url: string) => ({ method: 'GET', url: `${url}/echo`, headers: [] as [string, string][] });

describe('not an open relay', () => {
  it('refuses a proxy request without an Origin, or from another origin', async () => {
    const none = await viaProxy(server, echoHead(server.url), null, { origin: null });
    expect([none.status, none.error]).toEqual([
      403,
      {
        code: 'forbidden-origin',
        message: "The proxy works only for Parley's own page; this request came without an Origin header.",
      },
    ]);
    const evil = await viaProxy(server, echoHead(server.url), null, { origin: 'http://evil.example' });
    expect([evil.status, evil.error]).toEqual([
      403,
      {
        code: 'forbidden-origin',
        message: "The proxy works only for Parley's own page; this request came from http://evil.example.",
      },
    ]);
    // Same machine, other port: still another origin.
    const otherPort = await viaProxy(server, echoHead(server.url), null, {
      origin: `http://127.0.0.1:${server.port + 1}`,
    });
    expect(otherPort.error?.code).toBe('forbidden-origin');
  });

  it('refuses a proxy request without the right token', async () => {
    const none = await viaProxy(server, echoHead(server.url), null, { token: null });
    expect([none.status, none.error]).toEqual([
      403,
      {
        code: 'bad-token',
        message:
          'The proxy token is missing or wrong. Reload the page: the server may have restarted with a new token.',
      },
    ]);
    const wrong = await viaProxy(server, echoHead(server.url), null, { token: server.token.slice(1) + 'x' });
    expect(wrong.error?.code).toBe('bad-token');
  });

  it('refuses a Host it does not serve (DNS rebinding) on the API and the app, accepts configured ones', async () => {
    const rebound = await viaProxy(server, echoHead(server.url), null, {
      host: `evil.example:${server.port}`,
      origin: `http://evil.example:${server.port}`,
    });
    expect([rebound.status, rebound.error]).toEqual([
      421,
      {
        code: 'bad-host',
        message: `This server does not answer for the host "evil.example:${server.port}". Open Parley at the address it printed, or add the name to PARLEY_ALLOWED_HOSTS.`,
      },
    ]);
    for (const path of ['/', '/api/health']) {
      const r = await rawRequest(server.url, { path, headers: [['Host', 'evil.example']] });
      expect(r.status).toBe(421);
    }
    for (const hostHeader of [
      `localhost:${server.port}`,
      `[::1]:${server.port}`,
      `127.0.0.1:${server.port}`,
      'parley.example',
      'parley.example:443',
    ]) {
      const r = await rawRequest(server.url, { path: '/api/health', headers: [['Host', hostHeader]] });
      expect([hostHeader, r.status, r.body.toString()]).toEqual([hostHeader, 200, '{"ok":true}']);
    }
    const viaLocalhost = await viaProxy(server, echoHead(server.url), null, {
      host: `localhost:${server.port}`,
      origin: `http://localhost:${server.port}`,
    });
    expect(viaLocalhost.status).toBe(200);
  });

  it('limits the request head to 16 KiB (431) and the proxy head frame to 256 KiB', async () => {
    const host = new URL(server.url).host;
    const big = await rawRequest(server.url, {
      path: '/api/health',
      headers: [
        ['Host', host],
        ['X-Big', 'a'.repeat(17 * 1024)],
      ],
    });
    expect(big.status).toBe(431);
    const frame = Buffer.alloc(8);
    frame.writeUInt32BE(300 * 1024, 0);
    const r = await rawRequest(server.url, {
      method: 'POST',
      path: '/api/proxy',
      headers: [
        ['Host', host],
        ['Origin', server.url],
        ['X-Parley-Token', server.token],
      ],
      body: frame,
    });
    expect([r.status, JSON.parse(r.body.toString())]).toEqual([
      400,
      { error: { code: 'bad-request', message: 'The proxy request head length 307200 is outside 1..262144 bytes.' } },
    ]);
  });

  it('takes only POST on /api/proxy and 404s unknown API routes', async () => {
    const get = await rawRequest(server.url, { path: '/api/proxy' });
    expect([get.status, JSON.parse(get.body.toString())]).toEqual([
      405,
      { error: { code: 'bad-request', message: 'The proxy takes POST requests, not GET.' } },
    ]);
    expect((await rawRequest(server.url, { path: '/api/nope' })).status).toBe(404);
  });

  it('rejects a malformed proxy frame with a sentence', async () => {
    const host = new URL(server.url).host;
    const r = await rawRequest(server.url, {
      method: 'POST',
      path: '/api/proxy',
      headers: [
        ['Host', host],
        ['Origin', server.url],
        ['X-Parley-Token', server.token],
      ],
      body: Buffer.from([0, 0, 0, 2, 0x7b]),
    });
    expect([r.status, JSON.parse(r.body.toString())]).toEqual([
      400,
      {
        error: {
          code: 'bad-request',
          message: 'The proxy request ended before its head was complete (expected a 4-byte length, then JSON).',
        },
      },
    ]);
  });

  it('refuses private, loopback and link-local targets when deployed for others (after DNS too)', async () => {
    const deployed = await startTestServer({ allowPrivateTargets: false });
    try {
      const literal = await viaProxy(deployed, echoHead(deployed.url));
      expect([literal.status, literal.error]).toEqual([
        403,
        {
          code: 'target-refused-by-policy',
          message:
            '127.0.0.1 resolves to 127.0.0.1, a private, loopback or link-local address; this Parley server does not proxy to such targets (set PARLEY_ALLOW_PRIVATE_TARGETS=1 to allow them).',
        },
      ]);
      const named = await viaProxy(deployed, echoHead(`http://localhost:${deployed.port}`));
      expect([named.status, named.error?.code]).toEqual([403, 'target-refused-by-policy']);
      expect(named.error!.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a private/);
      const metadata = await viaProxy(deployed, {
        method: 'GET',
        url: 'http://169.254.169.254/latest/meta-data/',
        headers: [],
      });
      expect(metadata.error?.code).toBe('target-refused-by-policy');
      const mapped = await viaProxy(deployed, { method: 'GET', url: 'http://[::ffff:127.0.0.1]:1/', headers: [] });
      expect(mapped.error?.code).toBe('target-refused-by-policy');
    } finally {
      await deployed.close();
    }
  });

  it('answers 429 beyond the concurrency limit', async () => {
    const token = 't'.repeat(20);
    const handler = createParleyHandler({
      token,
      distDir: null,
      listenHost: '127.0.0.1',
      allowedHosts: [],
      allowPrivateTargets: true,
      proxyTimeoutMs: 5000,
      maxConcurrentProxies: 1,
    });
    const s = createServer((req, res) => handler(req, res));
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    const fake = { url, port: 0, token, close: async () => undefined };
    try {
      const abort = new AbortController();
      const slow = viaProxy(fake, { method: 'GET', url: `${url}/echo/delay/5000`, headers: [] }, null, {
        signal: abort.signal,
      });
      // The first request holds the only slot until aborted; poll until it is counted.
      let second = await viaProxy(fake, echoHead(url));
      while (second.status === 200) second = await viaProxy(fake, echoHead(url));
      expect([second.status, second.error]).toEqual([
        429,
        { code: 'too-many-requests', message: 'The proxy already carries 1 requests; wait for some to finish.' },
      ]);
      abort.abort();
      await slow.catch(() => undefined);
    } finally {
      handler.dispose();
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });
});

describe('security rules', () => {
  it('classifies addresses', () => {
    const privateOnes = [
      '127.0.0.1',
      '127.8.9.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
      '::ffff:7f00:1',
      '[::1]',
      'not-an-ip',
    ];
    const publicOnes = ['8.8.8.8', '172.32.0.1', '1.1.1.1', '2606:4700::1111', '::ffff:8.8.8.8'];
    expect(privateOnes.filter((a) => !isPrivateAddress(a))).toEqual([]);
    expect(publicOnes.filter((a) => isPrivateAddress(a))).toEqual([]);
  });

  it('matches Host headers and origins', () => {
    expect(isAllowedHost('127.0.0.1:8080', 8080, '127.0.0.1', [])).toBe(true);
    expect(isAllowedHost('LOCALHOST:8080', 8080, '127.0.0.1', [])).toBe(true);
    expect(isAllowedHost('localhost:8081', 8080, '127.0.0.1', [])).toBe(false);
    expect(isAllowedHost('localhost', 8080, '127.0.0.1', [])).toBe(false);
    expect(isAllowedHost(undefined, 8080, '127.0.0.1', [])).toBe(false);
    expect(isAllowedHost('192.168.1.5:8080', 8080, '192.168.1.5', [])).toBe(true);
    expect(isAllowedHost('192.168.1.5:8080', 8080, '0.0.0.0', [])).toBe(true);
    expect(isAllowedHost('[fe80::1]:8080', 8080, '::', [])).toBe(true);
    expect(isAllowedHost('192.168.1.5:9999', 8080, '0.0.0.0', [])).toBe(false);
    expect(isAllowedHost('evil.example:8080', 8080, '0.0.0.0', [])).toBe(false);
    expect(isAllowedHost('app.example:9000', 8080, '0.0.0.0', ['app.example:9000'])).toBe(true);
    expect(isAllowedHost('app.example:9001', 8080, '0.0.0.0', ['app.example:9000'])).toBe(false);
    expect(isAllowedHost('app.example', 8080, '0.0.0.0', ['app.example'])).toBe(true);
    expect(isOwnOrigin('http://127.0.0.1:8080', '127.0.0.1:8080')).toBe(true);
    expect(isOwnOrigin('https://app.example', 'app.example')).toBe(true);
    expect(isOwnOrigin('null', '127.0.0.1:8080')).toBe(false);
    expect(isValidToken('abc', 'abc')).toBe(true);
    expect(isValidToken('abd', 'abc')).toBe(false);
    expect(isValidToken(undefined, 'abc')).toBe(false);
  });
});
