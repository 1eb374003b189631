/** QA defects 1 and 4: a typed Content-Type contradicting the body's framing; empty credentials send nothing. */
import { describe, expect, it } from 'vitest';
import type { Auth, Body } from '../../../src/core/model/draft.ts';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import { draftFromUrl, headerRows, utf8 } from './fixtures.ts';

const multipart: Body = {
  mode: 'multipart',
  parts: [{ id: 'p', name: 'a', enabled: true, kind: 'text', value: '1', contentType: '', file: null }],
};
const form: Body = { mode: 'form-urlencoded', fields: [{ id: 'f', name: 'q', value: 'a b', enabled: true }] };
const post = (body: Body, ...rows: [string, string][]) =>
  draftFromUrl('http://h.test/', { method: 'POST', body, headers: headerRows(...rows) });
const headers = (r: ReturnType<typeof resolveRequest>) => r.request?.headers.map((h) => [h.name, h.value]);

describe('resolveRequest: a typed Content-Type that contradicts a multipart or form body', () => {
  it('multipart body with a typed application/json: sent as typed, warning on the row', () => {
    const r = resolveRequest(post(multipart, ['Content-Type', 'application/json']), { boundary: 'B' });
    expect(headers(r)).toEqual([['Content-Type', 'application/json']]);
    expect(utf8(r.request?.body)).toBe('--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--B--\r\n');
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        field: 'header',
        rowId: 'h0',
        message:
          'Your Content-Type row says application/json but the body is multipart/form-data; the server will likely fail to parse it. Remove the row or set it to multipart/form-data.',
      },
    ]);
  });

  it('form body with a typed text/plain: warning on the row', () => {
    const r = resolveRequest(post(form, ['X-A', '1'], ['content-type', 'text/plain']));
    expect(headers(r)).toEqual([
      ['X-A', '1'],
      ['content-type', 'text/plain'],
    ]);
    expect(utf8(r.request?.body)).toBe('q=a+b');
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        field: 'header',
        rowId: 'h1',
        message:
          'Your Content-Type row says text/plain but the body is application/x-www-form-urlencoded; the server will likely fail to parse it. Remove the row or set it to application/x-www-form-urlencoded.',
      },
    ]);
  });

  it('no warning for a matching type (any case, with parameters) or another multipart subtype', () => {
    expect(
      resolveRequest(post(form, ['Content-Type', 'Application/X-WWW-Form-Urlencoded; charset=UTF-8'])).problems,
    ).toEqual([]);
    const r = resolveRequest(post(multipart, ['Content-Type', 'multipart/mixed; boundary=B']), { boundary: 'B' });
    expect(headers(r)).toEqual([['Content-Type', 'multipart/mixed; boundary=B']]);
    expect(r.problems).toEqual([]);
  });

  it('JSON/text bodies accept any typed type (merge-patch, csv): no warning', () => {
    expect(
      resolveRequest(post({ mode: 'json', text: '{}' }, ['Content-Type', 'application/merge-patch+json'])).problems,
    ).toEqual([]);
    expect(resolveRequest(post({ mode: 'text', text: 'a,b' }, ['Content-Type', 'text/csv'])).problems).toEqual([]);
  });

  it('only the Content-Type that is sent is checked (a later duplicate gets the duplicate warning only)', () => {
    const r = resolveRequest(
      post(form, ['Content-Type', 'application/x-www-form-urlencoded'], ['Content-Type', 'application/json']),
    );
    expect(headers(r)).toEqual([['Content-Type', 'application/x-www-form-urlencoded']]);
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        field: 'header',
        rowId: 'h1',
        message: 'Only the first Content-Type row is sent; a request has exactly one Content-Type.',
      },
    ]);
  });
});

describe('resolveRequest: empty credentials send no junk', () => {
  const get = (auth: Auth) => resolveRequest(draftFromUrl('http://h.test/', { auth }));

  it('empty or blank Bearer token: no Authorization field, a warning', () => {
    for (const token of ['', '   ']) {
      const r = get({ type: 'bearer', token });
      expect(r.request).toEqual({ method: 'GET', url: 'http://h.test/', headers: [], body: null });
      expect(r.problems).toEqual([
        {
          severity: 'warning',
          field: 'auth',
          message: 'The Bearer token is empty, so no Authorization header is sent.',
        },
      ]);
    }
  });

  it('a Bearer token that is a variable resolving to empty: same', () => {
    const r = resolveRequest(draftFromUrl('http://h.test/', { auth: { type: 'bearer', token: '{{tok}}' } }), {
      variables: { tok: '' },
    });
    expect(r.request?.headers).toEqual([]);
    expect(r.problems).toEqual([
      { severity: 'warning', field: 'auth', message: 'The Bearer token is empty, so no Authorization header is sent.' },
    ]);
  });

  it('Basic with username AND password empty: nothing sent, a warning; one of them empty is sent', () => {
    const r = get({ type: 'basic', username: '', password: '' });
    expect(r.request?.headers).toEqual([]);
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        field: 'auth',
        message: 'Username and password are empty, so no Authorization header is sent.',
      },
    ]);
    expect(headers(get({ type: 'basic', username: 'user', password: '' }))).toEqual([
      ['Authorization', 'Basic dXNlcjo='],
    ]);
  });

  it('API key without a name: nothing sent (header or query), a warning', () => {
    for (const where of ['header', 'query'] as const) {
      const r = get({ type: 'apikey', key: '', value: 'k1', in: where });
      expect(r.request).toEqual({ method: 'GET', url: 'http://h.test/', headers: [], body: null });
      expect(r.problems).toEqual([
        { severity: 'warning', field: 'auth', message: 'The API key name (Key) is empty, so the key is not sent.' },
      ]);
    }
  });

  it('API key with a name and an empty value: sent, with a warning', () => {
    const h = get({ type: 'apikey', key: 'X-API-Key', value: '', in: 'header' });
    expect(headers(h)).toEqual([['X-API-Key', '']]);
    expect(h.problems).toEqual([
      {
        severity: 'warning',
        field: 'auth',
        message: 'The API key value is empty: X-API-Key is sent as a header with an empty value.',
      },
    ]);
    const q = get({ type: 'apikey', key: 'api_key', value: '', in: 'query' });
    expect(q.request?.url).toBe('http://h.test/?api_key=');
    expect(q.problems).toEqual([
      {
        severity: 'warning',
        field: 'auth',
        message: 'The API key value is empty: api_key is sent in the query with an empty value.',
      },
    ]);
  });
});
