/**
 * The defaults of a collection or folder: header fields, auth and variables that every request
 * inside inherits (docs/workspace-model.md). Each edit is stored at once.
 */
import { useId } from 'react';
import { AUTH_SCHEMES, authScheme } from '../../core/auth/schemes.ts';
import type { KeyValueRow } from '../../core/model/draft.ts';
import { AuthSchema, type Auth, type AuthType } from '../../core/model/draft.ts';
import type { ScopeDefaults } from '../../core/library/records.ts';
import { newId } from '../../core/model/ids.ts';
import { KeyValueTable } from '../../components/key-value-table.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { inputClass, selectClass } from '../../components/ui.tsx';
import { useCollections, useFolders } from '../../stores/library-store.ts';
import { scopeDefaultsEdited, scopeEditorClosed } from '../../stores/library-tree.ts';

type RowsKey = 'headers' | 'variables';

function rowsOps(edit: (u: (d: ScopeDefaults) => ScopeDefaults) => void, key: RowsKey) {
  const map = (f: (rows: KeyValueRow[]) => KeyValueRow[]) => edit((d) => ({ ...d, [key]: f(d[key]) }));
  return {
    onAdd: () => map((rows) => [...rows, { id: newId(), name: '', value: '', enabled: true }]),
    onEdit: (id: string, patch: { name?: string; value?: string }) =>
      map((rows) => rows.map((r) => (r.id === id ? { ...r, ...patch } : r))),
    onToggle: (id: string, enabled: boolean) => map((rows) => rows.map((r) => (r.id === id ? { ...r, enabled } : r))),
    onRemove: (id: string) => map((rows) => rows.filter((r) => r.id !== id)),
  };
}

/** The stored auth of a scope as a draft Auth; `null` (not set) shows as "Inherit from parent". */
function scopeAuth(raw: unknown): Auth {
  if (raw === null || raw === undefined) return { type: 'inherit' };
  return AuthSchema.parse(raw);
}

export function ScopeDefaultsDialog({ kind, id }: { kind: 'collection' | 'folder'; id: string }) {
  const collections = useCollections();
  const folders = useFolders();
  const fieldId = useId();
  const record = kind === 'collection' ? collections[id] : folders[id];
  if (!record) return null;
  const edit = (u: (d: ScopeDefaults) => ScopeDefaults) => scopeDefaultsEdited(kind, id, u);
  const auth = scopeAuth(record.defaults.auth);
  const values = auth as unknown as Record<string, string>;
  const setAuth = (next: Auth) => edit((d) => ({ ...d, auth: next.type === 'inherit' ? null : next }));
  return (
    <Dialog title={`Defaults of ${kind} ${record.name}`} onClose={scopeEditorClosed} size="wide">
      <div className="flex max-h-[70vh] flex-col gap-4 overflow-auto text-sm">
        <p className="text-xs text-slate-500">
          Every request in this {kind} gets these, unless it sets its own: a header row of the request with the same
          name wins; its auth applies when the request’s auth is “Inherit from parent”. Inner folders win over outer
          ones.
        </p>
        <section aria-label="Default headers">
          <h3 className="mb-1 text-xs font-semibold text-slate-600">Headers</h3>
          <KeyValueTable
            label={`Headers of ${kind} ${record.name}`}
            nameLabel="Header name"
            valueLabel="Header value"
            rows={record.defaults.headers}
            addLabel="Add header"
            {...rowsOps(edit, 'headers')}
          />
        </section>
        <section aria-label="Default auth" className="grid grid-cols-[6rem_1fr] items-center gap-x-3 gap-y-2">
          <label htmlFor={`${fieldId}-auth`} className="text-xs font-semibold text-slate-600">
            Auth type
          </label>
          <select
            id={`${fieldId}-auth`}
            className={`${selectClass} justify-self-start`}
            value={auth.type}
            onChange={(e) => setAuth(authScheme(e.target.value as AuthType).empty())}
          >
            {AUTH_SCHEMES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id === 'inherit' && kind === 'collection' ? 'Not set (no auth)' : s.label}
              </option>
            ))}
          </select>
          {authScheme(auth.type).fields.map((f) => (
            <label key={f.key} className="contents">
              <span className="text-xs text-slate-600">{f.label}</span>
              {f.kind === 'select' ? (
                <select
                  className={`${selectClass} justify-self-start`}
                  value={values[f.key] ?? ''}
                  onChange={(e) => setAuth({ ...auth, [f.key]: e.target.value })}
                >
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  className={`${inputClass} font-mono`}
                  value={values[f.key] ?? ''}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(e) => setAuth({ ...auth, [f.key]: e.target.value })}
                />
              )}
            </label>
          ))}
        </section>
        <section aria-label="Default variables">
          <h3 className="mb-1 text-xs font-semibold text-slate-600">Variables</h3>
          <KeyValueTable
            label={`Variables of ${kind} ${record.name}`}
            nameLabel="Variable name"
            valueLabel="Variable value"
            rows={record.defaults.variables}
            addLabel="Add variable"
            {...rowsOps(edit, 'variables')}
          />
          <p className="mt-1 text-[11px] text-slate-500">
            Precedence (later wins): globals &lt; collection &lt; folders (outer → inner) &lt; environment &lt; request.
          </p>
        </section>
      </div>
    </Dialog>
  );
}
