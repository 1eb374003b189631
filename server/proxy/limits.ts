/** Per-server proxy settings, counters and upstream connection pools. */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Deadlines } from '../timeouts.ts';

export interface ProxyLimits {
  token: string;
  allowPrivateTargets: boolean;
  /** Default timeout in ms; a request may ask for up to `MAX_TIMEOUT_MS`. */
  defaultTimeoutMs: number;
  /** Proxy requests in flight from all clients together before answering 429. */
  maxConcurrent: number;
  /** Proxy requests being handled now. */
  inFlight: number;
  /** Proxy requests in flight from one client (remote address) before it alone is answered 429. */
  maxPerClient: number;
  /** Requests in flight per remote address (entries removed at 0). */
  perClient: Map<string, number>;
  deadlines: Deadlines;
  /** Keep-alive agents for the upstream leg, one pair per server. */
  agents?: { http: HttpAgent; https: HttpsAgent };
}

/** Longest timeout a request may ask for, in ms. */
export const MAX_TIMEOUT_MS = 10 * 60_000;

/**
 * Creates the upstream keep-alive agents (closed with `disposeAgents`). No `maxSockets` cap per
 * upstream: a per-host queue would let one client's stalled calls to a host hold every socket
 * and make other clients' calls to that host wait (the proxy's own per-client and global caps
 * bound the number of connections instead).
 */
export function createAgents(): { http: HttpAgent; https: HttpsAgent } {
  return {
    http: new HttpAgent({ keepAlive: true, maxFreeSockets: 16, scheduling: 'lifo' }),
    https: new HttpsAgent({ keepAlive: true, maxFreeSockets: 16, scheduling: 'lifo' }),
  };
}

/** Closes the upstream keep-alive connections (server shutdown). */
export function disposeAgents(limits: ProxyLimits): void {
  limits.agents?.http.destroy();
  limits.agents?.https.destroy();
  limits.agents = undefined;
}
