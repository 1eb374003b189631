/** Every problem of a row is reported at once (QA: fixing the name must not reveal a value error). */
import { describe, expect, it } from 'vitest';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import { draftFromUrl, headerRows } from './fixtures.ts';

const NAME_SPACE = (name: string) =>
  `The header name "${name}" contains space (U+0020); a header name is letters, digits and !#$%&'*+-.^_\`|~ only (RFC 9110 §5.1).`;
const VALUE_EMOJI = (name: string) =>
  `The value of header "${name}" contains "😀" (U+1F600), which is outside Latin-1: header fields can only carry Latin-1 characters. Percent-encode it or use a Latin-1 character.`;

describe('resolveRequest: all problems of a header row', () => {
  it('a row with a bad name AND a bad value gets both errors, name first, same rowId', () => {
    const r = resolveRequest(
      draftFromUrl('http://h.test/', { headers: headerRows(['X-Ok', '1'], ['Bad Name', 'x😀']) }),
    );
    expect(r.request).toBeNull();
    expect(r.problems).toEqual([
      { severity: 'error', field: 'header', rowId: 'h1', message: NAME_SPACE('Bad Name') },
      { severity: 'error', field: 'header', rowId: 'h1', message: VALUE_EMOJI('Bad Name') },
    ]);
  });

  it('two bad rows each report all of their own problems, in row order', () => {
    const r = resolveRequest(
      draftFromUrl('http://h.test/', { headers: headerRows(['A B', 'x😀'], ['C D', 'a\r\nb']) }),
    );
    expect(r.problems.map((p) => [p.rowId, p.message])).toEqual([
      ['h0', NAME_SPACE('A B')],
      ['h0', VALUE_EMOJI('A B')],
      ['h1', NAME_SPACE('C D')],
      [
        'h1',
        'The value of header "C D" contains carriage return (U+000D) and line feed (U+000A), which header fields cannot carry (it would split or corrupt the message).',
      ],
    ]);
  });

  it('a bad name alone or a bad value alone is one error', () => {
    expect(resolveRequest(draftFromUrl('http://h.test/', { headers: headerRows(['Bad Name', 'x']) })).problems).toEqual(
      [{ severity: 'error', field: 'header', rowId: 'h0', message: NAME_SPACE('Bad Name') }],
    );
    expect(resolveRequest(draftFromUrl('http://h.test/', { headers: headerRows(['X-Mood', 'x😀']) })).problems).toEqual(
      [{ severity: 'error', field: 'header', rowId: 'h0', message: VALUE_EMOJI('X-Mood') }],
    );
  });

  it('direct mode: a forbidden header with a bad value gets the value error AND the not-sent warning', () => {
    const r = resolveRequest(draftFromUrl('http://h.test/', { headers: headerRows(['Cookie', 'x😀']) }), {
      transport: 'direct',
    });
    expect(r.problems).toEqual([
      { severity: 'error', field: 'header', rowId: 'h0', message: VALUE_EMOJI('Cookie') },
      {
        severity: 'warning',
        field: 'header',
        rowId: 'h0',
        message:
          'Cookie is not sent in direct mode. Browsers do not let pages set Cookie; the browser controls it (Fetch standard, forbidden request-header). Use the proxy to send it.',
      },
    ]);
  });

  it('the proxy sends a forbidden header with a valid value, and reports nothing', () => {
    const r = resolveRequest(draftFromUrl('http://h.test/', { headers: headerRows(['Cookie', 'a=1']) }));
    expect(r.problems).toEqual([]);
    expect(r.request?.headers).toEqual([{ name: 'Cookie', value: 'a=1', source: 'user', rowId: 'h0' }]);
  });
});

describe('resolveRequest: all problems of the API key fields', () => {
  it('an API key name with a space AND a value outside Latin-1 gets both errors', () => {
    const r = resolveRequest(
      draftFromUrl('http://h.test/', { auth: { type: 'apikey', key: 'Bad Name', value: 'x😀', in: 'header' } }),
    );
    expect(r.request).toBeNull();
    expect(r.problems).toEqual([
      { severity: 'error', field: 'auth', message: NAME_SPACE('Bad Name') },
      { severity: 'error', field: 'auth', message: VALUE_EMOJI('Bad Name') },
    ]);
  });

  it('an API key in the query is percent-encoded, so the same text is no problem there', () => {
    const r = resolveRequest(
      draftFromUrl('http://h.test/', { auth: { type: 'apikey', key: 'Bad Name', value: 'x😀', in: 'query' } }),
    );
    expect(r.problems).toEqual([]);
    expect(r.request?.url).toBe('http://h.test/?Bad%20Name=x%F0%9F%98%80');
  });
});

