/** Issue 14 point 2: OpenAPI 3.0/3.1 and Swagger 2.0 import (JSON/YAML, local $refs), fidelity. */
import { describe, expect, it } from 'vitest';
import { importOpenApi } from '../../../src/core/interop/openapi/import-openapi.ts';
import { parseStructuredText } from '../../../src/core/interop/parse-text.ts';
import { walkRequests, type TreeFolder, type TreeRequest } from '../../../src/core/interop/tree.ts';
import { fixture, okTree, paths, sent, withoutIds } from './helpers.ts';

async function load(name: string) {
  const parsed = await parseStructuredText(fixture(name));
  if (!parsed.ok) throw new Error(parsed.message);
  return importOpenApi(parsed.data);
}
const req = (tree: ReturnType<typeof okTree>, path: string): TreeRequest => {
  for (const { request, folders } of walkRequests(tree.items))
    if ([...folders.map((f) => f.name), request.name].join(' › ') === path) return request;
  throw new Error(path);
};

describe('OpenAPI 3.0 petstore (OAI example, YAML)', () => {
  it('gives one request per operation in a folder per tag, servers → baseUrl', async () => {
    const tree = okTree(await load('openapi-petstore-3.0.yaml'));
    expect(tree.name).toBe('Swagger Petstore');
    expect(paths(tree)).toEqual(['pets › List all pets', 'pets › Create a pet', 'pets › Info for a specific pet']);
    expect(withoutIds(tree.defaults.variables)).toEqual([
      { name: 'baseUrl', value: 'http://petstore.swagger.io/v1', enabled: true },
    ]);
    const list = req(tree, 'pets › List all pets');
    expect(list.draft.url).toBe('{{baseUrl}}/pets');
    expect(withoutIds(list.draft.query)).toEqual([{ name: 'limit', value: '', enabled: false }]);
    const one = req(tree, 'pets › Info for a specific pet');
    expect(one.draft.url).toBe('{{baseUrl}}/pets/:petId');
    expect(one.draft.pathVariables).toEqual({ petId: '' });
  });

  it('sends what the spec describes', async () => {
    const tree = okTree(await load('openapi-petstore-3.0.yaml'));
    // A path parameter without example or default stays empty: Parley refuses to send it until filled in.
    expect(() => sent(tree, 'pets › Info for a specific pet')).toThrow('The path variable :petId has no value.');
    expect(sent(tree, 'pets › List all pets')).toEqual({
      method: 'GET',
      url: 'http://petstore.swagger.io/v1/pets',
      headers: [],
      body: null,
    });
  });
});

describe('OpenAPI 3.1', () => {
  it('follows tag order, path-item $ref parameters, examples and generated bodies', async () => {
    const r = await load('openapi-3.1.yaml');
    const tree = okTree(r);
    expect(paths(tree)).toEqual([
      'users › getUser',
      'users › Replace a user',
      'admin › login',
      'admin › listKeys',
      'ping',
      'remote',
    ]);
    expect((tree.items[0] as TreeFolder).description).toBe('People');
    expect(tree.defaults.auth).toEqual({ type: 'bearer', token: '{{bearerToken}}' });
    expect(withoutIds(tree.defaults.variables)).toEqual([
      { name: 'baseUrl', value: 'http://127.0.0.1:8080/echo', enabled: true },
      { name: 'bearerToken', value: '', enabled: true },
      { name: 'apiKey', value: '', enabled: true },
    ]);
    const get = req(tree, 'users › getUser');
    expect(get.draft.pathVariables).toEqual({ userId: '42' });
    expect(withoutIds(get.draft.query)).toEqual([
      { name: 'fields', value: 'name,email', enabled: true },
      { name: 'verbose', value: '', enabled: false },
    ]);
    expect(withoutIds(get.draft.headers)).toEqual([{ name: 'Cookie', value: 'session=abc', enabled: true }]);
    expect(get.examples).toEqual([
      {
        name: 'The user',
        status: 200,
        reasonPhrase: '',
        headers: [['Content-Type', 'application/json']],
        body: '{\n  "id": 42,\n  "name": "Ann"\n}',
      },
    ]);
    expect(req(tree, 'users › Replace a user').draft.body).toEqual({
      mode: 'json',
      text: '{\n  "name": "Ann",\n  "email": "user@example.com",\n  "tags": [\n    "string"\n  ],\n  "kind": "staff"\n}',
    });
    expect(req(tree, 'admin › login').auth).toEqual({ type: 'none' });
    expect(req(tree, 'admin › listKeys').auth).toEqual({
      type: 'foreign',
      scheme: 'oauth2',
      params: [
        ['type', 'oauth2'],
        ['flows', 'clientCredentials'],
      ],
    });
    if (!r.ok) throw new Error();
    expect(r.report.filter((i) => i.outcome !== 'imported')).toEqual([
      {
        outcome: 'changed',
        path: 'users › getUser › cookie parameters',
        message: 'Cookie parameters were put into one Cookie header field.',
      },
      {
        outcome: 'not-carried',
        path: 'admin › listKeys › security',
        message: 'Parley has no oauth2 auth yet: requests that use “oauth” are sent without auth.',
      },
      {
        outcome: 'not-carried',
        path: 'common.yaml#/components/schemas/Thing',
        message:
          'The reference common.yaml#/components/schemas/Thing points into another file, which was not given; what it describes is left empty.',
      },
    ]);
  });

  it('sends the bytes the spec describes (bearer from the document, API key in the query, form body)', async () => {
    const tree = okTree(await load('openapi-3.1.yaml'));
    const vars = { bearerToken: 'T', apiKey: 'K' };
    expect(sent(tree, 'users › getUser', vars)).toEqual({
      method: 'GET',
      url: 'http://127.0.0.1:8080/echo/users/42?fields=name,email',
      headers: [
        ['Cookie', 'session=abc'],
        ['Authorization', 'Bearer T'],
      ],
      body: null,
    });
    expect(sent(tree, 'ping', vars).url).toBe('http://127.0.0.1:8080/echo/ping?api_key=K');
    expect(sent(tree, 'admin › login', vars)).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:8080/echo/login',
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
      body: 'user=ann&pass=',
    });
  });

  it('resolves a reference into another file when that file is given', async () => {
    const parsed = await parseStructuredText(fixture('openapi-3.1.yaml'));
    if (!parsed.ok) throw new Error();
    const tree = okTree(
      importOpenApi(parsed.data, {
        'common.yaml': {
          components: { schemas: { Thing: { type: 'object', properties: { n: { type: 'integer' } } } } },
        },
      }),
    );
    expect(req(tree, 'remote').draft.body).toEqual({ mode: 'json', text: '{\n  "n": 0\n}' });
  });
});

