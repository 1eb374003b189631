/**
 * The layout. Slots, left to right and top to bottom:
 * - toolbar: brand, environment, transport setting, ACTIONS (Save, Share, Code, Import buttons go here);
 * - sidebar (saved requests, history) on the left;
 * - request line (Method, URL, Send), then the request editor and the Response region side by side.
 */
import { RequestEditor } from '../features/request-editor/RequestEditor.tsx';
import { RequestLine } from '../features/request-editor/RequestLine.tsx';
import { useSendShortcut } from './use-send-shortcut.ts';
import { Suspense, useEffect } from 'react';
import { formRendered, libraryStartedSignal } from './startup.ts';
import { lazyNamed } from './lazy-named.ts';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';
import { RequestTabs } from '../features/tabs/RequestTabs.tsx';
import { AppToolbar } from './AppToolbar.tsx';
import { SidebarFrame, SidebarResizeHandle } from './SidebarFrame.tsx';
import { PaneSplit } from './PaneSplit.tsx';
import { SkipLink, REQUEST_LINE_ID } from './SkipLink.tsx';
import { KeyboardLayer } from './KeyboardLayer.tsx';
import { useDraft } from '../stores/request-store.ts';
import { isWebSocketUrl } from '../core/websocket/handshake.ts';

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
const cookies = lazyNamed(
  () => import('../features/cookies/CookieManager.tsx'),
  (m) => m.CookiesButton,
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
const runner = lazyNamed(
  () => import('../features/runner/RunnerButton.tsx'),
  (m) => m.RunnerButton,
);
const websocket = lazyNamed(
  () => import('../features/websocket/WebSocketPanel.tsx'),
  (m) => m.WebSocketPanel,
);
const loadTest = lazyNamed(
  () => import('../features/load-test/LoadTestButton.tsx'),
  (m) => m.LoadTestButton,
);
const LoadTestButton = loadTest.Component;
const ResponseView = response.Component;
const WebSocketPanel = websocket.Component;
const RunnerButton = runner.Component;
const CodeButton = code.Component;
const ImportButton = importer.Component;
const CookiesButton = cookies.Component;
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
    <div className="flex h-dvh min-h-[36rem] flex-col bg-slate-50 text-slate-900">
      <UpdateBanner />
      <SkipLink />
      <AppToolbar
        actions={
          // ACTIONS slot: Save, Share, Code, Import
          <Suspense fallback={null}>
            <LibraryActions />
            <CodeButton />
            <ImportButton />
            <RunnerButton />
            <CookiesButton />
            <LoadTestButton />
            <BoundaryShown />
          </Suspense>
        }
      />
      <div className="flex min-h-0 flex-1">
        {/* SIDEBAR slot: <aside className="w-64 shrink-0 border-r border-slate-200 bg-white">…</aside> */}
        <SidebarFrame>
          <Suspense fallback={<aside aria-hidden className="w-64 shrink-0 border-r border-slate-200 bg-white" />}>
            <LibrarySidebar />
            <BoundaryShown />
          </Suspense>
        </SidebarFrame>
        <main className="relative flex min-w-0 flex-1 flex-col max-md:overflow-y-auto">
          <SidebarResizeHandle />
          <Suspense fallback={null}>
            <LibraryBanners />
            <SharedNotice />
            <BoundaryShown />
          </Suspense>
          <RequestTabs />
          <div id={REQUEST_LINE_ID} tabIndex={-1} className="outline-none">
            <ErrorBoundary what="The request line">
              <RequestLine />
            </ErrorBoundary>
          </div>
          <PaneSplit
            first={
              <ErrorBoundary what="The request editor">
                <RequestEditor />
              </ErrorBoundary>
            }
            second={
              <ErrorBoundary what="The response view">
                <Suspense
                  fallback={<section aria-label="Response" className="flex h-full min-h-0 flex-col bg-white" />}
                >
                  <ResponseOrWebSocket />
                  <BoundaryShown />
                </Suspense>
              </ErrorBoundary>
            }
          />
        </main>
      </div>
      <Suspense fallback={null}>
        <ShareDialogHost />
        <BoundaryShown />
      </Suspense>
      <KeyboardLayer />
    </div>
  );
}

/** A `ws://` / `wss://` URL makes the request a WebSocket one: its panel takes the Response region's place. */
function ResponseOrWebSocket() {
  const url = useDraft().url;
  return isWebSocketUrl(url) ? <WebSocketPanel /> : <ResponseView />;
}
