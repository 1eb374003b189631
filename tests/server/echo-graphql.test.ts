/** Issue 17 item 4: /echo/graphql — POST JSON and GET per GraphQL over HTTP, errors, introspection, and Parley's bytes read back exactly. */
import { describe, expect, it } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import { rawRequest, useTestServer } from './helpers.ts';
import { resolveRequest } from '../../src/core/resolve/resolve-request.ts';
import { blankDraft } from '../../src/core/model/defaults.ts';

const live = useTestServer();

function post(content: string, type = 'application/json') {
  const u = new URL(`${live.server.url}/echo/graphql`);
  return rawRequest(u.href, {
    method: 'POST',
    headers: [
      ['Host', u.host],
      ['Content-Type', type],
    ],
    body: content,
  });
}

/** Sends what resolveRequest makes of a GraphQL draft (same bytes as Send), answers parsed. */
async function sendDraft(method: string, query: string, variables = '', operationName: string | null = null) {
  const draft = {
    ...blankDraft(),
    method,
    url: `${live.server.url}/echo/graphql`,
    body: { mode: 'graphql' as const, query, variables, operationName },
  };
  const r = resolveRequest(draft).request;
  if (!r) throw new Error('not resolved');
  const u = new URL(r.url);
  const res = await rawRequest(r.url, {
    method: r.method,
    headers: [['Host', u.host], ...r.headers.map((h) => [h.name, h.value] as [string, string])],
    ...(r.body ? { body: r.body } : {}),
  });
  return { status: res.status, json: JSON.parse(res.body.toString('utf8')) as unknown, headers: res.headers };
}

describe('/echo/graphql', () => {
  it('POST: answers the exact JSON of the operation', async () => {
    const res = await post('{"query":"{ echo(text: \\"hi\\", times: 2) items(first: 2) { id name } }"}');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body.toString()).toBe(
      '{"data":{"echo":"hi hi","items":[{"id":"1","name":"Anvil"},{"id":"2","name":"Bell"}]}}',
    );
  });

  it('GET and POST from resolveRequest: text with + %20 and non-ASCII arrives exactly, variables and operationName too', async () => {
    const query =
      'query A($t: String!) { echo(text: $t) request { method operationName } } query B { echo(text: "b") }';
    const text = '1+1 %20 Zoë ✓ & = #';
    for (const method of ['GET', 'POST']) {
      expect(await sendDraft(method, query, JSON.stringify({ t: text }), 'A')).toEqual({
        status: 200,
        json: { data: { echo: text, request: { method, operationName: 'A' } } },
        headers: expect.anything() as unknown,
      });
    }
  });

  it('a field error: data with null and an error with message, locations and path', async () => {
    const { json } = await sendDraft('POST', '{\n  ok: echo(text: "x")\n  fail(message: "boom")\n}');
    expect(json).toEqual({
      errors: [{ message: 'boom', locations: [{ line: 3, column: 3 }], path: ['fail'] }],
      data: { ok: 'x', fail: null },
    });
  });

  it('parse and validation errors are 200 with errors and no data', async () => {
    expect(await sendDraft('POST', '{ nope }')).toMatchObject({
      status: 200,
      json: {
        errors: [{ message: 'Cannot query field "nope" on type "Query".', locations: [{ line: 1, column: 3 }] }],
      },
    });
    expect((await sendDraft('POST', '{ echo(')).json).toEqual({
      errors: [{ message: 'Syntax Error: Expected Name, found <EOF>.', locations: [{ line: 1, column: 8 }] }],
    });
  });

  it('mutation: runs over POST, refused over GET with 405 Allow: POST', async () => {
    const m = 'mutation { createItem(input: { name: "Fig" }) { id name color } }';
    expect((await sendDraft('POST', m)).json).toEqual({
      data: { createItem: { id: 'new', name: 'Fig', color: 'RED' } },
    });
    const get = await sendDraft('GET', m);
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
  });

  it('requests that are not well formed: 400 with a message', async () => {
    const bad = async (content: string, type?: string) =>
      JSON.parse((await post(content, type)).body.toString()) as unknown;
    expect((await post('{', 'application/json')).status).toBe(400);
    expect(await bad('{')).toEqual({ errors: [{ message: 'The content is not JSON.' }] });
    expect(await bad('{}')).toEqual({ errors: [{ message: 'No query: send the "query" parameter.' }] });
    expect(await bad('{ a }', 'text/plain')).toEqual({
      errors: [{ message: 'Send the content as application/json (got text/plain).' }],
    });
    expect(await bad('{"query":"{ a }","variables":[1]}')).toEqual({
      errors: [{ message: 'The "variables" must be a JSON object.' }],
    });
  });

  it('introspection: the schema with its descriptions', async () => {
    const res = await post(JSON.stringify({ query: getIntrospectionQuery({ descriptions: true }) }));
    const schema = (
      JSON.parse(res.body.toString()) as {
        data: {
          __schema: { types: { name: string; description: string | null; fields: { name: string }[] | null }[] };
        };
      }
    ).data.__schema;
    const item = schema.types.find((t) => t.name === 'Item');
    expect(item?.description).toBe('An item of the fixed list.');
    expect(item?.fields?.map((f) => f.name)).toEqual(['id', 'name', 'color', 'priceCents']);
    expect(schema.types.find((t) => t.name === 'Query')?.fields?.map((f) => f.name)).toEqual([
      'echo',
      'items',
      'fail',
      'request',
    ]);
  });
});
