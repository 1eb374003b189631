/** Issue 17 item 1: Postman v2.1 GraphQL bodies import to the graphql mode, export keeps it, and Send sends what Postman sends. */
import { describe, expect, it } from 'vitest';
import { importPostman } from '../../../src/core/interop/postman/import-postman.ts';
import { exportPostman } from '../../../src/core/interop/postman/export-postman.ts';
import { okTree, sent } from '../interop/helpers.ts';

const collection = (body: unknown) => ({
  info: { name: 'G', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [{ name: 'Q', request: { method: 'POST', url: 'http://127.0.0.1:8080/echo/graphql', body } }],
});

describe('Postman GraphQL bodies', () => {
  it('imports query and variables text to the graphql mode and sends Postman’s JSON', () => {
    const tree = okTree(
      importPostman(
        collection({ mode: 'graphql', graphql: { query: 'query { me { id } }', variables: '{\n  "x": 1\n}' } }),
      ),
    );
    const item = tree.items[0] as { draft: { body: unknown } };
    expect(item.draft.body).toEqual({
      mode: 'graphql',
      query: 'query { me { id } }',
      variables: '{\n  "x": 1\n}',
      operationName: null,
    });
    expect(sent(tree, 'Q')).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:8080/echo/graphql',
      headers: [['Content-Type', 'application/json']],
      body: '{"query":"query { me { id } }","variables":{"x":1}}',
    });
  });

  it('takes variables given as an object, and exports the graphql mode back', () => {
    const tree = okTree(
      importPostman(collection({ mode: 'graphql', graphql: { query: '{ a }', variables: { y: 2 } } })),
    );
    const out = JSON.parse(exportPostman(tree, 'id-1')) as { item: { request: { body: unknown } }[] };
    expect(out.item[0]?.request.body).toEqual({
      mode: 'graphql',
      graphql: { query: '{ a }', variables: '{\n  "y": 2\n}' },
    });
  });
});
