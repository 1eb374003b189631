/** Issue 14 point 1: Postman Collection v2.0/v2.1 and environment import, v2.1 export, round trip, fidelity. */
import { describe, expect, it } from 'vitest';
import { importPostman } from '../../../src/core/interop/postman/import-postman.ts';
import { exportPostman } from '../../../src/core/interop/postman/export-postman.ts';
import { exportPostmanEnvironment, importPostmanEnvironment } from '../../../src/core/interop/postman/environment.ts';
import { walkRequests, type TreeFolder, type TreeRequest } from '../../../src/core/interop/tree.ts';
import { fixtureJson, okTree, paths, sent, withoutIds } from './helpers.ts';

const all = () => importPostman(fixtureJson('postman-all-v2.1.json'));
const request = (tree: ReturnType<typeof okTree>, path: string): TreeRequest => {
  for (const { request: r, folders } of walkRequests(tree.items))
    if ([...folders.map((f) => f.name), r.name].join(' › ') === path) return r;
  throw new Error(path);
};

describe('Postman v2.0 (postman-collection example files)', () => {
  it('keeps nested folders in order, empty folders included, with scripts as text', () => {
    const tree = okTree(importPostman(fixtureJson('postman-nested-v2.0.json')));
    expect(paths(tree)).toEqual(['F1 › F1.R1', 'F2 › F2.F3 › F2.F3.R1', 'F2 › F2.R1', 'R1']);
    const f2 = tree.items[1] as TreeFolder;
    expect(f2.items.map((i) => i.name)).toEqual(['F2.F3', 'F4', 'F2.R1']);
    expect(request(tree, 'F2 › F2.F3 › F2.F3.R1').scripts).toEqual({
      preRequest:
        'var count = parseInt(postman.getEnvironmentVariable("count"));\npostman.setEnvironmentVariable("count", isNaN(count) ? 0 : count + 1);',
      postResponse: '',
    });
    expect(request(tree, 'F2 › F2.R1').draft.body).toEqual({ mode: 'none' });
  });

  it('reads text headers, object-form digest auth, noauth and a saved response', () => {
    const r = importPostman(fixtureJson('postman-digest-v2.0.json'));
    const tree = okTree(r);
    const first = request(tree, 'Auth: Digest › DigestAuth Request');
    expect(withoutIds(first.draft.headers)).toEqual([
      { name: 'Content-Type', value: 'application/json', enabled: true },
      {
        name: 'Authorization',
        value:
          'Hawk id="dh37fgj492je", ts="1448549987", nonce="eOJZCd", mac="O2TFlvAlMvKVSKOzc6XkfU6+5285k5p3m5dAjxumo2k="',
        enabled: true,
      },
    ]);
    expect(first.auth).toEqual({ type: 'none' });
    expect(first.examples).toEqual([
      {
        name: 'a sample response',
        status: 200,
        reasonPhrase: '200 OK',
        headers: [['Content-Type', 'application/json']],
        body: 'response body',
      },
    ]);
    const second = request(tree, 'Auth: Digest › DigestAuth Success');
    expect(second.auth).toEqual({
      type: 'foreign',
      scheme: 'digest',
      params: [
        ['algorithm', 'MD5'],
        ['username', 'postman'],
        ['realm', '{{echo_digest_realm}}'],
        ['password', 'password'],
        ['nonce', '{{echo_digest_nonce}}'],
        ['nonceCount', ''],
        ['clientNonce', ''],
        ['opaque', ''],
        ['qop', ''],
      ],
    });
    if (!r.ok) throw new Error();
    expect(r.report.filter((i) => i.outcome === 'not-carried')).toEqual([
      {
        outcome: 'not-carried',
        path: 'Auth: Digest › DigestAuth Success › auth (digest)',
        message: 'Parley has no digest auth yet: requests that use it are sent without auth.',
      },
    ]);
  });

  it('refuses a v1 collection and other JSON with a message', () => {
    expect(importPostman({ id: 'x', name: 'old', order: [], requests: [] })).toEqual({
      ok: false,
      message: 'This is a Postman v1 collection; export it again from Postman as v2.1 and import that.',
    });
    expect(importPostman([1, 2])).toEqual({
      ok: false,
      message: 'This JSON is not a Postman collection (v2.0 or v2.1).',
    });
  });
});

