/** The content of a response with its content codings undone (in a worker), for the body viewer. */
import { useEffect, useMemo, useState } from 'react';
import type { ResponseRecord } from '../../core/model/response.ts';
import { codingPlan, type CodingPlan } from '../../core/response/content-coding.ts';
import { liveDecodeOf } from '../../stores/response-decode.ts';
import { decodeInWorker } from './decode-client.ts';

export type DecodedContent =
  | { status: 'decoding'; plan: CodingPlan }
  | { status: 'ready'; plan: CodingPlan; bytes: Uint8Array | null }
  | { status: 'failed'; plan: CodingPlan; message: string };

/**
 * `ready` with the bytes to show: the decoded content for plan `decode`, the bytes as received
 * otherwise; `failed` with the decoder's sentence (the view then shows the bytes as received).
 */
export function useDecodedContent(response: ResponseRecord): DecodedContent {
  const plan = useMemo(() => codingPlan(response.via, response.headers), [response]);
  const body = response.body;
  const needsWorker = plan.action === 'decode' && body !== null && body.length > 0;
  // The result is tagged with the response it belongs to, so a new response never shows the previous one's content.
  const [done, setDone] = useState<{ of: ResponseRecord; state: DecodedContent } | null>(null);
  useEffect(() => {
    if (!needsWorker || plan.action !== 'decode' || body === null) return;
    // Decoded while it arrived (the response store's job, shared: never cancelled here), else now.
    const shared = liveDecodeOf(response);
    const job =
      shared !== null && shared.codings.join(',') === plan.codings.join(',')
        ? shared
        : decodeInWorker(body, plan.codings);
    let live = true;
    job.result.then(
      (bytes) => live && setDone({ of: response, state: { status: 'ready', plan, bytes } }),
      (error: unknown) =>
        live &&
        setDone({
          of: response,
          state: { status: 'failed', plan, message: error instanceof Error ? error.message : String(error) },
        }),
    );
    return () => {
      live = false;
      if (job !== shared) job.cancel();
    };
  }, [needsWorker, plan, body, response]);
  if (!needsWorker) return { status: 'ready', plan, bytes: body };
  return done !== null && done.of === response ? done.state : { status: 'decoding', plan };
}
