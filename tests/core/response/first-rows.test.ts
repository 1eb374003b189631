import { describe, expect, it } from 'vitest';
import {
  FIRST_ROWS_BYTES,
  FIRST_ROWS_LINE_CHARS,
  FIRST_ROWS_LINES,
  firstRows,
} from '../../../src/core/response/first-rows.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('firstRows', () => {
  it('splits a short body at LF, CRLF and CR and says nothing more follows', () => {
    expect(firstRows(utf8('{\n  "a": 1,\r\n  "b": 2\r}'), 'application/json')).toEqual({
      lines: ['{', '  "a": 1,', '  "b": 2', '}'],
      more: false,
    });
  });

  it(`reads only the first ${FIRST_ROWS_BYTES} bytes and drops a character cut at that limit`, () => {
    // 'ü' is 2 bytes in UTF-8: with one ASCII byte first, the limit falls inside the last 'ü'.
    const body = utf8('x' + 'ü'.repeat(FIRST_ROWS_BYTES));
    const { lines, more } = firstRows(body, 'text/plain; charset=utf-8');
    expect(more).toBe(true);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(('x' + 'ü'.repeat((FIRST_ROWS_BYTES - 2) / 2)).slice(0, FIRST_ROWS_LINE_CHARS));
    expect(lines[0]).not.toContain('\uFFFD');
  });

  it(`keeps at most ${FIRST_ROWS_LINES} lines of at most ${FIRST_ROWS_LINE_CHARS} characters`, () => {
    const many = firstRows(utf8(Array.from({ length: 500 }, (_, i) => `line ${i}`).join('\n')), null);
    expect(many.lines).toHaveLength(FIRST_ROWS_LINES);
    expect(many.lines[FIRST_ROWS_LINES - 1]).toBe(`line ${FIRST_ROWS_LINES - 1}`);
    expect(many.more).toBe(true);
    const long = firstRows(utf8('y'.repeat(FIRST_ROWS_LINE_CHARS + 5)), null);
    expect(long).toEqual({ lines: ['y'.repeat(FIRST_ROWS_LINE_CHARS)], more: true });
  });

  it('decodes with the charset of the full view (Content-Type charset; a UTF-8 BOM wins and is removed)', () => {
    expect(firstRows(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'text/plain; charset=iso-8859-1').lines).toEqual([
      'café',
    ]);
    expect(firstRows(new Uint8Array([0xef, 0xbb, 0xbf, 0x6f, 0x6b]), 'text/plain; charset=iso-8859-1').lines).toEqual([
      'ok',
    ]);
  });
});
