/**
 * Keep-alive connection pools for the proxy's upstream leg. Node's `http.Agent` keeps one pool
 * per origin (its key is host:port plus TLS options), so a second request to the same API reuses
 * a warm connection: no DNS, TCP or TLS handshake (on loopback that alone was ~0.3 ms p50).
 *
 * Limits, per server process: no cap on connections to one origin (`MAX_SOCKETS_PER_ORIGIN` is
 * Infinity: with a per-origin queue, one client's stalled calls to a host would hold every socket
 * and make other clients' calls to that host wait; the proxy's per-client and global caps in
 * limits.ts bound the connections instead), `MAX_IDLE_PER_ORIGIN` idle ones kept, and
 * an idle connection closed after `IDLE_TIMEOUT_MS` (or earlier when the server announced a
 * shorter `Keep-Alive: timeout=`; Node's agent honours that hint). LIFO reuse keeps the few
 * warmest sockets busy and lets the rest time out.
 */
import { Agent as HttpAgent, type AgentOptions } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/** Connections to one origin at a time: uncapped (see above), so no call ever queues behind a stalled one. */
export const MAX_SOCKETS_PER_ORIGIN = Infinity;
/** Idle connections kept per origin. */
export const MAX_IDLE_PER_ORIGIN = 16;
/** An idle upstream connection is closed after this many ms (servers often close at 5–60 s). */
export const IDLE_TIMEOUT_MS = 15_000;

export interface UpstreamAgents {
  http: HttpAgent;
  https: HttpsAgent;
}

/**
 * The pair of agents one server uses for all upstream requests (`limits.agents`). The `timeout`
 * option is, for a kept-alive agent, the idle timeout of free sockets (Node `keepSocketAlive`);
 * requests in flight have their own deadlines in forward.ts.
 */
export function createUpstreamAgents(): UpstreamAgents {
  const options: AgentOptions = {
    keepAlive: true,
    keepAliveMsecs: 1000,
    maxSockets: MAX_SOCKETS_PER_ORIGIN,
    maxFreeSockets: MAX_IDLE_PER_ORIGIN,
    timeout: IDLE_TIMEOUT_MS,
    scheduling: 'lifo',
  };
  return { http: new HttpAgent(options), https: new HttpsAgent(options) };
}
