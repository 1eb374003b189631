/**
 * When each request of a load test is meant to start, in ms from the test's start.
 *
 * Open model with a linear ramp from 0 to `rate` over `rampUpMs` (k6 `ramping-arrival-rate`):
 * the number of arrivals by time t is N(t) = r·t²/(2R) during the ramp (r in requests/ms, R the
 * ramp length) and r·R/2 + r·(t − R) after it; request i (0-based) is meant to start when
 * N(t) = i, so t_i = √(2·R·i / r) in the ramp and R + (i − r·R/2)/r after. Without a ramp
 * t_i = i / r. Closed model: virtual user k of n starts at k·R/n.
 */

/**
 * Intended start of request `index` (0-based), ms from the start.
 * @param ratePerSecond target rate, requests/s (> 0).
 * @example intendedStartMs(3, 100, 0) === 30
 */
export function intendedStartMs(index: number, ratePerSecond: number, rampUpMs: number): number {
  const r = ratePerSecond / 1000;
  if (rampUpMs <= 0) return index / r;
  const inRamp = (r * rampUpMs) / 2;
  if (index <= inRamp) return Math.sqrt((2 * rampUpMs * index) / r);
  return rampUpMs + (index - inRamp) / r;
}

/**
 * How many requests an open-model test of `durationMs` starts: those with an intended start
 * before the end (`intendedStartMs(i) < durationMs`), capped by `totalRequests` when above 0.
 */
export function plannedRequests(
  ratePerSecond: number,
  rampUpMs: number,
  durationMs: number,
  totalRequests: number,
): number {
  if (durationMs <= 0) return totalRequests;
  const r = ratePerSecond / 1000;
  const inRamp = (r * rampUpMs) / 2;
  // Inverse of intendedStartMs: arrivals with t_i < durationMs.
  const arrivals =
    durationMs <= rampUpMs ? (r * durationMs * durationMs) / (2 * rampUpMs) : inRamp + r * (durationMs - rampUpMs);
  let count = Math.ceil(arrivals - 1e-9);
  // Floating point at the boundary: trust the forward function.
  while (count > 0 && intendedStartMs(count - 1, ratePerSecond, rampUpMs) >= durationMs) count--;
  while (intendedStartMs(count, ratePerSecond, rampUpMs) < durationMs) count++;
  return totalRequests > 0 ? Math.min(count, totalRequests) : count;
}

/** Start of virtual user `user` (0-based) of `users`, ms from the start (linear ramp-up). */
export function userStartMs(user: number, users: number, rampUpMs: number): number {
  return rampUpMs <= 0 ? 0 : (user * rampUpMs) / users;
}
