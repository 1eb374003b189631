import { describe, expect, it } from 'vitest';
import { runLoad, type LoadSample, type SendOutcome } from '../../../src/core/load/run-loop.ts';
import { DEFAULT_LOAD_CONFIG, type LoadTestConfig } from '../../../src/core/load/config.ts';
import { VirtualClock } from './virtual-clock.ts';

/** A simulated server: answers request `index` after `serviceMs(index)` of virtual time. */
function simulate(config: LoadTestConfig, serviceMs: (index: number) => number) {
  const clock = new VirtualClock();
  const samples: LoadSample[] = [];
  let stop = false;
  const ok: SendOutcome = { ok: true, status: 200, bytesReceived: 10 };
  const work = runLoad(config, {
    clock,
    send: (index) => clock.sleepUntil(clock.now() + serviceMs(index)).then(() => ok),
    record: (s) => samples.push(s),
    stopped: () => stop,
  });
  return {
    run: async () => ({ result: await clock.run(work), samples: [...samples].sort((a, b) => a.index - b.index) }),
    stop: () => (stop = true),
  };
}

const open = (over: Partial<LoadTestConfig>): LoadTestConfig => ({
  ...DEFAULT_LOAD_CONFIG,
  model: 'open',
  rate: 100,
  maxConnections: 1,
  durationMs: 100,
  ...over,
});

describe('coordinated-omission correction (open model)', () => {
  it('counts the requests queued behind a 55 ms stall from their intended start', async () => {
    // 100 requests/s = one every 10 ms on one connection; the server answers in 1 ms, but
    // request 2 stalls for 55 ms, so requests 3–7 (meant for 30, 40 … 70 ms) wait for it.
    const { run } = simulate(open({}), (i) => (i === 2 ? 55 : 1));
    const { result, samples } = await run();
    expect(result.started).toBe(10);
    expect(samples.map((s) => s.intendedMs)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(samples.map((s) => s.startedMs)).toEqual([0, 10, 20, 75, 76, 77, 78, 79, 80, 90]);
    expect(samples.map((s) => s.latencyMs)).toEqual([1, 1, 55, 46, 37, 28, 19, 10, 1, 1]);
    // What a client that measures from the actual send (coordinated omission) would report:
    expect(samples.map((s) => s.serviceMs)).toEqual([1, 1, 55, 1, 1, 1, 1, 1, 1, 1]);
    expect(result.elapsedMs).toBe(91);
  });

  it('with enough connections nothing waits: the stall shows once', async () => {
    const { run } = simulate(open({ maxConnections: 10 }), (i) => (i === 2 ? 55 : 1));
    const { samples } = await run();
    expect(samples.map((s) => s.latencyMs)).toEqual([1, 1, 55, 1, 1, 1, 1, 1, 1, 1]);
    expect(samples.map((s) => s.startedMs)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it('ends by count when it comes before the duration', async () => {
    const { run } = simulate(open({ totalRequests: 4 }), () => 1);
    const { result, samples } = await run();
    expect(result.started).toBe(4);
    expect(samples.map((s) => s.intendedMs)).toEqual([0, 10, 20, 30]);
  });

  it('follows the ramp-up: arrivals at √(2·R·i/r)', async () => {
    // Ramp to 100/s over 200 ms (10 arrivals in the ramp), then every 10 ms until 300 ms.
    const { run } = simulate(open({ rampUpMs: 200, durationMs: 300, maxConnections: 5 }), () => 1);
    const { samples } = await run();
    const starts = samples.map((s) => Math.round(s.intendedMs * 1000) / 1000);
    expect(starts.slice(0, 5)).toEqual([0, 63.246, 89.443, 109.545, 126.491]);
    expect(starts.slice(10)).toEqual([200, 210, 220, 230, 240, 250, 260, 270, 280, 290]);
    expect(samples).toHaveLength(20);
  });
});

describe('closed model (virtual users)', () => {
  it('one user: a stall delays the next request instead, latency from the actual start', async () => {
    const config: LoadTestConfig = { ...DEFAULT_LOAD_CONFIG, model: 'closed', vus: 1, durationMs: 0, totalRequests: 5 };
    const { run } = simulate(config, (i) => (i === 1 ? 50 : 10));
    const { result, samples } = await run();
    expect(result.started).toBe(5);
    expect(samples.map((s) => s.startedMs)).toEqual([0, 10, 60, 70, 80]);
    expect(samples.map((s) => s.latencyMs)).toEqual([10, 50, 10, 10, 10]);
  });

  it('starts no request after the duration; users ramp in at k·R/n', async () => {
    const config: LoadTestConfig = { ...DEFAULT_LOAD_CONFIG, model: 'closed', vus: 2, durationMs: 45, rampUpMs: 20 };
    const { run } = simulate(config, () => 10);
    const { samples } = await run();
    // user 0 at 0,10,20,30,40; user 1 from 10: 10,20,30,40
    expect(samples.map((s) => s.startedMs).sort((a, b) => a - b)).toEqual([0, 10, 10, 20, 20, 30, 30, 40, 40]);
  });

  it('stop() ends the test: no request starts after it, the one in flight finishes', async () => {
    const config: LoadTestConfig = { ...DEFAULT_LOAD_CONFIG, model: 'closed', vus: 1, durationMs: 1000 };
    let sim: ReturnType<typeof simulate> | null = null;
    // Stop is pressed while request 2 is in flight.
    sim = simulate(config, (i) => {
      if (i === 2) sim?.stop();
      return 10;
    });
    const { result, samples } = await sim.run();
    expect(result.started).toBe(3);
    expect(samples.map((s) => s.endedMs)).toEqual([10, 20, 30]);
  });
});
