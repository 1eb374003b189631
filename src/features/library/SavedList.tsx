/** Saved requests grouped by collection, filtered by the search box. */
import { useMemo, useState } from 'react';
import { matchesSearch, sortByName } from '../../core/library/search.ts';
import { cellInputClass, inputClass } from '../../components/ui.tsx';
import {
  collectionCreated,
  collectionDeleted,
  newRequestClicked,
  collectionRenamed,
  searchEdited,
  useCollections,
  useLibrarySearch,
  useOriginId,
  useSavedRequests,
} from '../../stores/library-store.ts';
import { RequestItem } from './RequestItem.tsx';

export function SavedList() {
  const collections = useCollections();
  const requests = useSavedRequests();
  const search = useLibrarySearch();
  const originId = useOriginId();
  const [renaming, setRenaming] = useState<string | null>(null);
  const sortedCollections = useMemo(() => sortByName(Object.values(collections)), [collections]);
  const visible = useMemo(
    () => sortByName(Object.values(requests).filter((r) => matchesSearch(r, search))),
    [requests, search],
  );
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex gap-1 p-2">
        <input
          type="search"
          aria-label="Search saved requests"
          placeholder="Search name, method, URL"
          className={inputClass}
          value={search}
          onChange={(e) => searchEdited(e.target.value)}
        />
      </div>
      <div className="flex gap-1 px-2 pb-1">
        <button
          type="button"
          className="rounded-md px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-100"
          onClick={newRequestClicked}
        >
          New request
        </button>
        <button
          type="button"
          className="rounded-md px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-100"
          onClick={() => collectionCreated('New collection')}
        >
          New collection
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-auto pb-2" role="region" aria-label="Saved requests">
        {sortedCollections.length === 0 && (
          <p className="px-3 py-2 text-xs text-slate-500">
            Nothing saved yet. Press Save (Ctrl+S) to keep the current request.
          </p>
        )}
        {sortedCollections.map((c) => {
          const inside = visible.filter((r) => r.collectionId === c.id);
          if (search.trim() && inside.length === 0) return null;
          return (
            <section key={c.id} aria-label={`Collection ${c.name}`} className="mb-1">
              <div className="group flex items-center gap-1 px-2 pt-1.5">
                {renaming === c.id ? (
                  <input
                    // The field appears because the user chose Rename: focus goes where they will type.
                    // eslint-disable-next-line jsx-a11y/no-autofocus
                    autoFocus
                    aria-label={`New name for collection ${c.name}`}
                    className={cellInputClass}
                    defaultValue={c.name}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        collectionRenamed(c.id, e.currentTarget.value);
                        setRenaming(null);
                      } else if (e.key === 'Escape') setRenaming(null);
                    }}
                    onBlur={(e) => {
                      collectionRenamed(c.id, e.currentTarget.value);
                      setRenaming(null);
                    }}
                  />
                ) : (
                  <h3
                    className="flex-1 truncate text-[11px] font-semibold uppercase tracking-wide text-slate-500"
                    onDoubleClick={() => setRenaming(c.id)}
                  >
                    {c.name}
                  </h3>
                )}
                <button
                  type="button"
                  aria-label={`Rename collection ${c.name}`}
                  className="hidden text-[11px] text-slate-400 hover:text-slate-700 group-hover:block"
                  onClick={() => setRenaming(c.id)}
                >
                  Rename
                </button>
                <button
                  type="button"
                  aria-label={`Delete collection ${c.name}`}
                  className="hidden text-[11px] text-slate-400 hover:text-red-600 group-hover:block"
                  onClick={() => collectionDeleted(c.id)}
                >
                  Delete
                </button>
              </div>
              <ul>
                {inside.map((r) => (
                  <RequestItem key={r.id} request={r} collections={sortedCollections} active={r.id === originId} />
                ))}
                {inside.length === 0 && <li className="px-3 py-1 text-[11px] text-slate-400">Empty</li>}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
