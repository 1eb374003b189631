/**
 * The live event list of a `text/event-stream` response: events parsed (src/core/sse) from the
 * content chunks of the send as they arrive, for the send numbered `sendCount`
 * (response-store's counter). Kept after the stream ends or is stopped.
 */
import { create } from 'zustand';
import { createEventStreamParser, type SseEvent } from '../core/sse/event-stream.ts';
import { appendCapped } from '../core/sse/event-list.ts';

export interface SseState {
  /** The send these events belong to (0: none yet). */
  sendCount: number;
  /** Events in arrival order (at most MAX_KEPT_EVENTS, the newest). */
  events: SseEvent[];
  /** Older events dropped beyond the cap. */
  dropped: number;
  /** The stream's last event ID so far (`''` = none): what Reconnect sends as `Last-Event-ID`. */
  lastEventId: string;
  /** Reconnection time in ms set by the stream, `null` when none. */
  retry: number | null;
  comments: number;
  /** True once the content ended (complete, stopped or failed). */
  ended: boolean;
}

const initial: SseState = {
  sendCount: 0,
  events: [],
  dropped: 0,
  lastEventId: '',
  retry: null,
  comments: 0,
  ended: false,
};
const useSseStore = create<SseState>()(() => initial);

export const useSseState = (): SseState => useSseStore((s) => s);
export const getSseState = (): Readonly<SseState> => useSseStore.getState();

/** What the send feeds: each content chunk (octets), then `end()` once. */
export interface SseFeed {
  chunk(chunk: Uint8Array): void;
  end(): void;
}

/** A new event stream began for send `sendCount`: the list is emptied and fed from here on. */
export function sseStreamStarted(sendCount: number): SseFeed {
  const parser = createEventStreamParser();
  useSseStore.setState({ ...initial, sendCount });
  const apply = (added: SseEvent[], ended: boolean) => {
    const s = useSseStore.getState();
    if (s.sendCount !== sendCount) return;
    const { events, dropped } = added.length > 0 ? appendCapped(s.events, added) : { events: s.events, dropped: 0 };
    useSseStore.setState({
      events,
      dropped: s.dropped + dropped,
      lastEventId: parser.lastEventId,
      retry: parser.retry,
      comments: parser.comments,
      ended,
    });
  };
  let done = false;
  return {
    chunk: (chunk) => {
      if (!done) apply(parser.push(chunk), false);
    },
    end: () => {
      if (done) return;
      done = true;
      apply(parser.end(), true);
    },
  };
}
/** The send whose events the store holds (0: none). */
export const useSseSendCount = (): number => useSseStore((s) => s.sendCount);
