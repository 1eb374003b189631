import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatJson } from '../../../src/core/json/lossless.ts';
import { formatJsonBytes, JsonBytesInvalid } from '../../../src/core/json/stream-format.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const fmt = (s: string, indent?: number) => new TextDecoder().decode(formatJsonBytes(enc(s), indent));
const reference = (s: string, indent?: number) => formatJson(new TextDecoder().decode(enc(s)), indent);
const accepted = (s: string) => {
  try {
    reference(s);
    return true;
  } catch {
    return false;
  }
};
const acceptedBytes = (s: string) => {
  try {
    fmt(s);
    return true;
  } catch (e) {
    expect(e).toBeInstanceOf(JsonBytesInvalid);
    return false;
  }
};

describe('formatJsonBytes', () => {
  it('keeps every digit and spelling of numbers and escapes', () => {
    expect(fmt('{"id":1000000000000003023,"x":1.0,"e":1E400,"s":"\\u00e9\\n","z":-0}')).toBe(
      '{\n  "id": 1000000000000003023,\n  "x": 1.0,\n  "e": 1E400,\n  "s": "\\u00e9\\n",\n  "z": -0\n}',
    );
    expect(fmt(' [ {} , [ ] , [1 , {"a" : [ ]}] ] ', 4)).toBe(
      '[\n    {},\n    [],\n    [\n        1,\n        {\n            "a": []\n        }\n    ]\n]',
    );
    expect(fmt('\uFEFF"Zoë 😀"')).toBe('"Zoë 😀"');
  });
  it('equals formatJson on any JSON value, whatever the whitespace (property)', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'medium' }), fc.constantFrom(1, 2, 4), (json, indent) => {
        expect(fmt(json, indent)).toBe(reference(json, indent));
        const spaced = JSON.stringify(JSON.parse(json), null, '\t');
        expect(fmt(spaced, indent)).toBe(reference(spaced, indent));
      }),
      { numRuns: 300 },
    );
  });
  it('accepts exactly what formatJson accepts (property over near-JSON strings)', () => {
    const near = fc.stringMatching(/^[[\]{}",:0-9.eE+\-tfrunlsa\\ \n]{0,12}$/);
    fc.assert(
      fc.property(near, (s) => {
        expect(acceptedBytes(s)).toBe(accepted(s));
      }),
      { numRuns: 2000 },
    );
    for (const bad of [
      '',
      '01',
      '1.',
      '-',
      '[1,]',
      '{"a":1,}',
      '{"a"}',
      '"\\x"',
      '"\\u12G4"',
      '"a\u0001"',
      'tru',
      '[1] 2',
      '{1:2}',
    ]) {
      expect([bad, acceptedBytes(bad)]).toEqual([bad, false]);
      expect(accepted(bad)).toBe(false);
    }
  });
});
