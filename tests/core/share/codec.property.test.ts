import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeShare, encodeShare } from '../../../src/core/share/codec.ts';
import { decodeBase64Url, encodeBase64Url } from '../../../src/core/share/base64url.ts';
import type { RequestDraft } from '../../../src/core/model/draft.ts';

const text = fc.string({ unit: 'binary', maxLength: 40 });
const row = fc.record({ id: fc.constant(''), name: text, value: text, enabled: fc.boolean() });
const body = fc.oneof(
  fc.constant({ mode: 'none' as const }),
  fc.record({
    mode: fc.constantFrom('json' as const, 'text' as const, 'xml' as const),
    text: fc.string({ unit: 'binary', maxLength: 300 }),
  }),
  fc.record({ mode: fc.constant('form-urlencoded' as const), fields: fc.array(row, { maxLength: 4 }) }),
);
const auth = fc.oneof(
  fc.constant({ type: 'none' as const }),
  fc.record({ type: fc.constant('bearer' as const), token: text }),
  fc.record({ type: fc.constant('basic' as const), username: text, password: text }),
  fc.record({
    type: fc.constant('apikey' as const),
    key: text,
    value: text,
    in: fc.constantFrom('header' as const, 'query' as const),
  }),
);
const draft: fc.Arbitrary<RequestDraft> = fc.record({
  v: fc.constant(1 as const),
  method: text,
  url: text,
  query: fc.array(fc.record({ id: fc.constant(''), name: text, value: text, enabled: fc.boolean() }), { maxLength: 4 }),
  fragment: fc.option(text, { nil: null }),
  pathVariables: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), text, { maxKeys: 3 }),
  headers: fc.array(row, { maxLength: 6 }),
  auth,
  body,
  verifyTls: fc.boolean(),
});

/** Row ids are not shared: the receiver gets fresh ones (here all ''). */
const blankIds = () => '';

describe('share codec properties', () => {
  it('with secrets included, every draft comes back exactly (any Unicode, including lone surrogates replaced)', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const back = decodeShare(encodeShare(d, { includeSecrets: true }).fragment, blankIds);
        // JSON keeps every UTF-16 code unit except lone surrogates, which TextEncoder turns into U+FFFD.
        const wellFormed = JSON.parse(
          new TextDecoder().decode(new TextEncoder().encode(JSON.stringify(d))),
        ) as RequestDraft;
        expect(back).toEqual({ ok: true, draft: wellFormed, omitted: [], variables: null });
      }),
      { numRuns: 300 },
    );
  });

  it('without secrets, the result decodes and lists exactly the fields it emptied', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const { fragment, omitted } = encodeShare(d);
        const back = decodeShare(fragment, blankIds);
        expect(back.ok && back.omitted).toEqual(omitted);
        if (back.ok && omitted.every((o) => o.where !== 'auth'))
          expect(back.draft.auth).toEqual(JSON.parse(JSON.stringify(d.auth)));
      }),
      { numRuns: 200 },
    );
  });

  it('any mangled link is refused with a message, never a throw', () => {
    fc.assert(
      fc.property(draft, fc.nat(), fc.string({ maxLength: 3 }), (d, cut, junk) => {
        const f = encodeShare(d).fragment;
        const at = 4 + (cut % (f.length - 4));
        const mangled = f.slice(0, at) + junk + f.slice(at + 1);
        const r = decodeShare(mangled, blankIds);
        if (!r.ok) expect(r.message.length).toBeGreaterThan(20);
      }),
      { numRuns: 300 },
    );
  });

  it('base64url round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect([...decodeBase64Url(encodeBase64Url(bytes))]).toEqual([...bytes]);
      }),
    );
  });
});
