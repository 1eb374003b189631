import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { App } from './App.tsx';
import { libraryStarted } from '../stores/library-session.ts';
import { serviceWorkerStarted } from './service-worker-client.ts';

// Before the first render, so the editor opens with the restored working draft or a shared link.
libraryStarted();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

serviceWorkerStarted();
