/**
 * GraphQL body (issue 17, docs/graphql.md): the query (Monaco GraphQL with completion and
 * validation from the fetched schema), the variables (JSON), the operation (a picker when the
 * document has several operations) and "Fetch schema". A lazy chunk: `graphql` loads with it.
 */
import { useEffect, useId, useMemo } from 'react';
import { CodeEditor } from '../../components/code-editor/CodeEditor.tsx';
import { graphqlOperations, pickedOperation } from '../../core/graphql/operations.ts';
import { setGraphqlSchema } from '../../services/monaco-graphql.ts';
import { fetchSchemaClicked, useTabSchema } from '../../stores/graphql-schema-store.ts';
import { graphqlBodyEdited } from '../../stores/request-store.ts';
import { useActiveTabId } from '../../stores/tabs-store.ts';

function SchemaStatus({ tabId }: { tabId: string }) {
  const state = useTabSchema(tabId);
  const schema = state?.phase === 'ready' ? state.schema : null;
  useEffect(() => setGraphqlSchema(schema), [schema]);
  if (!state) return <span className="text-xs text-slate-500">No schema</span>;
  if (state.phase === 'loading') return <span className="text-xs text-slate-500">Fetching schema…</span>;
  if (state.phase === 'ready')
    return (
      <span role="status" aria-label="GraphQL schema" className="text-xs text-emerald-700">
        Schema: {state.typeCount} types
      </span>
    );
  return (
    <span role="alert" aria-label="GraphQL schema" className="text-xs text-red-700">
      {state.message}
    </span>
  );
}

function OperationField({ query, operationName }: { query: string; operationName: string | null }) {
  const id = useId();
  const listed = useMemo(() => graphqlOperations(query), [query]);
  const named = 'operations' in listed ? listed.operations.filter((o) => o.name !== null) : [];
  const label = (
    <label htmlFor={id} className="text-xs font-medium text-slate-600">
      Operation name
    </label>
  );
  if ('operations' in listed && listed.operations.length > 1) {
    const { problem } = pickedOperation(listed.operations, operationName);
    return (
      <>
        {label}
        <select
          id={id}
          className="rounded border border-slate-300 px-1 py-0.5 text-xs"
          value={operationName !== null && named.some((o) => o.name === operationName) ? operationName : ''}
          onChange={(e) => graphqlBodyEdited({ operationName: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">(choose)</option>
          {named.map((o) => (
            <option key={o.name} value={o.name ?? ''}>
              {o.name} ({o.type})
            </option>
          ))}
        </select>
        {problem && <span className="text-xs text-amber-700">{problem}</span>}
      </>
    );
  }
  return (
    <>
      {label}
      <input
        id={id}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs"
        value={operationName ?? ''}
        placeholder="(only with several operations)"
        onChange={(e) => graphqlBodyEdited({ operationName: e.target.value === '' ? null : e.target.value })}
      />
    </>
  );
}

export function GraphqlBodyEditor({
  query,
  variables,
  operationName,
}: {
  query: string;
  variables: string;
  operationName: string | null;
}) {
  const tabId = useActiveTabId();
  return (
    <div className="flex h-full min-h-0 flex-col border-t border-slate-200">
      <div className="flex flex-wrap items-center gap-2 px-3 py-1">
        <OperationField query={query} operationName={operationName} />
        <button
          type="button"
          className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
          onClick={() => void fetchSchemaClicked()}
        >
          Fetch schema
        </button>
        <SchemaStatus tabId={tabId} />
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
