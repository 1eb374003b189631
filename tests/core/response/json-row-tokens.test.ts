import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonRowTokens } from '../../../src/core/response/json-row-tokens.ts';

describe('jsonRowTokens', () => {
  it('classifies keys, strings, numbers, literals and punctuation', () => {
    expect(jsonRowTokens('  "id": 1000000000000003023,')).toEqual([
      { kind: 'text', text: '  ' },
      { kind: 'key', text: '"id"' },
      { kind: 'punct', text: ':' },
      { kind: 'text', text: ' ' },
      { kind: 'number', text: '1000000000000003023' },
      { kind: 'punct', text: ',' },
    ]);
    expect(jsonRowTokens('["a\\"b", -1.5e3, true, null]').map((t) => t.kind)).toEqual([
      'punct',
      'string',
      'punct',
      'text',
      'number',
      'punct',
      'text',
      'literal',
      'punct',
      'text',
      'literal',
      'punct',
    ]);
  });
  it('gives the row back exactly, whatever it holds (property)', () => {
    fc.assert(
      fc.property(fc.string(), (row) => {
        expect(
          jsonRowTokens(row)
            .map((t) => t.text)
            .join(''),
        ).toBe(row);
      }),
    );
    fc.assert(
      fc.property(fc.json(), (json) => {
        expect(
          jsonRowTokens(json)
            .map((t) => t.text)
            .join(''),
        ).toBe(json);
      }),
    );
  });
});
