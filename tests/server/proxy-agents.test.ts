import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request, type AgentOptions, type Server } from 'node:http';
import { encodeProxyRequest, decodeProxyResponseHead } from '../../src/core/wire/proxy-codec.ts';
import type { AddressInfo } from 'node:net';
import {
  createUpstreamAgents,
  IDLE_TIMEOUT_MS,
  MAX_IDLE_PER_ORIGIN,
  MAX_SOCKETS_PER_ORIGIN,
} from '../../server/proxy/agents.ts';
import { useTestServer, viaProxy } from './helpers.ts';

const proxy = useTestServer();
let upstream: Server;
let upstreamUrl: string;
/** Client port of each request the upstream saw, and the count of TCP connections. */
const ports: number[] = [];
let connections = 0;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    ports.push(req.socket.remotePort ?? 0);
    req.resume();
    req.on('end', () => res.end(`hello ${req.url}`));
  });
  upstream.on('connection', () => connections++);
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => upstream.close(() => r())));

describe('upstream keep-alive', () => {
  it('reuses one connection for sequential requests to the same origin, content intact', async () => {
    ports.length = 0;
    const before = connections;
    const bodies: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await viaProxy(proxy.server, { method: 'GET', url: `${upstreamUrl}/n/${i}`, headers: [] });
      expect([r.status, r.head?.status]).toEqual([200, 200]);
      bodies.push(r.body.toString());
    }
    expect(bodies).toEqual(['hello /n/0', 'hello /n/1', 'hello /n/2', 'hello /n/3', 'hello /n/4']);
    expect(connections - before).toBe(1);
    expect(new Set(ports).size).toBe(1);
  });

  it('pools per origin with no socket cap, a kept-idle limit and an idle timeout', () => {
    const agents = createUpstreamAgents();
    try {
      for (const agent of [agents.http, agents.https]) {
        const o = (agent as unknown as { options: AgentOptions }).options;
        expect([o.keepAlive, agent.maxSockets, agent.maxFreeSockets, o.timeout, o.scheduling]).toEqual([
          true,
          MAX_SOCKETS_PER_ORIGIN,
          MAX_IDLE_PER_ORIGIN,
          IDLE_TIMEOUT_MS,
          'lifo',
        ]);
      }
      expect([MAX_SOCKETS_PER_ORIGIN, MAX_IDLE_PER_ORIGIN, IDLE_TIMEOUT_MS]).toEqual([Infinity, 16, 15_000]);
    } finally {
      agents.http.destroy();
      agents.https.destroy();
    }
  });
});

describe('relaying the head', () => {
  it('sends the status and header fields before content that is slow to come', async () => {
    const server = proxy.server;
    const body = encodeProxyRequest(
      { method: 'GET', url: `${server.url}/echo/delay/60000?head=now`, headers: [] },
      null,
    );
    const u = new URL(server.url);
    const controller = new AbortController();
    const head = await new Promise<{ status: number; upstreamStatus: number; bytes: number }>((resolve, reject) => {
      const req = request(
        {
          host: u.hostname,
          port: u.port,
          method: 'POST',
          path: '/api/proxy',
          agent: false,
          signal: controller.signal,
          headers: {
            Host: u.host,
            Origin: server.url,
            'X-Parley-Token': server.token,
            'Content-Type': 'application/octet-stream',
            'Content-Length': String(body.length),
          },
        },
        (res) => {
          let bytes = 0;
          res.on('data', (c: Buffer) => (bytes += c.length));
          // Nothing of the content can have come: the echo holds it for 60 s.
          setTimeout(() => {
            const relayed = decodeProxyResponseHead(String(res.headers['x-parley-head']));
            resolve({ status: res.statusCode ?? 0, upstreamStatus: relayed.status, bytes });
          }, 200);
        },
      );
      req.on('error', (e) => (controller.signal.aborted ? undefined : reject(e)));
      req.end(body);
    });
    controller.abort();
    expect(head).toEqual({ status: 200, upstreamStatus: 200, bytes: 0 });
  });
});
