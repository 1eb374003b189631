/** mergeQueryRows keeps rows typed in the table as typed when the URL field is edited elsewhere (QA defect 3). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { QueryRow } from '../../../src/core/model/draft.ts';
import { encodeQuery, mergeQueryRows, splitTargetUri, urlFieldText } from '../../../src/core/url/query.ts';
import { ISSUE3_ENCODED_QUERY, ISSUE3_QUERY_PAIRS } from './issue3-query.ts';

const ids = () => {
  let n = 0;
  return () => `new${++n}`;
};

/** The rows after the user appends `suffix` to the URL field showing `rows`. */
const afterAppend = (rows: QueryRow[], suffix: string, fragment: string | null = null): QueryRow[] => {
  const text = urlFieldText({ url: 'http://h.test/p', query: rows, fragment });
  const split = splitTargetUri(fragment === null ? text + suffix : text.replace('#', `${suffix}#`));
  return mergeQueryRows(rows, split.query, ids());
};

describe('mergeQueryRows: a row typed in the table stays as typed', () => {
  it('tag=test#abc is shown encoded but the row keeps its text after `&z=1` is typed', () => {
    const rows: QueryRow[] = [{ id: 't', name: 'tag', value: 'test#abc', enabled: true }];
    expect(urlFieldText({ url: 'http://h.test/p', query: rows, fragment: null })).toBe(
      'http://h.test/p?tag=test%23abc',
    );
    expect(afterAppend(rows, '&z=1')).toEqual([
      { id: 't', name: 'tag', value: 'test#abc', enabled: true },
      { id: 'new1', name: 'z', value: '1', enabled: true },
    ]);
  });

  it('keeps `a&b` in a value and `n=m` in a name (not `a%26b`, `n%3Dm`)', () => {
    const rows: QueryRow[] = [
      { id: 'q', name: 'q', value: 'a&b', enabled: true },
      { id: 'n', name: 'n=m', value: 'v', enabled: true },
    ];
    expect(afterAppend(rows, '&z=1')).toEqual([
      { id: 'q', name: 'q', value: 'a&b', enabled: true },
      { id: 'n', name: 'n=m', value: 'v', enabled: true },
      { id: 'new1', name: 'z', value: '1', enabled: true },
    ]);
  });

  it('keeps every issue 3 row as typed, and the bytes sent are unchanged', () => {
    const rows: QueryRow[] = ISSUE3_QUERY_PAIRS.map((p, i) => ({ id: `r${i}`, enabled: true, ...p }));
    const merged = afterAppend(rows, '&z=1');
    expect(merged.slice(0, rows.length)).toEqual(rows);
    expect(encodeQuery(merged)).toBe(`${ISSUE3_ENCODED_QUERY}&z=1`);
  });

  it('takes the URL text when the pair at that position was edited there', () => {
    const rows: QueryRow[] = [{ id: 't', name: 'tag', value: 'test#abc', enabled: true }];
    expect(mergeQueryRows(rows, splitTargetUri('http://h/?tag=test%23abd').query, ids())).toEqual([
      { id: 't', name: 'tag', value: 'test%23abd', enabled: true },
    ]);
  });

  it('keeps a `?flag` row typed without `=`', () => {
    const rows: QueryRow[] = [{ id: 'f', name: 'flag', value: '', enabled: true, noEquals: true }];
    expect(afterAppend(rows, '&z=1')).toEqual([
      { id: 'f', name: 'flag', value: '', enabled: true, noEquals: true },
      { id: 'new1', name: 'z', value: '1', enabled: true },
    ]);
  });

  it('property: appending `&z=1` to the URL field never changes existing rows (enabled or not, any text, with a fragment)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '=', '&', '#', '%', '2', '3', ' ', 'ü', '?', '+') });
    const row = fc.record({
      name: text,
      value: text,
      enabled: fc.boolean(),
      noEquals: fc.option(fc.constant(true as const), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 6 }),
        fc.option(fc.constantFrom('top', ''), { nil: null }),
        (specs, fragment) => {
          const rows: QueryRow[] = specs.map((s, i) => {
            const r: QueryRow = { id: `r${i}`, name: s.name, value: s.value, enabled: s.enabled };
            if (s.noEquals) r.noEquals = true;
            return r;
          });
          // With no enabled row the field has no `?`, so the user types `?z=1`.
          const suffix = rows.some((r) => r.enabled) ? '&z=1' : '?z=1';
          const merged = afterAppend(rows, suffix, fragment);
          expect(merged.slice(0, rows.length)).toEqual(rows);
          expect(merged.slice(rows.length)).toEqual([{ id: 'new1', name: 'z', value: '1', enabled: true }]);
        },
      ),
    );
  });
});
