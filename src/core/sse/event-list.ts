/**
 * Pure helpers of the response view's live event list (docs/websocket-sse.md, "SSE").
 */
import type { KeyValueRow } from '../model/draft.ts';
import type { SseEvent } from './event-stream.ts';

/** Events kept per stream; older ones are dropped (and counted). */
export const MAX_KEPT_EVENTS = 10_000;
/** Rows rendered at once: the newest ones (the rest are counted in a note). */
export const MAX_SHOWN_EVENTS = 500;

/**
 * True when a Content-Type field value names the `text/event-stream` media type (WHATWG HTML
 * §9.2), case-insensitively, with or without parameters: `text/event-stream; charset=utf-8` → true.
 */
export function isEventStreamType(contentType: string | null | undefined): boolean {
  if (!contentType) return false;
  return (contentType.split(';')[0] ?? '').trim().toLowerCase() === 'text/event-stream';
}

/**
 * Appends `added` to `kept`, keeping at most `cap` (the newest). Returns the new list and how many
 * older events were dropped by this call. `kept` is not changed.
 */
export function appendCapped(
  kept: readonly SseEvent[],
  added: readonly SseEvent[],
  cap = MAX_KEPT_EVENTS,
): { events: SseEvent[]; dropped: number } {
  const all = [...kept, ...added];
  const dropped = Math.max(0, all.length - cap);
  return { events: dropped > 0 ? all.slice(dropped) : all, dropped };
}

/**
 * The header rows with `Last-Event-ID: <id>` for a reconnect (WHATWG HTML §9.2.4): the first row
 * named `Last-Event-ID` (ASCII case-insensitive) gets the value and is enabled (its name and id
 * kept), later such rows are removed; with none, `makeRow('Last-Event-ID', id)` is appended.
 * `rows` is not changed.
 */
export function withLastEventId(
  rows: readonly KeyValueRow[],
  id: string,
  makeRow: (name: string, value: string) => KeyValueRow,
): KeyValueRow[] {
  const isField = (r: KeyValueRow) => r.name.trim().toLowerCase() === 'last-event-id';
  const first = rows.findIndex(isField);
  if (first < 0) return [...rows, makeRow('Last-Event-ID', id)];
  return rows
    .filter((r, i) => i === first || !isField(r))
    .map((r) => (isField(r) ? { ...r, value: id, enabled: true } : r));
}
