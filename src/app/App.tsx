/**
 * The layout. Slots, left to right and top to bottom:
 * - toolbar: brand, environment, transport setting, ACTIONS (Save, Share, Code, Import buttons go here);
 * - sidebar (saved requests, history) on the left;
 * - request line (Method, URL, Send), then the request editor and the Response region side by side.
 */
import { EnvironmentPicker } from '../features/environments/EnvironmentPicker.tsx';
import { RequestEditor } from '../features/request-editor/RequestEditor.tsx';
import { RequestLine } from '../features/request-editor/RequestLine.tsx';
import { TransportSwitch } from '../features/request-editor/TransportSwitch.tsx';
import { useSendShortcut } from './use-send-shortcut.ts';
import { Suspense, useEffect } from 'react';
import { formRendered, libraryStartedSignal } from './startup.ts';
import { lazyNamed } from './lazy-named.ts';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';

// Only the request form is in the first chunk. The library (saved requests, history, share links,
// with its schemas), the response view and the Code and Import buttons load in parallel with the
// first render, which waits for none of them (docs/performance.md, startup.ts).
const response = lazyNamed(
  () => import('../features/response-viewer/ResponseView.tsx'),
  (m) => m.ResponseView,
);
const code = lazyNamed(
  () => import('../features/codegen/CodePanel.tsx'),
  (m) => m.CodeButton,
);
const importer = lazyNamed(
  () => import('../features/import/ImportDialog.tsx'),
  (m) => m.ImportButton,
);
const actions = lazyNamed(
  () => import('../features/library/LibraryActions.tsx'),
  (m) => m.LibraryActions,
);
const banners = lazyNamed(
  () => import('../features/library/LibraryNotices.tsx'),
  (m) => m.LibraryBanners,
);
const sidebar = lazyNamed(
  () => import('../features/library/LibrarySidebar.tsx'),
  (m) => m.LibrarySidebar,
);
const shareDialog = lazyNamed(
  () => import('../features/share/SharedNotice.tsx'),
  (m) => m.ShareDialogHost,
);
const sharedNotice = lazyNamed(
  () => import('../features/share/SharedNotice.tsx'),
  (m) => m.SharedNotice,
);
const ResponseView = response.Component;
const CodeButton = code.Component;
const ImportButton = importer.Component;
const LibraryActions = actions.Component;
const LibraryBanners = banners.Component;
const LibrarySidebar = sidebar.Component;
const ShareDialogHost = shareDialog.Component;
const SharedNotice = sharedNotice.Component;

const LAZY_BOUNDARIES = 5;
let boundariesShown = 0;
/**
 * Rendered inside each lazy boundary: when all of them show their real content and the library
 * has started, marks `<html data-library="ready">` (tests and tools wait for it; the form itself
 * is usable earlier).
 */
function BoundaryShown() {
  useEffect(() => {
    if (++boundariesShown === LAZY_BOUNDARIES)
      void libraryStartedSignal.then(() => {
        document.documentElement.dataset.library = 'ready';
      });
    return () => {
      boundariesShown--;
    };
  }, []);
  return null;
}

export function App() {
  useSendShortcut();
  useEffect(formRendered, []);
  return (
    <div className="flex h-screen min-h-[36rem] flex-col bg-slate-50 text-slate-900">
      <UpdateBanner />
      <header className="flex h-11 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-4">
        <div className="flex items-center gap-2">
          <span
            aria-hidden
            className="flex h-6 w-6 items-center justify-center rounded-md bg-indigo-600 text-[13px] font-bold text-white"
          >
            P
          </span>
          <span className="text-sm font-semibold tracking-tight text-slate-900">Parley</span>
        </div>
        <div className="ml-4 flex items-center gap-3">
          <EnvironmentPicker />
          <TransportSwitch />
        </div>
        <div className="ml-auto flex items-center gap-1.5" aria-label="Actions" role="toolbar">
          {/* ACTIONS slot: Save, Share, Code, Import */}
          <Suspense fallback={null}>
            <LibraryActions />
            <CodeButton />
            <ImportButton />
            <BoundaryShown />
          </Suspense>
        </div>
      </header>
      <div className="flex min-h-0 flex-1">
        {/* SIDEBAR slot: <aside className="w-64 shrink-0 border-r border-slate-200 bg-white">…</aside> */}
        <Suspense fallback={<aside aria-hidden className="w-64 shrink-0 border-r border-slate-200 bg-white" />}>
          <LibrarySidebar />
          <BoundaryShown />
        </Suspense>
        <main className="flex min-w-0 flex-1 flex-col">
          <Suspense fallback={null}>
            <LibraryBanners />
            <SharedNotice />
            <BoundaryShown />
          </Suspense>
          <ErrorBoundary what="The request line">
            <RequestLine />
          </ErrorBoundary>
          <div className="grid min-h-0 flex-1 grid-cols-1 grid-rows-2 gap-px bg-slate-200 lg:grid-cols-2 lg:grid-rows-1">
            <ErrorBoundary what="The request editor">
              <RequestEditor />
            </ErrorBoundary>
            <ErrorBoundary what="The response view">
              <Suspense fallback={<section aria-label="Response" className="flex h-full min-h-0 flex-col bg-white" />}>
                <ResponseView />
                <BoundaryShown />
              </Suspense>
            </ErrorBoundary>
          </div>
        </main>
      </div>
      <Suspense fallback={null}>
        <ShareDialogHost />
        <BoundaryShown />
      </Suspense>
    </div>
  );
}
