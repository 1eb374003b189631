/**
 * The load-test API between the app and Parley's server (server/load/routes.ts).
 *
 *   POST /api/load            body `LoadStartBody` (JSON)   → 201 `{ id }`; refused: 4xx `ProxyErrorBody`
 *   GET  /api/load/:id                                     → 200 `LoadSnapshot` (poll it, e.g. every 500 ms)
 *   POST /api/load/:id/stop                                → 200 `LoadSnapshot` (no more requests start)
 * Every call carries `X-Parley-Token`; the POSTs also need Parley's own Origin (as the proxy).
 */
import type { LoadTestConfig } from './config.ts';
import type { LoadErrorKind } from './errors.ts';

export const LOAD_PATH = '/api/load';

/** The resolved request, as the proxy gets it (`ProxyRequestHead` fields) plus its content. */
export interface LoadRequest {
  method: string;
  /** Absolute http(s) target URI. */
  url: string;
  /** Header fields in order, case and duplicates kept. */
  headers: [string, string][];
  /** Content bytes as standard base64, or `null` for none. */
  bodyBase64: string | null;
}

export interface LoadStartBody {
  request: LoadRequest;
  config: LoadTestConfig;
}

/** Latency percentiles, ms (HdrHistogram, 3 significant digits). */
export interface LatencyFigures {
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

/** One second of the test (by completion time). */
export interface LoadSecond {
  /** Seconds since the start (0 = the first second). */
  second: number;
  /** Answers and errors that completed in it. */
  completed: number;
  errors: number;
  /** ms; 0 when nothing completed. */
  p50: number;
  p99: number;
  max: number;
}

/** A bar of the latency histogram: answers with latency in [fromMs, toMs). */
export interface LatencyBucket {
  fromMs: number;
  toMs: number;
  count: number;
}

export type LoadState = 'running' | 'done' | 'stopped' | 'failed';

/** Pass/fail of one threshold the user set. */
export interface ThresholdResult {
  /** e.g. `p(99) < 200 ms`. */
  label: string;
  /** The measured value (ms, or a fraction for the error rate). */
  actual: number;
  passed: boolean;
}

/** The figures of a run, live and at the end. Also what is saved with the request. */
export interface LoadSnapshot {
  id: string;
  state: LoadState;
  /** Why it failed or stopped early, when it did. */
  message?: string;
  config: LoadTestConfig;
  /** `describeModel(config)`: which model was used and how latency was measured. */
  model: string;
  /** Wall-clock start, ms since the epoch. */
  startedAt: number;
  elapsedMs: number;
  /** Requests started, and finished (answers + errors). */
  sent: number;
  completed: number;
  /** Finished requests per second of elapsed time. */
  throughput: number;
  /** Latency as reported (from the intended start in the open model). */
  latency: LatencyFigures;
  /** Open model: latency from the actual start, what a client ignoring coordinated omission would say. */
  serviceLatency: LatencyFigures;
  /** Answers by status code, e.g. `{ "200": 980, "503": 20 }`. */
  statusCounts: Record<string, number>;
  errors: Partial<Record<LoadErrorKind, number>>;
  /** First message seen per error kind, to explain it. */
  errorMessages: Partial<Record<LoadErrorKind, string>>;
  /** Response content bytes received, and request bytes sent (head + content). */
  bytesReceived: number;
  bytesSent: number;
  seconds: LoadSecond[];
  histogram: LatencyBucket[];
  thresholds: ThresholdResult[];
}
