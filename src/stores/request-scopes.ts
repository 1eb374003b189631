/**
 * The scope chain of the request in the editor: the collection and folders of the saved request
 * the active tab came from (its `originId`), for `resolveRequest` and the variables view. An
 * unsaved draft has none.
 */
import { scopeChain, type ScopeLayer } from '../core/library/scope.ts';
import { useLibraryStore } from './library-store.ts';
import { getActiveTab, useActiveOriginId } from './tabs-store.ts';

type LibraryView = ReturnType<typeof useLibraryStore.getState>;

let last: { s: Pick<LibraryView, 'collections' | 'folders'>; at: string; chain: ScopeLayer[] } | null = null;

/** The chain for the state `s`, the same array while nothing it depends on changed (a cache key for views). */
function chainOf(s: LibraryView, originId: string | null): ScopeLayer[] {
  const origin = originId ? s.requests[originId] : undefined;
  const at = origin ? `${origin.collectionId}/${origin.folderId ?? ''}` : '';
  if (last && last.s.collections === s.collections && last.s.folders === s.folders && last.at === at) return last.chain;
  const chain = origin ? scopeChain(origin.collectionId, origin.folderId, s.collections, s.folders) : [];
  last = { s, at, chain };
  return chain;
}

export const useScopeChain = (): ScopeLayer[] => {
  const originId = useActiveOriginId();
  return useLibraryStore((s) => chainOf(s, originId));
};
export const getScopeChain = (): ScopeLayer[] => chainOf(useLibraryStore.getState(), getActiveTab().originId);
