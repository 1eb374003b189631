/** Accessible tabs (WAI-ARIA tabs pattern): a tablist of buttons; only the selected panel is rendered. */
import type { ReactNode } from 'react';
import { tabAfterKey } from '../core/ui/tab-keys.ts';

export interface TabItem<K extends string> {
  id: K;
  label: string;
  /** Small count or marker after the label (e.g. number of enabled rows). */
  badge?: ReactNode;
}

interface TabsProps<K extends string> {
  label: string;
  items: TabItem<K>[];
  selected: K;
  onSelect: (id: K) => void;
  /** Extra controls at the right end of the tab bar. */
  trailing?: ReactNode;
  size?: 'sm' | 'md';
}

const tabId = (label: string, id: string) => `tab-${label}-${id}`;

export function TabList<K extends string>({ label, items, selected, onSelect, trailing, size = 'md' }: TabsProps<K>) {
  return (
    <div className="flex items-center gap-1 border-b border-slate-200 px-2">
      <div role="tablist" aria-label={label} className="flex min-w-0 items-center gap-0.5 overflow-x-auto">
        {items.map((item) => {
          const active = item.id === selected;
          return (
            <button
              key={item.id}
              type="button"
              role="tab"
              id={tabId(label, item.id)}
              aria-selected={active}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(item.id)}
              onKeyDown={(e) => {
                // Roving focus (WAI-ARIA APG tabs, automatic activation): arrows, Home and End
                // move focus and selection together.
                const next = tabAfterKey(items, item.id, e.key);
                if (!next) return;
                e.preventDefault();
                onSelect(next.id);
                document.getElementById(tabId(label, next.id))?.focus();
              }}
              className={`-mb-px flex items-center gap-1.5 whitespace-nowrap border-b-2 ${
                size === 'sm' ? 'px-2 py-1.5 text-xs' : 'px-2.5 py-2 text-[13px]'
              } font-medium ${
                active
                  ? 'border-indigo-600 text-indigo-700'
                  : 'border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800'
              }`}
            >
              {item.label}
              {item.badge !== undefined && item.badge !== null && (
                <span className="rounded bg-slate-100 px-1.5 text-[11px] font-semibold text-slate-600">
                  {item.badge}
                </span>
              )}
            </button>
          );
        })}
      </div>
      {trailing && <div className="ml-auto flex items-center gap-2 py-1">{trailing}</div>}
    </div>
  );
}

export function TabPanel({
  label,
  id,
  children,
  className = '',
}: {
  label: string;
  id: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div role="tabpanel" aria-labelledby={tabId(label, id)} className={className}>
      {children}
    </div>
  );
}