describe('resolveRequest: ports the browser blocks (Fetch §2.9)', () => {
  it('direct mode to port 1 is an error on the URL, and nothing is sent', () => {
    const r = resolveRequest(draftFromUrl('http://127.0.0.1:1/x'), { transport: 'direct' });
    expect(r.request).toBeNull();
    expect(r.problems).toEqual([
      {
        severity: 'error',
        field: 'url',
        message:
          "Browsers refuse to connect to port 1 (the Fetch standard's blocked ports). Send it through Parley's proxy instead.",
      },
    ]);
  });

  it('the port is the one of the resolved URL: after variables, and in https too', () => {
    const r = resolveRequest(draftFromUrl('https://{{host}}/'), {
      transport: 'direct',
      variables: { host: '127.0.0.1:6697' },
    });
    expect(r.problems.map((p) => p.message)).toEqual([
      "Browsers refuse to connect to port 6697 (the Fetch standard's blocked ports). Send it through Parley's proxy instead.",
    ]);
  });

  it('the proxy may use port 1', () => {
    const r = resolveRequest(draftFromUrl('http://127.0.0.1:1/x'));
    expect(r.problems).toEqual([]);
    expect(r.request?.url).toBe('http://127.0.0.1:1/x');
  });

  it('a port just outside the list is no problem in direct mode', () => {
    for (const url of ['http://127.0.0.1:8080/x', 'http://127.0.0.1:2/x', 'http://127.0.0.1:6670/x']) {
      const r = resolveRequest(draftFromUrl(url), { transport: 'direct' });
      expect(r.problems).toEqual([]);
      expect(r.request?.url).toBe(url);
    }
  });
});

describe('every offending character of one field is named', () => {
  const messages = (headers: [string, string][], method = 'GET') =>
    resolveRequest(draftFromUrl('http://h.test/', { method, headers: headerRows(...headers) })).problems.map(
      (p) => p.message,
    );

  it('a name with a space and an emoji names both, in order', () => {
    expect(messages([['Bad Name😀', 'x']])).toEqual([
      'The header name "Bad Name😀" contains space (U+0020) and "😀" (U+1F600); a header name is letters, digits and !#$%&\'*+-.^_`|~ only (RFC 9110 §5.1).',
    ]);
  });

  it('a value with a line break AND characters outside Latin-1 gets one sentence per kind, controls first', () => {
    expect(messages([['X-Note', '€ 5\n😀 €']])).toEqual([
      'The value of header "X-Note" contains line feed (U+000A), which header fields cannot carry (it would split or corrupt the message).',
      'The value of header "X-Note" contains "€" (U+20AC) and "😀" (U+1F600), which are outside Latin-1: header fields can only carry Latin-1 characters. Percent-encode it or use a Latin-1 character.',
    ]);
  });

  it('more than three distinct characters: three named, then how many more; repeats counted once', () => {
    expect(messages([['X-Lang', '中文中文字体汉']])).toEqual([
      'The value of header "X-Lang" contains "中" (U+4E2D), "文" (U+6587), "字" (U+5B57) and 2 more, which are outside Latin-1: header fields can only carry Latin-1 characters. Percent-encode it or use a Latin-1 character.',
    ]);
  });

  it('a method with two kinds of bad characters names both', () => {
    expect(messages([], 'GET /x')).toEqual([
      'The method "GET /x" contains space (U+0020) and "/" (U+002F); a method is a single word of letters, digits and !#$%&\'*+-.^_`|~ (RFC 9110 §9.1).',
    ]);
  });

  it('Latin-1 letters, tabs and spaces inside a value are fine', () => {
    expect(messages([['X-Name', 'Zoë\tMüller']])).toEqual([]);
  });
});
