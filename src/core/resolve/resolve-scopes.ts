/**
 * What a request inherits from its scope chain (docs/workspace-model.md): header fields and
 * "Inherit from parent" auth. Pure helpers of `resolveRequest`.
 */
import type { Auth, KeyValueRow } from '../model/draft.ts';
import type { ScopeLayer } from '../library/scope.ts';
import { scopeLabel } from '../library/scope-label.ts';
import { AUTH_SCHEMES } from '../auth/schemes.ts';

/** Every auth type there is (zod-free: this module is on the first-load path, docs/performance.md). */
const AUTH_TYPES: ReadonlySet<unknown> = new Set(AUTH_SCHEMES.map((s) => s.id));

/** A header row a scope gives, and the scope's label (`folder Users`). */
export interface InheritedHeaderRow {
  row: KeyValueRow;
  from: string;
}

/**
 * The header rows the request inherits, outermost scope first: for each name (case-insensitive)
 * only the rows of the innermost scope that has it, and none for a name the request has an
 * enabled, non-blank row of. Disabled and blank rows take no part.
 * @param own the request's own header rows
 */
export function inheritedHeaderRows(scopes: readonly ScopeLayer[], own: readonly KeyValueRow[]): InheritedHeaderRow[] {
  const ownNames = new Set(
    own.filter((r) => r.enabled && r.name.trim() !== '').map((r) => r.name.trim().toLowerCase()),
  );
  const winner = new Map<string, number>();
  scopes.forEach((s, i) => {
    for (const r of s.defaults.headers)
      if (r.enabled && r.name.trim() !== '') winner.set(r.name.trim().toLowerCase(), i);
  });
  const out: InheritedHeaderRow[] = [];
  scopes.forEach((s, i) => {
    for (const row of s.defaults.headers) {
      const key = row.name.trim().toLowerCase();
      if (!row.enabled || key === '' || ownNames.has(key) || winner.get(key) !== i) continue;
      out.push({ row, from: scopeLabel(s) });
    }
  });
  return out;
}

/**
 * The auth to apply: the request's own, or for `inherit` the innermost scope's that is set
 * (`defaults.auth` not `null` and not `inherit`; a value that is not a valid Auth counts as
 * not set). A scope's `none` stops the search. Nothing found → `{ type: 'none' }`.
 * @returns the auth and the label of the scope it came from (`null` = the request's own or none found)
 */
export function effectiveAuth(own: Auth, scopes: readonly ScopeLayer[]): { auth: Auth; from: string | null } {
  if (own.type !== 'inherit') return { auth: own, from: null };
  for (let i = scopes.length - 1; i >= 0; i--) {
    const s = scopes[i] as ScopeLayer;
    if (s.defaults.auth === null || s.defaults.auth === undefined) continue;
    // `scopeChain()` has validated each layer's auth against AuthSchema (`validScopeAuth`); a
    // layer built otherwise with an unknown type still counts as not set.
    const type = (s.defaults.auth as { type?: unknown }).type;
    if (!AUTH_TYPES.has(type) || type === 'inherit') continue;
    return { auth: s.defaults.auth as Auth, from: scopeLabel(s) };
  }
  return { auth: { type: 'none' }, from: null };
}
