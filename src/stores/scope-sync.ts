/**
 * Keeps the editor's scope chain (`request-scopes.ts`) in step with the library and the saved
 * request the active tab came from (its `originId`, tabs-store).
 */
import { scopeChain } from '../core/library/scope.ts';
import { useLibraryStore } from './library-store.ts';
import { scopeChainChanged } from './request-scopes.ts';
import { getActiveTab, subscribeToTabs } from './tabs-store.ts';

let following = false;

/** Starts following (idempotent): recomputes the chain when collections, folders, the origin or its place change. */
export function scopeChainFollowed(): void {
  if (following) return;
  following = true;
  let key: unknown[] = [];
  const update = () => {
    const s = useLibraryStore.getState();
    const originId = getActiveTab().originId;
    const origin = originId ? s.requests[originId] : undefined;
    const next = [s.collections, s.folders, origin?.collectionId, origin?.folderId];
    if (next.every((v, i) => v === key[i])) return;
    key = next;
    scopeChainChanged(origin ? scopeChain(origin.collectionId, origin.folderId, s.collections, s.folders) : []);
  };
  update();
  useLibraryStore.subscribe(update);
  subscribeToTabs(update);
}
