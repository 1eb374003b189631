/** A collection or folder in the tree: expand/collapse, rename inline, actions, drop target; its children below. */
import { useState, type ReactNode } from 'react';
import type { MoveTarget, TreeNode } from '../../core/library/tree.ts';
import { cellInputClass } from '../../components/ui.tsx';
import { collectionDeleted, collectionRenamed } from '../../stores/library-store.ts';
import {
  folderCreated,
  folderDeleted,
  folderDuplicated,
  folderPlaced,
  folderRenamed,
  nodeToggled,
  scopeEditorOpened,
} from '../../stores/library-tree.ts';
import { dragSource, dropTarget } from './tree-dnd.ts';
import { TreeMenu, type MenuItem } from './TreeMenu.tsx';

/** Move targets without `folderId` and the folders inside it (a folder cannot go into itself). */
function withoutSubtree(targets: MoveTarget[], folderId: string): MoveTarget[] {
  const own = targets.find((t) => t.folderId === folderId)?.label;
  return own ? targets.filter((t) => t.label !== own && !t.label.startsWith(`${own} / `)) : targets;
}

export function TreeBranch({
  node,
  level,
  index,
  expanded,
  targets,
  children,
}: {
  node: TreeNode & { kind: 'collection' | 'folder' };
  level: number;
  /** Position among the collections (collections only: where a dropped collection goes). */
  index: number;
  expanded: boolean;
  targets: MoveTarget[];
  children: ReactNode;
}) {
  const [renaming, setRenaming] = useState(false);
  const r = node.record;
  const isFolder = node.kind === 'folder';
  const label = `${isFolder ? 'Folder' : 'Collection'} ${r.name}`;
  const collectionId = node.kind === 'folder' ? node.record.collectionId : r.id;
  const into = { collectionId, folderId: isFolder ? r.id : null };
  const rename = (name: string) => (isFolder ? folderRenamed(r.id, name) : collectionRenamed(r.id, name));
  const items: MenuItem[] = [
    { label: 'New folder', onSelect: () => folderCreated(collectionId, into.folderId) },
    { label: 'Rename', onSelect: () => setRenaming(true) },
    ...(isFolder ? [{ label: 'Duplicate', onSelect: () => folderDuplicated(r.id) }] : []),
    { label: 'Defaults (headers, auth, variables)', onSelect: () => scopeEditorOpened(node.kind, r.id) },
    {
      label: 'Delete',
      danger: true,
      onSelect: () => (isFolder ? folderDeleted(r.id) : collectionDeleted(r.id)),
    },
  ];
  const parentKey = node.kind === 'folder' ? `${node.record.collectionId}/${node.record.parentId ?? ''}` : '';
  return (
    <li
      role="treeitem"
      aria-level={level}
      aria-expanded={expanded}
      aria-selected={false}
      aria-label={label}
      className="list-none"
      {...dragSource({ kind: node.kind, id: r.id })}
    >
      <div
        className={`group relative flex items-center gap-1 pr-7 ${isFolder ? 'py-0.5' : 'pt-1.5'}`}
        style={{ paddingLeft: `${(level - 1) * 12 + 4}px` }}
        {...dropTarget(into, isFolder ? null : index)}
      >
        <button
          type="button"
          data-tree-focus
          aria-label={`${expanded ? 'Collapse' : 'Expand'} ${label}`}
          className="w-4 shrink-0 text-[10px] text-slate-400 hover:text-slate-700"
          onClick={() => nodeToggled(r.id, !expanded)}
          onKeyDown={(e) => e.key === 'F2' && setRenaming(true)}
        >
          {expanded ? '▾' : '▸'}
        </button>
        {renaming ? (
          <input
            // The field appears because the user chose Rename: focus goes where they will type.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            aria-label={`New name for ${isFolder ? 'folder' : 'collection'} ${r.name}`}
            className={cellInputClass}
            defaultValue={r.name}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                rename(e.currentTarget.value);
                setRenaming(false);
              } else if (e.key === 'Escape') setRenaming(false);
            }}
            onBlur={(e) => {
              rename(e.currentTarget.value);
              setRenaming(false);
            }}
          />
        ) : (
          <span
            className={
              isFolder
                ? 'flex-1 truncate text-[12.5px] text-slate-700'
                : 'flex-1 truncate text-[11px] font-semibold uppercase tracking-wide text-slate-500'
            }
            onDoubleClick={() => setRenaming(true)}
          >
            {isFolder && (
              <span aria-hidden className="mr-1 text-slate-400">
                ▤
              </span>
            )}
            {r.name}
          </span>
        )}
        <TreeMenu
          name={r.name}
          items={items}
          move={
            isFolder
              ? {
                  targets: withoutSubtree(targets, r.id),
                  current: parentKey,
                  onMove: (t) => folderPlaced(r.id, { collectionId: t.collectionId, folderId: t.folderId }),
                }
              : undefined
          }
        />
      </div>
      {expanded && (
        <ul role="group" aria-label={r.name}>
          {children}
        </ul>
      )}
    </li>
  );
}
