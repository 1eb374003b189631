/** Query parameters table (the same query the URL field shows) and path variables. */
import { useMemo } from 'react';
import { pathVariableNames } from '../../core/url/path-variables.ts';
import { KeyValueTable, type AutoRow } from '../../components/key-value-table.tsx';
import { cellInputClass } from '../../components/ui.tsx';
import { useResolved } from '../../stores/request-derived.ts';
import {
  pathVariableEdited,
  queryRowAdded,
  queryRowEdited,
  queryRowMoved,
  queryRowRemoved,
  queryRowToggled,
  useAuth,
  useDraft,
} from '../../stores/request-store.ts';
import { UNRESOLVED_CLASS, problemsByRow, usesUnresolved } from './problems.ts';

export function QueryPanel() {
  const draft = useDraft();
  const auth = useAuth();
  const resolved = useResolved();
  const names = useMemo(() => pathVariableNames(draft.url), [draft.url]);
  const autoRows: AutoRow[] =
    auth.type === 'apikey' && auth.in === 'query' && auth.key.trim() !== ''
      ? [{ key: 'apikey', name: auth.key.trim(), value: auth.value, source: 'auth' }]
      : [];

  return (
    <div className="space-y-4 p-3">
      <KeyValueTable
        label="Query parameters"
        nameLabel="Parameter name"
        valueLabel="Parameter value"
        rows={draft.query}
        problems={problemsByRow(resolved.problems, 'query')}
        autoRows={autoRows}
        onAdd={queryRowAdded}
        onEdit={queryRowEdited}
        onToggle={queryRowToggled}
        onRemove={queryRowRemoved}
        onMove={queryRowMoved}
        addLabel="Add parameter"
        cellClass={(text) => (usesUnresolved(text, resolved.unresolvedVariables) ? UNRESOLVED_CLASS : '')}
        emptyText="No query parameters. Type them in the URL after ? or add rows here."
      />
      <p className="px-1 text-[11px] leading-4 text-slate-500">
        Names and values are shown as they stand in the URL. When sent, only what cannot stand in a query is
        percent-encoded (UTF-8; space as %20); existing %XX escapes are kept.
      </p>
      {names.length > 0 && (
        <section aria-label="Path variables">
          <h3 className="mb-1 px-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">Path variables</h3>
          <table className="w-full table-fixed text-[13px]">
            <tbody>
              {names.map((name) => (
                <tr key={name} className="border-t border-slate-100">
                  <td className="w-1/3 py-1 pl-2 font-mono text-[12.5px] text-slate-700">:{name}</td>
                  <td className="py-0.5">
                    <input
                      aria-label={`Path variable ${name}`}
                      className={cellInputClass}
                      placeholder="value"
                      value={draft.pathVariables[name] ?? ''}
                      onChange={(e) => pathVariableEdited(name, e.target.value)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
