import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { QueryRow } from '../../../src/core/model/draft.ts';
import {
  encodeQuery,
  encodeQueryComponent,
  mergeQueryRows,
  splitTargetUri,
  urlFieldText,
} from '../../../src/core/url/query.ts';
import { ISSUE3_ENCODED_QUERY, ISSUE3_QUERY_PAIRS } from './issue3-query.ts';

const rows = (pairs: ReturnType<typeof splitTargetUri>['query'], ids = pairs.map((_, i) => `r${i}`)): QueryRow[] =>
  pairs.map((p, i) => ({ id: ids[i] as string, enabled: true, ...p }));

/** Lone surrogates → U+FFFD, as UTF-8 encoding does (String#toWellFormed is ES2024). */
const wellFormed = (s: string) =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

describe('splitTargetUri', () => {
  it('keeps the query text exactly as typed', () => {
    expect(splitTargetUri('http://api.example.test/s?term=a+b%5Bx%5D&c=d,e:f')).toEqual({
      url: 'http://api.example.test/s',
      query: [
        { name: 'term', value: 'a+b%5Bx%5D' },
        { name: 'c', value: 'd,e:f' },
      ],
      fragment: null,
    });
  });

  it('splits each pair on its first "="', () => {
    expect(splitTargetUri('http://h/?ver=1.2.3&sig=abc==').query).toEqual([
      { name: 'ver', value: '1.2.3' },
      { name: 'sig', value: 'abc==' },
    ]);
  });

  it('tells "?flag" from "?flag="', () => {
    expect(splitTargetUri('http://h/?flag&empty=').query).toEqual([
      { name: 'flag', value: '', noEquals: true },
      { name: 'empty', value: '' },
    ]);
  });

  it('takes the fragment from the first "#", with "?" after it belonging to the fragment', () => {
    expect(splitTargetUri('http://h/p?a=1#sec?x=2#y')).toEqual({
      url: 'http://h/p',
      query: [{ name: 'a', value: '1' }],
      fragment: 'sec?x=2#y',
    });
    expect(splitTargetUri('http://h/p#a?b=1')).toEqual({ url: 'http://h/p', query: [], fragment: 'a?b=1' });
    expect(splitTargetUri('http://h/p#')).toEqual({ url: 'http://h/p', query: [], fragment: '' });
  });

  it('keeps empty pairs so a trailing "&" or lone "?" survives', () => {
    expect(splitTargetUri('http://h/?').query).toEqual([{ name: '', value: '', noEquals: true }]);
    expect(splitTargetUri('http://h/?a=1&').query).toEqual([
      { name: 'a', value: '1' },
      { name: '', value: '', noEquals: true },
    ]);
  });
});

describe('urlFieldText', () => {
  it('shows base, enabled rows as they stand, and the fragment', () => {
    const query: QueryRow[] = [
      { id: '1', name: 'a', value: 'x y', enabled: true },
      { id: '2', name: 'off', value: '1', enabled: false },
      { id: '3', name: 'flag', value: '', enabled: true, noEquals: true },
      { id: '4', name: 'z', value: '', enabled: true },
    ];
    expect(urlFieldText({ url: 'http://h/p', query, fragment: 'top' })).toBe('http://h/p?a=x y&flag&z=#top');
  });

  it('shows no "?" when no row is enabled', () => {
    expect(
      urlFieldText({ url: 'http://h/p', query: [{ id: '1', name: 'a', value: '1', enabled: false }], fragment: null }),
    ).toBe('http://h/p');
  });

  it('shows delimiters typed in the table escaped, so the URL field re-reads to the same bytes', () => {
    const query: QueryRow[] = [
      { id: '1', name: 'tag', value: 'test#abc', enabled: true },
      { id: '2', name: 'q', value: 'a&b=c', enabled: true },
      { id: '3', name: 'a=b', value: '', enabled: true, noEquals: true },
    ];
    expect(urlFieldText({ url: 'http://h/', query, fragment: null })).toBe('http://h/?tag=test%23abc&q=a%26b=c&a%3Db');
  });

  it('re-reading the URL field sends the same query as the rows it shows', () => {
    const row = fc.record({
      name: fc.string({ unit: 'binary' }),
      value: fc.string({ unit: 'binary' }),
      noEquals: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row), (typed) => {
        const query = typed.map((p, i) => ({ id: String(i), enabled: true, ...p }));
        const split = splitTargetUri(urlFieldText({ url: 'http://h/p', query, fragment: null }));
        expect(split.url).toBe('http://h/p');
        expect(encodeQuery(split.query)).toBe(encodeQuery(typed));
      }),
    );
  });

  it('is the inverse of splitTargetUri for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '=', '&', '?', '#', '%', ' ', 'é', '/') }), (tail) => {
        const text = `http://h/p${tail}`;
        const split = splitTargetUri(text);
        expect(urlFieldText({ url: split.url, query: rows(split.query), fragment: split.fragment })).toBe(text);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const split = splitTargetUri(text);
        expect(urlFieldText({ url: split.url, query: rows(split.query), fragment: split.fragment })).toBe(text);
      }),
    );
  });
});

