/**
 * Parley's service worker (plain JS: it runs as-is; `server/vite-service-worker.ts` prepends
 * `const VERSION = '…'; const PRECACHE = [...];` at build time and writes it to /sw.js).
 *
 * - Install: precaches the built app (the page shell `/` and every listed file) in a cache
 *   named after the build, so Parley opens with its server down.
 * - Navigations are network-first: a running server always answers with a fresh page, and so
 *   with its current per-process proxy token; the cached shell is used only when the network
 *   fails, and every page fetched from the network replaces it (the token is never older than
 *   the last successful visit). Navigation preload is on, so the page's request starts while
 *   the worker boots, and the page is handed over at once (the shell is updated after).
 * - /assets/* (hashed, immutable) are cache-first, with files not precached (cURL import's
 *   parser) cached the first time they are fetched. /api and /echo are never touched.
 * - A new build installs next to the old one and waits; the page shows "New version — reload"
 *   and posts `skip-waiting` (src/app/service-worker-client.ts). Activation drops old caches.
 */
/* global VERSION, PRECACHE */
const CACHE = `parley-${VERSION}`;
const SHELL = '/';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Hashed assets never change: take them from the HTTP cache when the page has just loaded
      // them (no second download). Everything else is revalidated, never taken stale.
      await cache.addAll(
        [SHELL, ...PRECACHE].map(
          (url) => new Request(url, { cache: url.startsWith('/assets/') ? 'default' : 'no-cache' }),
        ),
      );
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // The navigation request goes out while the worker starts (a repeat visit does not wait for it).
      await self.registration.navigationPreload?.enable();
      for (const name of await caches.keys())
        if (name.startsWith('parley-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') void self.skipWaiting();
});

function isPassThrough(url) {
  return (
    url.origin !== self.location.origin ||
    url.pathname === '/api' ||
    url.pathname.startsWith('/api/') ||
    url.pathname === '/echo' ||
    url.pathname.startsWith('/echo/') ||
    url.pathname === '/sw.js'
  );
}

async function navigate(event) {
  try {
    const response = (await event.preloadResponse) ?? (await fetch(event.request));
    if (response.ok && (response.headers.get('Content-Type') ?? '').startsWith('text/html')) {
      // Stored after the page has its copy: the page never waits for the cache write.
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(SHELL, copy)));
    }
    return response;
  } catch (error) {
    const shell = await caches.open(CACHE).then((cache) => cache.match(SHELL));
    if (shell) return shell;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (isPassThrough(url)) return;
  if (request.mode === 'navigate') return event.respondWith(navigate(event));
  event.respondWith(cacheFirst(request));
});
