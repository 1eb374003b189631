import { describe, expect, it } from 'vitest';
import { failureTitle, unfinishedContentNote } from '../../src/features/response-viewer/failure-text.ts';
import type { SendFailure } from '../../src/stores/response-store.ts';

const lost = (receivedBytes: number, totalBytes: number | null): SendFailure => ({
  kind: 'proxy',
  code: 'connection-reset',
  message: 'The connection was lost while the response content was arriving.',
  via: 'proxy',
  received: { receivedBytes, totalBytes },
});
const cancelled = (receivedBytes: number, totalBytes: number | null): SendFailure => ({
  kind: 'cancelled',
  message: 'Request cancelled while the response content was arriving; the content received so far was discarded.',
  via: 'proxy',
  received: { receivedBytes, totalBytes },
});

describe('failureTitle', () => {
  it('calls a connection lost after the head an incomplete response, with the bytes that arrived', () => {
    expect(failureTitle(lost(4, 100))).toBe(
      'Response incomplete: the connection was lost after 4 B of 100 B of content arrived',
    );
    expect(failureTitle(lost(12_345, null))).toBe(
      'Response incomplete: the connection was lost after 12.1 KB of content arrived',
    );
    expect(failureTitle(lost(0, 100))).toBe('Response incomplete: the connection was lost before any content arrived');
    expect(failureTitle({ ...lost(4, 100), kind: 'direct-network', code: undefined, via: 'direct' })).toBe(
      'Response incomplete: the connection was lost after 4 B of 100 B of content arrived',
    );
  });
  it('keeps the per-kind titles when no head had arrived, and for Cancel', () => {
    expect(
      failureTitle({
        ...lost(0, null),
        received: null,
        message: 'The connection was reset before a response arrived.',
      }),
    ).toBe('No response');
    expect(failureTitle(cancelled(40, null))).toBe('Cancelled');
    expect(failureTitle({ kind: 'proxy-unreachable', message: 'x', via: 'proxy', received: null })).toBe(
      'Parley’s server is unreachable',
    );
    expect(
      failureTitle({
        kind: 'unexpected',
        message: 'x',
        via: 'proxy',
        received: { receivedBytes: 4, totalBytes: null },
      }),
    ).toBe('Something went wrong');
  });
});

describe('unfinishedContentNote', () => {
  it('says how much content arrived before Cancel, and that it was discarded', () => {
    expect(unfinishedContentNote(cancelled(40, null))).toBe(
      'Cancelled after 40 B of content; the partial content was discarded.',
    );
    expect(unfinishedContentNote(cancelled(40, 100))).toBe(
      'Cancelled after 40 B of 100 B of content; the partial content was discarded.',
    );
    expect(unfinishedContentNote(cancelled(0, 100))).toBe(
      'Cancelled before any content arrived; the status and header fields are all that was received.',
    );
  });
  it('says how much content arrived before the connection was lost', () => {
    expect(unfinishedContentNote(lost(4, 100))).toBe(
      '4 B of 100 B of content arrived before the connection was lost; the partial content was discarded.',
    );
    expect(unfinishedContentNote(lost(0, null))).toBe(
      'No content arrived before the connection was lost; the status and header fields are all that was received.',
    );
    expect(
      unfinishedContentNote({
        kind: 'unexpected',
        message: 'x',
        via: 'proxy',
        received: { receivedBytes: 2048, totalBytes: null },
      }),
    ).toBe('2,048 B of content arrived before the send failed; the partial content was discarded.');
  });
  it('falls back to the head-only sentence when nothing is known of the content', () => {
    expect(unfinishedContentNote(null)).toBe(
      'The content did not arrive; the status and header fields are all that was received.',
    );
  });
});
