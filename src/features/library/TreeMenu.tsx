/** The "⋯" actions menu of a tree row: a button and a list of menu items (Move to… is a select). */
import { useState, type ReactNode } from 'react';
import type { MoveTarget } from '../../core/library/tree.ts';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
}

export function TreeMenu({
  name,
  items,
  move,
}: {
  /** What the menu is for (`Users`): the button is "Actions for Users". */
  name: string;
  items: MenuItem[];
  move?: { targets: MoveTarget[]; current: string; onMove: (t: MoveTarget) => void };
}): ReactNode {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-label={`Actions for ${name}`}
        aria-expanded={open}
        className="absolute right-1 top-0.5 rounded px-1 text-slate-400 hover:bg-slate-200 hover:text-slate-700"
        onClick={() => setOpen((m) => !m)}
      >
        ⋯
      </button>
      {open && (
        <div
          role="menu"
          tabIndex={-1}
          aria-label={`Actions for ${name}`}
          className="absolute right-1 top-6 z-20 w-48 rounded-md border border-slate-200 bg-white py-1 text-xs shadow-lg"
          onMouseLeave={() => setOpen(false)}
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        >
          {items.map((it) => (
            <button
              key={it.label}
              role="menuitem"
              type="button"
              className={`block w-full px-3 py-1 text-left ${it.danger ? 'text-red-700 hover:bg-red-50' : 'hover:bg-slate-100'}`}
              onClick={() => {
                setOpen(false);
                it.onSelect();
              }}
            >
              {it.label}
            </button>
          ))}
          {move && (
            <label className="block px-3 py-1 text-slate-500">
              Move to…
              <select
                aria-label={`Move ${name} to`}
                className="mt-0.5 block w-full rounded border border-slate-300 text-xs text-slate-800"
                value={move.current}
                onChange={(e) => {
                  const t = move.targets.find((x) => `${x.collectionId}/${x.folderId ?? ''}` === e.target.value);
                  setOpen(false);
                  if (t) move.onMove(t);
                }}
              >
                {move.targets.map((t) => (
                  <option key={`${t.collectionId}/${t.folderId ?? ''}`} value={`${t.collectionId}/${t.folderId ?? ''}`}>
                    {t.label}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}
    </>
  );
}
