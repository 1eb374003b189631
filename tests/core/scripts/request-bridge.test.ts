import { expect, test } from 'vitest';
import { applyScriptRequest, scriptRequestFromDraft } from '../../../src/core/scripts/request-bridge.ts';
import { blankDraft } from '../../../src/core/model/defaults.ts';
import type { RequestDraft } from '../../../src/core/model/draft.ts';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import { renderHttpMessage } from '../../../src/core/resolve/http-message.ts';

const draft: RequestDraft = {
  ...blankDraft(),
  method: 'POST',
  url: '{{base}}/items',
  query: [
    { id: 'q1', name: 'a', value: '1', enabled: true },
    { id: 'q2', name: 'off', value: 'x', enabled: false },
  ],
  fragment: 'top',
  headers: [
    { id: 'h1', name: 'Accept', value: 'application/json', enabled: true },
    { id: 'h2', name: 'X-Off', value: '1', enabled: false },
  ],
  body: { mode: 'json', text: '{"n":1}' },
};

test('the script sees the draft as typed (variables kept, disabled rows marked, no fragment)', () => {
  expect(scriptRequestFromDraft(draft)).toEqual({
    url: '{{base}}/items?a=1',
    method: 'POST',
    headers: [
      { key: 'Accept', value: 'application/json' },
      { key: 'X-Off', value: '1', disabled: true },
    ],
    body: { mode: 'raw', raw: '{"n":1}' },
  });
});

test('changes come back into the draft, so the raw view shows what is sent', () => {
  const before = scriptRequestFromDraft(draft);
  const after = {
    ...before,
    url: '{{base}}/items?a=2&b=3',
    method: 'PUT',
    headers: [...before.headers, { key: 'X-Sig', value: 's' }],
    body: { mode: 'raw' as const, raw: '{"n":2}' },
  };
  let id = 0;
  const next = applyScriptRequest(draft, before, after, () => `new${++id}`);
  expect(next.query).toEqual([
    { id: 'q1', name: 'a', value: '2', enabled: true },
    { id: 'q2', name: 'off', value: 'x', enabled: false },
    { id: 'new1', name: 'b', value: '3', enabled: true },
  ]);
  expect(next.headers).toEqual([
    { id: 'h1', name: 'Accept', value: 'application/json', enabled: true },
    { id: 'h2', name: 'X-Off', value: '1', enabled: false },
    { id: 'new2', name: 'X-Sig', value: 's', enabled: true },
  ]);
  expect(next.fragment).toBe('top');
  const resolved = resolveRequest(next, { variables: { base: 'http://api.test' } });
  expect(renderHttpMessage(resolved.request!).text).toBe(
    'PUT /items?a=2&b=3 HTTP/1.1\r\nHost: api.test\r\nAccept: application/json\r\nX-Sig: s\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{"n":2}',
  );
});

test('an untouched request leaves the draft as it was (same object)', () => {
  const before = scriptRequestFromDraft(draft);
  expect(applyScriptRequest(draft, before, structuredClone(before), () => 'x')).toBe(draft);
});
