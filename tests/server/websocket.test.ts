/** /echo/ws and /api/proxy/ws: echo behaviour, the upgrade's Origin/token checks, and the relay. */
import { describe, expect, it } from 'vitest';
import { WebSocket, type RawData } from 'ws';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useTestServer, startTestServer } from './helpers.ts';
import { decodeRelayData, encodeRelayData, type RelayProxyMessage } from '../../src/core/websocket/relay.ts';

const t = useTestServer();

/** Collects every message of a socket as `{ text | bytes }`, and resolves `opened`/`closed`. */
function track(ws: WebSocket) {
  const messages: { binary: boolean; data: Buffer }[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data: RawData, binary) => {
    messages.push({ binary, data: data as Buffer });
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('error', reject);
  });
  const next = async (n: number): Promise<void> => {
    while (messages.length < n) await new Promise<void>((r) => waiters.push(r));
  };
  return { messages, closed, opened, next };
}

describe('/echo/ws', () => {
  it('echoes text and binary octet for octet and chooses the first offered subprotocol', async () => {
    const ws = new WebSocket(`ws://${t.host}/echo/ws`, ['chat.v2', 'chat.v1']);
    const s = track(ws);
    await s.opened;
    expect(ws.protocol).toBe('chat.v2');
    ws.send('héllo');
    ws.send(Buffer.from([0, 1, 0xfe, 0xff]), { binary: true });
    await s.next(2);
    expect(s.messages[0]).toEqual({ binary: false, data: Buffer.from('héllo') });
    expect(s.messages[1]).toEqual({ binary: true, data: Buffer.from([0, 1, 0xfe, 0xff]) });
    ws.close();
  });

  it('chooses no subprotocol with ?protocol=none', async () => {
    const ws = new WebSocket(`ws://${t.host}/echo/ws?protocol=none`);
    const s = track(ws);
    await s.opened;
    expect(ws.protocol).toBe('');
    ws.close();
  });

  it('answers a ping with a pong of the same payload, and pings on /ping', async () => {
    const ws = new WebSocket(`ws://${t.host}/echo/ws`);
    const s = track(ws);
    await s.opened;
    const pong = new Promise<string>((r) => ws.once('pong', (d) => r(d.toString())));
    ws.ping('abc');
    expect(await pong).toBe('abc');
    const ping = new Promise<string>((r) => ws.once('ping', (d) => r(d.toString())));
    ws.send('/ping xyz');
    expect(await ping).toBe('xyz');
    ws.close();
  });

  it('closes with the code and reason a /close command asks for', async () => {
    const ws = new WebSocket(`ws://${t.host}/echo/ws`);
    const s = track(ws);
    await s.opened;
    ws.send('/close 4000 bye now');
    expect(await s.closed).toEqual({ code: 4000, reason: 'bye now' });
  });

  it('answers a plain GET with 426 Upgrade Required', async () => {
    const res = await fetch(`http://${t.host}/echo/ws`);
    expect(res.status).toBe(426);
    expect(res.headers.get('upgrade')).toBe('websocket');
  });
});

