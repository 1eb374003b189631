/** Dialog to create environments and edit their variables (secret ones are masked); the shared modal <dialog>. */
import { useState } from 'react';
import type { Environment, Variable } from '../../core/model/variables.ts';
import { Dialog } from '../../components/dialog.tsx';
import { VariableScopesPanel } from './VariableScopesPanel.tsx';
import { Button, cellInputClass, inputClass } from '../../components/ui.tsx';
import {
  environmentActivated,
  environmentAdded,
  environmentRemoved,
  environmentRenamed,
  useActiveEnvironmentId,
  useEnvironments,
  variableAdded,
  variableNameEdited,
  variableRemoved,
  variableSecretToggled,
  variableToggled,
  variableValueEdited,
} from '../../stores/environments-store.ts';

/** The nav entry of the globals and scopes view (not an environment id: ids are random). */
const SCOPES = '__scopes__';

export function EnvironmentEditor({ onClose }: { onClose: () => void }) {
  const environments = useEnvironments();
  const activeId = useActiveEnvironmentId();
  const [selectedId, setSelectedId] = useState<string | null>(activeId ?? environments[0]?.id ?? null);
  const selected = environments.find((e) => e.id === selectedId) ?? null;

  return (
    <Dialog title="Environments" onClose={onClose} size="large">
      <div className="-mx-4 -mb-4 flex max-h-[70vh] flex-col border-t border-slate-200">
        <div className="flex items-center px-4 py-2">
          <p className="text-xs text-slate-500">
            Use <code className="rounded bg-slate-100 px-1">{'{{name}}'}</code> in the URL, query, headers, auth and
            body.
          </p>
          <Button variant="ghost" className="ml-auto" onClick={onClose}>
            Close
          </Button>
        </div>
        <div className="flex min-h-0 flex-1 border-t border-slate-200">
          <nav
            aria-label="Environment list"
            className="w-48 shrink-0 space-y-0.5 overflow-auto border-r border-slate-200 bg-slate-50 p-2"
          >
            {environments.map((env) => (
              <button
                key={env.id}
                type="button"
                onClick={() => setSelectedId(env.id)}
                className={`flex w-full items-center gap-2 rounded px-2 py-1 text-left text-[13px] ${env.id === selectedId ? 'bg-white font-medium text-slate-900 shadow-sm ring-1 ring-slate-200' : 'text-slate-600 hover:bg-white'}`}
              >
                <span
                  className={`h-1.5 w-1.5 rounded-full ${env.id === activeId ? 'bg-emerald-500' : 'bg-transparent'}`}
                  aria-hidden
                />
                <span className="truncate">{env.name || 'Untitled'}</span>
              </button>
            ))}
            <button
              type="button"
              onClick={() => setSelectedId(SCOPES)}
              className={`flex w-full rounded px-2 py-1 text-left text-[13px] ${selectedId === SCOPES ? 'bg-white font-medium text-slate-900 shadow-sm ring-1 ring-slate-200' : 'text-slate-600 hover:bg-white'}`}
            >
              Globals &amp; scopes
            </button>
            <Button variant="ghost" className="w-full !justify-start" onClick={() => setSelectedId(environmentAdded())}>
              + New environment
            </Button>
          </nav>
          <div className="min-w-0 flex-1 overflow-auto p-4">
            {selectedId === SCOPES ? (
              <VariableScopesPanel />
            ) : selected ? (
              <EnvironmentForm env={selected} active={selected.id === activeId} />
            ) : (
              <p className="text-sm text-slate-500">Create an environment to define variables.</p>
            )}
          </div>
        </div>
      </div>
    </Dialog>
  );
}

function EnvironmentForm({ env, active }: { env: Environment; active: boolean }) {
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-2">
        <input
          aria-label="Environment name"
          className={`${inputClass} max-w-xs font-medium`}
          value={env.name}
          onChange={(e) => environmentRenamed(env.id, e.target.value)}
        />
        {active ? (
          <span className="rounded bg-emerald-50 px-2 py-0.5 text-[11px] font-medium text-emerald-700 ring-1 ring-emerald-200">
            Active
          </span>
        ) : (
          <Button onClick={() => environmentActivated(env.id)}>Make active</Button>
        )}
        <Button variant="danger" className="ml-auto" onClick={() => environmentRemoved(env.id)}>
          Delete environment
        </Button>
      </div>
      <table aria-label="Variables" className="w-full table-fixed border-collapse text-[13px]">
        <thead>
          <tr className="text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500">
            <th className="w-8" />
            <th className="w-[32%] py-1 pl-1.5">Name</th>
            <th className="py-1 pl-1.5">Value</th>
            <th className="w-16 py-1 text-center">Secret</th>
            <th className="w-8" />
          </tr>
        </thead>
        <tbody>
          {env.variables.map((v, i) => (
            <VariableRow key={v.id} envId={env.id} variable={v} index={i} />
          ))}
        </tbody>
      </table>
      <Button variant="ghost" onClick={() => variableAdded(env.id)}>
        + Add variable
      </Button>
    </div>
  );
}

function VariableRow({ envId, variable: v, index }: { envId: string; variable: Variable; index: number }) {
  const n = index + 1;
  return (
    <tr className={`border-t border-slate-100 ${v.enabled ? '' : 'opacity-55'}`}>
      <td className="pl-1">
        <input
          type="checkbox"
          aria-label={`Enable variable ${n}`}
          checked={v.enabled}
          onChange={(e) => variableToggled(envId, v.id, e.target.checked)}
          className="h-3.5 w-3.5 accent-indigo-600"
        />
      </td>
      <td className="py-0.5">
        <input
          aria-label="Variable name"
          className={cellInputClass}
          placeholder="name"
          value={v.name}
          onChange={(e) => variableNameEdited(envId, v.id, e.target.value)}
        />
      </td>
      <td className="py-0.5">
        <input
          aria-label="Variable value"
          type={v.secret ? 'password' : 'text'}
          autoComplete="off"
          className={cellInputClass}
          placeholder="value"
          value={v.value}
          onChange={(e) => variableValueEdited(envId, v.id, e.target.value)}
        />
      </td>
      <td className="text-center">
        <input
          type="checkbox"
          aria-label={`Secret variable ${n}`}
          checked={v.secret}
          onChange={(e) => variableSecretToggled(envId, v.id, e.target.checked)}
          className="h-3.5 w-3.5 accent-indigo-600"
        />
      </td>
      <td className="text-right">
        <Button
          variant="danger"
          className="!px-1.5"
          aria-label={`Remove variable ${n}`}
          onClick={() => variableRemoved(envId, v.id)}
        >
          ✕
        </Button>
      </td>
    </tr>
  );
}
