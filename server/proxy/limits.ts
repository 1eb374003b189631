/** Per-server proxy settings, counters and upstream connection pools. */
import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { createUpstreamAgents } from './agents.ts';
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
 * Creates the upstream keep-alive agents (closed with `disposeAgents`); pool limits in agents.ts
 * (no per-origin socket cap: the proxy's per-client and global caps bound connections).
 */
export function createAgents(): { http: HttpAgent; https: HttpsAgent } {
  return createUpstreamAgents();
}

/** Closes the upstream keep-alive connections (server shutdown). */
export function disposeAgents(limits: ProxyLimits): void {
  limits.agents?.http.destroy();
  limits.agents?.https.destroy();
  limits.agents = undefined;
}
