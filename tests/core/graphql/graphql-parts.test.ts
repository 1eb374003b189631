/** Issue 17 item 1: operation picker parsing, response error extraction, schema sources, Insomnia mapping. */
import { describe, expect, it } from 'vitest';
import { graphqlOperations, pickedOperation } from '../../../src/core/graphql/operations.ts';
import { graphqlPathText, graphqlResponseErrors } from '../../../src/core/graphql/response-errors.ts';
import { schemaFromText, introspectionBody } from '../../../src/core/graphql/schema-source.ts';
import { graphqlBodyFromInsomnia } from '../../../src/core/graphql/insomnia-body.ts';
import { buildSchema, graphqlSync, printSchema } from 'graphql';

describe('graphqlOperations / pickedOperation', () => {
  it('lists operations in document order, anonymous as null, fragments skipped', () => {
    expect(
      graphqlOperations('query A { a } fragment F on T { x } mutation B { b } { c } subscription S { s }'),
    ).toEqual({
      operations: [
        { name: 'A', type: 'query' },
        { name: 'B', type: 'mutation' },
        { name: null, type: 'query' },
        { name: 'S', type: 'subscription' },
      ],
    });
    expect(graphqlOperations('  ')).toEqual({ operations: [] });
  });
  it('gives the parser message with line and column', () => {
    expect(graphqlOperations('query {\n  a(')).toEqual({
      error: 'Syntax Error: Expected Name, found <EOF>. (line 2, column 5)',
    });
  });
  it('keeps a chosen name that exists, needs a choice among several', () => {
    const ops = [
      { name: 'A', type: 'query' as const },
      { name: 'B', type: 'mutation' as const },
    ];
    expect(pickedOperation(ops, 'B')).toEqual({ name: 'B', problem: null });
    expect(pickedOperation(ops, null)).toEqual({
      name: null,
      problem: 'The document has several operations: choose the one to run.',
    });
    expect(pickedOperation(ops, 'C')).toEqual({
      name: null,
      problem: 'The document has no operation named C: choose another.',
    });
    expect(pickedOperation([{ name: 'A', type: 'query' }], null)).toEqual({ name: null, problem: null });
  });
});

describe('graphqlResponseErrors', () => {
  it('extracts message, path and locations', () => {
    const text = JSON.stringify({
      errors: [
        { message: 'boom', locations: [{ line: 3, column: 3 }], path: ['user', 0, 'name'] },
        { locations: [{ line: 'x' }], path: [null, 'a'] },
      ],
      data: null,
    });
    expect(graphqlResponseErrors(text)).toEqual([
      { message: 'boom', path: ['user', 0, 'name'], locations: [{ line: 3, column: 3 }] },
      { message: '(no message)', path: ['a'], locations: [] },
    ]);
    expect(graphqlPathText(['user', 0, 'name'])).toBe('user.0.name');
  });
  it('is null for no errors, an empty list, non-JSON or a JSON array', () => {
    for (const t of ['{"data":{}}', '{"errors":[]}', 'not json', '[{"errors":[1]}]', ''])
      expect(graphqlResponseErrors(t)).toBeNull();
  });
});

const SDL = 'type Query {\n  "Greets"\n  hello(name: String): String\n}';

describe('schemaFromText', () => {
  it('reads SDL and an introspection answer (with or without data), to the same schema', () => {
    const fromSdl = schemaFromText(SDL);
    if (!('schema' in fromSdl)) throw new Error(fromSdl.error);
    const answer = graphqlSync({ schema: buildSchema(SDL), source: introspectionBody().query });
    const fromJson = schemaFromText(JSON.stringify(answer));
    const fromBare = schemaFromText(JSON.stringify(answer.data));
    if (!('schema' in fromJson) || !('schema' in fromBare)) throw new Error('not read');
    expect(printSchema(fromJson.schema)).toBe(printSchema(fromSdl.schema));
    expect(printSchema(fromBare.schema)).toBe('type Query {\n  """Greets"""\n  hello(name: String): String\n}');
  });
  it('says why when it cannot', () => {
    expect(schemaFromText('{"errors":[{"message":"introspection disabled"}]}')).toEqual({
      error: 'The server answered with errors instead of a schema: introspection disabled',
    });
    expect(schemaFromText('{"data":{}}')).toEqual({
      error: 'This JSON is not an introspection result: it has no __schema.',
    });
    expect(schemaFromText('type Query {')).toEqual({
      error: 'The schema could not be read: Syntax Error: Expected Name, found <EOF>.',
    });
    expect(schemaFromText(' ')).toEqual({ error: 'The schema is empty.' });
  });
});

describe('graphqlBodyFromInsomnia', () => {
  it('maps an application/graphql body', () => {
    expect(
      graphqlBodyFromInsomnia({
        mimeType: 'application/graphql',
        text: '{"query":"query Q { a }","variables":{"id":1},"operationName":"Q"}',
      }),
    ).toEqual({ mode: 'graphql', query: 'query Q { a }', variables: '{\n  "id": 1\n}', operationName: 'Q' });
    expect(
      graphqlBodyFromInsomnia({ mimeType: 'application/graphql', text: '{"query":"{ a }","variables":{}}' }),
    ).toEqual({ mode: 'graphql', query: '{ a }', variables: '', operationName: null });
    expect(graphqlBodyFromInsomnia({ mimeType: 'application/json', text: '{}' })).toBeNull();
  });
});
