/** The send history, newest first; clicking an entry reopens that request. Its size is a setting here. */
import { useMemo } from 'react';
import { formatBytes, formatMs, formatWhen } from '../../components/format.ts';
import { newestFirst } from '../../core/library/history.ts';
import { MAX_HISTORY_LIMIT } from '../../core/library/records.ts';
import {
  historyCleared,
  historyLimitChanged,
  historyOpened,
  keptBodyLimitChanged,
  useHistoryEntries,
  useHistoryLimit,
  useKeptBodyLimit,
} from '../../stores/history-store.ts';

const MB = 1024 * 1024;

export function HistoryList() {
  const entries = useHistoryEntries();
  const limit = useHistoryLimit();
  const keptMb = useKeptBodyLimit() / MB;
  const sorted = useMemo(() => newestFirst(Object.values(entries)), [entries]);
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-center gap-2 border-b border-slate-100 px-2 py-1.5 text-xs text-slate-600">
        <label htmlFor="history-limit" className="whitespace-nowrap">
          Keep last
        </label>
        <input
          id="history-limit"
          type="number"
          min={0}
          max={MAX_HISTORY_LIMIT}
          aria-label="History size"
          className="w-16 rounded border border-slate-300 px-1 py-0.5 text-xs"
          value={limit}
          onChange={(e) => e.target.value !== '' && historyLimitChanged(Number(e.target.value))}
        />
        <span className="whitespace-nowrap" title={`${sorted.length} entries now`}>
          sends · {sorted.length}
        </span>
        <button
          type="button"
          className="ml-auto rounded px-1.5 text-slate-500 hover:bg-slate-100"
          onClick={historyCleared}
          disabled={sorted.length === 0}
        >
          Clear
        </button>
      </div>
      <div className="flex items-center gap-2 border-b border-slate-100 px-2 py-1.5 text-xs text-slate-600">
        <label htmlFor="kept-body-limit" className="whitespace-nowrap">
          Keep response bodies up to
        </label>
        <input
          id="kept-body-limit"
          type="number"
          min={0}
          step={0.5}
          className="w-16 rounded border border-slate-300 px-1 py-0.5 text-xs"
          value={keptMb}
          onChange={(e) => e.target.value !== '' && keptBodyLimitChanged(Math.round(Number(e.target.value) * MB))}
        />
        <span>MB</span>
      </div>
      <ol className="min-h-0 flex-1 overflow-auto" aria-label="History">
        {sorted.length === 0 && <li className="px-3 py-2 text-xs text-slate-500">Requests you send appear here.</li>}
        {sorted.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className="block w-full px-2 py-1 text-left hover:bg-slate-50"
              title={e.url}
              onClick={() => historyOpened(e.id)}
              aria-label={`Reopen ${e.method} ${e.url}`}
            >
              <span className="flex items-baseline gap-2">
                <span className="w-12 shrink-0 truncate font-mono text-[10.5px] font-semibold text-slate-600">
                  {e.method}
                </span>
                <span className="truncate font-mono text-[11.5px] text-slate-800">{e.url}</span>
              </span>
              <span className="ml-14 flex gap-2 text-[10.5px] text-slate-500">
                <span
                  className={e.status === null ? 'text-red-600' : e.status >= 400 ? 'text-red-600' : 'text-emerald-700'}
                >
                  {e.status ?? 'no response'}
                </span>
                {e.timeMs !== null && <span>{formatMs(e.timeMs)}</span>}
                {e.sizeBytes !== null && <span>{formatBytes(e.sizeBytes)}</span>}
                <span className="ml-auto">{formatWhen(e.at)}</span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
