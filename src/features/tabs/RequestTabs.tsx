/**
 * The request tab bar: an ARIA tablist with roving focus (arrows, Home/End move focus and
 * selection), italic preview tabs, an unsaved-changes dot, close buttons, middle-click to
 * close, double-click to keep a preview, drag to reorder.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useDraft } from '../../stores/request-store.ts';
import {
  newTabClicked,
  tabCloseClicked,
  tabMoved,
  tabPinned,
  tabSelected,
  tabDirty,
  tabTitle,
  useActiveTabId,
  useSavedForTabs,
  useTabs,
} from '../../stores/tabs-store.ts';
import { useTabShortcuts } from './use-tab-shortcuts.ts';

const SHORTCUTS =
  'Ctrl+T or Alt+T new tab · Ctrl+W, Alt+W or Delete close · Ctrl+Shift+T or Alt+Shift+T reopen closed · ' +
  'Ctrl+Tab, Ctrl+PgDn / Ctrl+Shift+Tab, Ctrl+PgUp switch · Ctrl+Shift+PgDn/PgUp move · middle-click closes';

export function RequestTabs() {
  useTabShortcuts();
  const tabs = useTabs();
  const activeId = useActiveTabId();
  const draft = useDraft();
  const saved = useSavedForTabs();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focusActive, setFocusActive] = useState(false);
  const [dragging, setDragging] = useState<string | null>(null);

  // Roving focus: after a keyboard move the newly selected tab takes focus.
  useEffect(() => {
    if (!focusActive) return;
    buttons.current.get(activeId)?.focus();
    setFocusActive(false);
  }, [focusActive, activeId]);

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const to =
      e.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (to !== null) {
      e.preventDefault();
      tabSelected(tabs[to]!.id);
      setFocusActive(true);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      tabCloseClicked(tabs[index]!.id);
      setFocusActive(true);
    }
  };

  return (
    <div className="flex h-9 shrink-0 items-end gap-1 border-b border-slate-200 bg-slate-100 px-2">
      <div role="tablist" aria-label="Open tabs" className="flex min-w-0 items-end gap-px overflow-x-auto">
        {tabs.map((tab, index) => {
          const isActive = tab.id === activeId;
          const tabDraft = isActive ? draft : tab.editor.draft;
          const title = tabTitle(tab, tabDraft, saved);
          const dirty = tabDirty(tab, tabDraft, saved);
          return (
            <div
              key={tab.id}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData('text/plain', tab.id);
                e.dataTransfer.effectAllowed = 'move';
                setDragging(tab.id);
              }}
              onDragEnd={() => setDragging(null)}
              onDragOver={(e) => dragging && e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                if (dragging) tabMoved(dragging, index);
                setDragging(null);
              }}
              className={`group flex max-w-56 items-center rounded-t-md border border-b-0 ${
                isActive ? 'border-slate-200 bg-white' : 'border-transparent hover:bg-slate-200/60'
              } ${dragging === tab.id ? 'opacity-50' : ''}`}
            >
              <button
                ref={(el) => {
                  if (el) buttons.current.set(tab.id, el);
                  else buttons.current.delete(tab.id);
                }}
                type="button"
                role="tab"
                id={`request-tab-${tab.id}`}
                aria-selected={isActive}
                tabIndex={isActive ? 0 : -1}
                title={`${title}${tab.preview ? ' (preview: double-click to keep)' : ''}\n${SHORTCUTS}`}
                onClick={() => tabSelected(tab.id)}
                onDoubleClick={() => tabPinned(tab.id)}
                // Middle button: no auto-scroll on press, close on release (browsers' tabs).
                onMouseDown={(e) => e.button === 1 && e.preventDefault()}
                onAuxClick={(e) => e.button === 1 && tabCloseClicked(tab.id)}
                onKeyDown={(e) => onKeyDown(e, index)}
                className={`flex min-w-0 items-center gap-1.5 py-1.5 pl-3 pr-1 text-xs ${
                  isActive ? 'font-medium text-slate-900' : 'text-slate-600'
                }`}
              >
                <span className={`truncate ${tab.preview ? 'italic' : ''}`}>{title}</span>
                {tab.preview && <span className="sr-only">(preview)</span>}
                {dirty && (
                  <span className="h-1.5 w-1.5 shrink-0 rounded-full bg-amber-500" title="Unsaved changes">
                    <span className="sr-only">(unsaved changes)</span>
                  </span>
                )}
              </button>
              {/* A tablist may hold only tabs (axe aria-required-children): the mouse-only close button
                  is hidden from assistive tech; keyboard users close with Delete, Ctrl+W or Alt+W. */}
              <button
                type="button"
                tabIndex={-1}
                aria-hidden="true"
                aria-label={`Close ${title}`}
                title="Close (Ctrl+W or Alt+W)"
                onClick={() => tabCloseClicked(tab.id)}
                className="mr-1 rounded px-1 text-sm leading-none text-slate-400 hover:bg-slate-200 hover:text-slate-700"
              >
                ×
              </button>
            </div>
          );
        })}
      </div>
      <button
        type="button"
        aria-label="New tab"
        title={`New tab\n${SHORTCUTS}`}
        onClick={newTabClicked}
        className="mb-1 rounded px-1.5 text-base leading-none text-slate-500 hover:bg-slate-200 hover:text-slate-800"
      >
        +
      </button>
    </div>
  );
}