describe('Postman v2.1: every must-handle item', () => {
  it('reads auth at each level with inheritance, variables and path variables', () => {
    const tree = okTree(all());
    expect(tree.defaults.auth).toEqual({ type: 'bearer', token: '{{token}}' });
    expect(withoutIds(tree.defaults.variables)).toEqual([
      { name: 'baseUrl', value: 'http://127.0.0.1:8080/echo', enabled: true },
      { name: 'token', value: 'abc', enabled: true },
      { name: 'old', value: 'x', enabled: false },
    ]);
    expect(tree.defaults.scripts.preRequest).toBe("pm.variables.set('t', Date.now());");
    const users = tree.items[0] as TreeFolder;
    expect(users.defaults.auth).toEqual({ type: 'basic', username: 'ann', password: 's3cret' });
    const get = request(tree, 'Users › Get user');
    expect(get.auth).toBeNull();
    expect(get.description).toBe('Fetches one user.');
    expect(get.draft.url).toBe('{{baseUrl}}/users/:id');
    expect(get.draft.pathVariables).toEqual({ id: '42' });
    expect(withoutIds(get.draft.query)).toEqual([
      { name: 'page', value: '{{page}}', enabled: true },
      { name: 'flag', value: '', enabled: true, noEquals: true },
      { name: 'debug', value: '1', enabled: false },
    ]);
    expect(get.draft.headers.map((h) => [h.name, h.enabled])).toEqual([
      ['Accept', true],
      ['X-Off', false],
    ]);
    expect(get.examples[0]).toEqual({
      name: 'Found',
      status: 200,
      reasonPhrase: 'OK',
      headers: [['Content-Type', 'application/json']],
      body: '{"id":42}',
    });
  });

  it('reads every body mode', () => {
    const tree = okTree(all());
    expect(request(tree, 'Bodies › JSON').draft.body).toEqual({ mode: 'json', text: '{"a":1}' });
    expect(request(tree, 'Bodies › XML').draft.body).toEqual({ mode: 'xml', text: '<a/>' });
    expect(withoutIds(request(tree, 'Bodies › Form').draft.body)).toEqual({
      mode: 'form-urlencoded',
      fields: [
        { name: 'a', value: '1 2', enabled: true },
        { name: 'b', value: 'x&y', enabled: false },
      ],
    });
    expect(withoutIds(request(tree, 'Bodies › Multipart').draft.body)).toEqual({
      mode: 'multipart',
      parts: [
        { name: 'note', enabled: true, kind: 'text', value: 'hi', contentType: '', file: null },
        { name: 'meta', enabled: true, kind: 'text', value: '{}', contentType: 'application/json', file: null },
        { name: 'upload', enabled: true, kind: 'file', value: '', contentType: '', file: null },
      ],
    });
    expect(request(tree, 'Bodies › Binary').draft.body).toEqual({ mode: 'binary', file: null });
    expect(request(tree, 'Bodies › GraphQL').draft.body).toEqual({
      mode: 'graphql',
      query: '{ me { id } }',
      variables: '{"x":1}',
      operationName: null,
    });
  });

  it('lists what it cannot carry, item by item', () => {
    const r = all();
    if (!r.ok) throw new Error();
    expect(r.report.filter((i) => i.outcome !== 'imported').map((i) => `${i.outcome}: ${i.path}`)).toEqual([
      'not-carried: Users › Admin › auth (digest)',
      'not-carried: Users › Admin › Sign with AWS › auth (awsv4)',
      'changed: Bodies › Multipart › body › upload',
      'changed: Bodies › Binary › body',
      'not-carried: Bodies › OAuth2 › auth (oauth2)',
    ]);
  });

  it('sends the bytes Postman sends (inherited basic auth, query as typed, Postman content types)', () => {
    const tree = okTree(all());
    expect(sent(tree, 'Users › Get user')).toEqual({
      method: 'GET',
      url: 'http://127.0.0.1:8080/echo/users/42?page=2&flag',
      headers: [
        ['Accept', 'application/json'],
        ['Authorization', 'Basic YW5uOnMzY3JldA=='],
      ],
      body: null,
    });
    expect(sent(tree, 'Users › Admin › Sign with AWS')).toEqual({
      method: 'PUT',
      url: 'http://127.0.0.1:8080/echo/bucket/key',
      headers: [['Content-Type', 'text/plain']],
      body: 'hello',
    });
    expect(sent(tree, 'Bodies › Form')).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:8080/echo/form',
      headers: [
        ['Authorization', 'Bearer abc'],
        ['Content-Type', 'application/x-www-form-urlencoded'],
      ],
      body: 'a=1+2',
    });
    expect(sent(tree, 'Bodies › API key in query').url).toBe('http://127.0.0.1:8080/echo/k?api_key=k1');
    expect(sent(tree, 'Bodies › JSON')).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:8080/echo/json',
      headers: [['Content-Type', 'application/json']],
      body: '{"a":1}',
    });
  });

  it('round-trips: import → export v2.1 → import gives the same tree', () => {
    const first = okTree(all());
    const again = okTree(importPostman(JSON.parse(exportPostman(first, 'id-1'))));
    expect(withoutIds(again)).toEqual(withoutIds(first));
    const nested = okTree(importPostman(fixtureJson('postman-nested-v2.0.json')));
    expect(withoutIds(okTree(importPostman(JSON.parse(exportPostman(nested, 'id-2')))))).toEqual(withoutIds(nested));
  });

  it('writes the v2.1 fields: schema, URL object with disabled query rows, noauth vs inherit', () => {
    const out = JSON.parse(exportPostman(okTree(all()), 'id-1')) as {
      info: Record<string, unknown>;
      item: { item: { request: Record<string, unknown> }[] }[];
    };
    expect(out.info).toEqual({
      _postman_id: 'id-1',
      name: 'Parley interop',
      description: 'Every must-handle item of issue 14.',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    });
    const get = out.item[0]!.item[0]!.request;
    expect(get.auth).toBeUndefined();
    expect(get.url).toEqual({
      raw: '{{baseUrl}}/users/:id?page={{page}}&flag',
      host: ['{{baseUrl}}'],
      path: ['users', ':id'],
      query: [
        { key: 'page', value: '{{page}}' },
        { key: 'flag', value: null },
        { key: 'debug', value: '1', disabled: true },
      ],
      variable: [{ key: 'id', value: '42' }],
    });
    expect(out.item[1]!.item[0]!.request.auth).toEqual({ type: 'noauth' });
  });
});

describe('Postman environment files', () => {
  it('reads variables with enabled and secret, and writes them back the same', () => {
    const r = importPostmanEnvironment(fixtureJson('postman-env.json'));
    const env = okTree(r).environments[0]!;
    expect(env).toEqual({
      name: 'Staging',
      variables: [
        { name: 'baseUrl', value: 'https://staging.example.test', enabled: true, secret: false },
        { name: 'token', value: 't0k', enabled: true, secret: true },
        { name: 'unused', value: '', enabled: false, secret: false },
      ],
    });
    expect(okTree(importPostmanEnvironment(JSON.parse(exportPostmanEnvironment(env)))).environments[0]).toEqual(env);
  });
});
