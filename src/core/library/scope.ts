/**
 * The scope chain of a saved request: its collection, then its folders from the outermost to
 * the innermost (docs/workspace-model.md). `resolveRequest` gets it as an input (headers, auth,
 * variables) and scripts run along it (issue 15); it is computed here, purely, from the records.
 */
import { AuthSchema } from '../model/draft.ts';
import type { Collection, Folder, ScopeDefaults } from './records.ts';

export { scopeLabel } from './scope-label.ts';

/** One level of the chain, with what it gives the requests inside it. */
export interface ScopeLayer {
  kind: 'collection' | 'folder';
  id: string;
  name: string;
  defaults: ScopeDefaults;
}

/**
 * The chain for a request (or folder) at `folderId` in `collectionId`: `[collection, outer
 * folder, …, innermost folder]`. A missing folder id (deleted parent) ends the walk there, so
 * the request acts as if it were at that level; a missing collection gives no collection
 * layer. A parent cycle (only possible in a damaged store) stops at the first repeat.
 * @param folders every folder, by id
 * @param collections every collection, by id
 * @returns layers outermost first; `[]` for an unsaved request (`collectionId` `null`)
 */
export function scopeChain(
  collectionId: string | null,
  folderId: string | null,
  collections: Readonly<Record<string, Collection>>,
  folders: Readonly<Record<string, Folder>>,
): ScopeLayer[] {
  if (collectionId === null) return [];
  const inner: ScopeLayer[] = [];
  const seen = new Set<string>();
  let id = folderId;
  while (id !== null && !seen.has(id)) {
    seen.add(id);
    const f = folders[id];
    if (!f || f.collectionId !== collectionId) break;
    inner.push(layerOf('folder', f));
    id = f.parentId;
  }
  const c = collections[collectionId];
  const outer: ScopeLayer[] = c ? [layerOf('collection', c)] : [];
  return [...outer, ...inner.reverse()];
}

/**
 * A scope's stored auth as an `Auth`, or `null` (not set) when it is not a valid one. AuthSchema's
 * `.catch` turns junk into `none`, so only a value whose own `type` survives parsing counts.
 * Done here, when the chain is built (with the library's zod), so `resolveRequest` on the first
 * path needs no schema (docs/performance.md).
 */
export function validScopeAuth(auth: unknown): ScopeDefaults['auth'] {
  if (auth === null || auth === undefined) return null;
  const parsed = AuthSchema.safeParse(auth);
  const rawType = (auth as { type?: unknown }).type;
  return parsed.success && parsed.data.type === rawType ? parsed.data : null;
}

function layerOf(kind: ScopeLayer['kind'], record: Collection | Folder): ScopeLayer {
  const defaults = { ...record.defaults, auth: validScopeAuth(record.defaults.auth) };
  return { kind, id: record.id, name: record.name, defaults };
}