describe('/api/proxy/ws', () => {
  const proxyUrl = (token = t.server.token) => `ws://${t.host}/api/proxy/ws?token=${encodeURIComponent(token)}`;
  const ownOrigin = () => `http://${t.host}`;

  /** Rejects with the HTTP status of a refused upgrade. */
  function refusedStatus(ws: WebSocket): Promise<number> {
    return new Promise((resolve, reject) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('upgrade was accepted')));
    });
  }

  it('refuses an upgrade from a foreign Origin with 403, before any WebSocket exists', async () => {
    const ws = new WebSocket(proxyUrl(), { origin: 'http://evil.example' });
    expect(await refusedStatus(ws)).toBe(403);
  });

  it('refuses an upgrade without an Origin header and one with a wrong token', async () => {
    expect(await refusedStatus(new WebSocket(proxyUrl()))).toBe(403);
    expect(await refusedStatus(new WebSocket(proxyUrl('wrong'), { origin: ownOrigin() }))).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding) with 421', async () => {
    const ws = new WebSocket(proxyUrl(), { origin: 'http://evil.example', headers: { Host: 'evil.example' } });
    expect(await refusedStatus(ws)).toBe(421);
  });

  it('relays text and binary, sends the handshake header fields, reports subprotocol, pong and close code', async () => {
    const ws = new WebSocket(proxyUrl(), { origin: ownOrigin() });
    const s = track(ws);
    await s.opened;
    ws.send(
      JSON.stringify({
        type: 'open',
        target: `ws://${t.host}/echo/ws`,
        protocols: ['graphql-ws', 'v2'],
        headers: [
          ['Authorization', 'Bearer abc'],
          ['Cookie', 'a=1'],
          ['cookie', 'b=2'],
        ],
      }),
    );
    await s.next(1);
    const opened = JSON.parse(s.messages[0]!.data.toString()) as RelayProxyMessage;
    expect(opened).toMatchObject({ type: 'opened', protocol: 'graphql-ws', status: 101 });
    expect(opened.type === 'opened' && opened.headers).toContainEqual(['Sec-WebSocket-Protocol', 'graphql-ws']);

    ws.send(encodeRelayData('text', Buffer.from('/headers')));
    await s.next(2);
    const frame = decodeRelayData(s.messages[1]!.data)!;
    expect(frame.kind).toBe('text');
    const received = JSON.parse(Buffer.from(frame.payload).toString()) as [string, string][];
    expect(received).toContainEqual(['Authorization', 'Bearer abc']);
    expect(received).toContainEqual(['Cookie', 'a=1; b=2']);

    ws.send(encodeRelayData('binary', Buffer.from([0xde, 0xad, 0xbe, 0xef])));
    await s.next(3);
    expect(s.messages[2]!.binary).toBe(true);
    expect([...s.messages[2]!.data]).toEqual([0x02, 0xde, 0xad, 0xbe, 0xef]);

    ws.send(JSON.stringify({ type: 'ping', data: 'p1' }));
    await s.next(4);
    expect(JSON.parse(s.messages[3]!.data.toString())).toEqual({ type: 'pong', data: 'p1' });

    ws.send(JSON.stringify({ type: 'close', code: 4000, reason: 'done here' }));
    await s.next(5);
    expect(JSON.parse(s.messages[4]!.data.toString())).toEqual({
      type: 'closed',
      code: 4000,
      reason: 'done here',
      wasClean: true,
    });
    expect((await s.closed).code).toBe(1000);
  });

  it('relays a 1 MiB binary message both ways exactly', async () => {
    const ws = new WebSocket(proxyUrl(), { origin: ownOrigin() });
    const s = track(ws);
    await s.opened;
    ws.send(JSON.stringify({ type: 'open', target: `ws://${t.host}/echo/ws`, protocols: [], headers: [] }));
    await s.next(1);
    const payload = Buffer.alloc(1024 * 1024, 0);
    for (let i = 0; i < payload.length; i++) payload[i] = (i * 7) & 0xff;
    ws.send(encodeRelayData('binary', payload));
    await s.next(2);
    const back = decodeRelayData(s.messages[1]!.data)!;
    expect(back.payload.length).toBe(1024 * 1024);
    expect(Buffer.from(back.payload).equals(payload)).toBe(true);
    ws.close();
  });

  it('refuses a close code an endpoint may not send, and a non-ws target', async () => {
    const ws = new WebSocket(proxyUrl(), { origin: ownOrigin() });
    const s = track(ws);
    await s.opened;
    ws.send(JSON.stringify({ type: 'open', target: 'http://example.test/', protocols: [], headers: [] }));
    await s.next(2);
    expect(JSON.parse(s.messages[0]!.data.toString())).toEqual({
      type: 'failed',
      message: 'A WebSocket target starts with ws:// or wss://, not http://.',
    });
    expect(JSON.parse(s.messages[1]!.data.toString())).toMatchObject({ type: 'closed', code: 1006 });
  });

  it('reports the status of a handshake the target refuses', async () => {
    const ws = new WebSocket(proxyUrl(), { origin: ownOrigin() });
    const s = track(ws);
    await s.opened;
    // A plain HTTP server (no upgrade handler): Node answers the upgrade request like any other.
    const plain = createServer((_req, res) => {
      res.writeHead(401, 'Unauthorized', { 'WWW-Authenticate': 'Bearer' });
      res.end();
    });
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    const port = (plain.address() as AddressInfo).port;
    try {
      ws.send(JSON.stringify({ type: 'open', target: `ws://127.0.0.1:${port}/`, protocols: [], headers: [] }));
      await s.next(1);
      const failed = JSON.parse(s.messages[0]!.data.toString()) as RelayProxyMessage;
      expect(failed).toMatchObject({
        type: 'failed',
        status: 401,
        message: 'The server answered the opening handshake with 401 Unauthorized, not 101 Switching Protocols.',
      });
      expect(failed.type === 'failed' && failed.headers).toContainEqual(['WWW-Authenticate', 'Bearer']);
    } finally {
      plain.close();
    }
    ws.close();
  });
});

describe('/api/proxy/ws target policy', () => {
  it('refuses a loopback target when private targets are not allowed', async () => {
    const server = await startTestServer({ allowPrivateTargets: false });
    try {
      const host = new URL(server.url).host;
      const ws = new WebSocket(`ws://${host}/api/proxy/ws?token=${server.token}`, { origin: `http://${host}` });
      const s = track(ws);
      await s.opened;
      ws.send(JSON.stringify({ type: 'open', target: `ws://${host}/echo/ws`, protocols: [], headers: [] }));
      await s.next(2);
      expect(JSON.parse(s.messages[0]!.data.toString())).toEqual({
        type: 'failed',
        message:
          '127.0.0.1 is a private, loopback or link-local address; this Parley server does not proxy to such targets.',
      });
    } finally {
      await server.close();
    }
  });
});
