/**
 * The operations of a GraphQL document, for the operation picker, on the `graphql` reference
 * parser. Imported only by the lazy GraphQL editor chunk (docs/graphql.md, docs/performance.md).
 */
import { GraphQLError, Kind, parse } from 'graphql';

/** One operation definition (GraphQL spec §2.3). */
export interface GraphqlOperation {
  /** Its name; `null` for an anonymous operation (`{ a }`). */
  name: string | null;
  type: 'query' | 'mutation' | 'subscription';
}

/**
 * The operations of `query` in document order, or `{ error }` (the parser's message with line
 * and column) when it does not parse. An empty document has no operations.
 * Example: `query A { a } mutation B { b }` → `[{ name: 'A', type: 'query' }, { name: 'B', type: 'mutation' }]`.
 * Never throws.
 */
export function graphqlOperations(query: string): { operations: GraphqlOperation[] } | { error: string } {
  if (query.trim() === '') return { operations: [] };
  try {
    const doc = parse(query, { noLocation: true });
    return {
      operations: doc.definitions.flatMap((d) =>
        d.kind === Kind.OPERATION_DEFINITION ? [{ name: d.name?.value ?? null, type: d.operation }] : [],
      ),
    };
  } catch (e) {
    const where =
      e instanceof GraphQLError && e.locations?.[0]
        ? ` (line ${e.locations[0].line}, column ${e.locations[0].column})`
        : '';
    return { error: (e instanceof Error ? e.message : String(e)) + where };
  }
}

/**
 * What the operation picker should hold: the chosen name when the document still has an
 * operation of that name; the only operation's name when there is one (or `null` for an
 * anonymous one: none needs to be sent); else `null` with a `problem` (several operations and
 * none chosen, or the chosen one is gone), which the GraphQL server would refuse too
 * (spec §6.1 GetOperation).
 */
export function pickedOperation(
  operations: GraphqlOperation[],
  chosen: string | null,
): { name: string | null; problem: string | null } {
  if (chosen !== null && operations.some((o) => o.name === chosen)) return { name: chosen, problem: null };
  if (operations.length <= 1) return { name: null, problem: null };
  return {
    name: null,
    problem:
      chosen === null
        ? 'The document has several operations: choose the one to run.'
        : `The document has no operation named ${chosen}: choose another.`,
  };
}
