/**
 * `/api/load` (protocol: src/core/load/wire.ts): start, poll, stop a load test. Same checks as
 * the proxy: Parley's own Origin on the POSTs and the per-process token on every call; then
 * the config against the server's caps and the target against the load policy (policy.ts).
 * One load test at a time per server; the last `KEPT_RUNS` finished runs can still be read.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROXY_TOKEN_HEADER } from '../../src/core/wire/proxy.ts';
import { checkLoadConfig, DEFAULT_LOAD_CAPS, type LoadCaps } from '../../src/core/load/config.ts';
import type { LoadStartBody } from '../../src/core/load/wire.ts';
import { isOwnOrigin, isValidToken } from '../security.ts';
import { sendError, sendJson } from '../respond.ts';
import { ProxyError } from '../proxy/errors.ts';
import { checkLoadTarget, type LoadTargetPolicy } from './policy.ts';
import { LoadRun } from './engine.ts';

/** Largest start body (JSON with the request content as base64), bytes. */
const MAX_START_BYTES = 16 * 1024 * 1024;
/** Finished runs kept in memory for reading. */
const KEPT_RUNS = 10;

export interface LoadApiOptions extends LoadTargetPolicy {
  token: string;
  caps?: LoadCaps;
}

export interface LoadApi {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Ends every run (server shutdown). */
  dispose(): void;
}

/** Whether `PARLEY_LOAD_PUBLIC_TARGETS` opts the deployment in to load-testing public addresses. */
export function publicTargetsFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes|on)$/i.test((env.PARLEY_LOAD_PUBLIC_TARGETS ?? '').trim());
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_START_BYTES) {
        reject(new Error(`The load-test request is larger than ${MAX_START_BYTES} bytes.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new Error('The load-test request is not valid JSON.'));
      }
    });
    req.on('error', reject);
  });
}

/** Shape check of the start body; returns a sentence for the first problem. */
function shapeProblem(value: unknown): string | null {
  const v = value as Partial<LoadStartBody> | null;
  const r = v?.request;
  if (!r || typeof r.method !== 'string' || typeof r.url !== 'string') return 'The request needs a method and a URL.';
  if (
    !Array.isArray(r.headers) ||
    !r.headers.every((h) => Array.isArray(h) && h.length === 2 && h.every((x) => typeof x === 'string'))
  )
    return 'The header fields must be [name, value] pairs of strings.';
  if (r.bodyBase64 !== null && typeof r.bodyBase64 !== 'string') return 'The content must be base64 text or null.';
  if (!v.config || typeof v.config !== 'object') return 'The load-test settings are missing.';
  return null;
}

/** Creates the API; `handle` takes every request under /api/load. */
export function createLoadApi(opts: LoadApiOptions): LoadApi {
  const caps = opts.caps ?? DEFAULT_LOAD_CAPS;
  const runs = new Map<string, LoadRun>();
  let current: LoadRun | null = null;

  const start = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readJson(req);
    const problem = shapeProblem(body);
    if (problem) return sendError(res, 400, 'bad-request', problem);
    const { request, config } = body as LoadStartBody;
    const problems = checkLoadConfig(config, caps);
    if (problems.length > 0) return sendError(res, 400, 'bad-request', problems.join(' '));
    if (current?.state === 'running')
      return sendError(res, 429, 'too-many-requests', 'A load test is already running on this server; stop it first.');
    let hostname: string;
    try {
      hostname = new URL(request.url).hostname;
    } catch {
      return sendError(res, 400, 'bad-request', `"${request.url}" is not a valid absolute URL.`);
    }
    const refusal = await checkLoadTarget(hostname, opts).catch(
      (err: NodeJS.ErrnoException) => `${hostname} could not be resolved (${err.code ?? err.message}).`,
    );
    if (refusal) return sendError(res, 403, 'target-refused-by-policy', refusal);
    const hardLimitMs = (config.durationMs > 0 ? config.durationMs : caps.maxDurationMs) + config.timeoutMs + 1000;
    const run = new LoadRun(request, config, opts, hardLimitMs);
    current = run;
    runs.set(run.id, run);
    void run.finished.then(() => {
      const finished = [...runs.values()].filter((r) => r.state !== 'running');
      for (const old of finished.slice(0, Math.max(0, finished.length - KEPT_RUNS))) runs.delete(old.id);
    });
    sendJson(res, 201, { id: run.id });
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const presented = req.headers[PROXY_TOKEN_HEADER.toLowerCase()];
    if (req.method === 'POST' && !isOwnOrigin(req.headers.origin, req.headers.host)) {
      req.resume();
      return sendError(res, 403, 'forbidden-origin', "Load tests can be started only from Parley's own page.");
    }
    if (!isValidToken(Array.isArray(presented) ? undefined : presented, opts.token)) {
      req.resume();
      return sendError(
        res,
        403,
        'bad-token',
        'The token is missing or wrong. Reload the page: the server may have restarted with a new token.',
      );
    }
    const m = /^\/api\/load(?:\/([0-9a-f-]{36})(\/stop)?)?$/.exec(path);
    if (!m) {
      req.resume();
      return sendError(res, 404, 'bad-request', `No load-test route ${path}.`);
    }
    const [, id, stop] = m;
    if (!id) {
      if (req.method !== 'POST') {
        req.resume();
        return sendError(res, 405, 'bad-request', 'Start a load test with POST.');
      }
      start(req, res).catch((err: unknown) => {
        if (err instanceof ProxyError) return sendError(res, err.status, err.code, err.message);
        sendError(res, 400, 'bad-request', (err as Error).message);
      });
      return;
    }
    req.resume();
    const run = runs.get(id);
    if (!run) return sendError(res, 404, 'bad-request', 'No such load test (the server may have restarted).');
    if (stop) {
      if (req.method !== 'POST') return sendError(res, 405, 'bad-request', 'Stop a load test with POST.');
      run.stop();
    }
    sendJson(res, 200, run.snapshot());
  };

  return {
    handle,
    dispose: () => {
      for (const run of runs.values()) run.abort();
    },
  };
}
