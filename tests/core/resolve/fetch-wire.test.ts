/**
 * Checks the "what you see is what is sent" claim against a real WHATWG fetch (Node's
 * undici): the request line, Content-Length and body bytes it puts on the wire equal
 * renderHttpMessage's. Loopback only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import { renderHttpMessage } from '../../../src/core/resolve/http-message.ts';
import type { EffectiveRequest } from '../../../src/core/resolve/types.ts';
import type { QueryRow, RequestDraft } from '../../../src/core/model/draft.ts';
import { draftFromUrl, headerRows } from './fixtures.ts';

let server: Server;
let origin = '';
const captured: Buffer[] = [];

beforeAll(async () => {
  server = createServer((socket: Socket) => {
    let data = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const headEnd = data.indexOf('\r\n\r\n');
      if (headEnd === -1) return;
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(data.subarray(0, headEnd).toString('latin1'))?.[1] ?? 0);
      if (data.length < headEnd + 4 + length) return;
      captured.push(data);
      socket.end('HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function sendWithFetch(req: EffectiveRequest): Promise<Buffer> {
  captured.length = 0;
  await fetch(req.url, {
    method: req.method,
    headers: req.headers.map((h): [string, string] => [h.name, h.value]),
    body: req.body === null ? null : new Uint8Array(req.body),
  });
  return captured[0] as Buffer;
}

function resolved(d: RequestDraft): EffectiveRequest {
  const r = resolveRequest(d, { transport: 'direct' });
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.request as EffectiveRequest;
}

const rows = (pairs: [string, string][]): QueryRow[] =>
  pairs.map(([name, value], i) => ({ id: `r${i}`, name, value, enabled: true }));

describe("fetch puts renderHttpMessage's request line and content on the wire", () => {
  const cases: [string, () => RequestDraft][] = [
    ['typed query kept as typed', () => draftFromUrl(`${origin}/s?term=a+b%5Bx%5D&c=d,e:f&sig=abc==#frag`)],
    [
      'table rows encoded',
      () => ({
        ...draftFromUrl(`${origin}/s`),
        query: rows([
          ['token', 'a b'],
          ['attrs', 'password%3Dabc'],
          ['tag', 'test#abc'],
          ['q', 'a&b'],
          ['pct', '100%'],
          ['city', 'Zürich'],
          ['quote', `it's "x" <y> {z}|^\`\\`],
        ]),
      }),
    ],
    [
      'path with spaces and dots',
      () => ({ ...draftFromUrl(`${origin}/a b/./c/../:id`), pathVariables: { id: 'x/y z' } }),
    ],
    ['POST without a body', () => draftFromUrl(`${origin}/p`, { method: 'POST' })],
    // Not PATCH without a body: undici adds `Content-Length: 0` for PATCH, Chromium (the
    // browser direct mode runs in) only for POST and PUT, as the Fetch standard says.
    [
      'UTF-8 JSON body',
      () =>
        draftFromUrl(`${origin}/echo`, {
          method: 'POST',
          body: { mode: 'json', text: '{"name":"Zoë 😀"}' },
          headers: headerRows(['X-City', 'Zürich']),
        }),
    ],
    [
      'form body',
      () =>
        draftFromUrl(`${origin}/f`, {
          method: 'PUT',
          body: { mode: 'form-urlencoded', fields: [{ id: 'f', name: 'q', value: '테스트 +', enabled: true }] },
        }),
    ],
    [
      'multipart body',
      () =>
        draftFromUrl(`${origin}/m`, {
          method: 'POST',
          body: {
            mode: 'multipart',
            parts: [
              {
                id: 'p',
                name: 'n"1',
                enabled: true,
                kind: 'text',
                value: 'v\r\n--x',
                contentType: 'text/plain',
                file: null,
              },
            ],
          },
        }),
    ],
  ];

  it.each(cases)('%s', async (_name, make) => {
    const req = resolved(make());
    const raw = renderHttpMessage(req, { transport: 'direct' });
    const wire = await sendWithFetch(req);
    const wireHead = wire.subarray(0, wire.indexOf('\r\n\r\n')).toString('latin1').split('\r\n');
    const ourHead = raw.text.slice(0, raw.text.indexOf('\r\n\r\n')).split('\r\n');
    expect(wireHead[0]).toBe(ourHead[0]);
    // Every field we show is on the wire with the same value (undici adds its own too, in direct mode as browsers do).
    const wireFields = wireHead.slice(1).map((l) => l.toLowerCase());
    for (const line of ourHead.slice(1)) expect(wireFields).toContain(line.toLowerCase());
    expect(wireFields.filter((l) => l.startsWith('content-length:'))).toEqual(
      ourHead
        .slice(1)
        .filter((l) => /^content-length:/i.test(l))
        .map((l) => l.toLowerCase()),
    );
    expect(wire.subarray(wire.indexOf('\r\n\r\n') + 4).equals(Buffer.from(req.body ?? new Uint8Array()))).toBe(true);
  });
});
