import { describe, expect, test } from 'vitest';
import { parseDataFile } from '../../../src/core/runner/data-file.ts';
import { parseEnvironmentFile } from '../../../src/core/runner/environment-file.ts';
import { cliReport, exitCodeOf, junitReport } from '../../../src/core/runner/reporters.ts';
import { readRunnerSource } from '../../../src/core/runner/sources.ts';
import type { RunSummary } from '../../../src/core/runner/types.ts';

describe('parseDataFile', () => {
  test('CSV per RFC 4180: quotes, doubled quotes, line breaks in a field, CRLF, BOM', () => {
    expect(parseDataFile('\uFEFFname,note\r\n"Zoë, Jr.","said ""hi""\nthen left"\r\nbob,\r\n')).toEqual({
      ok: true,
      rows: [
        { name: 'Zoë, Jr.', note: 'said "hi"\nthen left' },
        { name: 'bob', note: '' },
      ],
    });
  });
  test('CSV errors name the row', () => {
    expect(parseDataFile('a,b\n1\n')).toEqual({
      ok: false,
      message: 'Row 2 of the CSV data file has 1 fields; the header has 2.',
    });
    expect(parseDataFile('a\n"open\n')).toEqual({
      ok: false,
      message: 'The CSV data file has an unclosed quote (opened before line 3).',
    });
  });
  test('JSON: strings kept, other values as JSON text', () => {
    expect(parseDataFile(' [{"a":"x","n":1,"o":{"k":true}}]')).toEqual({
      ok: true,
      rows: [{ a: 'x', n: '1', o: '{"k":true}' }],
    });
    expect(parseDataFile('[1]')).toEqual({ ok: false, message: 'Row 1 of the JSON data file is not an object.' });
  });
});

test('parseEnvironmentFile reads Postman, Parley and plain files', () => {
  expect(
    parseEnvironmentFile(
      '{"name":"e","values":[{"key":"a","value":"1","enabled":true},{"key":"b","value":"2","enabled":false}]}',
    ),
  ).toEqual({
    ok: true,
    variables: { a: '1' },
  });
  expect(parseEnvironmentFile('{"variables":[{"name":" x ","value":"y"}]}')).toEqual({
    ok: true,
    variables: { x: 'y' },
  });
  expect(parseEnvironmentFile('{"base":"http://h","n":3}')).toEqual({
    ok: true,
    variables: { base: 'http://h', n: '3' },
  });
});

const summary: RunSummary = {
  collection: 'API <v2>',
  iterations: 1,
  stoppedEarly: false,
  scopes: { environment: {}, globals: {}, collectionVariables: {} },
  totals: { requests: 2, tests: 3, passed: 1, failed: 1, skipped: 1, errors: 1 },
  results: [
    {
      iteration: 0,
      itemId: 'a',
      name: 'Login',
      path: ['Auth'],
      method: 'POST',
      url: 'http://h/login',
      status: 200,
      reasonPhrase: 'OK',
      timeMs: 12,
      sizeBytes: 2,
      console: [{ level: 'log', text: 'hi' }],
      errors: [],
      scriptRequests: 0,
      tests: [
        { name: 'status', status: 'passed' },
        { name: 'body "ok"', status: 'failed', error: "AssertionError: expected 'a' to equal 'b' & <c>" },
        { name: 'later', status: 'skipped' },
      ],
    },
    {
      iteration: 0,
      itemId: 'b',
      name: 'Down',
      path: [],
      method: 'GET',
      url: 'http://down/',
      status: null,
      reasonPhrase: '',
      timeMs: null,
      sizeBytes: 0,
      console: [],
      errors: ['No response from down: ECONNREFUSED'],
      scriptRequests: 0,
      tests: [],
    },
  ],
};

test('junitReport', () => {
  expect(junitReport(summary)).toBe(
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="API &lt;v2&gt;" tests="4" failures="1" errors="1" time="0.012">',
      '  <testsuite name="Auth / Login" id="0.0" tests="3" failures="1" errors="0" skipped="1" time="0.012">',
      '    <testcase name="status" classname="API &lt;v2&gt;.Auth / Login" time="0.000"/>',
      '    <testcase name="body &quot;ok&quot;" classname="API &lt;v2&gt;.Auth / Login" time="0.000"><failure type="AssertionFailure" message="AssertionError: expected \'a\' to equal \'b\' &amp; &lt;c&gt;">AssertionError: expected \'a\' to equal \'b\' &amp; &lt;c&gt;</failure></testcase>',
      '    <testcase name="later" classname="API &lt;v2&gt;.Auth / Login" time="0.000"><skipped/></testcase>',
      '  </testsuite>',
      '  <testsuite name="Down" id="0.1" tests="1" failures="0" errors="1" skipped="0" time="0.000">',
      '    <testcase name="GET http://down/" classname="API &lt;v2&gt;.Down" time="0.000"><error type="Error" message="No response from down: ECONNREFUSED">No response from down: ECONNREFUSED</error></testcase>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n'),
  );
});

