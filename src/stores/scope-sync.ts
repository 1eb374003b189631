/** Keeps the editor's scope chain (`request-scopes.ts`) in step with the library and the origin request. */
import { scopeChain } from '../core/library/scope.ts';
import { useLibraryStore } from './library-store.ts';
import { scopeChainChanged } from './request-scopes.ts';

type LibraryState = ReturnType<typeof useLibraryStore.getState>;

let following = false;

/** Starts following (idempotent): recomputes the chain when collections, folders, the origin or its place change. */
export function scopeChainFollowed(): void {
  if (following) return;
  following = true;
  let key: unknown[] = [];
  const update = (s: LibraryState) => {
    const origin = s.originId ? s.requests[s.originId] : undefined;
    const next = [s.collections, s.folders, origin?.collectionId, origin?.folderId];
    if (next.every((v, i) => v === key[i])) return;
    key = next;
    scopeChainChanged(origin ? scopeChain(origin.collectionId, origin.folderId, s.collections, s.folders) : []);
  };
  update(useLibraryStore.getState());
  useLibraryStore.subscribe(update);
}
