/**
 * Every deadline of Parley's server, in one place (README "security model" lists them).
 * All values are milliseconds; none is 0 (0 switches a Node timeout off).
 */
export interface Deadlines {
  /** Client → us: the whole request head must arrive within this (Node `headersTimeout`); also drops sockets that never send. */
  headMs: number;
  /** Client → us: the whole request, content included (Node `requestTimeout`). */
  requestMs: number;
  /** Client → us: longest pause between two pieces of request content. */
  bodyGapMs: number;
  /** An idle kept-alive connection between requests is closed after this (Node `keepAliveTimeout`). */
  keepAliveMs: number;
  /** Upstream → us: longest pause between two pieces of response content (and at most the call's timeout). */
  upstreamBodyGapMs: number;
  /** A whole proxy call, from its head to the last byte relayed; longer transfers are cut. */
  proxyTotalMs: number;
}

export const DEFAULT_DEADLINES: Deadlines = {
  headMs: 10_000,
  requestMs: 15 * 60_000,
  bodyGapMs: 30_000,
  keepAliveMs: 5_000,
  upstreamBodyGapMs: 30_000,
  proxyTotalMs: 60 * 60_000,
};

/**
 * `DEFAULT_DEADLINES` with `overrides` applied.
 * @throws RangeError when a value is not a positive finite number of ms.
 */
export function deadlinesOf(overrides: Partial<Deadlines> = {}): Deadlines {
  const d = { ...DEFAULT_DEADLINES, ...overrides };
  for (const [name, value] of Object.entries(d))
    if (!(typeof value === 'number' && Number.isFinite(value) && value > 0))
      throw new RangeError(`The deadline ${name} must be a positive number of milliseconds, not ${String(value)}.`);
  return d;
}
