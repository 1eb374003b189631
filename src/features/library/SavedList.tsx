/** The Saved tab: search, sort, new request/collection/folder, and the workspace tree. */
import { inputClass } from '../../components/ui.tsx';
import type { TreeSort } from '../../core/library/tree.ts';
import {
  collectionCreated,
  newRequestClicked,
  searchEdited,
  useCollections,
  useLibrarySearch,
} from '../../stores/library-store.ts';
import { treeSortChosen, useEditingScope, useTreeSort } from '../../stores/library-tree.ts';
import { ScopeDefaultsDialog } from './ScopeDefaultsDialog.tsx';
import { WorkspaceTree } from './WorkspaceTree.tsx';

const smallButton = 'whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-100';
// Smaller than selectClass (whose text size would win over an added one): it shares a row with two buttons.
const sortSelectClass =
  'ml-auto min-w-0 max-w-full rounded-md border border-slate-300 bg-white py-0.5 pl-1.5 pr-6 text-[11px] text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/20';

export function SavedList() {
  const collections = useCollections();
  const search = useLibrarySearch();
  const sort = useTreeSort();
  const editing = useEditingScope();
  const empty = Object.keys(collections).length === 0;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex gap-1 p-2">
        <input
          type="search"
          aria-label="Search saved requests"
          placeholder="Search name, method, URL, body"
          className={inputClass}
          value={search}
          onChange={(e) => searchEdited(e.target.value)}
        />
      </div>
      {/* Wraps rather than clips at narrow sidebar widths (180 px and up). */}
      <div className="flex flex-wrap items-center gap-1 px-2 pb-1">
        <button type="button" className={smallButton} onClick={newRequestClicked}>
          New request
        </button>
        <button type="button" className={smallButton} onClick={() => collectionCreated('New collection')}>
          New collection
        </button>
        <select
          aria-label="Sort saved requests"
          className={sortSelectClass}
          value={sort}
          onChange={(e) => treeSortChosen(e.target.value as TreeSort)}
        >
          <option value="manual">Manual order</option>
          <option value="name">By name</option>
          <option value="method">By method</option>
        </select>
      </div>
      <div className="min-h-0 flex-1 overflow-auto pb-2" role="region" aria-label="Saved requests">
        {empty && (
          <p className="px-3 py-2 text-xs text-slate-500">
            Nothing saved yet. Press Save (Ctrl+S) to keep the current request.
          </p>
        )}
        <WorkspaceTree search={search} />
      </div>
      {editing && <ScopeDefaultsDialog kind={editing.kind} id={editing.id} />}
    </div>
  );
}
