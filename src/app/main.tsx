import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { App, libraryUiReady } from './App.tsx';
import { libraryNeededBeforeRender, libraryStartDone, storageOrNull } from './startup.ts';
import { serviceWorkerStarted } from './service-worker-client.ts';
import { cookieJarStarted } from '../stores/cookies-store.ts';
import { themeStarted } from './theme.ts';

// Before anything renders: the page opens in its theme (docs/layout-and-theme.md).
themeStarted();

const root = createRoot(document.getElementById('root')!);
const render = () =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
const libraryStarted = async (restoreWorkingDraft: boolean) => {
  try {
    (await import('../stores/library-session.ts')).libraryStarted({ restoreWorkingDraft });
  } finally {
    libraryStartDone();
  }
};

if (libraryNeededBeforeRender(storageOrNull('localStorage'), storageOrNull('sessionStorage'), location.hash)) {
  // Before the first render, so the editor opens with the restored working draft or a shared
  // link, and the sidebar with the saved requests (no empty flash).
  void Promise.all([libraryStarted(true), libraryUiReady]).finally(render);
} else {
  // Nothing stored: the form renders now; a working draft another tab writes meanwhile is not
  // pulled in over what the person may already be typing.
  render();
  void libraryStarted(false);
}

// Parts the form opens on demand, fetched once the first render is done so a click finds them ready.
requestIdleCallback(
  () => {
    void import('../features/request-editor/MultipartBodyEditor.tsx');
    void import('../features/request-editor/BinaryBodyEditor.tsx');
    void import('../features/environments/EnvironmentEditor.tsx');
  },
  { timeout: 2000 },
);

serviceWorkerStarted();
cookieJarStarted();
