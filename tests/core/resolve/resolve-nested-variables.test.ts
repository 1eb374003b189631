import { describe, expect, it } from 'vitest';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import { renderHttpMessage } from '../../../src/core/resolve/http-message.ts';
import { makeDynamicValues } from '../../../src/core/variables/dynamic.ts';
import { draftFromUrl, headerRows, utf8 } from './fixtures.ts';

const variableProblems = (r: ReturnType<typeof resolveRequest>) =>
  r.problems.filter((p) => p.field === 'variable').map((p) => p.message);

describe('resolveRequest: nested variables', () => {
  it('baseUrl = http://{{host}}/ resolves', () => {
    const r = resolveRequest(draftFromUrl('{{baseUrl}}echo?x={{q}}'), {
      variables: { baseUrl: 'http://{{host}}/', host: '127.0.0.1:8080', q: '{{inner}}', inner: '1' },
    });
    expect(r.problems).toEqual([]);
    expect(r.request?.url).toBe('http://127.0.0.1:8080/echo?x=1');
  });

  it('a nested name left undefined is an error naming it, its place and the chain, not "has no scheme"', () => {
    const r = resolveRequest(draftFromUrl('{{baseUrl}}echo'), { variables: { baseUrl: 'http://{{host}}/' } });
    expect(r.request).toBeNull();
    expect(r.unresolvedVariables).toEqual(['host']);
    expect(r.problems).toEqual([
      {
        severity: 'error',
        field: 'variable',
        message:
          'The variable {{host}} is not defined (used in URL through {{baseUrl}}). Define it in the active environment.',
      },
    ]);
  });

  it('a cycle is one error naming the cycle and where it is used', () => {
    const r = resolveRequest(draftFromUrl('http://h.test/?a={{a}}', { headers: headerRows(['X-B', '{{b}}']) }), {
      variables: { a: 'x{{b}}', b: 'y{{a}}' },
    });
    expect(r.request).toBeNull();
    expect(variableProblems(r)).toEqual([
      'The variables {{a}} → {{b}} → {{a}} refer to each other in a cycle (used in query). Change one of them in the active environment.',
      'The variables {{b}} → {{a}} → {{b}} refer to each other in a cycle (used in headers). Change one of them in the active environment.',
    ]);
  });

  it('every leftover {{name}} blocks sending, wherever it is: URL, query, headers, auth, body', () => {
    const vars = { open: '{{' };
    const d = draftFromUrl('http://h.test/{{open}}p}}?q={{open}}q}}', {
      method: 'POST',
      headers: headerRows(['X-H', '{{open}}h}}']),
      auth: { type: 'bearer', token: '{{open}}t}}' },
      body: { mode: 'text', text: 'body {{open}}b}}' },
    });
    const r = resolveRequest(d, { variables: vars });
    expect(r.request).toBeNull();
    expect(variableProblems(r)).toEqual([
      'The text {{p}} is still in the request after substitution (in URL) and would be sent literally. Check the variables that build it.',
      'The text {{q}} is still in the request after substitution (in query) and would be sent literally. Check the variables that build it.',
      'The text {{h}} is still in the request after substitution (in headers) and would be sent literally. Check the variables that build it.',
      'The text {{t}} is still in the request after substitution (in auth) and would be sent literally. Check the variables that build it.',
      'The text {{b}} is still in the request after substitution (in body) and would be sent literally. Check the variables that build it.',
    ]);
    expect(r.problems.filter((p) => p.field === 'url')).toEqual([]);
  });

  it('an undefined name in a path variable value blocks the URL with the variable error only', () => {
    const d = draftFromUrl('http://h.test/users/:id', { pathVariables: { id: '{{userId}}' } });
    const r = resolveRequest(d, { variables: { userId: '{{missing}}' } });
    expect(r.problems.map((p) => p.message)).toEqual([
      'The variable {{missing}} is not defined (used in path variables through {{userId}}). Define it in the active environment.',
    ]);
  });
});

describe('resolveRequest: dynamic variables', () => {
  const dynamic = makeDynamicValues(
    1796278702123,
    Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 0, 42]),
  );
  const d = draftFromUrl('http://h.test/{{$guid}}?t={{$timestamp}}', {
    method: 'POST',
    headers: headerRows(['X-Time', '{{$isoTimestamp}}'], ['X-Id', '{{reqId}}']),
    body: { mode: 'json', text: '{"n":{{$randomInt}}}' },
  });

  it('are substituted with the values given for this send, everywhere', () => {
    const r = resolveRequest(d, { dynamic, variables: { reqId: 'r{{$randomInt}}' } });
    expect(r.problems).toEqual([]);
    expect(r.request?.url).toBe('http://h.test/01020304-0506-4708-890a-0b0c0d0e0f10?t=1796278702');
    expect(r.request?.headers.map((h) => [h.name, h.value])).toEqual([
      ['X-Time', '2026-12-03T06:18:22.123Z'],
      ['X-Id', 'r42'],
      ['Content-Type', 'application/json'],
    ]);
    expect(utf8(r.request?.body)).toBe('{"n":42}');
  });

  it('the same values give the same bytes (raw view, snippets and wire agree)', () => {
    const a = resolveRequest(d, { dynamic, variables: { reqId: 'x' } });
    const b = resolveRequest(d, { dynamic, variables: { reqId: 'x' } });
    expect(renderHttpMessage(a.request!).text).toBe(renderHttpMessage(b.request!).text);
  });

  it('dynamicUsed says when a {{$…}} may be used, directly or through a variable', () => {
    expect(resolveRequest(d, { dynamic, variables: { reqId: 'x' } }).dynamicUsed).toBe(true);
    const plain = draftFromUrl('http://h.test/{{id}}');
    expect(resolveRequest(plain, { dynamic, variables: { id: '{{$guid}}' } }).dynamicUsed).toBe(true);
    expect(resolveRequest(plain, { dynamic, variables: { id: '1' } }).dynamicUsed).toBeUndefined();
  });

  it('without values they are undefined, with a hint', () => {
    const r = resolveRequest(draftFromUrl('http://h.test/?t={{$timestamp}}'));
    expect(variableProblems(r)).toEqual([
      "The variable {{$timestamp}} is not defined (used in query). Define it in the active environment. Parley's dynamic variables are {{$guid}}, {{$timestamp}}, {{$isoTimestamp}}, {{$randomInt}}.",
    ]);
  });
});
