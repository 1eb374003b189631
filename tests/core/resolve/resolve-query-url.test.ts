import { describe, expect, it } from 'vitest';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import { renderHttpMessage } from '../../../src/core/resolve/http-message.ts';
import type { QueryRow } from '../../../src/core/model/draft.ts';
import { draftFromUrl } from './fixtures.ts';
import { ISSUE3_ENCODED_QUERY, ISSUE3_QUERY_PAIRS } from '../url/issue3-query.ts';

function target(url: string): string {
  const r = resolveRequest(draftFromUrl(url));
  expect(r.problems).toEqual([]);
  return (renderHttpMessage(r.request!).text.split('\r\n')[0] as string).replace(/^GET | HTTP\/1\.1$/g, '');
}

describe('resolveRequest: target URI and query (issue 3)', () => {
  it('sends text typed in the URL as typed', () => {
    const r = resolveRequest(draftFromUrl('http://api.example.test/s?term=a+b%5Bx%5D&c=d,e:f'));
    expect(r.request?.url).toBe('http://api.example.test/s?term=a+b%5Bx%5D&c=d,e:f');
    expect(target('http://api.example.test/s?term=a+b%5Bx%5D&c=d,e:f')).toBe('/s?term=a+b%5Bx%5D&c=d,e:f');
  });

  it('encodes only what cannot stand in a query, from table rows', () => {
    const query: QueryRow[] = ISSUE3_QUERY_PAIRS.map((p, i) => ({ id: `r${i}`, ...p, enabled: true }));
    const r = resolveRequest({ ...draftFromUrl('http://api.example.test/s'), query });
    expect(r.request?.url).toBe(`http://api.example.test/s?${ISSUE3_ENCODED_QUERY}`);
  });

  it('never sends the fragment', () => {
    expect(resolveRequest(draftFromUrl('http://h.test/p?a=1#sec?x=2')).request?.url).toBe('http://h.test/p?a=1');
    expect(target('http://h.test/p#only')).toBe('/p');
  });

  it('splits on the first "=" and sends the pair as typed', () => {
    expect(target('http://h.test/v?ver=1.2.3&sig=abc==')).toBe('/v?ver=1.2.3&sig=abc==');
  });

  it('keeps ?flag, empty values and a trailing "&" as typed', () => {
    expect(target('http://h.test/?flag&e=&')).toBe('/?flag&e=&');
    expect(target('http://h.test/?')).toBe('/?');
    expect(target('http://h.test')).toBe('/');
  });

  it('encodes a space or "ü" typed in the URL field', () => {
    expect(target('http://h.test/a b?q=x y&c=Zürich')).toBe('/a%20b?q=x%20y&c=Z%C3%BCrich');
  });

  it('leaves disabled rows out', () => {
    const d = draftFromUrl('http://h.test/?a=1&b=2');
    d.query[0]!.enabled = false;
    expect(resolveRequest(d).request?.url).toBe('http://h.test/?b=2');
    d.query[1]!.enabled = false;
    expect(resolveRequest(d).request?.url).toBe('http://h.test/');
  });

  it('substitutes path variables, encoded as a segment', () => {
    const r = resolveRequest({
      ...draftFromUrl('http://h.test/users/:id/files/:name?x=1'),
      pathVariables: { id: '42', name: 'a b/ü', unused: '{{nope}}' },
    });
    expect(r.problems).toEqual([]);
    expect(r.request?.url).toBe('http://h.test/users/42/files/a%20b%2F%C3%BC?x=1');
  });

  it('reports a path variable without a value', () => {
    const r = resolveRequest(draftFromUrl('http://h.test/users/:id'));
    expect(r.request).toBeNull();
    expect(r.problems).toEqual([
      {
        severity: 'error',
        field: 'url',
        message:
          'The path variable :id has no value. Fill it in, or write the segment percent-encoded (%3Aid) if you mean it literally.',
      },
    ]);
  });

  it('sends host and path as the WHATWG URL parser normalizes them (what fetch sends)', () => {
    expect(resolveRequest(draftFromUrl('  HTTP://Example.TEST:80/a/./b/../c  ')).request?.url).toBe(
      'http://example.test/a/c',
    );
    expect(resolveRequest(draftFromUrl('https://bücher.test:8443/x')).request?.url).toBe(
      'https://xn--bcher-kva.test:8443/x',
    );
  });

  it('explains a URL that cannot be sent', () => {
    const message = (url: string) => resolveRequest(draftFromUrl(url)).problems.map((p) => [p.field, p.message]);
    expect(message('')).toEqual([['url', 'Enter a URL, such as https://api.example.com/users.']]);
    expect(message('example.test/a')).toEqual([
      ['url', 'The URL "example.test/a" has no scheme: start it with http:// or https://.'],
    ]);
    expect(message('ftp://example.test/a')).toEqual([
      ['url', 'Only http and https URLs can be sent; this one uses ftp.'],
    ]);
    expect(message('http://exa mple.test/')).toEqual([
      [
        'url',
        '"http://exa mple.test/" is not a valid URL (WHATWG URL standard). The host name contains a space. Check the host name and port.',
      ],
    ]);
    expect(message('http://h.test:99999/')).toEqual([
      ['url', '"http://h.test:99999/" is not a valid URL (WHATWG URL standard). Check the host name and port.'],
    ]);
    expect(message('http://u:p@h.test/')).toEqual([
      [
        'url',
        'The URL contains a user name or password (user:password@). Browsers refuse such URLs: use Basic auth in the Auth tab instead.',
      ],
    ]);
  });
});
