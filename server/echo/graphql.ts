/**
 * `/echo/graphql`: a small GraphQL endpoint for tests and demos, on the `graphql` reference
 * implementation, served as the GraphQL over HTTP specification says
 * (graphql.github.io/graphql-over-http): POST with `application/json` content
 * `{"query", "variables", "operationName"}`, or GET with those as query parameters (a
 * mutation over GET is refused with 405, `Allow: POST`). Answers `application/json;
 * charset=utf-8`: 200 with `{ data, errors }` once the request is well formed (parse and
 * validation errors included), 400 with `{ errors }` when it is not (no query, content that is
 * not JSON), 405 for other methods. Introspection works, so clients can fetch the schema.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  buildSchema,
  execute,
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
} from 'graphql';
import { ECHO_CORS_HEADERS, MAX_ECHO_BODY_BYTES, readBody, sendEchoText } from './echo.ts';

/** The schema, in SDL: echo arguments, a list, a mutation, an error-producing field, descriptions. */
export const ECHO_GRAPHQL_SDL = `"""Parley's built-in GraphQL echo: every field answers from its arguments, nothing is stored."""
schema {
  query: Query
  mutation: Mutation
}

"""Read-only fields."""
type Query {
  """The text given, repeated \`times\` times (joined with spaces)."""
  echo(text: String!, times: Int = 1): String!
  """The first \`first\` of five fixed items, optionally only those of one colour."""
  items(first: Int = 5, color: Color): [Item!]!
  """Always fails: the answer has \`data.fail: null\` and one error with path ["fail"] and its location."""
  fail(message: String = "This field always fails"): String
  """How the request reached the server."""
  request: RequestInfo!
}

"""Changes that are echoed back, not kept."""
type Mutation {
  """Returns the item that would be created, with id "new"."""
  createItem(input: ItemInput!): Item!
}

"""An item of the fixed list."""
type Item {
  """Its position, "1" to "5"."""
  id: ID!
  """Its name."""
  name: String!
  """Its colour."""
  color: Color!
  """Its price in cents."""
  priceCents: Int!
}

"""What \`createItem\` takes."""
input ItemInput {
  """The name to give."""
  name: String!
  """The colour (default RED)."""
  color: Color = RED
}

"""The colours items come in."""
enum Color {
  """Red."""
  RED
  """Green."""
  GREEN
  """Blue."""
  BLUE
}

"""The HTTP request as the server read it."""
type RequestInfo {
  """The method: GET or POST."""
  method: String!
  """The operation name sent, if any."""
  operationName: String
}
`;

const schema = buildSchema(ECHO_GRAPHQL_SDL);

const ITEMS = ['Anvil', 'Bell', 'Compass', 'Drum', 'Easel'].map((name, i) => ({
  id: String(i + 1),
  name,
  color: (['RED', 'GREEN', 'BLUE'] as const)[i % 3]!,
  priceCents: (i + 1) * 250,
}));

interface GraphqlParams {
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
}

/** Handles the route (any method; GET and POST are served). */
export function graphqlRoute(req: IncomingMessage, res: ServerResponse): void {
  const method = req.method ?? '';
  if (method === 'OPTIONS') {
    res.writeHead(204, [...ECHO_CORS_HEADERS, ['Allow', 'GET, POST, OPTIONS']].flat());
    res.end();
    return;
  }
  if (method !== 'GET' && method !== 'POST') {
    return send(res, 405, { errors: [{ message: 'Use GET or POST (GraphQL over HTTP).' }] }, [['Allow', 'GET, POST']]);
  }
  readBody(req, MAX_ECHO_BODY_BYTES).then(
    (body) => {
      const params = method === 'GET' ? fromQuery(req.url ?? '') : fromContent(req, body.prefix.toString('utf8'));
      if ('error' in params) return send(res, 400, { errors: [{ message: params.error }] });
      run(res, method, params);
    },
    (err: Error) => sendEchoText(res, 413, err.message),
  );
}

function run(res: ServerResponse, method: string, params: GraphqlParams): void {
  let document: DocumentNode;
  try {
    document = parse(params.query);
  } catch (e) {
    return send(res, 200, { errors: [e instanceof GraphQLError ? e.toJSON() : { message: String(e) }] });
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return send(res, 200, { errors: invalid.map((e) => e.toJSON()) });
  const operation = getOperationAST(document, params.operationName);
  if (method === 'GET' && operation?.operation === OperationTypeNode.MUTATION) {
    return send(res, 405, { errors: [{ message: 'A mutation cannot be sent with GET; use POST.' }] }, [
      ['Allow', 'POST'],
    ]);
  }
  const result = execute({
    schema,
    document,
    rootValue: rootValue(method, params.operationName),
    variableValues: params.variables,
    operationName: params.operationName,
  }) as ExecutionResult;
  send(res, 200, {
    ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}),
    ...('data' in result ? { data: result.data } : {}),
  });
}

function rootValue(method: string, operationName: string | undefined) {
  return {
    echo: ({ text, times }: { text: string; times: number }) =>
      Array.from({ length: Math.max(0, Math.min(times, 100)) }, () => text).join(' '),
    items: ({ first, color }: { first: number; color?: string }) =>
      ITEMS.filter((i) => color === undefined || i.color === color).slice(0, Math.max(0, first)),
    fail: ({ message }: { message: string }) => {
      throw new Error(message);
    },
    request: () => ({ method, operationName: operationName ?? null }),
    createItem: ({ input }: { input: { name: string; color: string } }) => ({
      id: 'new',
      name: input.name,
      color: input.color,
      priceCents: 0,
    }),
  };
}

function fromQuery(target: string): GraphqlParams | { error: string } {
  const q = target.indexOf('?');
  const search = new URLSearchParams(q < 0 ? '' : target.slice(q + 1));
  return checked(search.get('query'), search.get('variables'), search.get('operationName'));
}

function fromContent(req: IncomingMessage, text: string): GraphqlParams | { error: string } {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    return { error: `Send the content as application/json (got ${type === '' ? 'no Content-Type' : type}).` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'The content is not JSON.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: 'The content must be a JSON object {"query": …}.' };
  const o = value as Record<string, unknown>;
  return checked(o.query, o.variables === undefined ? null : o.variables, o.operationName ?? null);
}

/** Checks the three parameters; `variables` may be JSON text (GET) or already a value (POST). */
function checked(query: unknown, variables: unknown, operationName: unknown): GraphqlParams | { error: string } {
  if (typeof query !== 'string' || query === '') return { error: 'No query: send the "query" parameter.' };
  let vars: unknown = variables;
  if (typeof variables === 'string') {
    try {
      vars = JSON.parse(variables);
    } catch {
      return { error: 'The "variables" parameter is not JSON.' };
    }
  }
  if (vars !== null && (typeof vars !== 'object' || Array.isArray(vars)))
    return { error: 'The "variables" must be a JSON object.' };
  if (operationName !== null && typeof operationName !== 'string')
    return { error: 'The "operationName" must be a string.' };
  return {
    query,
    variables: (vars ?? undefined) as Record<string, unknown> | undefined,
    operationName: operationName ?? undefined,
  };
}

function send(res: ServerResponse, status: number, reply: unknown, extra: [string, string][] = []): void {
  const body = Buffer.from(JSON.stringify(reply));
  res.writeHead(
    status,
    [
      ...ECHO_CORS_HEADERS,
      ...extra,
      ['Cache-Control', 'no-store'],
      ['Content-Type', 'application/json; charset=utf-8'],
      ['Content-Length', String(body.length)],
    ].flat(),
  );
  res.end(body);
}
