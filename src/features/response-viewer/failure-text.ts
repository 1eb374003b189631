/**
 * Words for a send that ended without a complete response: the alert title, and what the Body
 * tab says about content that had started to arrive (it is never shown: a partial body could be
 * mistaken for the whole one).
 */
import { formatBytes } from '../../components/format.ts';
import type { SendProgress } from '../../services/transport.ts';
import type { SendFailure } from '../../stores/response-store.ts';

const TITLES: Record<SendFailure['kind'], string> = {
  cancelled: 'Cancelled',
  proxy: 'No response',
  'proxy-unreachable': 'Parley’s server is unreachable',
  'direct-network': 'The browser blocked or could not complete the request',
  'invalid-request': 'Not sent',
  unexpected: 'Something went wrong',
};

/** `4 B of 100 B` (with the declared Content-Length) or `4 B` (without one). */
function amount({ receivedBytes, totalBytes }: SendProgress): string {
  return `${formatBytes(receivedBytes)}${totalBytes !== null ? ` of ${formatBytes(totalBytes)}` : ''}`;
}

/**
 * A transport error after the head arrived means the content stream broke (receiveContent's
 * `lost()`); it is then about an incomplete response, not a missing one.
 */
function lostMidContent(failure: SendFailure): failure is SendFailure & { received: SendProgress } {
  return failure.received !== null && failure.kind !== 'cancelled' && failure.kind !== 'unexpected';
}

/** Title of the Send error alert, e.g. `Response incomplete: the connection was lost after 4 B of 100 B of content arrived`. */
export function failureTitle(failure: SendFailure): string {
  if (!lostMidContent(failure)) return TITLES[failure.kind];
  if (failure.received.receivedBytes === 0)
    return 'Response incomplete: the connection was lost before any content arrived';
  return `Response incomplete: the connection was lost after ${amount(failure.received)} of content arrived`;
}

/**
 * What the Body tab says after a send that ended once the head had arrived:
 * how much content arrived and that it was discarded.
 */
export function unfinishedContentNote(failure: SendFailure | null): string {
  const received = failure?.received;
  if (!failure || !received)
    return 'The content did not arrive; the status and header fields are all that was received.';
  const none = received.receivedBytes === 0;
  if (failure.kind === 'cancelled') {
    return none
      ? 'Cancelled before any content arrived; the status and header fields are all that was received.'
      : `Cancelled after ${amount(received)} of content; the partial content was discarded.`;
  }
  const cause = lostMidContent(failure) ? 'the connection was lost' : 'the send failed';
  return none
    ? `No content arrived before ${cause}; the status and header fields are all that was received.`
    : `${amount(received)} of content arrived before ${cause}; the partial content was discarded.`;
}
