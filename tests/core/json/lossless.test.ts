import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatJson, JsonSyntaxError, minifyJson, validateJson } from '../../../src/core/json/lossless.ts';

function syntaxError(text: string): JsonSyntaxError {
  try {
    formatJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be invalid`);
}

describe('formatJson / minifyJson keep every token as written', () => {
  it('keeps big integers, 1.0, 1e400 and escapes', () => {
    expect(formatJson('{"id":1000000000000003023}')).toBe('{\n  "id": 1000000000000003023\n}');
    expect(minifyJson('{ "id" : 1194137245683023872 ,\n "x": [ 1.0 , 1e400, -0, 2E-7 ] }')).toBe(
      '{"id":1194137245683023872,"x":[1.0,1e400,-0,2E-7]}',
    );
    expect(formatJson('["\\u00e9\\n", "a\\"b", "Zoë 😀"]')).toBe('[\n  "\\u00e9\\n",\n  "a\\"b",\n  "Zoë 😀"\n]');
  });

  it('lays out like JSON.stringify, empty containers inline', () => {
    expect(formatJson('{"a":{},"b":[],"c":[{"d":null,"e":true,"f":false}]}', 4)).toBe(
      '{\n    "a": {},\n    "b": [],\n    "c": [\n        {\n            "d": null,\n            "e": true,\n            "f": false\n        }\n    ]\n}',
    );
    expect(formatJson(' 42 ')).toBe('42');
    expect(formatJson('[1]', '\t')).toBe('[\n\t1\n]');
    expect(formatJson('[1, 2]', 0)).toBe('[1,2]');
  });

  it('agrees with JSON.stringify on any value (number formatting aside, both print the same text)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 10 }), (value, indent) => {
        const compact = JSON.stringify(value);
        expect(formatJson(compact, indent)).toBe(JSON.stringify(value, null, indent));
        expect(minifyJson(JSON.stringify(value, null, indent))).toBe(compact);
      }),
    );
  });

  it('formatJson ∘ minifyJson preserves the token sequence', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(' ', '\n', '\t', '\r\n'), (value, ws) => {
        const spaced = JSON.stringify(value, null, 1).replace(/\n/g, ws + '\n' + ws);
        const min = minifyJson(spaced);
        expect(minifyJson(formatJson(min))).toBe(min);
        expect(formatJson(minifyJson(formatJson(spaced)))).toBe(formatJson(spaced));
      }),
    );
  });

  it('handles deep nesting without recursion', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(minifyJson(deep)).toBe(deep);
  });
});

describe('JsonSyntaxError', () => {
  it.each([
    ['{"a":1,}', "A trailing comma before '}' is not allowed in JSON", 7, 1, 8],
    ['[1,]', "A trailing comma before ']' is not allowed in JSON", 3, 1, 4],
    ['{\n  "a": 1\n  "b": 2\n}', "Expected ',' or '}' after a property value, found \"\"\"", 13, 3, 3],
    ["{'a':1}", 'Strings in JSON use double quotes ("), not single quotes', 1, 1, 2],
    ['{a:1}', 'Expected a property name in double quotes, found "a"', 1, 1, 2],
    ['[1 // x\n]', "Expected ',' or ']' after an array element, found \"/\"", 3, 1, 4],
    ['[01]', 'Numbers cannot have leading zeros', 2, 1, 3],
    ['[1.]', 'Expected a digit after the decimal point, found "]"', 3, 1, 4],
    ['"abc', 'Unterminated string: missing closing quote', 0, 1, 1],
    ['"a\\x"', 'Invalid escape "\\x" in a string', 2, 1, 3],
    ['{"a":', 'Unexpected end of the text: expected a value', 5, 1, 6],
    ['', 'Unexpected end of the text: expected a value', 0, 1, 1],
    ['{} {}', 'Unexpected "{" after the end of the JSON value', 3, 1, 4],
    ['[NaN]', 'Expected a value, found "N"', 1, 1, 2],
    ['"a\nb"', 'A line break inside a string must be escaped (missing closing quote?)', 2, 1, 3],
    ['\uFEFF{}', 'Unexpected byte order mark (U+FEFF) before the JSON', 0, 1, 1],
  ])('%j → %s', (text, reason, offset, line, column) => {
    const e = syntaxError(text);
    expect([e.reason, e.offset, e.line, e.column]).toEqual([reason, offset, line, column]);
    expect(e.message).toBe(`${reason} at line ${line}, column ${column}`);
  });

  it('validateJson returns the error or null and agrees with JSON.parse', () => {
    expect(validateJson('{"a":[1,2,{"b":null}]}')).toBeNull();
    expect(validateJson('{"a":}')?.column).toBe(6);
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', '-', '.', 'e', ' ', 'a', '\\', 'true', 'null'),
        }),
        (text) => {
          let parses = true;
          try {
            JSON.parse(text);
          } catch {
            parses = false;
          }
          expect(validateJson(text) === null).toBe(parses);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
