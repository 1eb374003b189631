/** Timing waterfall segments from the proxy's timings (curl's `-w` time_* model). */
import type { ProxyTimings } from '../wire/proxy.ts';

export type TimingPhase = 'dns' | 'connect' | 'tls' | 'waiting' | 'download';

export interface TimingSegment {
  phase: TimingPhase;
  /** Label shown in the waterfall, e.g. `DNS`. */
  label: string;
  /** Milliseconds from the start of the request to the start of this phase. */
  startMs: number;
  /** Length of the phase in milliseconds (≥ 0). */
  durationMs: number;
}

const LABELS: Record<TimingPhase, string> = {
  dns: 'DNS',
  connect: 'Connect',
  tls: 'TLS',
  waiting: 'Waiting (first byte)',
  download: 'Download',
};

/**
 * Builds the waterfall. `timings` are cumulative marks from the start of the (last) hop, as curl's
 * time_namelookup / time_connect / time_appconnect / time_starttransfer: `dnsMs` = DNS done,
 * `connectMs` = TCP connected, `tlsMs` = TLS handshake done, `firstByteMs` = first response byte.
 * Absent marks (an IP literal has no DNS, plain http no TLS, a reused connection neither) yield no
 * segment. Download runs from the first byte to `totalMs`. Marks out of order are clamped so no
 * segment is negative.
 * @param timings the marks in ms; @param totalMs ms from start to the last byte.
 * @returns segments in phase order; empty when nothing is known.
 */
export function timingSegments(timings: ProxyTimings, totalMs: number): TimingSegment[] {
  const segments: TimingSegment[] = [];
  let cursor = 0;
  const push = (phase: TimingPhase, mark: number | undefined) => {
    if (mark === undefined || !Number.isFinite(mark)) return;
    const end = Math.max(cursor, mark);
    segments.push({ phase, label: LABELS[phase], startMs: cursor, durationMs: end - cursor });
    cursor = end;
  };
  push('dns', timings.dnsMs);
  push('connect', timings.connectMs);
  push('tls', timings.tlsMs);
  push('waiting', timings.firstByteMs);
  if (timings.firstByteMs !== undefined && Number.isFinite(totalMs)) push('download', totalMs);
  return segments;
}
