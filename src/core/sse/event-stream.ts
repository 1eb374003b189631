/**
 * Server-Sent Events: the event stream interpretation of WHATWG HTML §9.2.6, as a streaming
 * parser fed with the response content's octets as they arrive.
 *
 * - The content is decoded as UTF-8 (always, whatever the charset parameter says), with a
 *   leading U+FEFF BOM dropped once; a code point split between chunks is kept for the next one.
 * - Lines end at CRLF, LF or CR (a CR at the end of a chunk waits to see whether LF follows).
 * - `:` first = comment (ignored, counted); `field: value` (one space after the colon dropped);
 *   a line without a colon is a field with an empty value.
 * - `event` sets the type, `data` appends value + LF, `id` sets the last event ID unless the value
 *   holds U+0000, `retry` sets the reconnection time when the value is only ASCII digits; any other
 *   field is ignored.
 * - A blank line dispatches: nothing when the data buffer is empty (the type is reset), else an
 *   event with the data minus its final LF, type `message` when none was given, and the last
 *   event ID (which persists across events). An event not ended by a blank line when the
 *   stream ends is discarded.
 *
 * Example: `createEventStreamParser().push(bytes("id: 7\ndata: a\ndata: b\n\n"))` →
 * `[{ id: '7', event: 'message', data: 'a\nb', retry: null }]`.
 */

/** One dispatched event. */
export interface SseEvent {
  /** The last event ID at dispatch (`''` when none was ever set); what a reconnect sends as `Last-Event-ID`. */
  id: string;
  /** Event type (`message` by default). */
  event: string;
  data: string;
  /** The reconnection time in ms set by the stream so far, `null` when it set none. */
  retry: number | null;
}

export interface EventStreamParser {
  /** Feeds the next chunk of content octets; returns the events it completed, in order. */
  push(chunk: Uint8Array): SseEvent[];
  /** The end of the stream: flushes the decoder; an unfinished event is discarded (spec). Returns events completed by the flush. */
  end(): SseEvent[];
  /** The current last event ID (`''` = none). */
  readonly lastEventId: string;
  /** The reconnection time in ms the stream set, `null` when none. */
  readonly retry: number | null;
  /** Comment lines seen. */
  readonly comments: number;
}

/** Makes a parser for one event stream. */
export function createEventStreamParser(): EventStreamParser {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let skipLf = false;
  let data = '';
  let hasData = false;
  let type = '';
  let lastEventId = '';
  let retry: number | null = null;
  let comments = 0;

  const line = (text: string, out: SseEvent[]): void => {
    if (text === '') {
      if (hasData) out.push({ id: lastEventId, event: type || 'message', data: data.slice(0, -1), retry });
      data = '';
      hasData = false;
      type = '';
      return;
    }
    if (text.startsWith(':')) {
      comments++;
      return;
    }
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') type = value;
    else if (field === 'data') {
      data += value + '\n';
      hasData = true;
    } else if (field === 'id') {
      if (!value.includes('\0')) lastEventId = value;
    } else if (field === 'retry') {
      if (/^[0-9]+$/.test(value)) retry = Number(value);
    }
  };

  const feed = (text: string): SseEvent[] => {
    const out: SseEvent[] = [];
    let s = pending + text;
    pending = '';
    let start = 0;
    if (skipLf && s.startsWith('\n')) start = 1;
    skipLf = false;
    for (let i = start; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      line(s.slice(start, i), out);
      if (c === 13) {
        if (i + 1 === s.length) {
          skipLf = true;
        } else if (s.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    pending = s.slice(start);
    s = '';
    return out;
  };

  return {
    push: (chunk) => feed(decoder.decode(chunk, { stream: true })),
    end: () => {
      const out = feed(decoder.decode());
      pending = '';
      data = '';
      hasData = false;
      type = '';
      return out;
    },
    get lastEventId() {
      return lastEventId;
    },
    get retry() {
      return retry;
    },
    get comments() {
      return comments;
    },
  };
}

/** Whether a Content-Type names an event stream (`text/event-stream`, parameters and case ignored). */
export function isEventStreamType(contentType: string | null | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'text/event-stream';
}
