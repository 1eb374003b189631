/**
 * Issue 10 points 2 and 3: through the proxy, the raw view IS the wire. For each request the
 * echo's raw request line target and header list (order, case, values) equal the lines of
 * renderHttpMessage(…, { transport: 'proxy' }), including every field Node adds (Host,
 * Content-Length, Connection), and the query goes out as typed (`'` and the sub-delims raw).
 */
import { describe, expect, it } from 'vitest';
import { useTestServer, viaProxy } from './helpers.ts';
import { resolveRequest } from '../../src/core/resolve/resolve-request.ts';
import { renderHttpMessage } from '../../src/core/resolve/http-message.ts';
import type { EchoReply } from '../../src/core/wire/echo.ts';
import type { RequestDraft } from '../../src/core/model/draft.ts';
import { draftFromUrl, headerRows } from '../core/resolve/fixtures.ts';

const live = useTestServer();

/** Sends `draft` resolved for the proxy; returns the raw view's lines and what the echo received. */
async function sendAndView(draft: RequestDraft) {
  const r = resolveRequest(draft, { transport: 'proxy' });
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const req = r.request!;
  const view = renderHttpMessage(req, { transport: 'proxy' }).text;
  const [head = ''] = view.split('\r\n\r\n');
  const [requestLine = '', ...fieldLines] = head.split('\r\n');
  const result = await viaProxy(
    live.server,
    { method: req.method, url: req.url, headers: req.headers.map((h) => [h.name, h.value]), followRedirects: false },
    req.body,
  );
  const echo = JSON.parse(result.body.toString('utf8')) as EchoReply;
  return { requestLine, fieldLines, echo };
}

describe('proxy: the raw view lists exactly the fields on the wire', () => {
  const base = () => `${live.server.url}/echo/wire`;
  it.each<[string, () => RequestDraft]>([
    ['GET without a body', () => draftFromUrl(base())],
    [
      'POST with JSON',
      () =>
        draftFromUrl(base(), {
          method: 'POST',
          headers: headerRows(['X-Trace', 'a b']),
          body: { mode: 'json', text: '{"a":1}' },
        }),
    ],
    ['PUT without a body (Content-Length: 0)', () => draftFromUrl(base(), { method: 'PUT' })],
    ['DELETE with a body', () => draftFromUrl(base(), { method: 'DELETE', body: { mode: 'text', text: 'x' } })],
    [
      'a typed Host and Connection: close',
      () => draftFromUrl(base(), { headers: headerRows(['Host', 'example.test'], ['Connection', 'close']) }),
    ],
  ])('%s', async (_name, draft) => {
    const { requestLine, fieldLines, echo } = await sendAndView(draft());
    expect(requestLine).toBe(`${echo.method} ${echo.target} HTTP/1.1`);
    expect(fieldLines).toEqual(echo.headers.map(([n, v]) => `${n}: ${v}`));
  });

  it('shows Connection: keep-alive last, as Node sends it', async () => {
    const { fieldLines } = await sendAndView(
      draftFromUrl(base(), { method: 'POST', body: { mode: 'text', text: 'abc' } }),
    );
    expect(fieldLines).toEqual([
      `Host: ${new URL(live.server.url).host}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Length: 3',
      'Connection: keep-alive',
    ]);
  });
});

describe('proxy: the query goes out as typed (RFC 3986), as curl sends it', () => {
  it("keeps ' and every other sub-delim raw; encodes only what cannot stand in a query", async () => {
    const typed = 'name=O\'Brien&f=(a)!*$,;:@/?[]&s=a b&t="<>"';
    const { requestLine, echo } = await sendAndView(draftFromUrl(`${live.server.url}/echo/q?${typed}`));
    expect(echo.target).toBe("/echo/q?name=O'Brien&f=(a)!*$,;:@/?[]&s=a%20b&t=%22%3C%3E%22");
    expect(requestLine).toBe(`GET ${echo.target} HTTP/1.1`);
  });

  it("direct mode resolves ' to %27, as the browser's URL parser does, and says so", () => {
    const r = resolveRequest(draftFromUrl("http://h.test/q?name=O'Brien"), { transport: 'direct' });
    expect(r.request?.url).toBe('http://h.test/q?name=O%27Brien');
    expect(r.request?.notes).toEqual([
      "The browser sends %27 for ' in the query (WHATWG URL parser); through the proxy it is sent as typed.",
    ]);
    expect(new URL(r.request!.url).href).toBe(r.request!.url);
    expect(resolveRequest(draftFromUrl('http://h.test/q?a=1'), { transport: 'direct' }).request?.notes).toBeUndefined();
  });
});
