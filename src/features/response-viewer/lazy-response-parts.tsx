/**
 * The rich response views (body viewer, cookies, timing, redirects) are only needed once
 * a response exists, so they load as a separate chunk: the first screen stays small
 * (DESIGN §8: ≤ 150 KB gzip before Monaco). `prefetchResponseParts()` warms the chunk
 * while the page is idle so the first response shows without a visible wait.
 */
import { Suspense, lazy, type ReactNode } from 'react';
import type { ResponseHead, ResponseRecord } from '../../core/model/response.ts';

const load = {
  body: () => import('../response-body/BodyViewer.tsx'),
  cookies: () => import('../response-body/CookiesList.tsx'),
  timing: () => import('../response-body/TimingWaterfall.tsx'),
  redirects: () => import('../response-body/RedirectHops.tsx'),
  authExchange: () => import('../response-body/AuthExchangeView.tsx'),
  tls: () => import('../response-body/TlsSessionView.tsx'),
  firstRows: () => import('../response-body/FirstRows.tsx'),
};

const BodyViewer = lazy(() => load.body().then((m) => ({ default: m.BodyViewer })));
const CookiesList = lazy(() => load.cookies().then((m) => ({ default: m.CookiesList })));
const TimingWaterfall = lazy(() => load.timing().then((m) => ({ default: m.TimingWaterfall })));
const RedirectHops = lazy(() => load.redirects().then((m) => ({ default: m.RedirectHops })));
const TlsSessionView = lazy(() => load.tls().then((m) => ({ default: m.TlsSessionView })));
const AuthExchangeView = lazy(() => load.authExchange().then((m) => ({ default: m.AuthExchangeView })));
const FirstRows = lazy(() => load.firstRows().then((m) => ({ default: m.FirstRows })));

let prefetched = false;
/** Starts loading the response views in the background (idempotent). */
export function prefetchResponseParts(): void {
  if (prefetched) return;
  prefetched = true;
  for (const f of Object.values(load)) void f().catch(() => undefined);
}

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<p className="p-3 text-[13px] text-slate-400">Loading the viewer…</p>}>{children}</Suspense>
  );
}

export function LazyBodyViewer({ response }: { response: ResponseRecord }) {
  return (
    <Loading>
      <BodyViewer response={response} />
    </Loading>
  );
}

/** The first rows of the content while the rest arrives (response-store's `firstContent`). */
export function LazyFirstRows({ bytes, contentType }: { bytes: Uint8Array; contentType: string | null }) {
  return (
    <Loading>
      <FirstRows bytes={bytes} contentType={contentType} />
    </Loading>
  );
}

export function LazyCookiesList({ response }: { response: ResponseHead }) {
  return (
    <Loading>
      <CookiesList response={response} />
    </Loading>
  );
}

/** Redirect hops (known with the head) and — once the content is complete — the timing. */
export function LazyTiming({ response, complete }: { response: ResponseHead; complete: ResponseRecord | null }) {
  return (
    <Loading>
      <TlsSessionView response={response} />
      <AuthExchangeView response={response} />
      <RedirectHops response={response} />
      {complete ? (
        <TimingWaterfall response={complete} />
      ) : (
        <p className="p-3 text-[13px] text-slate-400">The timing shows once the content has arrived.</p>
      )}
    </Loading>
  );
}
