/** The Response region: status, time, size, then Body / Headers / Raw request. */
import { useEffect } from 'react';
import { useTabView } from '../../stores/tabs-store.ts';
import { CompareButton } from './CompareDialog.tsx';
import type { ResponseHead, ResponseRecord } from '../../core/model/response.ts';
import { TabList, TabPanel } from '../../components/tabs.tsx';
import { formatBytes, formatMs, formatWhen } from '../../components/format.ts';
import { useResolved } from '../../stores/request-derived.ts';
import {
  useFirstContent,
  useLastResponse,
  useKeptFrom,
  useNotSentSince,
  useReceivedHead,
  useSendCount,
  useSendFailure,
  useSendPhase,
  useSentRequest,
  type SendFailure,
  type SendPhase,
} from '../../stores/response-store.ts';
import { useTransportKind } from '../../stores/settings-store.ts';
import { useDraftGeneration } from '../../stores/request-store.ts';
import { Notice } from '../../components/ui.tsx';
import { responseOwnerNote } from './response-owner.ts';
import { rawViewNotes } from './raw-view-notes.ts';
import { contentCodingsOf } from '../../core/response/content-coding.ts';
import { headerValue } from '../../core/response/media-type.ts';

const pageOrigin = (): string => (typeof location === 'undefined' ? '' : location.origin);
import { ResponseBody } from './ResponseBody.tsx';
import { ResponseHeaders } from './ResponseHeaders.tsx';
import { RawRequestView } from './RawRequestView.tsx';
import { TestsPanel, testsBadge } from './TestsPanel.tsx';
import { useScriptResults } from '../../stores/script-store.ts';
import { ContentProgressView, SendFailureView, StatusBarProgress, WaitingView } from './SendStateViews.tsx';
import { unfinishedContentNote } from './failure-text.ts';
import { EventStreamView } from './EventStreamView.tsx';
import { useSseSendCount } from '../../stores/sse-store.ts';
import { isEventStreamType } from '../../core/sse/event-list.ts';
import { LazyCookiesList, LazyFirstRows, LazyTiming, prefetchResponseParts } from './lazy-response-parts.tsx';

type TabId = 'body' | 'headers' | 'cookies' | 'timing' | 'raw' | 'tests';
const TABS_LABEL = 'Response views';

function statusTone(status: number): string {
  if (status >= 500) return 'bg-red-50 text-red-700 ring-red-200';
  if (status >= 400) return 'bg-amber-50 text-amber-800 ring-amber-200';
  if (status >= 300) return 'bg-sky-50 text-sky-700 ring-sky-200';
  if (status >= 200) return 'bg-emerald-50 text-emerald-700 ring-emerald-200';
  return 'bg-slate-50 text-slate-700 ring-slate-200';
}

/**
 * Status, the redirects the proxy followed to get it (a button to their list), and — once the
 * content is complete — time and size; while it arrives, the bytes so far.
 */
function StatusBar({
  head,
  complete,
  onShowRedirects,
}: {
  head: ResponseHead;
  complete: ResponseRecord | null;
  onShowRedirects: () => void;
}) {
  const hops = head.redirects.length;
  // Through the proxy, encoded content arrives encoded: say that this size is the one on the wire.
  const codings = complete && complete.via === 'proxy' ? contentCodingsOf(complete.headers).codings : [];
  const onWire = codings.length > 0 ? codings.join(', ') : null;
  return (
    <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
      <span
        role="status"
        aria-label="Response status"
        className={`rounded-md px-2 py-0.5 font-mono text-[13px] font-semibold ring-1 ${statusTone(head.status)}`}
      >
        {`${head.status} ${head.reasonPhrase}`.trim()}
      </span>
      {hops > 0 && (
        <button
          type="button"
          onClick={onShowRedirects}
          title="The proxy followed these redirects; show each hop"
          className="rounded text-sky-700 underline decoration-sky-300 underline-offset-2 hover:text-sky-900"
        >
          {`after ${hops} redirect${hops === 1 ? '' : 's'}`}
        </button>
      )}
      {head.authExchange && (
        <button
          type="button"
          onClick={onShowRedirects}
          title="The proxy answered a Digest challenge; show both requests"
          className="rounded text-sky-700 underline decoration-sky-300 underline-offset-2 hover:text-sky-900"
        >
          after a Digest challenge
        </button>
      )}
      {!complete && <StatusBarProgress />}
      {complete && (
        <>
          <span title="From sending to the last byte">
            Time <strong className="font-semibold text-slate-800">{formatMs(complete.totalMs)}</strong>
          </span>
          <span
            title={`${complete.sizeBytes.toLocaleString('en-US')} bytes of content${onWire ? ' as received, before decoding' : ''}`}
          >
            Size <strong className="font-semibold text-slate-800">{formatBytes(complete.sizeBytes)}</strong>
            {onWire && <span className="text-slate-500"> on the wire ({onWire})</span>}
          </span>
        </>
      )}
      <span className="ml-auto rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-500">
        via {head.via === 'proxy' ? 'proxy' : 'browser (direct)'}
      </span>
      {head.warnings?.map((warning) => (
        <p key={warning} role="note" className="basis-full text-amber-800">
          {warning}
        </p>
      ))}
    </div>
  );
}

