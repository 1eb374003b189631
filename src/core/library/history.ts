/** The bounded send history: newest first, oldest dropped past the limit. */
import type { HistoryEntry } from './records.ts';

/**
 * Orders history newest first (by `at`, ms; ties by id so every tab shows the same order).
 * @returns a new array
 */
export function newestFirst(entries: HistoryEntry[]): HistoryEntry[] {
  return [...entries].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/**
 * Splits history into what stays and what goes under a limit.
 * @param entries all entries, any order
 * @param limit how many to keep (0 keeps none)
 * @returns `keep` newest first (at most `limit`), `drop` the older rest
 * @example pruneHistory([a(at 1), b(at 2), c(at 3)], 2) → { keep: [c, b], drop: [a] }
 */
export function pruneHistory(entries: HistoryEntry[], limit: number): { keep: HistoryEntry[]; drop: HistoryEntry[] } {
  const sorted = newestFirst(entries);
  const n = Math.max(0, Math.floor(limit));
  return { keep: sorted.slice(0, n), drop: sorted.slice(n) };
}
