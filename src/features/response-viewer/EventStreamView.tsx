/**
 * The live event list of a `text/event-stream` response (id, event, data, retry), filled while
 * the content arrives; Stop ends the stream (the events stay), Reconnect puts the last event ID
 * in a `Last-Event-ID` header row of the draft and sends again (docs/websocket-sse.md).
 */
import { useSseState } from '../../stores/sse-store.ts';
import { cancelClicked, sendClicked, useSendPhase } from '../../stores/response-store.ts';
import { lastEventIdHeaderSet } from '../../stores/request-store.ts';
import { MAX_SHOWN_EVENTS } from '../../core/sse/event-list.ts';

const button =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50';

export function EventStreamView() {
  const sse = useSseState();
  const sending = useSendPhase() === 'sending';
  const open = sending && !sse.ended;
  const shown = sse.events.slice(-MAX_SHOWN_EVENTS);
  const hidden = sse.dropped + sse.events.length - shown.length;
  const total = sse.dropped + sse.events.length;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-3 py-1.5 text-xs text-slate-600">
        <span role="status" aria-label="Event stream status">
          {open ? 'Receiving' : 'Ended'} · {total.toLocaleString('en-US')} event{total === 1 ? '' : 's'}
          {sse.lastEventId !== '' && ` · last id ${sse.lastEventId}`}
          {sse.retry !== null && ` · retry ${sse.retry} ms`}
        </span>
        {open && (
          <button type="button" className={button} onClick={cancelClicked}>
            Stop
          </button>
        )}
        {!sending && (
          <button
            type="button"
            className={button}
            title={
              sse.lastEventId !== ''
                ? `Sends again with the header field Last-Event-ID: ${sse.lastEventId} (added to the Headers table)`
                : 'Sends again (no event id was received, so no Last-Event-ID)'
            }
            onClick={() => {
              if (sse.lastEventId !== '') lastEventIdHeaderSet(sse.lastEventId);
              void sendClicked();
            }}
          >
            Reconnect
          </button>
        )}
      </div>
      {hidden > 0 && (
        <p role="note" className="px-3 py-1 text-xs text-slate-500">
          Showing the newest {shown.length.toLocaleString('en-US')} of {total.toLocaleString('en-US')} events.
        </p>
      )}
      <div className="min-h-0 flex-1 overflow-auto">
        <table aria-label="Events" className="w-full border-collapse text-left font-mono text-[12px]">
          <thead className="sticky top-0 bg-slate-50 text-[11px] uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-1 font-semibold">id</th>
              <th className="px-3 py-1 font-semibold">event</th>
              <th className="px-3 py-1 font-semibold">data</th>
              <th className="px-3 py-1 font-semibold">retry</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e, i) => (
              <tr key={hidden + i} className="border-t border-slate-100 align-top">
                <td className="px-3 py-0.5 text-slate-700">{e.id}</td>
                <td className="px-3 py-0.5 text-indigo-700">{e.event}</td>
                <td className="whitespace-pre-wrap break-all px-3 py-0.5 text-slate-900">{e.data}</td>
                <td className="px-3 py-0.5 text-slate-500">{e.retry ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {total === 0 && <p className="p-3 text-[13px] text-slate-400">No events yet.</p>}
      </div>
    </div>
  );
}
