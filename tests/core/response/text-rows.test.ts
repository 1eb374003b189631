import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildRowIndex, rowOfOffset, searchRows } from '../../../src/core/response/text-rows.ts';

const rows = (text: string, max?: number) => {
  const idx = buildRowIndex(text, max);
  return Array.from({ length: idx.count }, (_, i) => [idx.line[i], text.slice(idx.start[i], idx.end[i])]);
};

describe('buildRowIndex', () => {
  it('splits on LF, CRLF and CR', () => {
    expect(rows('a\nbb\r\nc\rd')).toEqual([
      [0, 'a'],
      [1, 'bb'],
      [2, 'c'],
      [3, 'd'],
    ]);
    expect(rows('')).toEqual([[0, '']]);
    expect(rows('x\n')).toEqual([
      [0, 'x'],
      [1, ''],
    ]);
    expect(buildRowIndex('a\nb').lineCount).toBe(2);
  });
  it('wraps long lines into continuation rows without losing characters', () => {
    expect(rows('abcdefg\nhi', 3)).toEqual([
      [0, 'abc'],
      [0, 'def'],
      [0, 'g'],
      [1, 'hi'],
    ]);
    expect(() => buildRowIndex('x', 0)).toThrow(RangeError);
  });
  it('rows cover the text exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', 'é') }),
        fc.integer({ min: 1, max: 5 }),
        (text, max) => {
          const idx = buildRowIndex(text, max);
          const joined = Array.from({ length: idx.count }, (_, i) => text.slice(idx.start[i], idx.end[i])).join('');
          expect(joined).toBe(text.replace(/\r\n|\r|\n/g, ''));
          for (let i = 0; i < idx.count; i++) expect(idx.end[i]! - idx.start[i]!).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});

describe('searchRows', () => {
  const text = 'alpha\nBeta beta\ngamma\nbeta';
  const idx = buildRowIndex(text);
  it('returns one row per match', () => {
    expect(Array.from(searchRows(text, 'beta', idx, true, 100).rows)).toEqual([1, 3]);
    expect(Array.from(searchRows(text.toLowerCase(), 'BETA', idx, false, 100).rows)).toEqual([1, 1, 3]);
    expect(searchRows(text, '', idx, true, 100).total).toBe(0);
  });
  it('caps at the limit and says so', () => {
    const r = searchRows(text.toLowerCase(), 'beta', idx, false, 2);
    expect([Array.from(r.rows), r.total, r.capped]).toEqual([[1, 1], 2, true]);
  });
  it('rowOfOffset finds the row holding an offset', () => {
    expect(rowOfOffset(idx, 0)).toBe(0);
    expect(rowOfOffset(idx, 6)).toBe(1);
    expect(rowOfOffset(idx, text.length - 1)).toBe(3);
  });
});
