/**
 * The response content: Pretty (lossless JSON formatting: big numbers keep every digit)
 * and Raw. The one place the app renders a body, so a richer viewer can replace it.
 */
import type { ResponseRecord } from '../../core/model/response.ts';
import { LazyBodyViewer } from './lazy-response-parts.tsx';
import { lazy, Suspense } from 'react';
import { useDraft } from '../../stores/request-store.ts';

const GraphqlErrors = lazy(() => import('./GraphqlErrors.tsx').then((m) => ({ default: m.GraphqlErrors })));

export function ResponseBody({ response }: { response: ResponseRecord }) {
  // The body viewer (worker-formatted, virtualised, every content kind) lives in features/response-body, loaded lazily.
  // GraphQL errors (lazy chunk) only when the request body is GraphQL.
  const graphql = useDraft().body.mode === 'graphql';
  if (!graphql) return <LazyBodyViewer response={response} />;
  return (
    <>
      <Suspense fallback={null}>
        <GraphqlErrors response={response} />
      </Suspense>
      <LazyBodyViewer response={response} />
    </>
  );
}
