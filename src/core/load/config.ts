/**
 * What a load test does: its model (closed = virtual users, open = target arrival rate), when it
 * stops (duration or total count), ramp-up, thresholds, and the hard caps a server enforces.
 * Pure: the same validation runs in the dialog (to explain) and on the server (to refuse).
 */

/**
 * `closed`: `vus` virtual users, each sends its next request when the previous one has answered
 * (k6 `constant-vus` / `ramping-vus`). `open`: requests start at `rate` per second whatever the
 * answers do (k6 `constant-arrival-rate` / `ramping-arrival-rate`, wrk2); latency is measured
 * from each request's intended start time (coordinated-omission correction).
 */
export type LoadModel = 'closed' | 'open';

/** Pass/fail criteria the user sets; each is optional. */
export interface LoadThresholds {
  /** 95th percentile latency must stay below this many ms. */
  p95Ms?: number;
  /** 99th percentile latency must stay below this many ms. */
  p99Ms?: number;
  /** Failed requests (transport errors and status ≥ 400) must stay below this fraction, 0–1. */
  errorRate?: number;
}

export interface LoadTestConfig {
  model: LoadModel;
  /** Closed model: virtual users (each one request in flight at a time). */
  vus: number;
  /** Open model: target rate in requests per second. */
  rate: number;
  /** Open model: most connections (requests in flight) used to keep the rate; late requests queue. */
  maxConnections: number;
  /** Stop starting requests after this many ms; 0 = no time limit (then `totalRequests` must be set). */
  durationMs: number;
  /** Stop after this many requests have started; 0 = no count limit (then `durationMs` must be set). */
  totalRequests: number;
  /** Rate (open) or virtual users (closed) grow linearly from 0 to the target over this many ms. */
  rampUpMs: number;
  /** A request without a complete answer after this many ms counts as a `timeout` error. */
  timeoutMs: number;
  thresholds: LoadThresholds;
}

/** The hard caps of one Parley server; a config beyond them is refused, not clipped. */
export interface LoadCaps {
  maxRate: number;
  maxVus: number;
  maxConnections: number;
  maxDurationMs: number;
  maxTotalRequests: number;
  maxTimeoutMs: number;
}

/** Default caps: 2,000 requests/s, 200 virtual users or connections, 2 minutes, 200,000 requests. */
export const DEFAULT_LOAD_CAPS: LoadCaps = {
  maxRate: 2000,
  maxVus: 200,
  maxConnections: 200,
  maxDurationMs: 120_000,
  maxTotalRequests: 200_000,
  maxTimeoutMs: 60_000,
};

/** What the dialog starts with: 10 virtual users for 10 s. */
export const DEFAULT_LOAD_CONFIG: LoadTestConfig = {
  model: 'closed',
  vus: 10,
  rate: 100,
  maxConnections: 50,
  durationMs: 10_000,
  totalRequests: 0,
  rampUpMs: 0,
  timeoutMs: 10_000,
  thresholds: {},
};

/** Sentences naming each out-of-range field; empty when the config can run. */
export function checkLoadConfig(config: LoadTestConfig, caps: LoadCaps = DEFAULT_LOAD_CAPS): string[] {
  const problems: string[] = [];
  const whole = (value: number, min: number, max: number, what: string): void => {
    if (!Number.isInteger(value) || value < min || value > max)
      problems.push(`${what} must be a whole number from ${min} to ${max}, not ${String(value)}.`);
  };
  if (config.model !== 'closed' && config.model !== 'open')
    problems.push(`The model must be "closed" (virtual users) or "open" (target rate), not "${String(config.model)}".`);
  if (config.model === 'closed') whole(config.vus, 1, caps.maxVus, 'Virtual users');
  if (config.model === 'open') {
    if (!Number.isFinite(config.rate) || config.rate <= 0 || config.rate > caps.maxRate)
      problems.push(`The rate must be above 0 and at most ${caps.maxRate} requests/s, not ${String(config.rate)}.`);
    whole(config.maxConnections, 1, caps.maxConnections, 'Connections');
  }
  whole(config.durationMs, 0, caps.maxDurationMs, 'The duration (ms)');
  whole(config.totalRequests, 0, caps.maxTotalRequests, 'The request count');
  if (config.durationMs === 0 && config.totalRequests === 0)
    problems.push('Set a duration or a request count (or both): a load test must end.');
  whole(config.rampUpMs, 0, caps.maxDurationMs, 'The ramp-up (ms)');
  if (config.durationMs > 0 && config.rampUpMs > config.durationMs)
    problems.push(`The ramp-up (${config.rampUpMs} ms) cannot be longer than the duration (${config.durationMs} ms).`);
  whole(config.timeoutMs, 1, caps.maxTimeoutMs, 'The request timeout (ms)');
  const t = config.thresholds;
  for (const [key, label] of [
    ['p95Ms', 'The p95 threshold'],
    ['p99Ms', 'The p99 threshold'],
  ] as const) {
    const v = t[key];
    if (v !== undefined && (!Number.isFinite(v) || v <= 0)) problems.push(`${label} must be a number of ms above 0.`);
  }
  if (t.errorRate !== undefined && (!Number.isFinite(t.errorRate) || t.errorRate < 0 || t.errorRate > 1))
    problems.push('The error-rate threshold must be a fraction from 0 to 1 (e.g. 0.01 for 1 %).');
  return problems;
}

/** One line saying which model ran, for the report, e.g. `open model: 200 requests/s (latency from intended start, coordinated omission corrected)`. */
export function describeModel(config: LoadTestConfig): string {
  const ramp = config.rampUpMs > 0 ? `, ramp-up ${config.rampUpMs / 1000} s` : '';
  const end = [
    config.durationMs > 0 ? `${config.durationMs / 1000} s` : null,
    config.totalRequests > 0 ? `${config.totalRequests} requests` : null,
  ]
    .filter(Boolean)
    .join(' or ');
  if (config.model === 'open')
    return `Open model: ${config.rate} requests/s on up to ${config.maxConnections} connections for ${end}${ramp}; latency measured from each request's intended start time (coordinated omission corrected).`;
  return `Closed model: ${config.vus} virtual users for ${end}${ramp}; latency measured from each request's actual start (a slow answer delays that user's next request).`;
}
