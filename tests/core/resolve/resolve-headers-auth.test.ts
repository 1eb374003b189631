import { renderHttpMessage } from '../../../src/core/resolve/http-message.ts';
import { describe, expect, it } from 'vitest';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import { exampleDraft, SAMPLE_JSON_BODY, SAMPLE_TOKEN } from '../../../src/core/model/defaults.ts';
import type { RequestDraft } from '../../../src/core/model/draft.ts';
import { draftFromUrl, headerRows, utf8 } from './fixtures.ts';

const pairs = (d: RequestDraft, transport?: 'proxy' | 'direct') =>
  resolveRequest(d, { transport }).request?.headers.map((h) => [h.name, h.value, h.source]);

describe('resolveRequest: the pre-filled example (issue 2)', () => {
  it('resolves to the exact request', () => {
    const d = exampleDraft('http://127.0.0.1:8080/');
    const r = resolveRequest(d);
    expect(r.problems).toEqual([]);
    expect(r.request?.method).toBe('POST');
    expect(r.request?.url).toBe('http://127.0.0.1:8080/echo/post/json');
    expect(r.request?.headers).toEqual([
      { name: 'Accept', value: 'application/json', source: 'user', rowId: d.headers[0]!.id },
      { name: 'Content-Type', value: 'application/json', source: 'user', rowId: d.headers[1]!.id },
      { name: 'Authorization', value: `Bearer ${SAMPLE_TOKEN}`, source: 'auth' },
    ]);
    expect(utf8(r.request?.body)).toBe('{"employee":{"name":"Emma","age":28,"city":"Boston"}}');
    expect(SAMPLE_JSON_BODY).toBe('{"employee":{"name":"Emma","age":28,"city":"Boston"}}');
  });
});

describe('resolveRequest: header rows', () => {
  it('sends enabled rows in order, duplicates kept, blank rows skipped, OWS trimmed', () => {
    const d = draftFromUrl('http://h.test/', {
      headers: headerRows(
        ['X-A', ' 1 '],
        ['X-Off', '2', false],
        ['', ''],
        ['x-a', 'ü\t'],
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
      ),
    });
    expect(pairs(d)).toEqual([
      ['X-A', '1', 'user'],
      ['x-a', 'ü', 'user'],
      ['Set-Cookie', 'a=1', 'user'],
      ['Set-Cookie', 'b=2', 'user'],
    ]);
  });

  it('accepts custom methods and keeps their case', () => {
    expect(resolveRequest(draftFromUrl('http://h.test/', { method: 'PURGE' })).request?.method).toBe('PURGE');
    expect(resolveRequest(draftFromUrl('http://h.test/', { method: 'patch' })).request?.method).toBe('patch');
  });

  it('names the offending character', () => {
    const problems = (d: Partial<RequestDraft>) =>
      resolveRequest(draftFromUrl('http://h.test/', d)).problems.map((p) => [p.field, p.rowId, p.message]);
    expect(problems({ method: 'GET X' })).toEqual([
      [
        'method',
        undefined,
        'The method "GET X" contains space (U+0020); a method is a single word of letters, digits and !#$%&\'*+-.^_`|~ (RFC 9110 §9.1).',
      ],
    ]);
    expect(problems({ headers: headerRows(['X City', 'a']) })).toEqual([
      [
        'header',
        'h0',
        'The header name "X City" contains space (U+0020); a header name is letters, digits and !#$%&\'*+-.^_`|~ only (RFC 9110 §5.1).',
      ],
    ]);
    expect(problems({ headers: headerRows(['X-Mood', 'ok 😀']) })).toEqual([
      [
        'header',
        'h0',
        'The value of header "X-Mood" contains "😀" (U+1F600), which is outside Latin-1: header fields can only carry Latin-1 characters. Percent-encode it or use a Latin-1 character.',
      ],
    ]);
    expect(problems({ headers: headerRows(['X-Split', 'a\r\nInjected: 1']) })).toEqual([
      [
        'header',
        'h0',
        'The value of header "X-Split" contains carriage return (U+000D) and line feed (U+000A), which header fields cannot carry (it would split or corrupt the message).',
      ],
    ]);
    expect(problems({ headers: headerRows(['', 'orphan']) })).toEqual([['header', 'h0', 'The header name is empty.']]);
  });
});

