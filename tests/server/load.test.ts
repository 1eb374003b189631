/**
 * Real load tests against a counting echo (the echo's own handler behind a counter): the
 * reported figures must match what the server saw, and each request must carry the octets
 * of Send via the proxy.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleEcho } from '../../server/echo/entry.ts';
import type { RunningServer } from '../../server/app.ts';
import { DEFAULT_LOAD_CONFIG, type LoadTestConfig } from '../../src/core/load/config.ts';
import type { LoadRequest, LoadSnapshot } from '../../src/core/load/wire.ts';
import { rawRequest, startTestServer, viaProxy } from './helpers.ts';

let echo: Server;
let echoUrl = '';
let seen: { method: string; url: string; rawHeaders: string[] }[] = [];
let parley: RunningServer;

beforeAll(async () => {
  echo = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', rawHeaders: req.rawHeaders });
    handleEcho(req, res);
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  parley = await startTestServer();
});
afterAll(async () => {
  await parley.close();
  await new Promise((resolve) => echo.close(resolve));
});

function call(server: RunningServer, method: string, path: string, body?: unknown, origin: string | null = server.url) {
  const headers: [string, string][] = [['Host', new URL(server.url).host]];
  if (origin !== null) headers.push(['Origin', origin]);
  headers.push(['X-Parley-Token', server.token]);
  if (body !== undefined) headers.push(['Content-Type', 'application/json']);
  return rawRequest(`${server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function runToEnd(server: RunningServer, request: LoadRequest, config: LoadTestConfig): Promise<LoadSnapshot> {
  const started = await call(server, 'POST', '/api/load', { request, config });
  expect(started.status, started.body.toString()).toBe(201);
  const { id } = JSON.parse(started.body.toString()) as { id: string };
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    const snap = JSON.parse(
      (await call(server, 'GET', `/api/load/${id}`, undefined, null)).body.toString(),
    ) as LoadSnapshot;
    if (snap.state !== 'running') return snap;
  }
}

const post = (): LoadRequest => ({
  method: 'POST',
  url: `${echoUrl}/echo/load?x=1`,
  headers: [
    ['Content-Type', 'application/json'],
    ['X-Dup', 'a'],
    ['x-dup', 'b'],
  ],
  bodyBase64: Buffer.from('{"hello":"Zoë"}').toString('base64'),
});

describe('load test against the echo', () => {
  it('closed model, 4 users, 200 requests: reported count = the echo’s count, all 200', async () => {
    seen = [];
    const snap = await runToEnd(parley, post(), {
      ...DEFAULT_LOAD_CONFIG,
      vus: 4,
      durationMs: 0,
      totalRequests: 200,
    });
    expect(snap.state).toBe('done');
    expect(seen).toHaveLength(200);
    expect(snap.sent).toBe(200);
    expect(snap.completed).toBe(200);
    expect(snap.statusCounts).toEqual({ '200': 200 });
    expect(snap.errors).toEqual({});
    expect(snap.histogram.reduce((n, b) => n + b.count, 0)).toBe(200);
    expect(snap.seconds.reduce((n, s) => n + s.completed, 0)).toBe(200);
    expect(snap.latency.p50).toBeGreaterThan(0);
    expect(snap.latency.max).toBeGreaterThanOrEqual(snap.latency.p99);
    expect(snap.model).toMatch(/^Closed model: 4 virtual users for 200 requests;/);
  });

  it('open model, 100 requests/s for 1 s: exactly 100 sent and seen', async () => {
    seen = [];
    const snap = await runToEnd(parley, post(), {
      ...DEFAULT_LOAD_CONFIG,
      model: 'open',
      rate: 100,
      maxConnections: 10,
      durationMs: 1000,
      thresholds: { p99Ms: 10_000, errorRate: 0.5 },
    });
    expect(snap.state).toBe('done');
    expect(seen).toHaveLength(100);
    expect(snap.completed).toBe(100);
    expect(snap.statusCounts).toEqual({ '200': 100 });
    expect(snap.thresholds.map((t) => [t.label, t.passed])).toEqual([
      ['p(99) < 10000 ms', true],
      ['error rate < 50 %', true],
    ]);
    expect(snap.elapsedMs).toBeGreaterThanOrEqual(990);
  });

  it('each load request has the octets of Send via the proxy', async () => {
    seen = [];
    const req = post();
    const headers: [string, string][] = req.headers;
    await viaProxy(parley, { method: req.method, url: req.url, headers }, Buffer.from(req.bodyBase64!, 'base64'));
    await runToEnd(parley, req, { ...DEFAULT_LOAD_CONFIG, vus: 1, durationMs: 0, totalRequests: 2 });
    expect(seen).toHaveLength(3);
    const [viaSend, ...load] = seen;
    for (const s of load) expect(s).toEqual(viaSend);
    expect(viaSend!.rawHeaders).toEqual([
      'Host',
      new URL(echoUrl).host,
      'Content-Type',
      'application/json',
      'X-Dup',
      'a',
      'x-dup',
      'b',
      'Content-Length',
      '16',
      'Connection',
      'keep-alive',
    ]);
  });

  it('counts refused connections by kind', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const snap = await runToEnd(
      parley,
      { method: 'GET', url: `http://127.0.0.1:${port}/`, headers: [], bodyBase64: null },
      { ...DEFAULT_LOAD_CONFIG, vus: 2, durationMs: 0, totalRequests: 10, thresholds: { errorRate: 0.1 } },
    );
    expect(snap.completed).toBe(10);
    expect(snap.errors).toEqual({ refused: 10 });
    expect(snap.errorMessages.refused).toMatch(/ECONNREFUSED/);
    expect(snap.thresholds).toEqual([{ label: 'error rate < 10 %', actual: 1, passed: false }]);
  });
});

describe('load-test limits and checks', () => {
  const request = (): LoadRequest => ({ method: 'GET', url: `${echoUrl}/echo`, headers: [], bodyBase64: null });

  it('refuses a public target unless the deployment opts in', async () => {
    const res = await call(parley, 'POST', '/api/load', {
      request: { ...request(), url: 'http://93.184.215.14/' },
      config: DEFAULT_LOAD_CONFIG,
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body.toString())).toEqual({
      error: {
        code: 'target-refused-by-policy',
        message:
          "93.184.215.14 resolves to 93.184.215.14, a public address. Parley load-tests only loopback or private targets, so it cannot be used to flood someone else's server; the deployment can opt in with PARLEY_LOAD_PUBLIC_TARGETS=1.",
      },
    });
  });

  it('refuses private targets too when deployed for others (allowPrivateTargets off)', async () => {
    const deployed = await startTestServer({ allowPrivateTargets: false });
    try {
      const res = await call(deployed, 'POST', '/api/load', { request: request(), config: DEFAULT_LOAD_CONFIG });
      expect(res.status).toBe(403);
      expect(res.body.toString()).toContain('a private or loopback address');
    } finally {
      await deployed.close();
    }
  });

  it('refuses a rate above the cap with the sentence from checkLoadConfig', async () => {
    const res = await call(parley, 'POST', '/api/load', {
      request: request(),
      config: { ...DEFAULT_LOAD_CONFIG, model: 'open', rate: 5000 },
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body.toString())).toEqual({
      error: { code: 'bad-request', message: 'The rate must be above 0 and at most 2000 requests/s, not 5000.' },
    });
  });

  it('needs Parley’s Origin to start and the token for everything', async () => {
    const noOrigin = await call(parley, 'POST', '/api/load', { request: request(), config: DEFAULT_LOAD_CONFIG }, null);
    expect(noOrigin.status).toBe(403);
    const evil = await call(
      parley,
      'POST',
      '/api/load',
      { request: request(), config: DEFAULT_LOAD_CONFIG },
      'http://evil.example',
    );
    expect(evil.status).toBe(403);
    const noToken = await rawRequest(`${parley.url}/api/load/00000000-0000-0000-0000-000000000000`, {
      headers: [['Host', new URL(parley.url).host]],
    });
    expect(noToken.status).toBe(403);
    expect(JSON.parse(noToken.body.toString())).toMatchObject({ error: { code: 'bad-token' } });
  });

  it('one load test at a time; Stop ends it early', async () => {
    const first = await call(parley, 'POST', '/api/load', {
      request: request(),
      config: { ...DEFAULT_LOAD_CONFIG, vus: 1, durationMs: 60_000 },
    });
    expect(first.status).toBe(201);
    const { id } = JSON.parse(first.body.toString()) as { id: string };
    const second = await call(parley, 'POST', '/api/load', { request: request(), config: DEFAULT_LOAD_CONFIG });
    expect(second.status).toBe(429);
    const stopped = JSON.parse(
      (await call(parley, 'POST', `/api/load/${id}/stop`, {})).body.toString(),
    ) as LoadSnapshot;
    expect(stopped.message).toBe('Stopped before its end.');
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      const snap = JSON.parse(
        (await call(parley, 'GET', `/api/load/${id}`, undefined, null)).body.toString(),
      ) as LoadSnapshot;
      if (snap.state === 'running') continue;
      expect(snap.state).toBe('stopped');
      expect(snap.elapsedMs).toBeLessThan(30_000);
      break;
    }
  });
});
