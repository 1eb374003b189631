/**
 * A virtualised list of fixed-height text rows: only the rows in view (plus a margin) are in the
 * DOM, fetched on demand (from the worker, or computed, e.g. hex rows). Browsers cap an element's
 * height (~33 M px in Chromium), so beyond MAX_SCROLL_PX the scroll position maps proportionally
 * onto rows: any of millions of rows is reachable.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Row } from '../../workers/body-protocol.ts';
import { jsonRowTokens, type JsonTokenKind } from '../../core/response/json-row-tokens.ts';

const TOKEN_CLASS: Record<JsonTokenKind, string> = {
  key: 'text-rose-800',
  string: 'text-emerald-700',
  number: 'text-blue-700',
  literal: 'text-purple-700',
  punct: 'text-slate-500',
  text: '',
};

function colorJson(text: string): ReactNode {
  return jsonRowTokens(text).map((t, i) =>
    t.kind === 'text' ? (
      t.text
    ) : (
      <span key={i} className={TOKEN_CLASS[t.kind]}>
        {t.text}
      </span>
    ),
  );
}

export const ROW_HEIGHT = 18;
const MAX_SCROLL_PX = 8_000_000;
const OVERSCAN = 30;
/** Documents with at most this many rows render every row (no windowing): cheap, and the text is all in the DOM. */
export const EAGER_ROWS = 2000;

export interface VirtualRowsProps {
  /** Accessible name of the scrollable area, e.g. `Body text`. */
  label: string;
  rowCount: number;
  fetchRows: (from: number, to: number) => Promise<Row[]> | Row[];
  /** Rows available synchronously (small inline documents), so they render in the first paint. */
  rowsNow?: (from: number, to: number) => Row[] | null;
  /** Scroll so this row is in view whenever the value object changes. */
  scrollTo?: { row: number } | null;
  /** Row to mark as the current search match. */
  currentRow?: number | null;
  /** Case-insensitive substring to highlight in visible rows. */
  highlight?: string;
  caseSensitive?: boolean;
  /** Show line numbers in a gutter (off for hex rows, which carry offsets). */
  gutter?: boolean;
  /** Colour rows as JSON tokens (only the visible rows are ever tokenized). */
  syntax?: 'json';
}

