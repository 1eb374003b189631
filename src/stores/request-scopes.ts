/**
 * The scope chain of the request in the editor (the collection and folders of the saved request
 * it came from; none for an unsaved draft), for `resolveRequest` and the variables view. Kept in
 * its own tiny store, set by `scope-sync.ts` when the library loads, so the first chunk does not
 * pull in the library store and zod (docs/performance.md).
 */
import { create } from 'zustand';
import type { ScopeLayer } from '../core/library/scope.ts';

const useScopeStore = create<{ chain: ScopeLayer[] }>()(() => ({ chain: [] }));

export const useScopeChain = (): ScopeLayer[] => useScopeStore((s) => s.chain);
export const getScopeChain = (): ScopeLayer[] => useScopeStore.getState().chain;
export const scopeChainChanged = (chain: ScopeLayer[]): void => useScopeStore.setState({ chain });
