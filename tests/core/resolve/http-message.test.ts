import { describe, expect, it } from 'vitest';
import { contentLengthFor, renderHttpMessage } from '../../../src/core/resolve/http-message.ts';
import type { EffectiveRequest } from '../../../src/core/resolve/types.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const req = (r: Partial<EffectiveRequest>): EffectiveRequest => ({
  method: 'GET',
  url: 'http://127.0.0.1:8080/',
  headers: [],
  body: null,
  ...r,
});

describe('renderHttpMessage', () => {
  it('renders the message as sent, Content-Length in octets', () => {
    const body = enc('{"name":"Zoë 😀"}');
    const m = renderHttpMessage(
      req({
        method: 'POST',
        url: 'http://127.0.0.1:8080/echo/post/json?a=1',
        headers: [
          { name: 'Accept', value: 'application/json', source: 'user', rowId: 'h1' },
          { name: 'Content-Type', value: 'application/json', source: 'user', rowId: 'h2' },
          { name: 'Authorization', value: 'Bearer t', source: 'auth' },
        ],
        body,
      }),
    );
    const head =
      'POST /echo/post/json?a=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: application/json\r\nContent-Type: application/json\r\nAuthorization: Bearer t\r\nContent-Length: 20\r\n\r\n';
    expect(body.length).toBe(20);
    expect(m.text).toBe(head + '{"name":"Zoë 😀"}');
    expect(Buffer.from(m.bytes).equals(Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body)]))).toBe(true);
  });

  it('omits the default port from Host and keeps others; writes Latin-1 values as one octet', () => {
    expect(renderHttpMessage(req({ url: 'https://api.example.test/x' })).text).toBe(
      'GET /x HTTP/1.1\r\nHost: api.example.test\r\n\r\n',
    );
    expect(renderHttpMessage(req({ url: 'https://api.example.test:8443/' })).text).toBe(
      'GET / HTTP/1.1\r\nHost: api.example.test:8443\r\n\r\n',
    );
    expect(renderHttpMessage(req({ url: 'http://[::1]:8080/' })).text).toBe(
      'GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n',
    );
    const m = renderHttpMessage(req({ headers: [{ name: 'X-City', value: 'Zürich', source: 'user' }] }));
    expect(Array.from(m.bytes.slice(-10, -4))).toEqual([0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68]);
  });

  it('adds Content-Length: 0 without a body as each transport does', () => {
    expect(renderHttpMessage(req({ method: 'POST' })).text).toBe(
      'POST / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Length: 0\r\n\r\n',
    );
    // Fetch: POST and PUT only.
    expect(
      ['POST', 'PUT', 'PATCH', 'PURGE', 'GET', 'DELETE'].map((method) =>
        contentLengthFor({ method, body: null }, 'direct'),
      ),
    ).toEqual([0, 0, null, null, null, null]);
    // Node's http client (the proxy): every method but GET, HEAD, DELETE, OPTIONS, TRACE, CONNECT.
    expect(
      ['POST', 'PUT', 'PATCH', 'PURGE', 'get', 'DELETE', 'OPTIONS'].map((method) =>
        contentLengthFor({ method, body: null }),
      ),
    ).toEqual([0, 0, 0, 0, null, null, null]);
    expect(renderHttpMessage(req({ method: 'PATCH' }), { transport: 'direct' }).text).toBe(
      'PATCH / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n',
    );
    expect(contentLengthFor({ method: 'GET', body: new Uint8Array(3) })).toBe(3);
  });

  it('uses a typed Host instead of the generated one (proxy)', () => {
    const m = renderHttpMessage(
      req({
        headers: [
          { name: 'X-A', value: '1', source: 'user' },
          { name: 'host', value: 'virtual.test', source: 'user' },
        ],
      }),
    );
    expect(m.text).toBe('GET / HTTP/1.1\r\nX-A: 1\r\nhost: virtual.test\r\n\r\n');
  });

  it('in direct mode never claims forbidden headers were sent', () => {
    const r = req({
      headers: [
        { name: 'Cookie', value: 'a=1', source: 'user' },
        { name: 'X-A', value: '1', source: 'user' },
        { name: 'User-Agent', value: 'u', source: 'user' },
      ],
    });
    expect(renderHttpMessage(r, { transport: 'direct' }).text).toBe(
      'GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-A: 1\r\n\r\n',
    );
    expect(renderHttpMessage(r).text).toBe(
      'GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nCookie: a=1\r\nX-A: 1\r\nUser-Agent: u\r\n\r\n',
    );
  });

  it('shows a binary body as a placeholder in text, exact in bytes', () => {
    const body = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const m = renderHttpMessage(
      req({ method: 'PUT', headers: [{ name: 'Content-Type', value: 'image/png', source: 'body' }], body }),
    );
    expect(m.text.endsWith('Content-Length: 4\r\n\r\n<4 bytes of binary content>')).toBe(true);
    expect(Array.from(m.bytes.slice(-4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(
      renderHttpMessage(req({ method: 'PUT', body: new Uint8Array([0x61, 0x00]) })).text.endsWith(
        '<2 bytes of binary content>',
      ),
    ).toBe(true);
  });

  it('shows multipart text fields and a placeholder for a binary file part', () => {
    const body = Buffer.concat([
      Buffer.from('--B\r\nContent-Disposition: form-data; name="note"\r\n\r\nZoë\r\n'),
      Buffer.from(
        '--B\r\nContent-Disposition: form-data; name="f"; filename="x.bin"\r\nContent-Type: application/octet-stream\r\n\r\n',
      ),
      Buffer.from([0xff, 0x00, 0xfe]),
      Buffer.from('\r\n--B--\r\n'),
    ]);
    const m = renderHttpMessage(
      req({
        method: 'POST',
        headers: [{ name: 'Content-Type', value: 'multipart/form-data; boundary=B', source: 'body' }],
        body: new Uint8Array(body),
      }),
    );
    expect(m.text.slice(m.text.indexOf('\r\n\r\n') + 4)).toBe(
      '--B\r\nContent-Disposition: form-data; name="note"\r\n\r\nZoë\r\n--B\r\nContent-Disposition: form-data; name="f"; filename="x.bin"\r\nContent-Type: application/octet-stream\r\n\r\n<3 bytes of binary content>\r\n--B--\r\n',
    );
    expect(m.bytes.length).toBe(m.text.indexOf('\r\n\r\n') + 4 + body.length);
  });
});
