/**
 * Threshold checks and the histogram's bucket edges, shared by the server's report and the k6
 * export (the same labels as k6's threshold expressions).
 */
import type { LoadThresholds } from './config.ts';
import type { LatencyFigures, ThresholdResult } from './wire.ts';

/**
 * Judges the thresholds the user set against a run's figures.
 * @param p95 95th percentile latency, ms.
 * @param errorRate failed / finished, 0–1.
 */
export function judgeThresholds(
  thresholds: LoadThresholds,
  latency: Pick<LatencyFigures, 'p99'> & { p95: number },
  errorRate: number,
): ThresholdResult[] {
  const out: ThresholdResult[] = [];
  if (thresholds.p95Ms !== undefined)
    out.push({ label: `p(95) < ${thresholds.p95Ms} ms`, actual: latency.p95, passed: latency.p95 < thresholds.p95Ms });
  if (thresholds.p99Ms !== undefined)
    out.push({ label: `p(99) < ${thresholds.p99Ms} ms`, actual: latency.p99, passed: latency.p99 < thresholds.p99Ms });
  if (thresholds.errorRate !== undefined)
    out.push({
      label: `error rate < ${thresholds.errorRate * 100} %`,
      actual: errorRate,
      passed: errorRate < thresholds.errorRate,
    });
  return out;
}

/**
 * Edges of the latency histogram's bars, ms: 1-2-5 steps from 0.1 ms up to the first edge above
 * `maxMs` (so every value has a bar), e.g. `[0, 0.1, 0.2, 0.5, 1, 2]` for a max of 1.5 ms.
 */
export function bucketEdges(maxMs: number): number[] {
  const edges = [0];
  for (let decade = 0.1; ; decade *= 10) {
    for (const step of [1, 2, 5]) {
      const edge = Math.round(step * decade * 1000) / 1000;
      edges.push(edge);
      if (edge > maxMs) return edges;
    }
  }
}
