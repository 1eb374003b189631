/**
 * Where the library sidebar sits: on wide screens a column with a resizable width (drag handle,
 * keyboard) that can be collapsed; below `md` a drawer over the page, opened from the toolbar.
 * The sidebar stays mounted when hidden (it hosts the Save dialog and the undo toast), only
 * invisible — `dialog[open]` and fixed toasts stay visible (index.css).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { SplitHandle } from '../components/split-handle.tsx';
import { useMediaQuery, WIDE_QUERY } from '../components/use-media-query.ts';
import { SIDEBAR_WIDTH } from '../core/ui/pane-size.ts';
import { trapTarget } from '../core/ui/focus-trap.ts';
import {
  drawerToggled,
  sidebarResized,
  useDrawerOpen,
  useSidebarCollapsed,
  useSidebarWidth,
} from '../stores/appearance-store.ts';

export const SIDEBAR_ID = 'library-pane';
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function SidebarFrame({ children }: { children: ReactNode }) {
  const wide = useMediaQuery(WIDE_QUERY);
  const width = useSidebarWidth();
  const collapsed = useSidebarCollapsed();
  const drawerOpen = useDrawerOpen();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (wide || !drawerOpen) return;
    ref.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"], button, input')?.focus();
    const onKeyDown = (e: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      if (e.key === 'Escape') drawerToggled(false);
      // The open drawer is modal: Tab and Shift+Tab stay inside it.
      if (e.key === 'Tab' && ref.current) {
        const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
          (el) => el.offsetParent !== null,
        );
        const next = trapTarget(items.length, items.indexOf(document.activeElement as HTMLElement), e.shiftKey);
        if (next === null) return;
        e.preventDefault();
        items[next]?.focus();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    const drawer = ref.current;
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      // Focus must not stay in the drawer once it is invisible: back to the Library button.
      if (drawer?.contains(document.activeElement))
        document.querySelector<HTMLElement>(`[aria-controls="${SIDEBAR_ID}"]`)?.focus();
    };
  }, [wide, drawerOpen]);

  if (!wide)
    return (
      <>
        {drawerOpen && (
          <button
            type="button"
            aria-label="Close library"
            tabIndex={-1}
            className="fixed inset-0 z-30 bg-slate-950/40"
            onClick={() => drawerToggled(false)}
          />
        )}
        <div
          ref={ref}
          id={SIDEBAR_ID}
          className={`fixed inset-y-0 left-0 z-40 flex w-72 max-w-[85vw] shadow-xl *:w-full [&_.fixed]:visible ${drawerOpen ? '' : 'invisible'}`}
        >
          {children}
        </div>
      </>
    );

  return (
    <div
      ref={ref}
      id={SIDEBAR_ID}
      style={collapsed ? undefined : { width }}
      className={`flex min-h-0 shrink-0 *:w-full [&_.fixed]:visible ${collapsed ? 'invisible w-0 overflow-hidden' : ''}`}
    >
      {children}
    </div>
  );
}

/**
 * The sidebar's drag handle, rendered at the start of `<main>` (positioned over its left edge)
 * so that it sits inside a landmark; nothing when the sidebar is a drawer or collapsed.
 */
export function SidebarResizeHandle() {
  const wide = useMediaQuery(WIDE_QUERY);
  const width = useSidebarWidth();
  const collapsed = useSidebarCollapsed();
  if (!wide || collapsed) return null;
  return (
    <SplitHandle
      label="Resize sidebar"
      orientation="vertical"
      value={width}
      range={SIDEBAR_WIDTH}
      valueText={`${width} pixels`}
      controls={SIDEBAR_ID}
      overlay
      fromPointer={(x) => x - (document.getElementById(SIDEBAR_ID)?.getBoundingClientRect().left ?? 0)}
      onChange={sidebarResized}
    />
  );
}
