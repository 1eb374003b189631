/**
 * An Insomnia GraphQL body (`{ mimeType: 'application/graphql', text }`, where `text` is the
 * JSON `{"query", "variables", "operationName"}` Insomnia sends) as Parley's graphql body, for
 * the Insomnia importer (src/core/interop, h6). Pure; no `graphql` import.
 */
import type { Body } from '../model/draft.ts';

/**
 * `null` when `body` is not an Insomnia GraphQL body; otherwise the graphql body: `query` and
 * `operationName` as given, `variables` as pretty JSON text (2 spaces; `''` when absent or
 * empty `{}`). Text that is not JSON becomes the query itself. Never throws.
 */
export function graphqlBodyFromInsomnia(body: unknown): Extract<Body, { mode: 'graphql' }> | null {
  const o = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
  if (!o || o.mimeType !== 'application/graphql') return null;
  const text = typeof o.text === 'string' ? o.text : '';
  let v: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) v = parsed as Record<string, unknown>;
    else return { mode: 'graphql', query: text, variables: '', operationName: null };
  } catch {
    return { mode: 'graphql', query: text, variables: '', operationName: null };
  }
  const vars = v.variables;
  const hasVars = typeof vars === 'object' && vars !== null && Object.keys(vars).length > 0;
  return {
    mode: 'graphql',
    query: typeof v.query === 'string' ? v.query : '',
    variables: hasVars ? JSON.stringify(vars, null, 2) : typeof vars === 'string' ? vars : '',
    operationName: typeof v.operationName === 'string' && v.operationName !== '' ? v.operationName : null,
  };
}
