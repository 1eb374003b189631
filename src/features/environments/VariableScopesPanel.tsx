/**
 * Global variables, and every variable in force for the request in the editor with its value
 * and scope (core/variables/scopes.ts). Secret-looking values are masked.
 */
import { useMemo } from 'react';
import { variableScopes } from '../../core/variables/scopes.ts';
import { activeVariables } from '../../core/variables/substitute.ts';
import { secretValueKind } from '../../core/secrets/values.ts';
import { KeyValueTable } from '../../components/key-value-table.tsx';
import { useActiveEnvironmentId, useEnvironments } from '../../stores/environments-store.ts';
import { globalAdded, globalEdited, globalRemoved, globalToggled, useGlobals } from '../../stores/globals-store.ts';
import { useScopeChain } from '../../stores/request-scopes.ts';

export const PRECEDENCE_TEXT =
  'Precedence (later wins): globals < collection < folders (outer → inner) < environment < request.';

export function VariableScopesPanel() {
  const globals = useGlobals();
  const environments = useEnvironments();
  const activeId = useActiveEnvironmentId();
  const scopes = useScopeChain();
  const inForce = useMemo(() => {
    const env = environments.find((e) => e.id === activeId);
    const secretNames = new Set(env?.variables.filter((v) => v.secret).map((v) => v.name.trim()) ?? []);
    return variableScopes({
      globals,
      scopes,
      environment: env ? { name: env.name, values: activeVariables(environments, activeId) } : null,
    }).map((v) => ({ ...v, secret: v.secret || secretNames.has(v.name) || secretValueKind(v.value) !== null }));
  }, [globals, scopes, environments, activeId]);
  return (
    <div className="space-y-4">
      <p className="text-xs text-slate-600">{PRECEDENCE_TEXT}</p>
      <section aria-label="Globals">
        <h3 className="mb-1 text-xs font-semibold text-slate-600">Globals</h3>
        <KeyValueTable
          label="Global variables"
          nameLabel="Variable name"
          valueLabel="Variable value"
          rows={globals}
          addLabel="Add global variable"
          onAdd={globalAdded}
          onEdit={globalEdited}
          onToggle={globalToggled}
          onRemove={globalRemoved}
        />
      </section>
      <section aria-label="Variables in force">
        <h3 className="mb-1 text-xs font-semibold text-slate-600">In force for the request in the editor</h3>
        <table aria-label="Variables in force" className="w-full table-fixed border-collapse text-[13px]">
          <thead>
            <tr className="text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500">
              <th className="w-[30%] py-1 pl-1.5">Name</th>
              <th className="py-1 pl-1.5">Value</th>
              <th className="w-[30%] py-1 pl-1.5">Scope</th>
            </tr>
          </thead>
          <tbody>
            {inForce.map((v) => (
              <tr key={v.name} className="border-t border-slate-100">
                <td className="truncate py-1 pl-1.5 font-mono">{v.name}</td>
                <td
                  className="truncate py-1 pl-1.5 font-mono"
                  title={v.secret ? 'Hidden: looks like a secret' : v.value}
                >
                  {v.secret ? '••••••' : v.value}
                </td>
                <td
                  className="truncate py-1 pl-1.5 text-slate-600"
                  title={v.overrides.length ? `Overrides ${v.overrides.join(', ')}` : undefined}
                >
                  {v.scope}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {inForce.length === 0 && <p className="px-1.5 py-1 text-xs text-slate-500">No variables defined.</p>}
      </section>
    </div>
  );
}
