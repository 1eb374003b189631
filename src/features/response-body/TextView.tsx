/** A worker-backed document shown in the virtual list, with search (matches found in the worker). */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BodySource } from './body-worker-client.ts';
import { SEARCH_LIMIT, type DocInfo, type DocName } from '../../workers/body-protocol.ts';
import { VirtualRows } from './VirtualRows.tsx';
import { Button, inputClass } from '../../components/ui.tsx';

interface Matches {
  query: string;
  rows: Uint32Array;
  capped: boolean;
}

export function TextView({
  doc,
  docName,
  info,
  label,
  syntax,
}: {
  doc: BodySource;
  docName: DocName;
  info: DocInfo;
  label: string;
  syntax?: 'json';
}) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Matches | null>(null);
  const [searching, setSearching] = useState(false);
  const [current, setCurrent] = useState(0);
  const [jump, setJump] = useState<{ row: number } | null>(null);

  const fetchRows = useCallback((from: number, to: number) => doc.rows(docName, from, to), [doc, docName]);
  const rowsNow = useCallback((from: number, to: number) => doc.rowsNow(docName, from, to), [doc, docName]);

  useEffect(() => {
    setMatches(null);
    setCurrent(0);
    if (query === '') return;
    let live = true;
    // Debounced so typing a word does not start one search per key over 100 MB.
    const timer = setTimeout(() => {
      setSearching(true);
      void doc.search(docName, query, false).then((r) => {
        if (!live) return;
        setSearching(false);
        setMatches({ query, rows: r.rows, capped: r.capped });
        if (r.rows.length > 0) setJump({ row: r.rows[0]! });
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [doc, docName, query]);

  const go = (delta: number) => {
    if (!matches || matches.rows.length === 0) return;
    const next = (current + delta + matches.rows.length) % matches.rows.length;
    setCurrent(next);
    setJump({ row: matches.rows[next]! });
  };

  const status = useMemo(() => {
    if (query === '') return '';
    if (searching || !matches) return 'Searching…';
    if (matches.rows.length === 0) return 'No matches';
    const total = matches.capped
      ? `${SEARCH_LIMIT.toLocaleString('en-US')}+ (search stops at ${SEARCH_LIMIT.toLocaleString('en-US')})`
      : matches.rows.length.toLocaleString('en-US');
    return `${(current + 1).toLocaleString('en-US')} of ${total} matches`;
  }, [query, searching, matches, current]);

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-2 py-1">
        <input
          type="search"
          aria-label="Search body"
          placeholder="Search body"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') go(e.shiftKey ? -1 : 1);
          }}
          className={`${inputClass} max-w-64`}
        />
        {/* Icons, not text: the region's text content stays exactly the body's text. */}
        <Button
          aria-label="Previous match"
          title="Previous match (Shift+Enter)"
          onClick={() => go(-1)}
          disabled={!matches?.rows.length}
        >
          <Arrow up />
        </Button>
        <Button
          aria-label="Next match"
          title="Next match (Enter)"
          onClick={() => go(1)}
          disabled={!matches?.rows.length}
        >
          <Arrow />
        </Button>
        <span role="status" aria-label="Search result" className="text-[11px] text-slate-500">
          {status}
        </span>
      </div>
      <div className="min-h-0 flex-1">
        <VirtualRows
          label={label}
          rowCount={info.rows}
          fetchRows={fetchRows}
          rowsNow={rowsNow}
          scrollTo={jump}
          currentRow={matches && matches.rows.length > 0 ? matches.rows[current] : null}
          highlight={matches?.query}
          syntax={syntax}
        />
      </div>
    </div>
  );
}

function Arrow({ up = false }: { up?: boolean }) {
  return (
    <svg aria-hidden width="12" height="12" viewBox="0 0 12 12" className={up ? 'rotate-180' : ''}>
      <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
