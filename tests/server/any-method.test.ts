import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import type { RunningServer } from '../../server/app.ts';
import type { EchoReply } from '../../src/core/wire/echo.ts';
import { startTestServer, viaProxy } from './helpers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Writes raw bytes (in the given pieces) and resolves with everything the server sent before closing. */
function exchange(pieces: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let out = '';
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
    socket.on('connect', () => {
      void (async () => {
        for (const piece of pieces) {
          socket.write(piece, 'latin1');
          await new Promise((r) => setTimeout(r, 10));
        }
      })();
    });
  });
}

const split = (raw: string): { head: string; reply: EchoReply } => {
  const at = raw.indexOf('\r\n\r\n');
  return {
    head: raw.slice(0, at),
    reply: JSON.parse(Buffer.from(raw.slice(at + 4), 'latin1').toString('utf8')) as EchoReply,
  };
};

describe('echo of methods Node’s parser does not know', () => {
  it('echoes FOOBAR with a Content-Length body arriving in pieces', async () => {
    const raw = await exchange([
      'FOOBAR /echo/x?a=1 HTTP/1.1\r\nHost: h\r\nX-Dup: 1\r\nx-dup: 2\r\nContent-Length: 9\r\n\r\nZo',
      Buffer.from('ë 😀').toString('latin1'),
    ]);
    const { head, reply } = split(raw);
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(head).toContain('\r\nAccess-Control-Allow-Origin: *\r\n');
    expect(reply).toEqual({
      method: 'FOOBAR',
      target: '/echo/x?a=1',
      path: '/echo/x',
      query: { raw: 'a=1', pairs: [['a', '1']] },
      headers: [
        ['Host', 'h'],
        ['X-Dup', '1'],
        ['x-dup', '2'],
        ['Content-Length', '9'],
      ],
      httpVersion: '1.1',
      body: {
        text: 'Zoë 😀',
        base64: 'Wm/DqyDwn5iA',
        size: 9,
        sha256: '91b7847abee0482651039ac5e0fa8416d8eb9eb11de9f68e0c31c5ff7a0f0fec',
        truncated: false,
      },
    });
  });

  it('echoes a chunked body and a lower-case method', async () => {
    const raw = await exchange([
      'frobnicate /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n',
      '2;ext=1\r\nde\r\n0\r\n\r\n',
    ]);
    const { reply } = split(raw);
    expect([reply.method, reply.body]).toEqual([
      'frobnicate',
      {
        text: 'abcde',
        base64: 'YWJjZGU=',
        size: 5,
        sha256: '36bbe50ed96841d10443bcb670d6554f0a34b761be67ec9c4a8ad2c0c44ca42c',
        truncated: false,
      },
    ]);
  });

  it('answers 501 outside /echo and 400 for a malformed request', async () => {
    expect((await exchange(['FOOBAR /api/health HTTP/1.1\r\nHost: h\r\n\r\n'])).split('\r\n')[0]).toBe(
      'HTTP/1.1 501 Not Implemented',
    );
    expect((await exchange(['GET / HTTP/9\r\n\r\n'])).split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
  });

  it('carries a custom method through the proxy to the echo', async () => {
    const r = await viaProxy(
      server,
      { method: 'FOOBAR', url: `${server.url}/echo/custom`, headers: [['X-A', '1']] },
      new TextEncoder().encode('hi'),
    );
    const echo = JSON.parse(r.body.toString()) as EchoReply;
    expect([r.head!.status, echo.method, echo.headers, echo.body.text]).toEqual([
      200,
      'FOOBAR',
      [
        ['Host', new URL(server.url).host],
        ['X-A', '1'],
        ['Content-Length', '2'],
        ['Connection', 'keep-alive'],
      ],
      'hi',
    ]);
  });

  it('keeps the method’s case through the proxy (methods are case-sensitive, RFC 9110 §9.1)', async () => {
    for (const method of ['frobnicate', 'patch', 'Get']) {
      const r = await viaProxy(server, { method, url: `${server.url}/echo/case`, headers: [] });
      expect((JSON.parse(r.body.toString()) as EchoReply).method).toBe(method);
    }
  });
});
