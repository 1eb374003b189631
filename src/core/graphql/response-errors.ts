/**
 * The `errors` of a GraphQL response (GraphQL spec §7.1.2 "Errors"): what the response viewer
 * lists and counts. Plain JSON reading, no `graphql` import (it runs next to every response view).
 */

/** One error as the response gives it; `path` and `locations` are empty when absent. */
export interface GraphqlResponseError {
  message: string;
  /** Response path, e.g. `['user', 0, 'name']`. */
  path: (string | number)[];
  /** 1-based line and column in the document. */
  locations: { line: number; column: number }[];
}

/** Larger bodies are not parsed for errors (UTF-16 units): the body viewer shows them anyway. */
export const GRAPHQL_ERRORS_SCAN_LIMIT = 5_000_000;

/**
 * The errors of a GraphQL response body `text` (JSON), or `null` when it is not a JSON object
 * with an `errors` array (not GraphQL, or no errors), or longer than `GRAPHQL_ERRORS_SCAN_LIMIT`.
 * An entry without a string `message` gets `(no message)`; malformed `path` items and
 * `locations` entries are dropped. Never throws.
 * Example: `{"errors":[{"message":"boom","path":["fail"]}]}` → `[{ message: 'boom', path: ['fail'], locations: [] }]`.
 */
export function graphqlResponseErrors(text: string): GraphqlResponseError[] | null {
  if (text.length > GRAPHQL_ERRORS_SCAN_LIMIT || !text.trimStart().startsWith('{')) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const errors = (value as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return null;
  return errors.map((e: unknown) => {
    const o = typeof e === 'object' && e !== null ? (e as Record<string, unknown>) : {};
    return {
      message: typeof o.message === 'string' ? o.message : '(no message)',
      path: Array.isArray(o.path)
        ? o.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number')
        : [],
      locations: Array.isArray(o.locations)
        ? o.locations.flatMap((l: unknown) => {
            const r = l as { line?: unknown; column?: unknown } | null;
            return typeof r?.line === 'number' && typeof r.column === 'number'
              ? [{ line: r.line, column: r.column }]
              : [];
          })
        : [],
    };
  });
}

/** `user.0.name` style text of a path; `''` for none. */
export function graphqlPathText(path: (string | number)[]): string {
  return path.join('.');
}