describe('mergeQueryRows', () => {
  const previous: QueryRow[] = [
    { id: 'a', name: 'a', value: '1', enabled: true },
    { id: 'off', name: 'secret', value: 's', enabled: false },
    { id: 'b', name: 'b', value: '2', enabled: true },
  ];
  let n = 0;
  const newId = () => `new${++n}`;

  it('replaces enabled rows in order, re-using their ids; disabled rows keep place and id', () => {
    n = 0;
    const typed = splitTargetUri('http://h/?a=10&b=20&c=30').query;
    expect(mergeQueryRows(previous, typed, newId)).toEqual([
      { id: 'a', name: 'a', value: '10', enabled: true },
      { id: 'off', name: 'secret', value: 's', enabled: false },
      { id: 'b', name: 'b', value: '20', enabled: true },
      { id: 'new1', name: 'c', value: '30', enabled: true },
    ]);
  });

  it('drops enabled rows no longer typed but never a disabled one', () => {
    n = 0;
    expect(mergeQueryRows(previous, splitTargetUri('http://h/?x').query, newId)).toEqual([
      { id: 'a', name: 'x', value: '', enabled: true, noEquals: true },
      { id: 'off', name: 'secret', value: 's', enabled: false },
    ]);
    expect(mergeQueryRows(previous, [], newId)).toEqual([{ id: 'off', name: 'secret', value: 's', enabled: false }]);
  });

  it('keeps the URL text identical after merging (typed text is the enabled rows)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '=', '&', '%') }), (q) => {
        const text = `http://h/?${q}`;
        const split = splitTargetUri(text);
        const merged = mergeQueryRows(previous, split.query, () => 'n');
        expect(urlFieldText({ url: split.url, query: merged, fragment: null })).toBe(text);
        expect(merged.filter((r) => !r.enabled)).toEqual([previous[1]]);
      }),
    );
  });
});

describe('encodeQueryComponent', () => {
  it('encodes the issue 3 rows exactly', () => {
    expect(encodeQuery([...ISSUE3_QUERY_PAIRS])).toBe(ISSUE3_ENCODED_QUERY);
  });

  it('leaves what can stand in a query as typed', () => {
    expect(encodeQueryComponent('a+b%5Bx%5D', 'value')).toBe('a+b%5Bx%5D');
    expect(encodeQueryComponent('+,:[]$()*;/?@!=-._~', 'value')).toBe('+,:[]$()*;/?@!=-._~');
    expect(encodeQueryComponent('abc==', 'value')).toBe('abc==');
  });

  it('encodes "=" in a name only', () => {
    expect(encodeQueryComponent('a=b', 'name')).toBe('a%3Db');
    expect(encodeQueryComponent('a=b', 'value')).toBe('a=b');
  });

  it('encodes what cannot stand in a query (RFC 3986); keeps every sub-delim, as curl (issue 10)', () => {
    expect(encodeQueryComponent('"\'<>\\^`{|}', 'value')).toBe("%22'%3C%3E%5C%5E%60%7B%7C%7D");
    expect(encodeQueryComponent("!$'()*+,;=", 'value')).toBe("!$'()*+,;=");
    expect(encodeQueryComponent("!$'()*+,;=&", 'name')).toBe("!$'()*+,;%3D%26");
    expect(encodeQueryComponent('\t\n\r\u0000\u007f', 'value')).toBe('%09%0A%0D%00%7F');
    expect(encodeQueryComponent('😀€', 'value')).toBe('%F0%9F%98%80%E2%82%AC');
    expect(encodeQueryComponent('\ud800x', 'value')).toBe('%EF%BF%BDx');
  });

  it('never re-encodes an escape; a lone "%" becomes %25; lower-case escapes are kept', () => {
    expect(encodeQueryComponent('%41%e9%zz%4%', 'value')).toBe('%41%e9%25zz%254%25');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('name' as const, 'value' as const), (s, part) => {
        const once = encodeQueryComponent(s, part);
        expect(encodeQueryComponent(once, part)).toBe(once);
      }),
    );
  });

  it("direct: like the browser, ' is %27 and nothing else differs from proxy", () => {
    expect(encodeQueryComponent("it's", 'value', 'direct')).toBe('it%27s');
    expect(encodeQueryComponent("it's", 'name', 'direct')).toBe('it%27s');
    expect(encodeQuery([{ name: "o'k", value: "a'b c" }], 'direct')).toBe('o%27k=a%27b%20c');
    expect(encodeQuery([{ name: "o'k", value: "a'b c" }])).toBe("o'k=a'b%20c");
  });

  it("proxy: the WHATWG parser changes nothing but ' (so a valid request-target goes as typed)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }))), (pairs) => {
        const query = encodeQuery(pairs.map(([name, value]) => ({ name: name + "'", value: "'" + value })));
        expect(/^[\x21-\x7e]*$/.test(query)).toBe(true);
        const url = `http://h/?${query}`;
        expect(new URL(url).href).toBe(url.replace(/'/g, '%27'));
      }),
    );
  });

  it('direct: gives a query the WHATWG URL parser leaves unchanged (fetch sends the same bytes)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }))), (pairs) => {
        const query = encodeQuery(
          pairs.map(([name, value]) => ({ name: name + "'", value })),
          'direct',
        );
        const url = `http://h/?${query}`;
        expect(new URL(url).href).toBe(url);
      }),
    );
  });

  it('keeps the pair structure: decoding gives back the typed text of every pair', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { minLength: 1 }), (pairs) => {
        const typed = pairs.map(([name, value]) => ({
          name: name.replace(/%/g, 'p'),
          value: value.replace(/%/g, 'p'),
        }));
        const query = encodeQuery(typed);
        const back = query.split('&').map((p) => {
          const eq = p.indexOf('=');
          return { name: decodeURIComponent(p.slice(0, eq)), value: decodeURIComponent(p.slice(eq + 1)) };
        });
        expect(back).toEqual(typed.map((t) => ({ name: wellFormed(t.name), value: wellFormed(t.value) })));
      }),
    );
  });
});
