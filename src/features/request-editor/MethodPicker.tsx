/**
 * The `Method` combobox: pick a standard method or type any token (PURGE, PROPFIND …).
 * An editable combobox (WAI-ARIA APG pattern) so a typed method is a first-class value.
 */
import { useId, useState } from 'react';
import { methodChanged, useMethod } from '../../stores/request-store.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

const COLORS: Record<string, string> = {
  GET: 'text-emerald-700',
  POST: 'text-amber-700',
  PUT: 'text-sky-700',
  PATCH: 'text-violet-700',
  DELETE: 'text-red-700',
  HEAD: 'text-teal-700',
  OPTIONS: 'text-fuchsia-700',
};

export const methodColor = (method: string): string => COLORS[method] ?? 'text-slate-700';

export function MethodPicker() {
  const method = useMethod();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();

  const choose = (m: string) => {
    methodChanged(m);
    setOpen(false);
  };

  return (
    <div className="relative shrink-0">
      <input
        role="combobox"
        aria-label="Method"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="none"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        value={method}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => methodChanged(e.target.value.trim())}
        onFocus={(e) => e.target.select()}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setOpen(true);
            setActive((i) => (i + step + METHODS.length) % METHODS.length);
          } else if (e.key === 'Enter' && !(e.ctrlKey || e.metaKey)) {
            // Enter confirms the method (the highlighted one, or what was typed); it never submits
            // the request line's form. Ctrl/Cmd+Enter still sends (app/use-send-shortcut.ts).
            e.preventDefault();
            if (open && active >= 0) choose(METHODS[active]!);
            else setOpen(false);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
        className={`h-9 w-28 rounded-l-md border border-r-0 border-slate-300 bg-white pl-3 pr-7 font-mono text-[13px] font-bold ${methodColor(method)} focus:z-10 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/20`}
      />
      <button
        type="button"
        tabIndex={-1}
        aria-label="Show methods"
        onMouseDown={(e) => {
          e.preventDefault();
          setOpen((o) => !o);
        }}
        className="absolute inset-y-0 right-0 z-10 flex w-6 items-center justify-center text-slate-400 hover:text-slate-700"
      >
        <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden>
          <path d="M1 3l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label="Methods"
          className="absolute left-0 top-full z-30 mt-1 w-36 rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {METHODS.map((m, i) => (
            <li
              key={m}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={m === method}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(m);
              }}
              className={`cursor-pointer px-3 py-1 font-mono text-[13px] font-bold ${methodColor(m)} ${
                i === active ? 'bg-indigo-50' : 'hover:bg-slate-50'
              }`}
            >
              {m}
            </li>
          ))}
          <li role="presentation" className="border-t border-slate-100 px-3 pt-1.5 pb-1 text-[11px] text-slate-500">
            Or type any method
          </li>
        </ul>
      )}
    </div>
  );
}
