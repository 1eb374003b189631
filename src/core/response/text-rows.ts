/**
 * Row index for a virtualised text view: the text split into lines (LF, CRLF or CR end a line),
 * and lines longer than a limit split into continuation rows so no single DOM row is huge
 * (a minified 100 MB JSON is one line). Nothing is dropped: rows cover every character.
 */

export interface RowIndex {
  /** Number of rows. */
  count: number;
  /** Start offset (UTF-16 code units) of each row in the text. */
  start: Uint32Array;
  /** End offset (exclusive, line terminator excluded) of each row. */
  end: Uint32Array;
  /** Zero-based line number of each row; continuation rows repeat their line's number. */
  line: Uint32Array;
  /** Number of lines. */
  lineCount: number;
}

/** Default maximum characters per row before a line continues on the next row. */
export const MAX_ROW_CHARS = 2000;

/**
 * Builds the row index in O(n) over `text` (one `indexOf` scan per line).
 * @param text the full text (may be 100+ MB). @param maxRowChars characters per row before wrapping (≥ 1).
 * @returns the index; an empty text has one empty row (line 0).
 * @throws RangeError when `maxRowChars` < 1 or the text exceeds 2^32-1 code units.
 */
export function buildRowIndex(text: string, maxRowChars = MAX_ROW_CHARS): RowIndex {
  if (maxRowChars < 1) throw new RangeError('maxRowChars must be at least 1');
  if (text.length > 0xffffffff) throw new RangeError('text too long to index');
  let capacity = Math.max(16, Math.ceil(text.length / 40));
  let start = new Uint32Array(capacity);
  let end = new Uint32Array(capacity);
  let line = new Uint32Array(capacity);
  let count = 0;
  const push = (s: number, e: number, l: number) => {
    if (count === capacity) {
      capacity *= 2;
      const ns = new Uint32Array(capacity);
      ns.set(start);
      start = ns;
      const ne = new Uint32Array(capacity);
      ne.set(end);
      end = ne;
      const nl = new Uint32Array(capacity);
      nl.set(line);
      line = nl;
    }
    start[count] = s;
    end[count] = e;
    line[count] = l;
    count++;
  };
  let pos = 0;
  let lineNo = 0;
  const hasCr = text.indexOf('\r') !== -1;
  for (;;) {
    let nl = text.indexOf('\n', pos);
    let terminator = 1;
    let lineEnd = nl === -1 ? text.length : nl;
    if (hasCr) {
      const cr = text.indexOf('\r', pos);
      if (cr !== -1 && cr < lineEnd) {
        lineEnd = cr;
        nl = cr;
        terminator = text.charCodeAt(cr + 1) === 10 ? 2 : 1;
      }
    }
    let s = pos;
    do {
      const e = Math.min(lineEnd, s + maxRowChars);
      push(s, e, lineNo);
      s = e;
    } while (s < lineEnd);
    if (nl === -1) break;
    pos = nl + terminator;
    lineNo++;
  }
  return {
    count,
    start: start.slice(0, count),
    end: end.slice(0, count),
    line: line.slice(0, count),
    lineCount: lineNo + 1,
  };
}

/** The row containing character `offset` (binary search over row starts). */
export function rowOfOffset(index: RowIndex, offset: number): number {
  let lo = 0;
  let hi = index.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (index.start[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface SearchResult {
  /** Rows holding a match start, ascending, one entry per match (a row with 3 matches appears 3 times). */
  rows: Uint32Array;
  /** Total matches found (= rows.length unless capped). */
  total: number;
  /** True when the search stopped at `limit` matches. */
  capped: boolean;
}

/**
 * Finds `query` in `text` (plain substring; case-insensitive by lowercasing both, which for the
 * few characters whose lowercase changes length may shift offsets — acceptable for locating rows).
 * @param haystack the text, already lowercased by the caller when `caseSensitive` is false (so a
 *   100 MB body is lowercased once, not per search).
 * @param limit stop after this many matches (the caller says so visibly).
 * @returns match rows; an empty query finds nothing.
 */
export function searchRows(
  haystack: string,
  query: string,
  index: RowIndex,
  caseSensitive: boolean,
  limit: number,
): SearchResult {
  const needle = caseSensitive ? query : query.toLowerCase();
  if (needle === '') return { rows: new Uint32Array(0), total: 0, capped: false };
  const found: number[] = [];
  let pos = haystack.indexOf(needle);
  let row = 0;
  while (pos !== -1 && found.length < limit) {
    // Matches come in ascending order, so walk the row cursor forward instead of searching each time.
    while (row + 1 < index.count && index.start[row + 1]! <= pos) row++;
    found.push(row);
    pos = haystack.indexOf(needle, pos + needle.length);
  }
  return { rows: Uint32Array.from(found), total: found.length, capped: pos !== -1 };
}

/** One row as displayed: its line number, whether it continues the previous row's line, its text. */
export interface TextRow {
  /** Zero-based line number. */
  line: number;
  /** True when this row continues the previous row's line (a line longer than the row limit). */
  cont: boolean;
  text: string;
}

/** Rows `[from, to)` of `text` (clamped to the index), for the visible window of a view. */
export function sliceRows(text: string, index: RowIndex, from: number, to: number): TextRow[] {
  const out: TextRow[] = [];
  for (let r = Math.max(0, from); r < Math.min(to, index.count); r++) {
    out.push({
      line: index.line[r]!,
      cont: r > 0 && index.line[r - 1] === index.line[r],
      text: text.slice(index.start[r], index.end[r]),
    });
  }
  return out;
}