describe('resolveRequest: Content-Type', () => {
  const json = { mode: 'json' as const, text: '{}' };
  it('adds the body mode default when no row sets one', () => {
    expect(pairs(draftFromUrl('http://h.test/', { method: 'POST', body: json }))).toEqual([
      ['Content-Type', 'application/json', 'body'],
    ]);
    expect(pairs(draftFromUrl('http://h.test/', { method: 'POST', body: { mode: 'xml', text: '<a/>' } }))).toEqual([
      ['Content-Type', 'application/xml', 'body'],
    ]);
  });

  it('lets a typed row win, matched case-insensitively', () => {
    const d = draftFromUrl('http://h.test/', {
      method: 'PATCH',
      body: json,
      headers: headerRows(['content-TYPE', 'application/merge-patch+json']),
    });
    expect(pairs(d)).toEqual([['content-TYPE', 'application/merge-patch+json', 'user']]);
  });

  it('sends exactly one: later typed rows are left out with a warning', () => {
    const d = draftFromUrl('http://h.test/', {
      method: 'POST',
      body: json,
      headers: headerRows(['Content-Type', 'a/b'], ['Content-Type', 'c/d']),
    });
    const r = resolveRequest(d);
    expect(r.request?.headers.map((h) => h.value)).toEqual(['a/b']);
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        field: 'header',
        rowId: 'h1',
        message: 'Only the first Content-Type row is sent; a request has exactly one Content-Type.',
      },
    ]);
  });

  it('sends none without a body, even when a row sets one', () => {
    const r = resolveRequest(
      draftFromUrl('http://h.test/', { headers: headerRows(['Content-Type', 'application/json']) }),
    );
    expect(r.request?.headers).toEqual([]);
    expect(r.request?.body).toBeNull();
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        field: 'header',
        rowId: 'h0',
        message: 'Content-Type is not sent: this request has no body.',
      },
    ]);
    expect(pairs(draftFromUrl('http://h.test/', { method: 'POST', body: { mode: 'json', text: '' } }))).toEqual([]);
  });

  it("sends an empty text body as 0 octets with the typed Content-Type (curl -d '')", () => {
    const d = draftFromUrl('http://h.test/', {
      method: 'POST',
      body: { mode: 'text', text: '' },
      headers: headerRows(['Content-Type', 'application/x-www-form-urlencoded']),
    });
    const r = resolveRequest(d);
    expect(r.problems).toEqual([]);
    expect(r.request?.body).toEqual(new Uint8Array(0));
    expect(pairs(d)).toEqual([['Content-Type', 'application/x-www-form-urlencoded', 'user']]);
    expect(renderHttpMessage(r.request!).text).toBe(
      'POST / HTTP/1.1\r\nHost: h.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n\r\n',
    );
  });

  it('adds the multipart boundary to a typed multipart Content-Type that lacks it', () => {
    const d = draftFromUrl('http://h.test/', {
      method: 'POST',
      headers: headerRows(['Content-Type', 'multipart/form-data']),
      body: {
        mode: 'multipart',
        parts: [{ id: 'p', name: 'a', enabled: true, kind: 'text', value: '1', contentType: '', file: null }],
      },
    });
    expect(resolveRequest(d, { boundary: 'BB' }).request?.headers.map((h) => h.value)).toEqual([
      'multipart/form-data; boundary=BB',
    ]);
  });

  it('rejects a typed Content-Length that is not the body length in octets', () => {
    const d = draftFromUrl('http://h.test/', {
      method: 'POST',
      body: { mode: 'text', text: 'Zoë' },
      headers: headerRows(['Content-Length', '3']),
    });
    expect(resolveRequest(d).problems).toEqual([
      {
        severity: 'error',
        field: 'header',
        rowId: 'h0',
        message: 'Content-Length says 3 but the body is 4 octets. Remove the row and Parley sets it.',
      },
    ]);
    d.headers[0]!.value = '4';
    expect(resolveRequest(d).problems).toEqual([]);
  });
});

