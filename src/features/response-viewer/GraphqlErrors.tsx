/**
 * The `errors` of a GraphQL response (spec §7.1.2), above the body: count, then each message with
 * its path and line:column. A lazy chunk, rendered only when the request body is GraphQL.
 */
import { useMemo } from 'react';
import type { ResponseRecord } from '../../core/model/response.ts';
import { graphqlPathText, graphqlResponseErrors } from '../../core/graphql/response-errors.ts';

export function GraphqlErrors({ response }: { response: ResponseRecord }) {
  const errors = useMemo(
    () => (response.body ? graphqlResponseErrors(new TextDecoder().decode(response.body)) : null),
    [response.body],
  );
  if (!errors) return null;
  return (
    <section aria-label="GraphQL errors" className="border-b border-red-200 bg-red-50 px-3 py-2 text-[13px]">
      <h3 className="font-medium text-red-800">
        {errors.length === 1 ? '1 GraphQL error' : `${errors.length} GraphQL errors`}
      </h3>
      <ul className="mt-1 space-y-0.5">
        {errors.map((e, i) => (
          <li key={i} className="text-red-900">
            <span className="graphql-error-message">{e.message}</span>
            {e.path.length > 0 && <span className="ml-2 font-mono text-red-700">at {graphqlPathText(e.path)}</span>}
            {e.locations.map((l) => (
              <span key={`${l.line}:${l.column}`} className="ml-2 font-mono text-red-700">
                {l.line}:{l.column}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
