import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDraft } from '../../../src/core/model/draft.ts';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import { renderHttpMessage } from '../../../src/core/resolve/http-message.ts';
import { isToken } from '../../../src/core/resolve/validate.ts';

const text = fc.string({
  unit: fc.constantFrom('a', 'Z', ' ', ':', '/', '?', '#', '&', '=', '%', '{', '}', 'é', '😀', '\r', '\n', '.', '-'),
});
const row = fc.record({ id: fc.string(), name: text, value: text, enabled: fc.boolean() });
const draft = fc.record({
  method: fc.constantFrom('GET', 'POST', 'put', 'PURGE', 'BAD METHOD', 'HEAD', ''),
  url: fc.oneof(
    text,
    text.map((t) => `http://127.0.0.1:8080/${t}`),
    text.map((t) => `{{base}}/${t}`),
  ),
  query: fc.array(
    fc.record({ id: fc.string(), name: text, value: text, enabled: fc.boolean(), noEquals: fc.boolean() }),
    { maxLength: 4 },
  ),
  headers: fc.array(row, { maxLength: 4 }),
  pathVariables: fc.dictionary(fc.constantFrom('id', 'x'), text),
  auth: fc.oneof(
    fc.record({ type: fc.constant('bearer'), token: text }),
    fc.record({ type: fc.constant('basic'), username: text, password: text }),
    fc.record({ type: fc.constant('apikey'), key: text, value: text, in: fc.constantFrom('header', 'query') }),
  ),
  body: fc.oneof(
    fc.record({ mode: fc.constantFrom('json', 'text', 'xml'), text }),
    fc.record({ mode: fc.constant('form-urlencoded'), fields: fc.array(row, { maxLength: 3 }) }),
  ),
});

describe('resolveRequest on arbitrary drafts', () => {
  it('never throws; a request it returns is valid and renders; same input → same bytes', () => {
    fc.assert(
      fc.property(draft, fc.constantFrom('proxy' as const, 'direct' as const), (input, transport) => {
        const d = parseDraft(input);
        const ctx = { variables: { base: 'http://127.0.0.1:8080' }, transport };
        const r = resolveRequest(d, ctx);
        expect(r.request === null).toBe(r.problems.some((p) => p.severity === 'error'));
        if (r.request === null) return;
        expect(isToken(r.request.method)).toBe(true);
        expect(new URL(r.request.url).href).toBe(r.request.url);
        expect(r.request.url).not.toContain('{{');
        for (const h of r.request.headers) {
          expect(isToken(h.name)).toBe(true);
          expect(h.value).toMatch(/^[\t\x20-\x7e\x80-\xff]*$/);
        }
        expect(r.request.headers.filter((h) => h.name.toLowerCase() === 'content-type').length).toBe(
          r.request.body === null ? 0 : 1,
        );
        const raw = renderHttpMessage(r.request, { transport });
        expect(renderHttpMessage(resolveRequest(d, ctx).request!, { transport }).bytes).toEqual(raw.bytes);
      }),
      { numRuns: 500 },
    );
  });
});
