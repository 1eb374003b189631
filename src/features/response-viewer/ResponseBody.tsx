/**
 * The response content: Pretty (lossless JSON formatting: big numbers keep every digit)
 * and Raw. The one place the app renders a body, so a richer viewer can replace it.
 */
import type { ResponseRecord } from '../../core/model/response.ts';
import { LazyBodyViewer } from './lazy-response-parts.tsx';

export function ResponseBody({ response }: { response: ResponseRecord }) {
  // The body viewer (worker-formatted, virtualised, every content kind) lives in features/response-body, loaded lazily.
  return <LazyBodyViewer response={response} />;
}
