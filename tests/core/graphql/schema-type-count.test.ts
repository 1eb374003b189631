import { describe, expect, it } from 'vitest';
import { buildSchema } from 'graphql';
import { schemaTypeCount } from '../../../src/core/graphql/schema-source.ts';
import { ECHO_GRAPHQL_SDL } from '../../../server/echo/graphql.ts';

describe('schemaTypeCount', () => {
  it('counts named types with built-in scalars, without introspection types', () => {
    // Query, Int, and Boolean + String (always present: introspection uses them).
    expect(schemaTypeCount(buildSchema('type Query { a: Int }'))).toBe(4);
  });
  it('counts the 10 types of the echo schema', () => {
    expect(schemaTypeCount(buildSchema(ECHO_GRAPHQL_SDL))).toBe(10);
  });
});
