/**
 * The saved requests as a tree (WAI-ARIA tree pattern): collections → folders → requests.
 * Arrow keys move between rows (Up/Down), collapse and expand (Left/Right); F2 renames.
 */
import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { buildTree, moveTargets, type MoveTarget, type TreeNode } from '../../core/library/tree.ts';
import { useCollections, useFolders, useOriginId, useSavedRequests } from '../../stores/library-store.ts';
import { useCollapsed, useTreeSort } from '../../stores/library-tree.ts';
import { RequestItem } from './RequestItem.tsx';
import { TreeBranch } from './TreeBranch.tsx';

/** Up/Down: previous/next row; Left: collapse (or go to the parent row); Right: expand. */
function onTreeKey(e: KeyboardEvent<HTMLUListElement>): void {
  const target = e.target as HTMLElement;
  if (!target.hasAttribute('data-tree-focus')) return;
  const rows = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-tree-focus]')];
  const i = rows.indexOf(target);
  const item = target.closest('[role="treeitem"]');
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    rows[e.key === 'ArrowDown' ? i + 1 : i - 1]?.focus();
    e.preventDefault();
  } else if (e.key === 'ArrowRight' && item?.getAttribute('aria-expanded') === 'false') {
    target.click();
    e.preventDefault();
  } else if (e.key === 'ArrowLeft') {
    if (item?.getAttribute('aria-expanded') === 'true') target.click();
    else item?.parentElement?.closest('[role="treeitem"]')?.querySelector<HTMLElement>('[data-tree-focus]')?.focus();
    e.preventDefault();
  }
}

export function WorkspaceTree({ search }: { search: string }) {
  const collections = useCollections();
  const folders = useFolders();
  const requests = useSavedRequests();
  const originId = useOriginId();
  const sort = useTreeSort();
  const collapsed = useCollapsed();
  const input = useMemo(
    () => ({
      collections: Object.values(collections),
      folders: Object.values(folders),
      requests: Object.values(requests),
    }),
    [collections, folders, requests],
  );
  const tree = useMemo(() => buildTree(input, sort, search), [input, sort, search]);
  const targets = useMemo(() => moveTargets(input), [input]);
  // While searching everything on a match's path is shown open.
  const isOpen = (id: string) => search.trim() !== '' || !collapsed[id];

  const render = (nodes: TreeNode[], level: number, t: MoveTarget[]): ReactNode[] => {
    let requestIndex = 0;
    return nodes.map((n, i) => {
      if (n.kind === 'request')
        return (
          <RequestItem
            key={n.record.id}
            request={n.record}
            level={level}
            index={requestIndex++}
            targets={t}
            active={n.record.id === originId}
          />
        );
      const open = isOpen(n.record.id);
      return (
        <TreeBranch key={n.record.id} node={n} level={level} index={i} expanded={open} targets={t}>
          {open && render(n.children, level + 1, t)}
          {open && n.children.length === 0 && (
            <li role="none" className="py-1 text-[11px] text-slate-400" style={{ paddingLeft: `${level * 12 + 8}px` }}>
              Empty
            </li>
          )}
        </TreeBranch>
      );
    });
  };

  if (tree.length === 0) return null;
  return (
    // The tree pattern's keyboard handling lives on the tree itself; its rows are the buttons inside.
    <ul role="tree" aria-label="Collections" className="pb-2" onKeyDown={onTreeKey}>
      {render(tree, 1, targets)}
    </ul>
  );
}