export function ResponseView() {
  // Each request tab remembers its own response view.
  const [tab, setTab] = useTabView<TabId>('response', 'body');
  const phase = useSendPhase();
  const response = useLastResponse();
  const failure = useSendFailure();
  const receivedHead = useReceivedHead();
  const sent = useSentRequest();
  const live = useResolved();
  const transport = useTransportKind();
  const sendCount = useSendCount();
  const generation = useDraftGeneration();
  const notSentSince = useNotSentSince();
  const scriptResults = useScriptResults();
  const kept = useKeptFrom();
  const sseSendCount = useSseSendCount();
  const ownerNote = responseOwnerNote(sent, generation, notSentSince);
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return prefetchResponseParts();
    const id = requestIdleCallback(prefetchResponseParts, { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }, []);

  const complete = phase === 'done' ? response : null;
  // The head shows as soon as it arrives; the content follows (or failed to).
  const head: ResponseHead | null = complete ?? receivedHead;

  // The raw view shows the request on screen: the one sent, unless another request was opened since.
  const showSent = sent !== null && sent.generation === generation;
  const raw = showSent
    ? {
        request: sent.request,
        via: sent.via,
        note: [
          ...rawViewNotes(sent.request, sent.via, pageOrigin(), true),
          ...(head?.authExchange
            ? [
                `The proxy answered the server's ${head.authExchange.challenge.status} Digest challenge by sending this request again with one more field — Authorization: ${head.authExchange.authorization}`,
              ]
            : []),
        ],
      }
    : live.request
      ? {
          request: live.request,
          via: transport,
          note: [
            ...rawViewNotes(live.request, transport, pageOrigin(), false),
            ...(live.dynamicUsed
              ? [
                  '{{$guid}}, {{$timestamp}}, {{$isoTimestamp}} and {{$randomInt}} get new values at each Send; after it, this view shows the values sent.',
                ]
              : []),
          ],
        }
      : null;

  return (
    <section aria-label="Response" className="flex h-full min-h-0 flex-col bg-white">
      <div className="flex min-h-[2.75rem] items-center gap-4 border-b border-slate-200 px-3 py-1.5">
        <h2 className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">Response</h2>
        {head && <StatusBar key={sendCount} head={head} complete={complete} onShowRedirects={() => setTab('timing')} />}
        {phase === 'sending' && !head && <WaitingView />}
        {complete && (
          <span className="ml-auto">
            <CompareButton response={complete} />
          </span>
        )}
        {phase === 'idle' && !response && (
          <p className="text-xs text-slate-500">
            Press <strong>Send</strong> (or Ctrl+Enter) to see the response here.
          </p>
        )}
      </div>
      {ownerNote && phase !== 'sending' && (
        <Notice tone="warning" className="m-2">
          <span role="note" aria-label="Response owner">
            {ownerNote}
          </span>
        </Notice>
      )}
      {kept && phase === 'done' && (
        <p role="note" aria-label="Kept response" className="mx-3 mt-1.5 text-xs text-slate-500">
          Last response, from {formatWhen(kept.at)}
          {kept.bodyNotKept && ` — ${kept.bodyNotKept}`}
        </p>
      )}
      {phase === 'failed' && failure && <SendFailureView failure={failure} />}
      <TabList<TabId>
        label={TABS_LABEL}
        selected={tab}
        onSelect={setTab}
        items={[
          { id: 'body', label: 'Body' },
          { id: 'headers', label: 'Headers', badge: head ? String(head.headers.length) : undefined },
          { id: 'cookies', label: 'Cookies' },
          { id: 'timing', label: 'Timing' },
          { id: 'raw', label: 'Raw request' },
          { id: 'tests', label: 'Tests', badge: testsBadge(scriptResults) },
        ]}
      />
      <TabPanel label={TABS_LABEL} id={tab} className="min-h-0 flex-1 overflow-auto">
        {tab === 'body' &&
          (head &&
          sseSendCount !== 0 &&
          sseSendCount === sendCount &&
          isEventStreamType(headerValue(head.headers, 'content-type')) ? (
            <EventStreamView />
          ) : complete ? (
            <ResponseBody response={complete} />
          ) : head ? (
            <ContentPending phase={phase} failure={failure} head={head} />
          ) : (
            <Placeholder phase={phase} />
          ))}
        {tab === 'headers' && (head ? <ResponseHeaders response={head} /> : <Placeholder phase={phase} />)}
        {tab === 'cookies' && (head ? <LazyCookiesList response={head} /> : <Placeholder phase={phase} />)}
        {tab === 'timing' &&
          (head ? <LazyTiming response={head} complete={complete} /> : <Placeholder phase={phase} />)}
        {tab === 'tests' && <TestsPanel results={scriptResults} />}
        {tab === 'raw' &&
          (raw ? (
            <RawRequestView request={raw.request} via={raw.via} note={raw.note} />
          ) : (
            <p className="p-3 text-[13px] text-slate-500">
              The request cannot be built yet; see the messages in the form.
            </p>
          ))}
      </TabPanel>
    </section>
  );
}

function ContentPending({
  phase,
  failure,
  head,
}: {
  phase: SendPhase;
  failure: SendFailure | null;
  head: ResponseHead;
}) {
  const first = useFirstContent();
  if (phase === 'sending')
    return (
      <div className="flex h-full min-h-0 flex-col">
        <ContentProgressView />
        {first && first.length > 0 && (
          <LazyFirstRows bytes={first} contentType={headerValue(head.headers, 'content-type')} />
        )}
      </div>
    );
  return <p className="p-3 text-[13px] text-slate-500">{unfinishedContentNote(failure)}</p>;
}

function Placeholder({ phase }: { phase: SendPhase }) {
  // After a failure the alert above already says no response came; don't say it twice.
  if (phase === 'failed') return null;
  return (
    <p className="p-3 text-[13px] text-slate-400">
      {phase === 'sending' ? 'Waiting for the response…' : 'No response yet.'}
    </p>
  );
}
