/**
 * Runs one load test on the server: the resolved request, prepared by the proxy's own path
 * (`parseTarget`, `prepareHeaders`: Host first, Content-Length last, header order and case
 * kept) and sent with `node:http(s)` over a keep-alive agent exactly as the proxy's upstream leg
 * does, so every load request has the octets of Send via proxy. (undici's Pool, tried first,
 * rewrites `Host` and `Content-Length` in lower case and moves them, and adds `connection:`
 * early; the bytes would differ.) Scheduling and the coordinated-omission accounting are the
 * pure `runLoad` (src/core/load/run-loop.ts) on the real clock.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { runLoad, type LoadClock, type SendOutcome } from '../../src/core/load/run-loop.ts';
import { describeModel, type LoadTestConfig } from '../../src/core/load/config.ts';
import { loadErrorKind } from '../../src/core/load/errors.ts';
import type { LoadRequest, LoadSnapshot, LoadState } from '../../src/core/load/wire.ts';
import { parseTarget, prepareHeaders } from '../proxy/prepare.ts';
import { loadPolicyLookup, type LoadTargetPolicy } from './policy.ts';
import { LoadFigures } from './figures.ts';

/** The real clock: `performance.now()` and timers (≈1 ms resolution; lateness counts in open-model latency). */
export const realClock: LoadClock = {
  now: () => performance.now(),
  sleepUntil: (atMs) => {
    const wait = atMs - performance.now();
    return wait <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, wait));
  },
};

export class LoadRun {
  readonly id = randomUUID();
  readonly startedAt = Date.now();
  state: LoadState = 'running';
  message: string | undefined;
  private stopRequested = false;
  private readonly started = performance.now();
  private endedAt: number | null = null;
  private readonly figures: LoadFigures;
  private readonly agent: HttpAgent;
  private readonly hardStop: NodeJS.Timeout;
  /** Settles when every request has finished. */
  readonly finished: Promise<void>;

  /**
   * Starts at once.
   * @param hardLimitMs the server's cap on the whole run, ms: then no more requests start and those in flight are cut.
   * @throws ProxyError (400) from `parseTarget` / `prepareHeaders` for a request the proxy would refuse too.
   */
  constructor(
    request: LoadRequest,
    readonly config: LoadTestConfig,
    policy: LoadTargetPolicy,
    hardLimitMs: number,
  ) {
    const target = parseTarget(request.url);
    const body = request.bodyBase64 === null ? null : Buffer.from(request.bodyBase64, 'base64');
    const pairs = prepareHeaders({ method: request.method, headers: request.headers }, target.url, body?.length ?? 0);
    const https = target.url.protocol === 'https:';
    const connections = config.model === 'open' ? config.maxConnections : config.vus;
    const options = {
      keepAlive: true,
      maxSockets: connections,
      maxFreeSockets: connections,
      scheduling: 'fifo' as const,
    };
    this.agent = https ? new HttpsAgent(options) : new HttpAgent(options);
    const head = `${request.method} ${target.requestTarget} HTTP/1.1\r\n${pairs.map(([n, v]) => `${n}: ${v}\r\n`).join('')}Connection: keep-alive\r\n\r\n`;
    this.figures = new LoadFigures(config, Buffer.byteLength(head, 'latin1') + (body?.length ?? 0));
    const host = target.url.hostname.replace(/^\[|\]$/g, '');
    const lookup = loadPolicyLookup(policy);
    const send = (): Promise<SendOutcome> =>
      new Promise((resolve) => {
        this.figures.started();
        let bytes = 0;
        let settled = false;
        const done = (outcome: SendOutcome): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(outcome);
        };
        const req = (https ? httpsRequest : httpRequest)({
          host,
          port: target.url.port || (https ? 443 : 80),
          method: request.method,
          path: target.requestTarget,
          headers: pairs.flat(),
          agent: this.agent,
          lookup,
        });
        const timer = setTimeout(
          () =>
            req.destroy(
              Object.assign(new Error(`No complete answer within ${config.timeoutMs} ms.`), { code: 'EPARLEYTIMEOUT' }),
            ),
          config.timeoutMs,
        );
        req.once('response', (res: IncomingMessage) => {
          res.on('data', (chunk: Buffer) => (bytes += chunk.length));
          res.once('end', () => done({ ok: true, status: res.statusCode ?? 0, bytesReceived: bytes }));
          res.once('error', (err: NodeJS.ErrnoException) =>
            done({ ok: false, kind: loadErrorKind(err.code), message: err.message }),
          );
        });
        req.once('error', (err: NodeJS.ErrnoException) =>
          done({ ok: false, kind: loadErrorKind(err.code), message: err.message }),
        );
        req.once('socket', (socket) => socket.setNoDelay(true));
        req.end(body ?? undefined);
      });
    this.hardStop = setTimeout(() => {
      this.message = `Stopped by the server's limit of ${hardLimitMs} ms for one load test.`;
      this.stopRequested = true;
      this.agent.destroy();
    }, hardLimitMs);
    this.finished = runLoad(config, {
      clock: realClock,
      send,
      record: (sample) => this.figures.record(sample),
      stopped: () => this.stopRequested,
    }).then(
      () => this.end(this.stopRequested ? 'stopped' : 'done'),
      (err: unknown) => {
        this.message = `The load test failed: ${(err as Error).message}`;
        this.end('failed');
      },
    );
  }

  private end(state: LoadState): void {
    clearTimeout(this.hardStop);
    this.endedAt = performance.now();
    this.state = state;
    this.agent.destroy();
  }

  /** No more requests start; those in flight finish (or time out). */
  stop(): void {
    if (this.state !== 'running') return;
    this.stopRequested = true;
    this.message ??= 'Stopped before its end.';
  }

  /** Ends now: stops and cuts requests in flight (server shutdown). */
  abort(): void {
    this.stop();
    this.agent.destroy();
  }

  snapshot(): LoadSnapshot {
    const elapsedMs = Math.round(((this.endedAt ?? performance.now()) - this.started) * 10) / 10;
    return this.figures.snapshot({
      id: this.id,
      state: this.state,
      ...(this.message === undefined ? {} : { message: this.message }),
      model: describeModel(this.config),
      startedAt: this.startedAt,
      elapsedMs,
    });
  }
}
