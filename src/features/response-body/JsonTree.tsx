/**
 * A fold/unfold JSON tree, lazy: a node's children are listed by the worker only when it is
 * expanded, a page at a time, so a 100 MB document costs nothing until explored.
 */
import { useEffect, useId, useState } from 'react';
import type { BodySource } from './body-worker-client.ts';
import type { JsonOutlineNode } from '../../core/response/json-outline.ts';

const PAGE = 500;

const KIND_CLASS: Record<JsonOutlineNode['kind'], string> = {
  string: 'text-emerald-700',
  number: 'text-blue-700',
  boolean: 'text-purple-700',
  null: 'text-slate-500',
  object: 'text-slate-500',
  array: 'text-slate-500',
};

export function JsonTree({ doc, root }: { doc: BodySource; root: JsonOutlineNode }) {
  return (
    <div role="tree" aria-label="JSON tree" className="h-full overflow-auto p-2 font-mono text-[12.5px] leading-5">
      <TreeNode doc={doc} node={root} depth={0} initiallyOpen />
    </div>
  );
}

function TreeNode({
  doc,
  node,
  depth,
  initiallyOpen = false,
}: {
  doc: BodySource;
  node: JsonOutlineNode;
  depth: number;
  initiallyOpen?: boolean;
}) {
  const container = node.kind === 'object' || node.kind === 'array';
  const [open, setOpen] = useState(false);
  const [children, setChildren] = useState<JsonOutlineNode[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = async (from: number) => {
    setLoading(true);
    const { page, error: err } = await doc.children(node.offset, from, PAGE);
    setLoading(false);
    if (err || !page) return setError(err ?? 'Could not list children');
    setChildren((prev) => (from === 0 ? page.nodes : [...prev, ...page.nodes]));
    setMore(page.more);
  };
  const toggle = () => {
    if (!container || node.empty) return;
    if (!open && children.length === 0) void load(0);
    setOpen(!open);
  };
  useEffect(() => {
    if (initiallyOpen && container && !node.empty) {
      setOpen(true);
      void load(0);
    }
    // Only the root opens itself, once, when it mounts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const label = node.key !== null ? JSON.stringify(node.key) : `${node.index}`;
  // Named by its key and value as shown (aria-labelledby); its children's group is a DOM sibling it
  // owns (aria-owns), so the item's visible text is its own line and matches its name (WCAG 2.5.3).
  const id = useId();
  return (
    <div style={{ paddingLeft: depth === 0 ? 0 : 16 }}>
      <div
        // ARIA 1.2 lists aria-selected as supported, not required, on treeitem; this tree has no selection.
        // eslint-disable-next-line jsx-a11y/role-has-required-aria-props
        role="treeitem"
        aria-expanded={container && !node.empty ? open : undefined}
        aria-labelledby={`${id}-k ${id}-v`}
        aria-owns={open ? `${id}-g` : undefined}
        className="flex gap-1 whitespace-pre"
      >
        {container && !node.empty ? (
          <button
            type="button"
            onClick={toggle}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${depth === 0 ? 'root' : label}`}
            className="w-4 text-slate-500 hover:text-slate-900"
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="w-4" />
        )}
        {depth > 0 ? (
          <span id={`${id}-k`} className={node.key !== null ? 'text-rose-800' : 'text-slate-400'}>
            {label}:
          </span>
        ) : (
          <span id={`${id}-k`} className="sr-only">
            root
          </span>
        )}
        <span id={`${id}-v`} className={KIND_CLASS[node.kind]}>
          {container && node.empty ? (node.kind === 'object' ? '{}' : '[]') : node.preview}
        </span>
      </div>
      {open && (
        <div role="group" id={`${id}-g`}>
          {children.map((child) => (
            <TreeNode key={child.index} doc={doc} node={child} depth={depth + 1} />
          ))}
          {loading && <div className="pl-5 text-slate-400">Loading…</div>}
          {error && <div className="pl-5 text-red-700">{error}</div>}
          {more && !loading && (
            <button
              type="button"
              className="pl-5 text-indigo-700 hover:underline"
              onClick={() => void load(children.length)}
            >
              Show {PAGE} more ({children.length.toLocaleString('en-US')} shown so far)
            </button>
          )}
        </div>
      )}
    </div>
  );
}
