/** The message log: a virtualised list (fixed row height) with search and filter, and the chosen message in full. */
import { useMemo, useState, type UIEvent } from 'react';
import {
  filterLog,
  formatHex,
  prettyJson,
  type WsLogEntry,
  type WsLogFilter,
} from '../../core/websocket/message-format.ts';
import { inputClass, selectClass, Button } from '../../components/ui.tsx';
import { logCleared, useWsDropped, useWsLog } from './websocket-store.ts';

const ROW_PX = 28;
const VIEW_ROWS = 14;

const arrow: Record<WsLogEntry['direction'], string> = { sent: '↑', received: '↓', info: '•' };
const time = (at: number): string => new Date(at).toISOString().slice(11, 23);
export const octets = (n: number): string => `${n.toLocaleString('en-US')} B`;

function preview(e: WsLogEntry): string {
  if (e.bytes) return formatHex(e.bytes.subarray(0, 24), 24).replace(/\n/g, ' ') + (e.bytes.length > 24 ? ' …' : '');
  const t = e.text ?? '';
  return t.length > 300 ? `${t.slice(0, 300)}…` : t;
}

export function MessageLog() {
  const log = useWsLog();
  const dropped = useWsDropped();
  const [filter, setFilter] = useState<WsLogFilter>({ query: '', direction: 'all', messagesOnly: false });
  const [top, setTop] = useState(0);
  const [chosen, setChosen] = useState<number | null>(null);
  const rows = useMemo(() => filterLog(log, filter), [log, filter]);
  const first = Math.max(0, Math.floor(top / ROW_PX) - 4);
  const last = Math.min(rows.length, first + VIEW_ROWS + 8);
  const selected = chosen === null ? undefined : log.find((e) => e.seq === chosen);
  return (
    <div className="flex min-h-0 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <input
          aria-label="Search messages"
          placeholder="Search messages"
          className={`${inputClass} !w-56`}
          value={filter.query}
          onChange={(e) => setFilter({ ...filter, query: e.target.value })}
        />
        <select
          aria-label="Direction filter"
          className={selectClass}
          value={filter.direction}
          onChange={(e) => setFilter({ ...filter, direction: e.target.value as WsLogFilter['direction'] })}
        >
          <option value="all">Both directions</option>
          <option value="sent">Sent</option>
          <option value="received">Received</option>
        </select>
        <label className="flex items-center gap-1 text-xs text-slate-600">
          <input
            type="checkbox"
            checked={filter.messagesOnly}
            onChange={(e) => setFilter({ ...filter, messagesOnly: e.target.checked })}
          />
          Messages only
        </label>
        <span className="text-xs text-slate-500">
          {`${rows.length.toLocaleString('en-US')} of ${log.length.toLocaleString('en-US')} entries`}
          {dropped > 0 ? ` (${dropped.toLocaleString('en-US')} older dropped)` : ''}
        </span>
        <Button variant="ghost" className="ml-auto" onClick={logCleared}>
          Clear log
        </Button>
      </div>
      <div
        className="overflow-auto rounded-md border border-slate-200 font-mono text-[12px]"
        style={{ height: ROW_PX * VIEW_ROWS }}
        onScroll={(e: UIEvent<HTMLDivElement>) => setTop(e.currentTarget.scrollTop)}
      >
        <ol aria-label="Message log" className="relative" style={{ height: rows.length * ROW_PX }}>
          {rows.slice(first, last).map((e, i) => (
            <li
              key={e.seq}
              className={`absolute inset-x-0 flex items-center gap-2 border-b border-slate-100 px-2 ${e.seq === chosen ? 'bg-indigo-50' : ''} ${e.direction === 'info' ? 'text-slate-500' : 'text-slate-800'}`}
              style={{ top: (first + i) * ROW_PX, height: ROW_PX }}
              data-direction={e.direction}
              data-kind={e.kind}
            >
              <button
                type="button"
                className="flex min-w-0 flex-1 items-center gap-2 text-left"
                aria-label={`${e.direction} ${e.kind} message ${e.seq}`}
                onClick={() => setChosen(e.seq)}
              >
                <span aria-hidden className={e.direction === 'sent' ? 'text-indigo-600' : 'text-emerald-600'}>
                  {arrow[e.direction]}
                </span>
                <span className="text-slate-400">{time(e.at)}</span>
                <span className="w-20 shrink-0 text-slate-500">{e.kind}</span>
                {e.kind === 'text' || e.kind === 'binary' || e.kind === 'ping' || e.kind === 'pong' ? (
                  <span className="w-24 shrink-0 text-right text-slate-500" data-testid="size">
                    {octets(e.size)}
                  </span>
                ) : null}
                <span className="min-w-0 flex-1 truncate" data-testid="preview">
                  {preview(e)}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </div>
      {selected && <MessageDetail entry={selected} />}
    </div>
  );
}

function MessageDetail({ entry }: { entry: WsLogEntry }) {
  const pretty = entry.text !== undefined ? prettyJson(entry.text) : null;
  const [view, setView] = useState<'auto' | 'text' | 'hex'>('auto');
  const bytes = entry.bytes ?? (entry.text !== undefined ? new TextEncoder().encode(entry.text) : new Uint8Array(0));
  const shown =
    view === 'hex' || (view === 'auto' && entry.bytes)
      ? formatHex(bytes, 64 * 1024)
      : view === 'auto' && pretty !== null
        ? pretty
        : (entry.text ?? '');
  return (
    <section aria-label="Message detail" className="rounded-md border border-slate-200">
      <div className="flex items-center gap-2 border-b border-slate-100 px-2 py-1 text-xs text-slate-600">
        <span>{`${entry.direction} ${entry.kind}, ${octets(entry.size)}, ${time(entry.at)}`}</span>
        <select
          aria-label="Message view"
          className={`${selectClass} ml-auto !py-0`}
          value={view}
          onChange={(e) => setView(e.target.value as typeof view)}
        >
          <option value="auto">{entry.bytes ? 'Hex' : pretty !== null ? 'JSON (pretty)' : 'Text'}</option>
          <option value="text">Text as sent</option>
          <option value="hex">Hex</option>
        </select>
      </div>
      <pre
        aria-label="Message content"
        className="max-h-64 overflow-auto px-2 py-1 font-mono text-[12px] whitespace-pre-wrap"
      >
        {shown}
      </pre>
    </section>
  );
}