test('cliReport and exit code', () => {
  expect(cliReport(summary)).toBe(
    [
      'API <v2>',
      '',
      '→ Auth / Login',
      '  POST http://h/login [200 OK, 12 ms]',
      '  ┆ hi',
      '  ✓ status',
      "  ✗ body \"ok\" — AssertionError: expected 'a' to equal 'b' & <c>",
      '  - later',
      '',
      '→ Down',
      '  GET http://down/ [no response]',
      '  ! No response from down: ECONNREFUSED',
      '',
      '2 requests, 3 tests: 1 passed, 1 failed, 1 skipped; 1 errors',
      '',
    ].join('\n'),
  );
  expect(exitCodeOf(summary)).toBe(1);
  expect(exitCodeOf({ ...summary, totals: { ...summary.totals, failed: 0, errors: 0 } })).toBe(0);
});

test('readRunnerSource: a Parley library runs its collection’s requests in order with their scripts', () => {
  const file = {
    format: 'parley-library',
    version: 1,
    exportedAt: '2026-12-03T00:00:00.000Z',
    collections: [{ v: 1, id: 'c1', name: 'Mine', createdAt: 1 }],
    requests: [
      {
        v: 1,
        id: 'r2',
        name: 'Second',
        collectionId: 'c1',
        createdAt: 5,
        updatedAt: 5,
        draft: { method: 'GET', url: 'http://h/2' },
      },
      {
        v: 1,
        id: 'r1',
        name: 'First',
        collectionId: 'c1',
        createdAt: 2,
        updatedAt: 2,
        draft: { method: 'GET', url: 'http://h/1', scripts: { preRequest: 'a()', postResponse: 'b()' } },
      },
    ],
    history: [],
  };
  const r = readRunnerSource(JSON.stringify(file), 10, () => 'x');
  if (!r.ok) throw new Error(r.message);
  expect(r.collection.name).toBe('Mine');
  expect(r.collection.items.map((i) => [i.id, i.name, i.draft.url, i.preRequest, i.postResponse])).toEqual([
    ['r1', 'First', 'http://h/1', ['', 'a()'], ['', 'b()']],
    ['r2', 'Second', 'http://h/2', ['', ''], ['', '']],
  ]);
  expect(readRunnerSource('{"x":1}', 0, () => 'x')).toEqual({
    ok: false,
    message: 'The file is neither a Parley library export nor a Postman collection (v2.0/v2.1).',
  });
});

test('readRunnerSource: folders run in tree order, with collection and folder scripts outermost first', () => {
  const scripts = (pre: string, post: string) => ({
    headers: [],
    auth: null,
    variables: [],
    scripts: { preRequest: pre, postResponse: post },
  });
  const file = {
    format: 'parley-library',
    version: 1,
    exportedAt: '2026-12-03T00:00:00.000Z',
    collections: [
      {
        v: 1,
        id: 'c1',
        name: 'Team',
        createdAt: 1,
        order: 0,
        defaults: {
          ...scripts('c-pre', 'c-post'),
          variables: [{ id: 'v', name: 'base', value: 'http://h', enabled: true }],
        },
      },
    ],
    folders: [
      {
        v: 1,
        id: 'f1',
        name: 'Users',
        collectionId: 'c1',
        parentId: null,
        order: 1,
        createdAt: 1,
        defaults: scripts('f1-pre', ''),
      },
      {
        v: 1,
        id: 'f2',
        name: 'Admin',
        collectionId: 'c1',
        parentId: 'f1',
        order: 0,
        createdAt: 1,
        defaults: scripts('f2-pre', 'f2-post'),
      },
    ],
    requests: [
      {
        v: 1,
        id: 'top',
        name: 'Top',
        collectionId: 'c1',
        folderId: null,
        order: 0,
        createdAt: 1,
        updatedAt: 1,
        draft: { url: 'http://h/top' },
      },
      {
        v: 1,
        id: 'u2',
        name: 'List',
        collectionId: 'c1',
        folderId: 'f1',
        order: 2,
        createdAt: 1,
        updatedAt: 1,
        draft: { url: 'http://h/list' },
      },
      {
        v: 1,
        id: 'u1',
        name: 'Get',
        collectionId: 'c1',
        folderId: 'f1',
        order: 1,
        createdAt: 1,
        updatedAt: 1,
        draft: { url: 'http://h/get', scripts: { preRequest: 'r-pre', postResponse: '' } },
      },
      {
        v: 1,
        id: 'a1',
        name: 'Ban',
        collectionId: 'c1',
        folderId: 'f2',
        order: 0,
        createdAt: 1,
        updatedAt: 1,
        draft: { url: 'http://h/ban' },
      },
    ],
    history: [],
  };
  const r = readRunnerSource(JSON.stringify(file), 10, () => 'x');
  if (!r.ok) throw new Error(r.message);
  expect(r.collection.variables).toEqual({ base: 'http://h' });
  expect(r.collection.items.map((i) => [i.id, i.path, i.preRequest, i.postResponse])).toEqual([
    ['a1', ['Users', 'Admin'], ['c-pre', 'f1-pre', 'f2-pre', ''], ['c-post', '', 'f2-post', '']],
    ['u1', ['Users'], ['c-pre', 'f1-pre', 'r-pre'], ['c-post', '', '']],
    ['u2', ['Users'], ['c-pre', 'f1-pre', ''], ['c-post', '', '']],
    ['top', [], ['c-pre', ''], ['c-post', '']],
  ]);
});