describe('Swagger 2.0', () => {
  it('reads host/basePath, body and formData parameters, header defaults and security', async () => {
    const tree = okTree(await load('swagger-petstore-minimal-2.0.json'));
    expect(paths(tree)).toEqual(['GET /pets', 'addPet', 'uploadPhoto']);
    expect(withoutIds(tree.defaults.variables)).toEqual([
      { name: 'baseUrl', value: 'http://petstore.swagger.io/api', enabled: true },
      { name: 'apiKey', value: '', enabled: true },
    ]);
    expect(sent(tree, 'addPet', { apiKey: 'K' })).toEqual({
      method: 'POST',
      url: 'http://petstore.swagger.io/api/pets',
      headers: [
        ['X-Trace', 'on'],
        ['X-API-Key', 'K'],
        ['Content-Type', 'application/json'],
      ],
      body: '{\n  "id": 0,\n  "name": "string",\n  "tag": "string"\n}',
    });
    expect(withoutIds(req(tree, 'uploadPhoto').draft.body)).toEqual({
      mode: 'multipart',
      parts: [
        { name: 'caption', enabled: true, kind: 'text', value: 'cat', contentType: '', file: null },
        { name: 'file', enabled: true, kind: 'file', value: '', contentType: '', file: null },
      ],
    });
    expect(req(tree, 'uploadPhoto').draft.pathVariables).toEqual({ id: '7' });
  });

  it('refuses what is not OpenAPI', () => {
    expect(importOpenApi({ openapi: '4.0' })).toEqual({
      ok: false,
      message: 'This is not an OpenAPI 3.x or Swagger 2.0 document.',
    });
  });
});

describe('a spec with 5,000 operations', () => {
  it('imports every operation (speed is measured in bench/, not here)', () => {
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 2500; i++)
      paths[`/r${i}/{id}`] = {
        get: { tags: [`t${i % 50}`], operationId: `get${i}`, parameters: [{ $ref: '#/components/parameters/Id' }] },
        post: {
          tags: [`t${i % 50}`],
          operationId: `post${i}`,
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/S' } } } },
        },
      };
    const spec = {
      openapi: '3.1.0',
      info: { title: 'big', version: '1' },
      paths,
      components: {
        parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'integer', example: 1 } } },
        schemas: {
          S: { type: 'object', properties: { a: { type: 'string' }, b: { $ref: '#/components/schemas/S' } } },
        },
      },
    };
    const tree = okTree(importOpenApi(spec));
    expect(tree.items.length).toBe(50);
    expect([...walkRequests(tree.items)].length).toBe(5000);
    expect(req(tree, 't49 › post2499').draft.body).toEqual({ mode: 'json', text: '{\n  "a": "string"\n}' });
  });
});
