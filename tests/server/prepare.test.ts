import { describe, expect, it } from 'vitest';
import { nextHop, parseTarget, prepareHeaders } from '../../server/proxy/prepare.ts';

const url = new URL('http://api.example:8080/x');

describe('prepareHeaders (framing, RFC 9112 §6)', () => {
  it('adds Host first and a length last only when missing', () => {
    expect(prepareHeaders({ method: 'POST', headers: [['A', '1']] }, url, 3)).toEqual([
      ['Host', 'api.example:8080'],
      ['A', '1'],
      ['Content-Length', '3'],
    ]);
    expect(
      prepareHeaders(
        {
          method: 'POST',
          headers: [
            ['content-length', '3'],
            ['HOST', 'h'],
          ],
        },
        url,
        3,
      ),
    ).toEqual([
      ['content-length', '3'],
      ['HOST', 'h'],
    ]);
    expect(prepareHeaders({ method: 'PUT', headers: [] }, url, 0)).toEqual([
      ['Host', 'api.example:8080'],
      ['Content-Length', '0'],
    ]);
    expect(prepareHeaders({ method: 'GET', headers: [] }, url, 0)).toEqual([['Host', 'api.example:8080']]);
    expect(prepareHeaders({ method: 'DELETE', headers: [] }, url, 0)).toEqual([['Host', 'api.example:8080']]);
    expect(prepareHeaders({ method: 'POST', headers: [] }, url, null)).toEqual([
      ['Host', 'api.example:8080'],
      ['Transfer-Encoding', 'chunked'],
    ]);
    expect(prepareHeaders({ method: 'POST', headers: [['Transfer-Encoding', 'gzip, chunked']] }, url, 5)).toEqual([
      ['Host', 'api.example:8080'],
      ['Transfer-Encoding', 'gzip, chunked'],
    ]);
  });

  it('refuses what would break framing or is not HTTP', () => {
    expect(() =>
      prepareHeaders(
        {
          method: 'GET',
          headers: [
            ['Content-Length', '1'],
            ['Content-Length', '2'],
          ],
        },
        url,
        1,
      ),
    ).toThrow('Content-Length must be one number of octets, not "1, 2".');
    expect(() => prepareHeaders({ method: 'GET', headers: [['Transfer-Encoding', 'gzip']] }, url, 1)).toThrow(
      'Transfer-Encoding must end with "chunked" (RFC 9112 §6.1).',
    );
    expect(() => prepareHeaders({ method: 'GET', headers: [['X', 'a\r\nInjected: 1']] }, url, 0)).toThrow(
      'The value of header "X" holds a line break, a control character or a character outside Latin-1.',
    );
    expect(() => prepareHeaders({ method: 'GET', headers: [['X', 'Zoë ✓']] }, url, 0)).toThrow(
      'The value of header "X" holds a line break',
    );
    expect(() => prepareHeaders({ method: 'GE T', headers: [] }, url, 0)).toThrow(
      `"GE T" is not a valid method: use letters, digits and !#$%&'*+-.^_\`|~ only.`,
    );
    expect(prepareHeaders({ method: 'GET', headers: [['X', 'Z\xfcrich\tok']] }, url, 0)).toEqual([
      ['Host', 'api.example:8080'],
      ['X', 'Z\xfcrich\tok'],
    ]);
  });
});

describe('parseTarget', () => {
  it('keeps a valid request-target as written', () => {
    expect(parseTarget("http://a.example/p/../q?x=%7e&y='").requestTarget).toBe("/p/../q?x=%7e&y='");
    expect(parseTarget('http://a.example?x=1').requestTarget).toBe('/?x=1');
    expect(parseTarget('http://a.example').requestTarget).toBe('/');
    expect(parseTarget('http://a.example/a b#frag').requestTarget).toBe('/a%20b');
  });
  it('explains URLs it cannot send', () => {
    expect(() => parseTarget('not a url')).toThrow('"not a url" is not a valid absolute URL.');
    expect(() => parseTarget('file:///etc/passwd')).toThrow('The proxy sends only http and https requests, not file.');
  });
});

describe('nextHop (Fetch, HTTP-redirect fetch)', () => {
  const headers: [string, string][] = [
    ['Host', 'a.example'],
    ['Authorization', 'Bearer t'],
    ['Cookie', 'c=1'],
    ['Content-Type', 'application/json'],
    ['Content-Length', '2'],
    ['X', '1'],
  ];
  const from = new URL('http://a.example/start');

  it('301/302 turn POST into GET, 303 turns PUT into GET; 307/308 keep method and body', () => {
    for (const status of [301, 302]) {
      expect(nextHop(status, '/next', 'POST', from, headers)).toEqual({
        method: 'GET',
        url: new URL('http://a.example/next'),
        requestTarget: '/next',
        keepBody: false,
        headers: [
          ['Host', 'a.example'],
          ['Authorization', 'Bearer t'],
          ['Cookie', 'c=1'],
          ['X', '1'],
        ],
      });
    }
    expect(nextHop(301, '/next', 'PUT', from, headers).method).toBe('PUT');
    expect(nextHop(303, '/next', 'PUT', from, headers).method).toBe('GET');
    expect(nextHop(303, '/next', 'HEAD', from, headers).method).toBe('HEAD');
    expect(nextHop(307, '/next', 'POST', from, headers)).toEqual({
      method: 'POST',
      url: new URL('http://a.example/next'),
      requestTarget: '/next',
      keepBody: true,
      headers,
    });
    expect(nextHop(308, '?q=1', 'PATCH', from, headers).url.href).toBe('http://a.example/start?q=1');
  });

  it('drops credentials and Host on a cross-origin hop', () => {
    expect(nextHop(307, 'https://a.example/next', 'POST', from, headers).headers).toEqual([
      ['Content-Type', 'application/json'],
      ['Content-Length', '2'],
      ['X', '1'],
    ]);
    expect(nextHop(302, 'http://a.example:81/', 'GET', from, headers).headers).toEqual([
      ['Content-Type', 'application/json'],
      ['Content-Length', '2'],
      ['X', '1'],
    ]);
  });

  it('refuses a Location it cannot follow', () => {
    expect(() => nextHop(302, 'http://[bad', 'GET', from, headers)).toThrow(
      'The server redirected to "http://[bad", which is not a valid URL.',
    );
    expect(() => nextHop(302, 'javascript:alert(1)', 'GET', from, headers)).toThrow(
      'The server redirected to a javascript: URL, which the proxy does not follow.',
    );
  });
});
