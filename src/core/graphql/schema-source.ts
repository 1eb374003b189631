/**
 * A GraphQL schema from introspection (GraphQL spec §4) or a schema file (SDL or an
 * introspection result as JSON), on the `graphql` reference implementation. Imported only
 * by the lazy GraphQL editor chunk.
 */
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import type { Body } from '../model/draft.ts';

/** The introspection query Parley sends (graphql-js `getIntrospectionQuery`, with descriptions). */
export const INTROSPECTION_QUERY: string = getIntrospectionQuery({ descriptions: true });

/** The body of the "Fetch schema" request: the introspection query as a GraphQL body (sent as the request's method decides). */
export function introspectionBody(): Extract<Body, { mode: 'graphql' }> {
  return { mode: 'graphql', query: INTROSPECTION_QUERY, variables: '', operationName: 'IntrospectionQuery' };
}

/**
 * Builds the schema from `text`: JSON (an introspection result: `{ data: { __schema } }` or
 * `{ __schema }`, as servers answer and tools save it) or SDL. Returns `{ schema }` or
 * `{ error }`, a sentence naming what went wrong (GraphQL errors in the answer, a parse error
 * with its position, a JSON without `__schema`). Never throws.
 */
export function schemaFromText(text: string): { schema: GraphQLSchema } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'The schema is empty.' };
  try {
    if (trimmed.startsWith('{') && trimmed.includes('"')) {
      const value = JSON.parse(trimmed) as {
        data?: { __schema?: unknown };
        __schema?: unknown;
        errors?: { message?: string }[];
      };
      const result = value.data ?? value;
      if (!result?.__schema) {
        const messages = (value.errors ?? []).map((e) => e.message ?? '').filter(Boolean);
        return {
          error:
            messages.length > 0
              ? `The server answered with errors instead of a schema: ${messages.join('; ')}`
              : 'This JSON is not an introspection result: it has no __schema.',
        };
      }
      return { schema: buildClientSchema(result as unknown as IntrospectionQuery) };
    }
    return { schema: buildSchema(trimmed) };
  } catch (e) {
    return { error: `The schema could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The number of named types of `schema` a user wrote or the server declares: built-in scalars counted, introspection types (`__Schema`, `__Type` …) not. */
export function schemaTypeCount(schema: GraphQLSchema): number {
  return Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__')).length;
}
