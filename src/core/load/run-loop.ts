/**
 * The scheduling and accounting of a load test, independent of how requests are sent and of
 * real time: the clock and the sender are injected, so a test can run it on a virtual clock
 * against a simulated server that stalls for a known time and check exact latencies.
 *
 * Open model (rate): request i is meant to start at `intendedStartMs(i)`; when every connection
 * is busy it waits, and its latency is counted from the *intended* start, not from when it could
 * finally go (coordinated-omission correction, as wrk2 and HdrHistogram's
 * `recordValueWithExpectedInterval` do). A closed-model (virtual-user) latency is counted from
 * the actual start, as k6 and autocannon do for VUs: a stalled answer delays that user's next
 * request instead, and the report says so (`describeModel`).
 */
import type { LoadTestConfig } from './config.ts';
import { intendedStartMs, plannedRequests, userStartMs } from './schedule.ts';
import type { LoadErrorKind } from './errors.ts';

/** Time source in ms (any origin; only differences are used). */
export interface LoadClock {
  now(): number;
  /** Resolves at (or soon after) `atMs`; at once when it is already past. */
  sleepUntil(atMs: number): Promise<void>;
}

/** How one request ended: an answer with a status code and received bytes, or a transport error. */
export type SendOutcome =
  { ok: true; status: number; bytesReceived: number } | { ok: false; kind: LoadErrorKind; message: string };

export interface LoadSample {
  /** 0-based order in which requests were started. */
  index: number;
  /** Intended start (open model; the actual start in the closed model), ms since the test's start. */
  intendedMs: number;
  /** Actual start, ms since the test's start (≥ `intendedMs`). */
  startedMs: number;
  /** Answer complete (or error), ms since the test's start. */
  endedMs: number;
  /** What is reported: `endedMs − intendedMs` (coordinated omission corrected in the open model). */
  latencyMs: number;
  /** `endedMs − startedMs`: what a client that ignores coordinated omission would report. */
  serviceMs: number;
  outcome: SendOutcome;
}

export interface LoadRunDeps {
  clock: LoadClock;
  /** Sends request `index` once; never rejects (errors are outcomes). */
  send(index: number): Promise<SendOutcome>;
  /** Called once per finished request, in completion order. */
  record(sample: LoadSample): void;
  /** True once the test should start no more requests (Stop pressed, server limit). */
  stopped(): boolean;
}

export interface LoadRunResult {
  /** Requests started. */
  started: number;
  /** Wall time from start to the last answer, ms. */
  elapsedMs: number;
}

/**
 * Runs the test described by `config` to its end (duration, count, or `stopped()`), waiting
 * for every started request to finish.
 */
export async function runLoad(config: LoadTestConfig, deps: LoadRunDeps): Promise<LoadRunResult> {
  const t0 = deps.clock.now();
  const started = config.model === 'open' ? await runOpen(config, deps, t0) : await runClosed(config, deps, t0);
  return { started, elapsedMs: deps.clock.now() - t0 };
}

function finish(deps: LoadRunDeps, t0: number, index: number, intendedAbs: number, startedAbs: number) {
  return (outcome: SendOutcome): void => {
    const end = deps.clock.now();
    deps.record({
      index,
      intendedMs: intendedAbs - t0,
      startedMs: startedAbs - t0,
      endedMs: end - t0,
      latencyMs: end - intendedAbs,
      serviceMs: end - startedAbs,
      outcome,
    });
  };
}

async function runOpen(config: LoadTestConfig, deps: LoadRunDeps, t0: number): Promise<number> {
  const planned = plannedRequests(config.rate, config.rampUpMs, config.durationMs, config.totalRequests);
  const pending = new Set<Promise<void>>();
  let inFlight = 0;
  let slotFreed: (() => void) | null = null;
  let index = 0;
  for (; index < planned; index++) {
    const intended = t0 + intendedStartMs(index, config.rate, config.rampUpMs);
    await deps.clock.sleepUntil(intended);
    while (inFlight >= config.maxConnections && !deps.stopped())
      await new Promise<void>((resolve) => (slotFreed = resolve));
    if (deps.stopped()) break;
    const startedAbs = deps.clock.now();
    inFlight++;
    const done = deps.send(index).then(finish(deps, t0, index, intended, startedAbs));
    const tracked = done.then(() => {
      inFlight--;
      pending.delete(tracked);
      const wake = slotFreed;
      slotFreed = null;
      wake?.();
    });
    pending.add(tracked);
  }
  // A Stop while waiting for a slot: the loop above has broken out; let the rest finish.
  await Promise.all([...pending]);
  return index;
}

async function runClosed(config: LoadTestConfig, deps: LoadRunDeps, t0: number): Promise<number> {
  const endAbs = config.durationMs > 0 ? t0 + config.durationMs : Infinity;
  let issued = 0;
  const more = (): boolean =>
    !deps.stopped() && deps.clock.now() < endAbs && (config.totalRequests === 0 || issued < config.totalRequests);
  const user = async (k: number): Promise<void> => {
    await deps.clock.sleepUntil(t0 + userStartMs(k, config.vus, config.rampUpMs));
    while (more()) {
      const index = issued++;
      const startedAbs = deps.clock.now();
      finish(deps, t0, index, startedAbs, startedAbs)(await deps.send(index));
    }
  };
  await Promise.all(Array.from({ length: config.vus }, (_, k) => user(k)));
  return issued;
}
