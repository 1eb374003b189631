/** Auth scheme picker and its fields, from the scheme descriptors in core/auth. */
import { useId, useState } from 'react';
import type { AuthType } from '../../core/model/draft.ts';
import { AUTH_SCHEMES, authScheme, type AuthField } from '../../core/auth/schemes.ts';
import { Notice, inputClass, selectClass } from '../../components/ui.tsx';
import { useResolved } from '../../stores/request-derived.ts';
import { authFieldEdited, authTypeChanged, useAuth } from '../../stores/request-store.ts';
import { UNRESOLVED_CLASS, fieldProblems, usesUnresolved } from './problems.ts';
import { JwtSigner } from './JwtSigner.tsx';
import { OAuthTokenPanel } from './OAuthTokenPanel.tsx';

export function AuthPanel() {
  const auth = useAuth();
  const resolved = useResolved();
  const id = useId();
  const scheme = authScheme(auth.type);
  const values = auth as unknown as Record<string, string>;
  const problems = fieldProblems(resolved.problems, 'auth');

  return (
    <div className="space-y-3 p-3">
      <div className="grid max-w-xl grid-cols-[6rem_1fr] items-center gap-x-3 gap-y-2">
        <label htmlFor={`${id}-type`} className="text-xs font-medium text-slate-600">
          Auth type
        </label>
        <select
          id={`${id}-type`}
          aria-label="Auth type"
          className={`${selectClass} justify-self-start`}
          value={auth.type}
          onChange={(e) => authTypeChanged(e.target.value as AuthType)}
        >
          {AUTH_SCHEMES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
        {scheme.fields
          .filter((field) => !field.when || field.when(values))
          .map((field) => (
            <AuthFieldRow
              key={field.key}
              id={`${id}-${field.key}`}
              field={field}
              value={values[field.key] ?? ''}
              flagged={usesUnresolved(values[field.key] ?? '', resolved.unresolvedVariables)}
            />
          ))}
      </div>
      {auth.type === 'jwt' && <JwtSigner auth={auth} />}
      {resolved.oauth2 && <OAuthTokenPanel oauth2={resolved.oauth2} />}
      {problems.map((p, i) => (
        <Notice key={i} tone={p.severity === 'error' ? 'error' : 'warning'}>
          {p.message}
        </Notice>
      ))}
      <p className="max-w-xl text-[11px] leading-4 text-slate-500">
        {auth.type === 'inherit'
          ? inheritedAuthText(resolved.request?.headers ?? [])
          : auth.type === 'none'
            ? 'No credentials are added. A header row you type (e.g. Authorization) is sent as typed.'
            : auth.type === 'awsv4'
              ? 'Signed over the request exactly as sent (method, URL, every header, the content bytes) at the time of each Send, shown in X-Amz-Date; the raw view and code snippets show the signed request. {{variables}} work in every field.'
              : 'Rule: if you also type an enabled header row with the same name (e.g. Authorization), your row wins and this scheme’s value is not sent — never two Authorization fields. {{variables}} work in every field.'}
      </p>
    </div>
  );
}

/** What "Inherit from parent" gives now: the scope's auth header, or none. */
function inheritedAuthText(headers: readonly { name: string; source: string; from?: string }[]): string {
  const h = headers.find((x) => x.source === 'auth' && x.from);
  return h
    ? `Uses the auth of ${h.from ?? ''}: it sends ${h.name} (see Headers).`
    : 'Uses the auth of the nearest folder or collection that sets one; none does, so no credentials are added.';
}

function AuthFieldRow({
  id,
  field,
  value,
  flagged,
}: {
  id: string;
  field: AuthField;
  value: string;
  flagged: boolean;
}) {
  const [revealed, setRevealed] = useState(false);
  return (
    <>
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {field.label}
      </label>
      {field.kind === 'select' ? (
        <select
          id={id}
          className={`${selectClass} justify-self-start`}
          value={value}
          onChange={(e) => authFieldEdited(field.key, e.target.value)}
        >
          {field.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : field.kind === 'multiline' || field.kind === 'readonly' ? (
        <textarea
          id={id}
          className={`${inputClass} h-20 font-mono ${flagged ? UNRESOLVED_CLASS : ''}`}
          value={value}
          readOnly={field.kind === 'readonly'}
          placeholder={field.placeholder}
          spellCheck={false}
          onChange={(e) => authFieldEdited(field.key, e.target.value)}
        />
      ) : (
        <div className="flex gap-1.5">
          <input
            id={id}
            type={field.kind === 'password' && !revealed ? 'password' : 'text'}
            className={`${inputClass} font-mono ${flagged ? UNRESOLVED_CLASS : ''}`}
            value={value}
            placeholder={field.placeholder}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => authFieldEdited(field.key, e.target.value)}
          />
          {field.kind === 'password' && (
            <button
              type="button"
              className="rounded-md border border-slate-300 px-2 text-[11px] text-slate-600 hover:bg-slate-50"
              aria-pressed={revealed}
              onClick={() => setRevealed((r) => !r)}
            >
              {revealed ? 'Hide' : 'Show'}
            </button>
          )}
        </div>
      )}
    </>
  );
}
