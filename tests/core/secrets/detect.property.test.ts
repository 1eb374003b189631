import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stripDraftSecrets } from '../../../src/core/secrets/detect.ts';
import { blankDraft } from '../../../src/core/model/defaults.ts';
import type { RequestDraft } from '../../../src/core/model/draft.ts';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const name = fc.oneof(
  fc.constantFrom('accessToken', 'client_secret', 'X-RapidAPI-Key', 'password', 'page', 'Accept', 'q', 'pageToken'),
  fc.string({ maxLength: 10 }),
);
const value = fc.oneof(
  fc.constantFrom(JWT, 'Bearer abcdefgh12345', 'AKIAIOSFODNN7EXAMPLE', '{{token}}', '', 'plain'),
  fc.string({ maxLength: 20 }),
);
const row = fc.record({ id: fc.constant(''), name, value, enabled: fc.boolean() });
const jsonValue = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    value,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(name, tie('node'), { maxKeys: 3 }),
  ),
})).node;
const draft: fc.Arbitrary<RequestDraft> = fc.record({
  ...Object.fromEntries(Object.entries(blankDraft()).map(([k, v]) => [k, fc.constant(v)])),
  url: fc.constantFrom('https://api.test/x', 'u:pw@api.test', 'https://a:b@h.test/p'),
  query: fc.array(row, { maxLength: 4 }),
  headers: fc.array(row, { maxLength: 4 }),
  fragment: fc.option(fc.constantFrom('access_token=AT&state=1', JWT, 'top'), { nil: null }),
  pathVariables: fc.dictionary(name, value, { maxKeys: 3 }),
  auth: fc.constantFrom({ type: 'none' as const }, { type: 'bearer' as const, token: 'tok' }),
  body: fc.oneof(
    jsonValue.map((v) => ({ mode: 'json' as const, text: JSON.stringify(v, null, 1) })),
    fc.array(row, { maxLength: 4 }).map((fields) => ({ mode: 'form-urlencoded' as const, fields })),
    fc.constantFrom({ mode: 'text' as const, text: `a ${JWT} b AKIAIOSFODNN7EXAMPLE c` }),
  ),
}) as fc.Arbitrary<RequestDraft>;

describe('secret detector properties', () => {
  it('stripping leaves nothing to find, keys are unique, keeping every key changes nothing', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const once = stripDraftSecrets(d, null);
        expect(stripDraftSecrets(once.draft, null).findings).toEqual([]);
        const keys = once.findings.map((f) => f.key);
        expect(new Set(keys).size).toBe(keys.length);
        expect(once.omitted).toHaveLength(keys.length);
        const kept = stripDraftSecrets(d, null, new Set(keys));
        expect(kept.draft).toEqual(d);
        expect(kept.omitted).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a JSON body stays valid JSON with the same keys; only secret values become ""', () => {
    fc.assert(
      fc.property(jsonValue, (v) => {
        const text = JSON.stringify(v, null, 2);
        const out = stripDraftSecrets({ ...blankDraft(), body: { mode: 'json', text } }, null);
        const body = out.draft.body.mode === 'json' ? out.draft.body.text : '';
        // Same arrays, same keys in the same order; a string or number may have become "".
        const shape = (x: unknown): unknown =>
          Array.isArray(x)
            ? x.map(shape)
            : x !== null && typeof x === 'object'
              ? Object.entries(x).map(([k, y]) => [k, shape(y)])
              : typeof x === 'string' || typeof x === 'number'
                ? 'scalar'
                : x;
        expect(shape(JSON.parse(body))).toEqual(shape(v));
        expect(body.includes(JWT)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
