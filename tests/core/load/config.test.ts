import { describe, expect, it } from 'vitest';
import { checkLoadConfig, DEFAULT_LOAD_CONFIG, describeModel } from '../../../src/core/load/config.ts';
import { intendedStartMs, plannedRequests, userStartMs } from '../../../src/core/load/schedule.ts';
import { bucketEdges, judgeThresholds } from '../../../src/core/load/thresholds.ts';
import { loadErrorKind } from '../../../src/core/load/errors.ts';

describe('load-test limits', () => {
  it('the default config can run', () => {
    expect(checkLoadConfig(DEFAULT_LOAD_CONFIG)).toEqual([]);
  });

  it('refuses a rate, users or duration above the caps, with sentences', () => {
    expect(checkLoadConfig({ ...DEFAULT_LOAD_CONFIG, model: 'open', rate: 2001 })).toEqual([
      'The rate must be above 0 and at most 2000 requests/s, not 2001.',
    ]);
    expect(checkLoadConfig({ ...DEFAULT_LOAD_CONFIG, vus: 201, durationMs: 120_001 })).toEqual([
      'Virtual users must be a whole number from 1 to 200, not 201.',
      'The duration (ms) must be a whole number from 0 to 120000, not 120001.',
    ]);
  });

  it('a test must end, and a ramp fits in the duration', () => {
    expect(checkLoadConfig({ ...DEFAULT_LOAD_CONFIG, durationMs: 0, totalRequests: 0 })).toEqual([
      'Set a duration or a request count (or both): a load test must end.',
    ]);
    expect(checkLoadConfig({ ...DEFAULT_LOAD_CONFIG, durationMs: 1000, rampUpMs: 2000 })).toEqual([
      'The ramp-up (2000 ms) cannot be longer than the duration (1000 ms).',
    ]);
  });

  it('thresholds must make sense', () => {
    expect(checkLoadConfig({ ...DEFAULT_LOAD_CONFIG, thresholds: { p99Ms: 0, errorRate: 5 } })).toEqual([
      'The p99 threshold must be a number of ms above 0.',
      'The error-rate threshold must be a fraction from 0 to 1 (e.g. 0.01 for 1 %).',
    ]);
  });

  it('says which model ran', () => {
    expect(describeModel({ ...DEFAULT_LOAD_CONFIG, rampUpMs: 2000 })).toBe(
      "Closed model: 10 virtual users for 10 s, ramp-up 2 s; latency measured from each request's actual start (a slow answer delays that user's next request).",
    );
  });
});

describe('schedule', () => {
  it('constant rate: every 1/r', () => {
    expect([0, 1, 2, 3].map((i) => intendedStartMs(i, 250, 0))).toEqual([0, 4, 8, 12]);
    expect(plannedRequests(250, 0, 1000, 0)).toBe(250);
    expect(plannedRequests(250, 0, 1000, 100)).toBe(100);
    expect(plannedRequests(3, 0, 1000, 0)).toBe(3);
  });

  it('ramped rate: half the arrivals during the ramp', () => {
    // 100/s ramped over 1 s: 50 arrivals in the ramp, 100 in the next second.
    expect(plannedRequests(100, 1000, 2000, 0)).toBe(150);
    expect(intendedStartMs(50, 100, 1000)).toBe(1000);
    expect(intendedStartMs(60, 100, 1000)).toBe(1100);
  });

  it('users ramp in evenly', () => {
    expect([0, 1, 2, 3].map((k) => userStartMs(k, 4, 1000))).toEqual([0, 250, 500, 750]);
  });
});

describe('thresholds and histogram edges', () => {
  it('judges each threshold', () => {
    expect(judgeThresholds({ p95Ms: 10, errorRate: 0.01 }, { p95: 12, p99: 20 }, 0.005)).toEqual([
      { label: 'p(95) < 10 ms', actual: 12, passed: false },
      { label: 'error rate < 1 %', actual: 0.005, passed: true },
    ]);
  });

  it('1-2-5 edges up past the max', () => {
    expect(bucketEdges(1.5)).toEqual([0, 0.1, 0.2, 0.5, 1, 2]);
    expect(bucketEdges(0.05)).toEqual([0, 0.1]);
  });

  it('error kinds', () => {
    expect(
      ['ECONNREFUSED', 'ECONNRESET', 'EPARLEYTIMEOUT', 'ENOTFOUND', 'EPARLEYPOLICY', 'EWHAT'].map(loadErrorKind),
    ).toEqual(['refused', 'reset', 'timeout', 'dns', 'policy', 'other']);
  });
});
