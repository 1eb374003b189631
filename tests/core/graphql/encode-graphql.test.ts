/** Issue 17 item 1: the bytes of a GraphQL request, POST content and GET query, exact. */
import { describe, expect, it } from 'vitest';
import { encodeGraphqlPost, graphqlGetPairs, graphqlVariablesJson } from '../../../src/core/graphql/encode-graphql.ts';
import { encodeBody } from '../../../src/core/body/encode-body.ts';
import { renderHttpMessage } from '../../../src/core/resolve/http-message.ts';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import { draftFromUrl, headerRows, utf8 } from '../resolve/fixtures.ts';
import type { Body } from '../../../src/core/model/draft.ts';

const text = (r: { bytes: Uint8Array } | { error: string }) =>
  'bytes' in r ? new TextDecoder().decode(r.bytes) : `error: ${r.error}`;

describe('encodeGraphqlPost', () => {
  it('writes query, variables (minified, tokens as typed) and operationName in this order, no whitespace', () => {
    const r = encodeGraphqlPost({
      query: 'query Q($id: ID!) {\n  user(id: $id) { name }\n}',
      variables: '{\n  "id": "Zoë ✓",\n  "big": 12345678901234567890.50\n}',
      operationName: 'Q',
    });
    expect(text(r)).toBe(
      '{"query":"query Q($id: ID!) {\\n  user(id: $id) { name }\\n}","variables":{"id":"Zoë ✓","big":12345678901234567890.50},"operationName":"Q"}',
    );
    expect('bytes' in r && r.bytes.length).toBe(140);
  });

  it('leaves out blank variables and a null or blank operation name', () => {
    expect(text(encodeGraphqlPost({ query: '{ a }', variables: '  \n', operationName: null }))).toBe(
      '{"query":"{ a }"}',
    );
    expect(text(encodeGraphqlPost({ query: '{ a }', variables: '', operationName: '  ' }))).toBe('{"query":"{ a }"}');
    expect(text(encodeGraphqlPost({ query: '', variables: 'null', operationName: null }))).toBe(
      '{"query":"","variables":null}',
    );
  });

  it('escapes quotes, backslashes and control characters of the query as JSON strings do', () => {
    expect(text(encodeGraphqlPost({ query: '{ a(s: "x\\y\t") }', variables: '', operationName: null }))).toBe(
      '{"query":"{ a(s: \\"x\\\\y\\t\\") }"}',
    );
  });

  it('refuses variables that are not JSON, or not an object, with a sentence', () => {
    expect(text(encodeGraphqlPost({ query: '{ a }', variables: '{"x":', operationName: null }))).toMatch(
      /^error: The GraphQL variables are not valid JSON \(.+\)\. Fix them, or empty the Variables editor\.$/,
    );
    expect(graphqlVariablesJson('[1]')).toEqual({
      error: 'The GraphQL variables must be a JSON object, such as {"id": 1}.',
    });
    expect(graphqlVariablesJson('  { "a" : [ 1 , 2 ] } ')).toEqual({ value: '{"a":[1,2]}' });
  });
});

describe('graphqlGetPairs', () => {
  it('percent-encodes everything but unreserved characters, + and % included', () => {
    expect(graphqlGetPairs({ query: '{ a(s: "1+1 %20 ~ok") }', variables: '{ "x": 1 }', operationName: 'Op' })).toEqual(
      {
        pairs: [
          { name: 'query', value: '%7B%20a%28s%3A%20%221%2B1%20%2520%20~ok%22%29%20%7D' },
          { name: 'variables', value: '%7B%22x%22%3A1%7D' },
          { name: 'operationName', value: 'Op' },
        ],
      },
    );
  });

  it('sends a lone surrogate as U+FFFD instead of throwing', () => {
    expect(graphqlGetPairs({ query: '\uD800', variables: '', operationName: null })).toEqual({
      pairs: [{ name: 'query', value: '%EF%BF%BD' }],
    });
  });
});

const gql = (query: string, variables = '', operationName: string | null = null): Body => ({
  mode: 'graphql',
  query,
  variables,
  operationName,
});

describe('resolveRequest with a GraphQL body', () => {
  it('POST: JSON content, Content-Type application/json, variables substituted', () => {
    const draft = draftFromUrl('http://127.0.0.1:8080/echo/graphql', {
      method: 'POST',
      body: gql('{ echo(text: "{{who}}") }', '{"n": {{n}}}'),
    });
    const r = resolveRequest(draft, { variables: { who: 'Zoë', n: '7' } });
    expect(r.problems).toEqual([]);
    expect(r.request?.headers).toEqual([{ name: 'Content-Type', value: 'application/json', source: 'body' }]);
    expect(utf8(r.request?.body)).toBe('{"query":"{ echo(text: \\"Zoë\\") }","variables":{"n":7}}');
    expect(renderHttpMessage(r.request!).text).toBe(
      'POST /echo/graphql HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/json\r\nContent-Length: 56\r\n\r\n' +
        '{"query":"{ echo(text: \\"Zoë\\") }","variables":{"n":7}}',
    );
  });

  it('GET: the operation goes in the query after the typed rows, with no content and no Content-Type', () => {
    const draft = draftFromUrl('http://127.0.0.1:8080/echo/graphql?trace=1', {
      method: 'GET',
      body: gql('{ echo(text: "a b") }', '{"x":1}', 'Op'),
    });
    const r = resolveRequest(draft);
    expect(r.problems).toEqual([]);
    expect(r.request).toEqual({
      method: 'GET',
      url: 'http://127.0.0.1:8080/echo/graphql?trace=1&query=%7B%20echo%28text%3A%20%22a%20b%22%29%20%7D&variables=%7B%22x%22%3A1%7D&operationName=Op',
      headers: [],
      body: null,
    });
  });

  it('blocks sending when the variables do not parse, in both forms', () => {
    for (const method of ['POST', 'GET']) {
      const r = resolveRequest(draftFromUrl('http://x.test/g', { method, body: gql('{ a }', '{x}') }));
      expect(r.request).toBeNull();
      expect(r.problems.filter((p) => p.field === 'body').map((p) => p.severity)).toEqual(['error']);
    }
  });

  it('a typed Content-Type row wins over the default (POST)', () => {
    const draft = draftFromUrl('http://x.test/g', {
      method: 'POST',
      headers: headerRows(['Content-Type', 'application/graphql+json']),
      body: gql('{ a }'),
    });
    expect(resolveRequest(draft).request?.headers).toEqual([
      { name: 'Content-Type', value: 'application/graphql+json', source: 'user', rowId: 'h0' },
    ]);
  });
});

describe('encodeBody graphql', () => {
  it('is the POST form', () => {
    const r = encodeBody(gql('{ a }', '', 'A'), () => undefined);
    expect(r.contentType).toBe('application/json');
    expect(utf8(r.bytes)).toBe('{"query":"{ a }","operationName":"A"}');
  });
});
