/**
 * The top bar: the library toggle, the brand, then the environment, transport, ACTIONS (Save,
 * Share, Code, Import — passed in as `actions`) and the view controls (theme, layout). Below
 * 1440 px the environment, transport and view controls collapse into a "More" disclosure, and
 * below 1024 px the actions too; the panel stays mounted (only invisible) so the dialogs its
 * buttons own keep working (docs/layout-and-theme.md).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { EnvironmentPicker } from '../features/environments/EnvironmentPicker.tsx';
import { TransportSwitch } from '../features/request-editor/TransportSwitch.tsx';
import { Button } from '../components/ui.tsx';
import { FULL_TOOLBAR_QUERY, SIDE_BY_SIDE_QUERY, useMediaQuery, WIDE_QUERY } from '../components/use-media-query.ts';
import { ViewControls } from './ViewControls.tsx';
import {
  drawerToggled,
  sidebarCollapseToggled,
  useDrawerOpen,
  useSidebarCollapsed,
} from '../stores/appearance-store.ts';
import { SIDEBAR_ID } from './SidebarFrame.tsx';

const MORE_ID = 'toolbar-more';

export function AppToolbar({ actions }: { actions: ReactNode }) {
  const full = useMediaQuery(FULL_TOOLBAR_QUERY);
  // Seven action buttons overflow an 800 px row: below 1024 px they go in the More panel too.
  const wide = useMediaQuery(SIDE_BY_SIDE_QUERY);
  const actionsInPanel = full || !wide;
  const [moreOpen, setMoreOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const more = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (full || !moreOpen) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || document.querySelector('dialog[open]')) return;
      setMoreOpen(false);
      more.current?.focus();
    };
    const onPointerDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!panel.current?.contains(t) && !more.current?.contains(t) && !document.querySelector('dialog[open]'))
        setMoreOpen(false);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('pointerdown', onPointerDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('pointerdown', onPointerDown);
    };
  }, [full, moreOpen]);

  const panelClass = full
    ? 'ml-2 flex min-w-0 flex-1 items-center gap-2 whitespace-nowrap'
    : `absolute inset-x-0 top-full z-30 flex flex-col items-stretch gap-3 border-b border-slate-200 bg-white p-3 shadow-lg [&_dialog[open]]:visible ${
        moreOpen ? '' : 'invisible'
      }`;
  return (
    <header className="relative flex h-11 shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-2 sm:px-4">
      <LibraryToggle />
      <div className="flex items-center gap-2">
        <span
          aria-hidden
          className="flex h-6 w-6 items-center justify-center rounded-md bg-indigo-600 text-[13px] font-bold text-white"
        >
          P
        </span>
        <h1 className="text-sm font-semibold tracking-tight text-slate-900">Parley</h1>
      </div>
      {!actionsInPanel && <Actions className="ml-auto shrink-0">{actions}</Actions>}
      <div ref={panel} id={MORE_ID} className={panelClass}>
        <div className={`flex gap-3 ${full ? 'items-center' : 'flex-col items-start'}`}>
          <EnvironmentPicker />
          <TransportSwitch />
        </div>
        {actionsInPanel && <Actions className={full ? 'ml-auto shrink-0' : 'flex-wrap'}>{actions}</Actions>}
        <ViewControls />
      </div>
      {!full && (
        <Button
          ref={more}
          className={actionsInPanel ? 'ml-auto' : ''}
          aria-expanded={moreOpen}
          aria-controls={MORE_ID}
          onClick={() => setMoreOpen((o) => !o)}
        >
          More
        </Button>
      )}
    </header>
  );
}

function Actions({ className, children }: { className: string; children: ReactNode }) {
  return (
    <div className={`flex items-center gap-1.5 ${className}`} aria-label="Actions" role="toolbar">
      {children}
    </div>
  );
}

function LibraryToggle() {
  const wide = useMediaQuery(WIDE_QUERY);
  const collapsed = useSidebarCollapsed();
  const drawerOpen = useDrawerOpen();
  const expanded = wide ? !collapsed : drawerOpen;
  return (
    <Button
      variant="ghost"
      aria-expanded={expanded}
      aria-controls={SIDEBAR_ID}
      title={wide ? (collapsed ? 'Show the sidebar' : 'Hide the sidebar') : 'Saved requests and history'}
      onClick={() => (wide ? sidebarCollapseToggled() : drawerToggled())}
    >
      <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5">
        <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
        <path d="M6 2.5v11" />
      </svg>
      Library
    </Button>
  );
}
