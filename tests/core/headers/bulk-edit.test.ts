import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHeaderLines, parseHeaderLines } from '../../../src/core/headers/bulk-edit.ts';
import { COMMON_REQUEST_HEADERS, headerValueSuggestions } from '../../../src/core/headers/catalog.ts';

let n = 0;
const makeId = () => `n${++n}`;
const row = (id: string, name: string, value: string, enabled = true) => ({ id, name, value, enabled });

describe('header bulk edit', () => {
  it('formats one `Name: value` line per row, disabled rows behind //, blank rows left out', () => {
    const rows = [
      row('a', 'Accept', 'application/json'),
      row('b', 'X-Off', 'x', false),
      row('c', '', ''),
      row('d', 'X-Spaces', '  two leading'),
      row('e', 'X-Empty', ''),
    ];
    expect(formatHeaderLines(rows)).toBe('Accept: application/json\n// X-Off: x\nX-Spaces:   two leading\nX-Empty: ');
  });

  it('parses lines, reusing ids in order; CRLF, no colon, no space after the colon, //without space', () => {
    n = 0;
    const text =
      'Accept: */*\r\n\r\n//X-Off:1\nX-Bare\n  Content-Type :text/plain; charset=utf-8\nX-Url: http://a.test:8080/x';
    expect(parseHeaderLines(text, makeId, ['a', 'b'])).toEqual([
      row('a', 'Accept', '*/*'),
      row('b', 'X-Off', '1', false),
      row('n1', 'X-Bare', ''),
      row('n2', 'Content-Type', 'text/plain; charset=utf-8'),
      row('n3', 'X-Url', 'http://a.test:8080/x'),
    ]);
  });

  it('round-trips names, values and enabled exactly (property)', () => {
    const name = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/).filter((s) => !s.startsWith('//'));
    const value = fc.string({ maxLength: 30 }).filter((s) => !/[\r\n]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.record({ name, value, enabled: fc.boolean() }), { maxLength: 8 }), (specs) => {
        const rows = specs.map((s, i) => ({ id: `r${i}`, ...s }));
        const back = parseHeaderLines(
          formatHeaderLines(rows),
          makeId,
          rows.map((r) => r.id),
        );
        expect(back).toEqual(rows);
      }),
    );
  });
});

describe('header suggestions', () => {
  it('lists common names and values for Content-Type and Accept', () => {
    expect(COMMON_REQUEST_HEADERS).toContain('Content-Type');
    expect(COMMON_REQUEST_HEADERS).toContain('Authorization');
    expect(headerValueSuggestions(' content-TYPE ').slice(0, 2)).toEqual(['application/json', 'application/ld+json']);
    expect(headerValueSuggestions('Accept')).toContain('*/*');
    expect(headerValueSuggestions('X-Unknown')).toEqual([]);
  });
});
