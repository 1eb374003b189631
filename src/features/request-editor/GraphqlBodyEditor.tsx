/** GraphQL body (issue 17, docs/graphql.md): the query (Monaco's GraphQL tokenizer), the variables (JSON) and the operation name. */
import { useId } from 'react';
import { CodeEditor } from '../../components/code-editor/CodeEditor.tsx';
import { graphqlBodyEdited } from '../../stores/request-store.ts';

export function GraphqlBodyEditor({
  query,
  variables,
  operationName,
}: {
  query: string;
  variables: string;
  operationName: string | null;
}) {
  const id = useId();
  return (
    <div className="flex h-full min-h-0 flex-col border-t border-slate-200">
      <div className="flex items-center gap-2 px-3 py-1">
        <label htmlFor={id} className="text-xs font-medium text-slate-600">
          Operation name
        </label>
        <input
          id={id}
          className="rounded border border-slate-300 px-2 py-0.5 text-xs"
          value={operationName ?? ''}
          placeholder="(only with several operations)"
          onChange={(e) => graphqlBodyEdited({ operationName: e.target.value === '' ? null : e.target.value })}
        />
      </div>
      <div className="min-h-[10rem] flex-1">
        <CodeEditor
          value={query}
          onChange={(v) => graphqlBodyEdited({ query: v })}
          language="graphql"
          ariaLabel="GraphQL query"
        />
      </div>
      <div className="h-32 border-t border-slate-200">
        <CodeEditor
          value={variables}
          onChange={(v) => graphqlBodyEdited({ variables: v })}
          language="json"
          ariaLabel="GraphQL variables"
        />
      </div>
    </div>
  );
}
