/**
 * The bytes of a GraphQL request (body mode `graphql`), in the two forms of the GraphQL over
 * HTTP specification (graphql.github.io/graphql-over-http, "Request"): a JSON content for
 * POST (and any method other than GET), query parameters for GET. Pure; no `graphql`
 * import here, so the request path stays out of the lazy GraphQL chunk. See docs/graphql.md.
 */
import { JsonSyntaxError, minifyJson } from '../json/lossless.ts';
import type { TypedQueryPair } from '../url/query.ts';

/** The GraphQL parts of a draft body (variables already substituted by the caller). */
export interface GraphqlParts {
  /** The GraphQL document as typed. */
  query: string;
  /** The variables as JSON text; blank = no variables. */
  variables: string;
  /** The operation to run; `null` (or blank) = none named (a document with one operation). */
  operationName: string | null;
}

/** `{ value }`: the variables minified (every token as typed), `null` when blank; or `{ error }`, a sentence. */
export function graphqlVariablesJson(text: string): { value: string | null } | { error: string } {
  if (text.trim() === '') return { value: null };
  let value: string;
  try {
    value = minifyJson(text);
  } catch (e) {
    const where = e instanceof JsonSyntaxError ? ` (${e.message})` : '';
    return { error: `The GraphQL variables are not valid JSON${where}. Fix them, or empty the Variables editor.` };
  }
  if (!value.startsWith('{') && value !== 'null')
    return { error: 'The GraphQL variables must be a JSON object, such as {"id": 1}.' };
  return { value };
}

/**
 * The POST content: `{"query":Q[,"variables":V][,"operationName":N]}` with no whitespace, in
 * this order; `Q` and `N` are JSON strings (`JSON.stringify`), `V` is the variables text
 * minified with every number and string kept as typed (`1.0e400` stays), left out when
 * blank; `operationName` left out when `null` or blank. UTF-8 bytes. Returns `{ bytes }` or
 * `{ error }` (variables that are not a JSON object). Never throws.
 * Example: query `{ a }`, variables `{ "x": 1 }` → `{"query":"{ a }","variables":{"x":1}}`.
 */
export function encodeGraphqlPost(parts: GraphqlParts): { bytes: Uint8Array } | { error: string } {
  const vars = graphqlVariablesJson(parts.variables);
  if ('error' in vars) return vars;
  let text = `{"query":${JSON.stringify(parts.query)}`;
  if (vars.value !== null) text += `,"variables":${vars.value}`;
  const op = parts.operationName?.trim() ?? '';
  if (op !== '') text += `,"operationName":${JSON.stringify(op)}`;
  return { bytes: new TextEncoder().encode(text + '}') };
}

/**
 * The GET form: query pairs `query`, then `variables` (minified JSON, when not blank), then
 * `operationName` (when set), appended after the request's own query rows. Each value is
 * percent-encoded as UTF-8 except the unreserved characters of RFC 3986 §2.3
 * (`A–Z a–z 0–9 - . _ ~`), so a server decoding `application/x-www-form-urlencoded` gets the
 * text back exactly (a `+` goes as `%2B`, never read as a space; a typed `%20` as `%2520`).
 * Returns `{ pairs }` (already encoded: `encodeQuery` keeps them as they are) or `{ error }`.
 * Example: `{ a }` → `[{ name: 'query', value: '%7B%20a%20%7D' }]`. Never throws.
 */
export function graphqlGetPairs(parts: GraphqlParts): { pairs: TypedQueryPair[] } | { error: string } {
  const vars = graphqlVariablesJson(parts.variables);
  if ('error' in vars) return vars;
  const pairs: TypedQueryPair[] = [{ name: 'query', value: encodeStrict(parts.query) }];
  if (vars.value !== null) pairs.push({ name: 'variables', value: encodeStrict(vars.value) });
  const op = parts.operationName?.trim() ?? '';
  if (op !== '') pairs.push({ name: 'operationName', value: encodeStrict(op) });
  return { pairs };
}

/** Percent-encodes all but RFC 3986 unreserved characters; a lone surrogate goes as U+FFFD (WHATWG URL). */
function encodeStrict(text: string): string {
  const wellFormed = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return encodeURIComponent(wellFormed).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}