describe('resolveRequest: auth', () => {
  it('Basic auth is UTF-8 (RFC 7617 §2.1)', () => {
    expect(
      pairs(draftFromUrl('http://h.test/', { auth: { type: 'basic', username: 'user', password: 'päss' } })),
    ).toEqual([['Authorization', 'Basic dXNlcjpww6Rzcw==', 'auth']]);
    expect(
      pairs(draftFromUrl('http://h.test/', { auth: { type: 'basic', username: 'user', password: '😀' } })),
    ).toEqual([['Authorization', 'Basic dXNlcjrwn5iA', 'auth']]);
  });

  it('API key in the query goes after the rows, encoded', () => {
    const r = resolveRequest(
      draftFromUrl('http://h.test/a?x=1', { auth: { type: 'apikey', key: 'api_key', value: 's3cr3t €', in: 'query' } }),
    );
    expect(r.request?.url).toBe('http://h.test/a?x=1&api_key=s3cr3t%20%E2%82%AC');
    expect(r.request?.headers).toEqual([]);
  });

  it('API key in a header', () => {
    expect(
      pairs(draftFromUrl('http://h.test/', { auth: { type: 'apikey', key: 'X-API-Key', value: 'k', in: 'header' } })),
    ).toEqual([['X-API-Key', 'k', 'auth']]);
  });

  it('a typed Authorization row wins; never two Authorization fields', () => {
    const d = draftFromUrl('http://h.test/', {
      auth: { type: 'bearer', token: 'tok' },
      headers: headerRows(['authorization', 'Token abc']),
    });
    const r = resolveRequest(d);
    expect(r.request?.headers.map((h) => [h.name, h.value])).toEqual([['authorization', 'Token abc']]);
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        field: 'auth',
        message:
          'Your Authorization header row is sent; the Bearer token from the Auth tab is not (a header row wins).',
      },
    ]);
  });

  it('a disabled Authorization row does not win', () => {
    const d = draftFromUrl('http://h.test/', {
      auth: { type: 'bearer', token: 'tok' },
      headers: headerRows(['Authorization', 'x', false]),
    });
    expect(pairs(d)).toEqual([['Authorization', 'Bearer tok', 'auth']]);
  });

  it('an empty token sends nothing and says so', () => {
    const r = resolveRequest(draftFromUrl('http://h.test/', { auth: { type: 'bearer', token: '' } }));
    expect(r.request?.headers).toEqual([]);
    expect(r.problems).toEqual([
      { severity: 'warning', field: 'auth', message: 'The Bearer token is empty, so no Authorization header is sent.' },
    ]);
  });

  it('a token outside Latin-1 is an error', () => {
    const r = resolveRequest(draftFromUrl('http://h.test/', { auth: { type: 'bearer', token: 'tök€n' } }));
    expect(r.request).toBeNull();
    expect(r.problems[0]?.field).toBe('auth');
    expect(r.problems[0]?.message).toContain('"€" (U+20AC)');
  });
});

describe('resolveRequest: direct (browser) mode', () => {
  const d = draftFromUrl('http://h.test/', {
    headers: headerRows(
      ['Cookie', 'a=1'],
      ['User-Agent', 'x'],
      ['X-Ok', '1'],
      ['Sec-Fetch-Mode', 'cors'],
      ['proxy-authorization', 'p'],
      ['Host', 'other'],
    ),
  });

  it('flags forbidden request headers with row and reason, and leaves them out', () => {
    const r = resolveRequest(d, { transport: 'direct' });
    expect(r.request?.headers.map((h) => h.name)).toEqual(['X-Ok']);
    expect(r.problems.map((p) => [p.severity, p.rowId])).toEqual([
      ['warning', 'h0'],
      ['warning', 'h1'],
      ['warning', 'h3'],
      ['warning', 'h4'],
      ['warning', 'h5'],
    ]);
    expect(r.problems[0]?.message).toBe(
      'Cookie is not sent in direct mode. Browsers do not let pages set Cookie; the browser controls it (Fetch standard, forbidden request-header). Use the proxy to send it.',
    );
    expect(r.problems[1]?.message).toBe(
      'User-Agent is not sent in direct mode. Chromium-based browsers do not let pages set User-Agent; it sends its own. Use the proxy to send this header.',
    );
  });

  it('sends them through the proxy', () => {
    expect(pairs(d, 'proxy')?.map((p) => p[0])).toEqual([
      'Cookie',
      'User-Agent',
      'X-Ok',
      'Sec-Fetch-Mode',
      'proxy-authorization',
      'Host',
    ]);
  });

  it('refuses a GET with a body and forbidden methods, normalizes methods like fetch', () => {
    const get = draftFromUrl('http://h.test/', { body: { mode: 'text', text: 'x' } });
    expect(resolveRequest(get, { transport: 'direct' }).problems.map((p) => p.message)).toEqual([
      'Browsers cannot send a GET request with a body. Use the proxy, or choose body type None.',
    ]);
    expect(utf8(resolveRequest(get).request?.body)).toBe('x');
    expect(
      resolveRequest(draftFromUrl('http://h.test/', { method: 'TRACE' }), { transport: 'direct' }).request,
    ).toBeNull();
    const lower = resolveRequest(draftFromUrl('http://h.test/', { method: 'post' }), { transport: 'direct' });
    expect(lower.request?.method).toBe('POST');
    expect(lower.problems).toEqual([
      { severity: 'warning', field: 'method', message: 'The browser sends the method "post" as "POST".' },
    ]);
  });
});
