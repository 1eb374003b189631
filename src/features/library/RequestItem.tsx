/** One saved request in the sidebar: open it; rename, duplicate, move, delete. */
import { useState } from 'react';
import type { Collection, SavedRequest } from '../../core/library/records.ts';
import { urlFieldText } from '../../core/url/query.ts';
import { cellInputClass } from '../../components/ui.tsx';
import {
  requestDeleted,
  requestDuplicated,
  requestMoved,
  requestOpened,
  requestRenamed,
} from '../../stores/library-store.ts';

const methodColor = (m: string) =>
  ({
    GET: 'text-emerald-700',
    POST: 'text-amber-700',
    PUT: 'text-sky-700',
    PATCH: 'text-violet-700',
    DELETE: 'text-red-700',
  })[m] ?? 'text-slate-600';

export function RequestItem({
  request,
  collections,
  active,
}: {
  request: SavedRequest;
  collections: Collection[];
  active: boolean;
}) {
  const [renaming, setRenaming] = useState(false);
  const [menu, setMenu] = useState(false);
  const url = urlFieldText(request.draft);
  if (renaming) {
    return (
      <li className="px-2 py-1">
        <input
          // The field appears because the user chose Rename: focus goes where they will type.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
          aria-label={`New name for ${request.name}`}
          className={cellInputClass}
          defaultValue={request.name}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              requestRenamed(request.id, e.currentTarget.value);
              setRenaming(false);
            } else if (e.key === 'Escape') setRenaming(false);
          }}
          onBlur={(e) => {
            requestRenamed(request.id, e.currentTarget.value);
            setRenaming(false);
          }}
        />
      </li>
    );
  }
  return (
    <li className={`group relative ${active ? 'bg-indigo-50' : 'hover:bg-slate-50'}`}>
      <button
        type="button"
        className="flex w-full min-w-0 items-baseline gap-2 px-2 py-1 pr-7 text-left"
        title={url}
        aria-label={`Open ${request.name}`}
        aria-current={active ? 'true' : undefined}
        onClick={() => requestOpened(request.id)}
      >
        <span
          className={`w-12 shrink-0 truncate font-mono text-[10.5px] font-semibold ${methodColor(request.draft.method)}`}
        >
          {request.draft.method}
        </span>
        <span className="truncate text-[12.5px] text-slate-800">{request.name}</span>
      </button>
      <button
        type="button"
        aria-label={`Actions for ${request.name}`}
        aria-expanded={menu}
        className="absolute right-1 top-0.5 rounded px-1 text-slate-400 hover:bg-slate-200 hover:text-slate-700"
        onClick={() => setMenu((m) => !m)}
      >
        ⋯
      </button>
      {menu && (
        <div
          role="menu"
          tabIndex={-1}
          aria-label={`Actions for ${request.name}`}
          className="absolute right-1 top-6 z-20 w-44 rounded-md border border-slate-200 bg-white py-1 text-xs shadow-lg"
          onMouseLeave={() => setMenu(false)}
        >
          <button
            role="menuitem"
            type="button"
            className="block w-full px-3 py-1 text-left hover:bg-slate-100"
            onClick={() => {
              setMenu(false);
              setRenaming(true);
            }}
          >
            Rename
          </button>
          <button
            role="menuitem"
            type="button"
            className="block w-full px-3 py-1 text-left hover:bg-slate-100"
            onClick={() => {
              setMenu(false);
              requestDuplicated(request.id);
            }}
          >
            Duplicate
          </button>
          <label className="block px-3 py-1 text-slate-500">
            Move to
            <select
              aria-label={`Move ${request.name} to`}
              className="mt-0.5 block w-full rounded border border-slate-300 text-xs text-slate-800"
              value={request.collectionId}
              onChange={(e) => {
                setMenu(false);
                requestMoved(request.id, e.target.value);
              }}
            >
              {collections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <button
            role="menuitem"
            type="button"
            className="block w-full px-3 py-1 text-left text-red-700 hover:bg-red-50"
            onClick={() => {
              setMenu(false);
              requestDeleted(request.id);
            }}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