export function VirtualRows({
  label,
  rowCount,
  fetchRows,
  rowsNow,
  scrollTo,
  currentRow,
  highlight,
  caseSensitive,
  gutter = true,
  syntax,
}: VirtualRowsProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(400);
  const [scrollTop, setScrollTop] = useState(0);
  /** Scaled mode: the first row is the source of truth; the scrollbar only approximates it. */
  const [scaledFirst, setScaledFirst] = useState(0);
  const expectedTop = useRef<number | null>(null);
  const wheelRows = useRef(0);
  const [rows, setRows] = useState<{ from: number; rows: Row[] }>({ from: 0, rows: [] });
  const fetchSeq = useRef(0);

  const eager = rowCount <= EAGER_ROWS;
  const naturalHeight = rowCount * ROW_HEIGHT;
  const height = Math.min(naturalHeight, MAX_SCROLL_PX);
  const scaled = naturalHeight > MAX_SCROLL_PX;
  const visible = eager ? rowCount : Math.ceil(viewport / ROW_HEIGHT) + 1;
  const maxFirst = Math.max(0, rowCount - visible + 1);
  const first = eager ? 0 : scaled ? Math.min(maxFirst, scaledFirst) : Math.floor(scrollTop / ROW_HEIGHT);
  const windowTop = eager ? 0 : scaled ? scrollTop : first * ROW_HEIGHT;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight || 400));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const from = Math.max(0, first - OVERSCAN);
  const to = Math.min(rowCount, first + visible + OVERSCAN);
  const immediate = useMemo(() => rowsNow?.(from, to) ?? null, [rowsNow, from, to]);
  const covered = rows.from <= first && rows.from + rows.rows.length >= Math.min(rowCount, first + visible);
  useEffect(() => {
    if (immediate || (covered && rows.rows.length > 0)) return;
    const seq = ++fetchSeq.current;
    void Promise.resolve(fetchRows(from, to)).then((fetched) => {
      if (seq === fetchSeq.current) setRows({ from, rows: fetched });
    });
  }, [from, to, covered, fetchRows, rows.rows.length, immediate]);
  const have = immediate ? { from, rows: immediate } : rows;

  // A new document (different fetchRows) starts from its own rows.
  useEffect(() => {
    setRows({ from: 0, rows: [] });
  }, [fetchRows]);

  /** Scaled mode: shows `row` first and moves the scrollbar thumb to match (without feeding back). */
  const goToRow = useCallback(
    (row: number) => {
      const el = scroller.current;
      if (!el) return;
      const next = Math.max(0, Math.min(maxFirst, Math.round(row)));
      setScaledFirst(next);
      const top = (next / Math.max(1, maxFirst)) * Math.max(1, height - viewport);
      expectedTop.current = top;
      el.scrollTop = top;
    },
    [maxFirst, height, viewport],
  );

  useEffect(() => {
    const el = scroller.current;
    if (!el || !scrollTo) return;
    if (scaled) {
      if (scrollTo.row < first || scrollTo.row >= first + visible - 1) goToRow(scrollTo.row - Math.floor(visible / 3));
      return;
    }
    const target = scrollTo.row * ROW_HEIGHT;
    const inView = target >= el.scrollTop && target + ROW_HEIGHT <= el.scrollTop + viewport;
    if (!inView) el.scrollTop = Math.max(0, target - viewport / 3);
    // Only a new jump request moves the view; scrolling afterwards is the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollTo]);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    setScrollTop(el.scrollTop);
    if (!scaled) return;
    if (expectedTop.current !== null && Math.abs(el.scrollTop - expectedTop.current) < 2) {
      expectedTop.current = null;
      return;
    }
    expectedTop.current = null;
    // The user dragged the scrollbar: map the thumb position onto rows.
    setScaledFirst(Math.round((el.scrollTop / Math.max(1, height - viewport)) * maxFirst));
  }, [scaled, height, viewport, maxFirst]);

  // Scaled mode: wheel and keys move by rows (a pixel of scrollbar is many rows there).
  useEffect(() => {
    const el = scroller.current;
    if (!el || !scaled) return;
    const onWheel = (e: WheelEvent) => {
      if (Math.abs(e.deltaY) < Math.abs(e.deltaX)) return;
      e.preventDefault();
      wheelRows.current +=
        e.deltaMode === 1 ? e.deltaY : e.deltaMode === 2 ? e.deltaY * visible : e.deltaY / ROW_HEIGHT;
      const whole = Math.trunc(wheelRows.current);
      if (whole === 0) return;
      wheelRows.current -= whole;
      goToRow(first + whole);
    };
    const onKey = (e: KeyboardEvent) => {
      const step: Record<string, number> = {
        ArrowDown: 1,
        ArrowUp: -1,
        PageDown: visible - 1,
        PageUp: 1 - visible,
        Home: -Infinity,
        End: Infinity,
      };
      const delta = step[e.key];
      if (delta === undefined) return;
      e.preventDefault();
      goToRow(delta === Infinity ? maxFirst : delta === -Infinity ? 0 : first + delta);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('keydown', onKey);
    };
  }, [scaled, first, visible, maxFirst, goToRow]);

  const shown: ReactNode[] = [];
  for (let r = first; r < Math.min(rowCount, first + visible); r++) {
    const row = have.rows[r - have.from];
    shown.push(
      <div
        key={r}
        className={`flex h-[18px] whitespace-pre font-mono text-[12.5px] leading-[18px] ${currentRow === r ? 'bg-amber-100' : ''}`}
        data-row={r}
      >
        {gutter && (
          // The number is drawn by CSS (attr), so the region's text content is the body text alone.
          <span
            aria-hidden
            data-line={row ? (row.cont ? '↪' : String(row.line + 1)) : ''}
            className="sticky left-0 w-16 shrink-0 select-none bg-slate-50 pr-2 text-right text-slate-400 before:content-[attr(data-line)]"
          />
        )}
        <span className="pl-2 text-slate-800">{row ? renderRow(row.text, highlight, caseSensitive, syntax) : ''}</span>
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      role="region"
      aria-label={label}
      tabIndex={0}
      onScroll={onScroll}
      className="relative h-full min-h-[200px] overflow-auto bg-white focus:outline-none"
    >
      <div style={{ height }} aria-hidden />
      <div className="absolute left-0 min-w-full" style={{ top: windowTop, width: 'max-content' }}>
        {shown}
      </div>
    </div>
  );
}

function renderRow(
  text: string,
  highlight: string | undefined,
  caseSensitive: boolean | undefined,
  syntax: 'json' | undefined,
): ReactNode {
  return highlightText(text, highlight, caseSensitive) ?? (syntax === 'json' ? colorJson(text) : text);
}

/** The row with search matches marked, or `null` when it has none. */
function highlightText(text: string, query: string | undefined, caseSensitive = false): ReactNode | null {
  if (!query) return null;
  const hay = caseSensitive ? text : text.toLowerCase();
  const needle = caseSensitive ? query : query.toLowerCase();
  const parts: ReactNode[] = [];
  let pos = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) {
    if (i > pos) parts.push(text.slice(pos, i));
    parts.push(
      <mark key={i} className="bg-yellow-200 text-slate-900">
        {text.slice(i, i + needle.length)}
      </mark>,
    );
    pos = i + needle.length;
  }
  if (parts.length === 0) return null;
  parts.push(text.slice(pos));
  return parts;
}
