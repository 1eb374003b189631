import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { App } from './App.tsx';
import { formRenderedSignal, libraryStartDone } from './startup.ts';
import { serviceWorkerStarted } from './service-worker-client.ts';
import { cookieJarStarted } from '../stores/cookies-store.ts';
import { themeStarted } from './theme.ts';
import { getDraft } from '../stores/request-store.ts';
import { oauthCallbackLanded } from './oauth-callback.ts';

// The OAuth 2.0 redirect URI page hands its parameters to the waiting tab and starts no app.
if (!oauthCallbackLanded()) startApp();

function startApp(): void {
  // Before anything renders: the page opens in its theme (docs/layout-and-theme.md).
  themeStarted();

  // The form renders at once, never waiting for storage; stored state (the working draft, a share
  // link) is restored after, when the library's chunk has loaded. What the person typed meanwhile
  // is kept: the stored draft is then offered, not put over it (core/library/working-restore.ts).
  const draftAtFirstRender = getDraft();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  formRenderedSignal
    .then(() => import('../stores/library-session.ts'))
    .then((library) => library.libraryStarted({ draftAtFirstRender }))
    .catch((error: unknown) => console.error('Parley could not load saved requests and history:', error))
    .finally(libraryStartDone);

  // Parts the form opens on demand, fetched once the first render is done so a click finds them ready.
  requestIdleCallback(
    () => {
      void import('../features/request-editor/QueryPanel.tsx');
      void import('../features/request-editor/HeadersPanel.tsx');
      void import('../features/request-editor/AuthPanel.tsx');
      void import('../features/request-editor/FormBodyEditor.tsx');
      void import('../features/request-editor/MultipartBodyEditor.tsx');
      void import('../features/request-editor/BinaryBodyEditor.tsx');
      void import('../features/environments/EnvironmentEditor.tsx');
      void import('../stores/send-parts.ts');
    },
    { timeout: 2000 },
  );

  serviceWorkerStarted();
  cookieJarStarted();
}
