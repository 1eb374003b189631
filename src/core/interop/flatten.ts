/**
 * What a tree request sends once its scopes are applied: auth inherited (Postman's rule, see
 * `effectiveAuth`), scope header fields added when the request has no row of that name,
 * variables of the collection then each folder (inner wins). Used by the library adapter
 * while Parley's library has no folder scopes, and by the fidelity tests.
 */
import type { RequestDraft } from '../model/draft.ts';
import { newId } from '../model/ids.ts';
import { effectiveAuth, type ForeignAuth, type TreeDefaults, type TreeFolder, type TreeRequest } from './tree.ts';

export interface FlatRequest {
  draft: RequestDraft;
  /** Enabled variables in force for it, by name (collection, then folders outermost first). */
  variables: Record<string, string>;
  /** The inherited or own auth when it is a scheme Parley lacks (then `draft.auth` is none). */
  foreignAuth: ForeignAuth | null;
}

/** Applies the scopes of `folders` (outermost first) and `collection` to `request`. Pure; never throws. */
export function flattenRequest(
  request: TreeRequest,
  folders: readonly TreeFolder[],
  collection: TreeDefaults,
): FlatRequest {
  const scopes = [collection, ...folders.map((f) => f.defaults)];
  const variables: Record<string, string> = {};
  for (const s of scopes) for (const v of s.variables) if (v.enabled && v.name) variables[v.name] = v.value;
  const auth = effectiveAuth(request, folders, collection);
  const headers = [...request.draft.headers];
  const has = new Set(headers.map((h) => h.name.toLowerCase()));
  for (const s of scopes.slice().reverse())
    for (const h of s.headers)
      if (!has.has(h.name.toLowerCase())) {
        headers.push({ ...h, id: newId() });
        has.add(h.name.toLowerCase());
      }
  return {
    draft: { ...request.draft, headers, auth: auth.type === 'foreign' ? { type: 'none' } : auth },
    variables,
    foreignAuth: auth.type === 'foreign' ? auth : null,
  };
}
