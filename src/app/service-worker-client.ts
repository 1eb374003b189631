/**
 * Registers the service worker (`/sw.js`, built by server/vite-service-worker.ts) once the page
 * has loaded, and tells the page when a new version is installed and waiting: `reloadToUpdate()`
 * then activates it and reloads. Nothing happens in the dev server or without service workers.
 */
import { useSyncExternalStore } from 'react';

let waiting: ServiceWorker | null = null;
const listeners = new Set<() => void>();

function setWaiting(worker: ServiceWorker | null): void {
  waiting = worker;
  for (const listener of listeners) listener();
}

/** Whether a new version is installed and waits for a reload (re-renders when that changes). */
export function useUpdateWaiting(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => waiting !== null,
  );
}

/** Activates the waiting version; the page reloads when it has taken control. */
export function reloadToUpdate(): void {
  if (waiting === null) return location.reload();
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  waiting.postMessage('skip-waiting');
}

function watch(registration: ServiceWorkerRegistration | undefined): void {
  // Some hosts stub registration out (Playwright's `serviceWorkers: 'block'` resolves with nothing).
  if (!registration) return;
  // Only an update is news: the first install (no controller yet) just caches the app.
  const offer = (worker: ServiceWorker | null) => {
    if (worker && navigator.serviceWorker.controller) setWaiting(worker);
  };
  offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer(installing);
    });
  });
}

/** Call once at start-up (production builds only). Registration waits for `load` so it never competes with the first render. */
export function serviceWorkerStarted(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js').then(watch, (error: unknown) => {
      // No offline copy (private mode, blocked by policy): Parley works as before.
      console.warn('Parley could not install its offline copy:', error);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
