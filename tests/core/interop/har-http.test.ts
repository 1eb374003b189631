/** Issue 14 point 3: HAR 1.2 and .http import/export, round trips and fidelity. */
import { describe, expect, it } from 'vitest';
import { importHar } from '../../../src/core/interop/har/import-har.ts';
import { exportHar } from '../../../src/core/interop/har/export-har.ts';
import { importHttpFile } from '../../../src/core/interop/http-file/import-http.ts';
import { exportHttpFile } from '../../../src/core/interop/http-file/export-http.ts';
import { fixture, fixtureJson, okTree, paths, sent, withoutIds } from './helpers.ts';

describe('HAR 1.2', () => {
  it('imports every entry in order with the target URI as recorded and exact header fields', () => {
    const r = importHar(fixtureJson('chrome-save-all.har'));
    const tree = okTree(r);
    expect(paths(tree)).toEqual(['1. GET /echo/search', '2. POST /v1/items', '3. PUT /echo/form']);
    expect(sent(tree, '1. GET /echo/search')).toEqual({
      method: 'GET',
      url: 'http://127.0.0.1:8080/echo/search?q=a%20b&tag=x&tag=y&empty=&flag',
      headers: [
        ['Accept', 'application/json'],
        ['X-Dup', '1'],
        ['x-dup', '2'],
      ],
      body: null,
    });
    expect(sent(tree, '2. POST /v1/items')).toEqual({
      method: 'POST',
      url: 'https://api.example.test/v1/items',
      headers: [
        ['content-type', 'application/json;charset=UTF-8'],
        ['authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x'],
      ],
      body: '{"name":"Zoë ✓"}',
    });
    expect(sent(tree, '3. PUT /echo/form').body).toBe('a=1+2&b=%26%3D');
    if (!r.ok) throw new Error();
    expect(r.report.filter((i) => i.outcome !== 'imported')).toEqual([
      {
        outcome: 'changed',
        path: '2. POST /v1/items › headers',
        message:
          'HTTP/2 pseudo-header fields (:authority, :method, :path, :scheme) were left out: Parley sends HTTP/1.1, where the target URI carries them.',
      },
    ]);
    const items = tree.items as { examples: unknown[] }[];
    expect(items[0]!.examples).toEqual([
      {
        name: '200 OK',
        status: 200,
        reasonPhrase: 'OK',
        headers: [['Content-Type', 'application/json']],
        body: '{"ok":true}',
      },
    ]);
    expect(items[1]!.examples).toEqual([
      {
        name: '201',
        status: 201,
        reasonPhrase: '',
        headers: [['content-type', 'application/octet-stream']],
        body: 'AAEC',
        encoding: 'base64',
      },
    ]);
    expect(items[2]!.examples).toEqual([]);
    expect(
      okTree(importHar(fixtureJson('chrome-save-all.har'), false)).items.every(
        (i) => i.kind === 'request' && i.examples.length === 0,
      ),
    ).toBe(true);
  });

  it('round-trips: import → export → import gives the same tree', () => {
    const first = okTree(importHar(fixtureJson('chrome-save-all.har')));
    const out = exportHar(first, '2026-12-03T10:00:00.000Z', '0.1.0');
    expect(out.skipped).toEqual([]);
    expect(withoutIds(okTree(importHar(JSON.parse(out.text))).items)).toEqual(withoutIds(first.items));
  });

  it('refuses JSON without log.entries', () => {
    expect(importHar({ log: {} })).toEqual({ ok: false, message: 'This JSON is not a HAR file (no log.entries).' });
  });
});

describe('.http files', () => {
  it('reads separators, names, variables, multi-line query, bodies, handlers and < file', () => {
    const r = importHttpFile(fixture('requests.http'), 'requests.http');
    const tree = okTree(r);
    expect(tree.name).toBe('requests');
    expect(paths(tree)).toEqual(['Get user', 'createUser', 'Upload', 'Plain target']);
    expect(withoutIds(tree.defaults.variables)).toEqual([
      { name: 'host', value: 'http://127.0.0.1:8080/echo', enabled: true },
      { name: 'token', value: 'abc', enabled: true },
    ]);
    expect(sent(tree, 'Get user')).toEqual({
      method: 'GET',
      url: 'http://127.0.0.1:8080/echo/users/42?fields=name&sort=asc',
      headers: [
        ['Accept', 'application/json'],
        ['Authorization', 'Bearer abc'],
      ],
      body: null,
    });
    expect(sent(tree, 'createUser')).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:8080/echo/users',
      headers: [['Content-Type', 'application/json']],
      body: '{\n  "name": "Zoë",\n  "tags": ["a", "b"]\n}',
    });
    const create = tree.items[1]!;
    expect(create.kind === 'request' && create.scripts.postResponse).toBe(
      'client.test("ok", () => client.assert(response.status === 200));',
    );
    expect(sent(tree, 'Plain target').url).toBe('http://127.0.0.1:8080/echo/ping');
    if (!r.ok) throw new Error();
    expect(r.report.filter((i) => i.outcome !== 'imported')).toEqual([
      {
        outcome: 'not-carried',
        path: 'Get user › @no-redirect',
        message: 'Request settings written as comments are not carried.',
      },
      {
        outcome: 'changed',
        path: 'Upload › body',
        message: 'The content comes from the file ./photo.png: choose it as a binary body.',
      },
    ]);
  });

  it('round-trips: import → export → import gives the same requests', () => {
    const first = okTree(importHttpFile(fixture('requests.http')));
    const out = exportHttpFile(first);
    const again = okTree(importHttpFile(out.text));
    const strip = (t: typeof first) =>
      withoutIds(t.items).map((i) => (i.kind === 'request' ? { ...i, scripts: undefined } : i));
    expect(strip(again)).toEqual(strip(first));
    expect(withoutIds(again.defaults.variables)).toEqual(withoutIds(first.defaults.variables));
    expect(out.notes).toEqual([{ path: 'createUser', message: 'Its scripts were left out.' }]);
  });

  it('refuses text without a request line', () => {
    expect(importHttpFile('just words\n')).toEqual({
      ok: false,
      message: 'This text has no HTTP request line (METHOD URL), so it is not an .http file.',
    });
  });
});
