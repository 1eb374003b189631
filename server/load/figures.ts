/**
 * The live figures of one load test: HdrHistogram (hdr-histogram-js, 3 significant digits,
 * values recorded in µs so sub-millisecond loopback latencies keep their precision), status
 * code and error counts, bytes, one-second buckets for the chart and 1-2-5 bars for the histogram.
 */
import { build, type Histogram } from 'hdr-histogram-js';
import type { LoadSample } from '../../src/core/load/run-loop.ts';
import type { LoadTestConfig } from '../../src/core/load/config.ts';
import type { LoadErrorKind } from '../../src/core/load/errors.ts';
import type { LatencyFigures, LoadSecond, LoadSnapshot } from '../../src/core/load/wire.ts';
import { bucketEdges, judgeThresholds } from '../../src/core/load/thresholds.ts';

/** Highest latency tracked: 1 hour in µs (a test is capped far below). */
const HIGHEST_US = 3_600_000_000;

function histogram(digits: 2 | 3): Histogram {
  return build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_US,
    numberOfSignificantValueDigits: digits,
    bitBucketSize: 32,
    useWebAssembly: false,
  });
}

const toUs = (ms: number): number => Math.min(HIGHEST_US, Math.max(1, Math.round(ms * 1000)));
const toMs = (us: number): number => Math.round(us) / 1000;

function figuresOf(h: Histogram): LatencyFigures {
  if (h.totalCount === 0) return { p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0 };
  return {
    p50: toMs(h.getValueAtPercentile(50)),
    p90: toMs(h.getValueAtPercentile(90)),
    p99: toMs(h.getValueAtPercentile(99)),
    p999: toMs(h.getValueAtPercentile(99.9)),
    max: toMs(h.maxValue),
    mean: Math.round(h.mean) / 1000,
  };
}

interface Second {
  completed: number;
  errors: number;
  latency: Histogram;
}

export class LoadFigures {
  sent = 0;
  completed = 0;
  failed = 0;
  bytesReceived = 0;
  bytesSent = 0;
  private readonly latency = histogram(3);
  private readonly service = histogram(3);
  private readonly statusCounts: Record<string, number> = {};
  private readonly errors: Partial<Record<LoadErrorKind, number>> = {};
  private readonly errorMessages: Partial<Record<LoadErrorKind, string>> = {};
  private readonly seconds: Second[] = [];
  /** Bar edges up to the timeout: every latency that can be recorded has a bar. */
  private readonly edges: number[];
  private readonly bars: number[];

  constructor(
    private readonly config: LoadTestConfig,
    /** Bytes of one request: head as written (with Host, Content-Length, Connection) + content. */
    private readonly requestBytes: number,
  ) {
    this.edges = bucketEdges(config.timeoutMs * 4);
    this.bars = new Array<number>(this.edges.length - 1).fill(0);
  }

  /** A request went out. */
  started(): void {
    this.sent++;
    this.bytesSent += this.requestBytes;
  }

  /** A request finished (answer or error). */
  record(sample: LoadSample): void {
    this.completed++;
    const second = Math.floor(sample.endedMs / 1000);
    while (this.seconds.length <= second) this.seconds.push({ completed: 0, errors: 0, latency: histogram(2) });
    const bucket = this.seconds[second]!;
    bucket.completed++;
    const { outcome } = sample;
    if (outcome.ok) {
      const code = String(outcome.status);
      this.statusCounts[code] = (this.statusCounts[code] ?? 0) + 1;
      this.bytesReceived += outcome.bytesReceived;
      if (outcome.status >= 400) {
        this.failed++;
        bucket.errors++;
      }
    } else {
      this.errors[outcome.kind] = (this.errors[outcome.kind] ?? 0) + 1;
      this.errorMessages[outcome.kind] ??= outcome.message;
      this.failed++;
      bucket.errors++;
    }
    // Errors have a latency too (time to the refusal or timeout); k6 counts them in http_req_duration as well.
    this.latency.recordValue(toUs(sample.latencyMs));
    this.service.recordValue(toUs(sample.serviceMs));
    bucket.latency.recordValue(toUs(sample.latencyMs));
    let i = this.edges.findIndex((edge) => edge > sample.latencyMs) - 1;
    if (i < 0) i = this.bars.length - 1;
    this.bars[i]!++;
  }

  /** The figures now, as the API reports them. */
  snapshot(base: Pick<LoadSnapshot, 'id' | 'state' | 'message' | 'model' | 'startedAt' | 'elapsedMs'>): LoadSnapshot {
    const latency = figuresOf(this.latency);
    const p95 = this.latency.totalCount === 0 ? 0 : toMs(this.latency.getValueAtPercentile(95));
    const errorRate = this.completed === 0 ? 0 : this.failed / this.completed;
    const seconds: LoadSecond[] = this.seconds.map((s, second) => ({
      second,
      completed: s.completed,
      errors: s.errors,
      p50: s.completed === 0 ? 0 : toMs(s.latency.getValueAtPercentile(50)),
      p99: s.completed === 0 ? 0 : toMs(s.latency.getValueAtPercentile(99)),
      max: s.completed === 0 ? 0 : toMs(s.latency.maxValue),
    }));
    const last = this.bars.reduce((at, count, i) => (count > 0 ? i : at), -1);
    return {
      ...base,
      config: this.config,
      sent: this.sent,
      completed: this.completed,
      throughput: base.elapsedMs > 0 ? Math.round((this.completed / base.elapsedMs) * 1000 * 10) / 10 : 0,
      latency,
      serviceLatency: figuresOf(this.service),
      statusCounts: { ...this.statusCounts },
      errors: { ...this.errors },
      errorMessages: { ...this.errorMessages },
      bytesReceived: this.bytesReceived,
      bytesSent: this.bytesSent,
      seconds,
      histogram: this.bars
        .slice(0, last + 1)
        .map((count, i) => ({ fromMs: this.edges[i]!, toMs: this.edges[i + 1]!, count })),
      thresholds: judgeThresholds(this.config.thresholds, { p95, p99: latency.p99 }, errorRate),
    };
  }
}
