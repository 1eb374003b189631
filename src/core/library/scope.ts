/**
 * The scope chain of a saved request: its collection, then its folders from the outermost to
 * the innermost (docs/workspace-model.md). `resolveRequest` gets it as an input (headers, auth,
 * variables) and scripts run along it (issue 15); it is computed here, purely, from the records.
 */
import type { Collection, Folder, ScopeDefaults } from './records.ts';

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
    inner.push({ kind: 'folder', id: f.id, name: f.name, defaults: f.defaults });
    id = f.parentId;
  }
  const c = collections[collectionId];
  const outer: ScopeLayer[] = c ? [{ kind: 'collection', id: c.id, name: c.name, defaults: c.defaults }] : [];
  return [...outer, ...inner.reverse()];
}

/** How the UI names a layer: `folder Users`, `collection Team`. */
export function scopeLabel(layer: Pick<ScopeLayer, 'kind' | 'name'>): string {
  return `${layer.kind} ${layer.name}`;
}
