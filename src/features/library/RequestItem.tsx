/** One saved request in the tree: open it; rename, duplicate, move (menu or drag), delete. */
import { useState } from 'react';
import type { SavedRequest } from '../../core/library/records.ts';
import type { MoveTarget } from '../../core/library/tree.ts';
import { urlFieldText } from '../../core/url/query.ts';
import { cellInputClass } from '../../components/ui.tsx';
import { requestDeleted, requestDuplicated, requestOpened, requestRenamed } from '../../stores/library-store.ts';
import { requestPlaced } from '../../stores/library-tree.ts';
import { dragSource, dropTarget } from './tree-dnd.ts';
import { TreeMenu } from './TreeMenu.tsx';

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
  level,
  index,
  targets,
  active,
}: {
  request: SavedRequest;
  /** aria-level: 2 at a collection's top level, one more per folder. */
  level: number;
  /** Position among the requests of its parent (a drop on this row places the dragged request here). */
  index: number;
  targets: MoveTarget[];
  active: boolean;
}) {
  const [renaming, setRenaming] = useState(false);
  const url = urlFieldText(request.draft);
  const indent = { paddingLeft: `${(level - 2) * 12 + 8}px` };
  const here = { collectionId: request.collectionId, folderId: request.folderId };
  if (renaming) {
    return (
      <li role="treeitem" aria-level={level} aria-selected={active} className="px-2 py-1" style={indent}>
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
    <li
      role="treeitem"
      aria-level={level}
      aria-selected={active}
      aria-label={request.name}
      className={`group relative ${active ? 'bg-indigo-50' : 'hover:bg-slate-50'}`}
      {...dragSource({ kind: 'request', id: request.id })}
      {...dropTarget({ ...here, index }, null)}
    >
      <button
        type="button"
        data-tree-focus
        className="flex w-full min-w-0 items-baseline gap-2 py-1 pr-7 text-left"
        style={indent}
        title={url}
        aria-label={`Open ${request.name}`}
        aria-current={active ? 'true' : undefined}
        onClick={() => requestOpened(request.id)}
        onKeyDown={(e) => e.key === 'F2' && setRenaming(true)}
      >
        <span
          className={`w-12 shrink-0 truncate font-mono text-[10.5px] font-semibold ${methodColor(request.draft.method)}`}
        >
          {request.draft.method}
        </span>
        <span className="truncate text-[12.5px] text-slate-800">{request.name}</span>
      </button>
      <TreeMenu
        name={request.name}
        items={[
          { label: 'Rename', onSelect: () => setRenaming(true) },
          { label: 'Duplicate', onSelect: () => requestDuplicated(request.id) },
          { label: 'Delete', onSelect: () => requestDeleted(request.id), danger: true },
        ]}
        move={{
          targets,
          current: `${request.collectionId}/${request.folderId ?? ''}`,
          onMove: (t) => requestPlaced(request.id, { collectionId: t.collectionId, folderId: t.folderId }),
        }}
      />
    </li>
  );
}
