import { describe, expect, test } from 'vitest';
import { evaluateAssertions } from '../../../src/core/assertions/evaluate.ts';
import { queryJsonPath } from '../../../src/core/assertions/json-path.ts';
import type { Assertion } from '../../../src/core/assertions/schema.ts';
import type { ScriptResponse } from '../../../src/core/scripts/types.ts';

const response: ScriptResponse = {
  code: 201,
  status: 'Created',
  headers: [
    ['Content-Type', 'application/json; charset=utf-8'],
    ['Set-Cookie', 'a=1'],
    ['set-cookie', 'b=2'],
  ],
  responseTime: 120,
  responseSize: 0,
  body: '{"access_token":"tok","data":{"items":[{"id":1,"tags":["x"]},{"id":2,"tags":[]}]},"count":2,"ok":true}',
};
let n = 0;
const row = (kind: Assertion['kind'], target: string, op: Assertion['op'], expected: string): Assertion => ({
  id: `a${++n}`,
  enabled: true,
  kind,
  target,
  op,
  expected,
});

describe('queryJsonPath', () => {
  const doc = JSON.parse(response.body) as unknown;
  test.each([
    ['$.access_token', ['tok']],
    ["$['data'].items[0].id", [1]],
    ['$.data.items[-1].id', [2]],
    ['$.data.items[*].id', [1, 2]],
    ['$..id', [1, 2]],
    ['$.data.items.*.tags', [['x'], []]],
    ['$.missing', []],
    ['$', [doc]],
  ])('%s', (path, values) => {
    expect(queryJsonPath(doc, path)).toEqual({ ok: true, values });
  });
  test('unsupported selectors are reported, not guessed', () => {
    expect(queryJsonPath(doc, '$.data.items[?(@.id>1)]')).toEqual({
      ok: false,
      message:
        'Unsupported JSONPath selector [?(@.id>1)] in "$.data.items[?(@.id>1)]" (filters and slices are not supported).',
    });
    expect(queryJsonPath(doc, 'data.id')).toEqual({
      ok: false,
      message: 'A JSONPath starts with $ (e.g. $.data.id), got "data.id".',
    });
  });
});

describe('evaluateAssertions', () => {
  test('passes and failures carry names, errors and actual values', () => {
    const rows = [
      row('status', '', 'equals', '201'),
      row('status', '', 'equals', '200'),
      row('header', 'content-type', 'contains', 'application/json'),
      row('header', 'Set-Cookie', 'equals', 'a=1, b=2'),
      row('header', 'X-Missing', 'exists', ''),
      row('jsonpath', '$.count', 'equals', '2'),
      row('jsonpath', '$.data.items[0]', 'equals', '{"id":1,"tags":["x"]}'),
      row('jsonpath', '$.access_token', 'matches', '^t.k$'),
      row('jsonpath', '$.ok', 'equals', 'false'),
      row('jsonpath', '$.nope', 'exists', ''),
      row('responseTime', '', 'below', '100'),
      row('setVariable', '$.access_token', 'equals', 'token'),
    ];
    const { results, variables } = evaluateAssertions(rows, response);
    expect(results.map(({ assertionId: _, ...r }) => r)).toEqual([
      { name: 'status equals 201', status: 'passed', actual: '201' },
      { name: 'status equals 200', status: 'failed', error: 'expected status 200, got 201', actual: '201' },
      {
        name: 'header content-type contains application/json',
        status: 'passed',
        actual: 'application/json; charset=utf-8',
      },
      { name: 'header Set-Cookie equals a=1, b=2', status: 'passed', actual: 'a=1, b=2' },
      { name: 'header X-Missing exists', status: 'failed', error: 'no header field X-Missing' },
      { name: '$.count equals 2', status: 'passed', actual: '2' },
      { name: '$.data.items[0] equals {"id":1,"tags":["x"]}', status: 'passed', actual: '{"id":1,"tags":["x"]}' },
      { name: '$.access_token matches ^t.k$', status: 'passed', actual: 'tok' },
      { name: '$.ok equals false', status: 'failed', error: 'expected false, got true', actual: 'true' },
      { name: '$.nope exists', status: 'failed', error: '$.nope matched nothing' },
      {
        name: 'response time below 100 ms',
        status: 'failed',
        error: 'expected below 100 ms, took 120 ms',
        actual: '120',
      },
      { name: 'set token from $.access_token', status: 'passed', actual: 'tok' },
    ]);
    expect(variables).toEqual({ token: 'tok' });
  });

  test('JSON Schema: valid, invalid with the failing location, bad schema', () => {
    const schema = JSON.stringify({
      type: 'object',
      required: ['count'],
      properties: { count: { type: 'integer', minimum: 3 } },
    });
    const [bad, good, broken] = evaluateAssertions(
      [
        row('jsonSchema', '', 'equals', schema),
        row('jsonSchema', '', 'equals', '{"type":"object"}'),
        row('jsonSchema', '', 'equals', '{'),
      ],
      response,
    ).results;
    expect(bad?.status).toBe('failed');
    expect(bad?.error).toBe('#/count: 2 is less than 3.');
    expect(good?.status).toBe('passed');
    expect(broken?.error).toMatch(/^The schema is not JSON: /);
  });

  test('content that is not JSON fails JSONPath rows with the reason; disabled rows are skipped', () => {
    const { results } = evaluateAssertions(
      [row('jsonpath', '$.a', 'exists', ''), { ...row('status', '', 'equals', '1'), enabled: false }],
      { ...response, body: 'plain' },
    );
    expect(results).toHaveLength(1);
    expect(results[0]?.error).toMatch(/^The content is not JSON: /);
  });
});
