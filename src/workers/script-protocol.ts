/**
 * Messages between the page and the script Worker (src/workers/script.worker.ts), and the
 * two ends as plain functions over a `post` callback, so Node tests run the same protocol the
 * browser does. The Worker keeps the page responsive while QuickJS runs; QuickJS (not the
 * Worker) is the isolation (docs/scripts.md). `pm.sendRequest` comes back to the page, whose
 * transport sends it (the Worker has no proxy token and no network of its own to offer).
 */
import type {
  ScriptHost,
  ScriptRequest,
  ScriptResponse,
  ScriptRunInput,
  ScriptRunResult,
  ScriptSandbox,
} from '../core/scripts/types.ts';

export type ToWorker =
  | { type: 'run'; id: number; input: ScriptRunInput }
  | { type: 'sent'; id: number; sendId: number; response: ScriptResponse }
  | { type: 'send-failed'; id: number; sendId: number; message: string };

export type FromWorker =
  | { type: 'send'; id: number; sendId: number; request: ScriptRequest }
  | { type: 'done'; id: number; result: ScriptRunResult }
  | { type: 'crashed'; id: number; message: string };

/**
 * The Worker's end: returns the handler for messages from the page. Each `run` is answered
 * with one `done` (or `crashed` when the sandbox itself failed to load or threw).
 */
export function serveScriptRuns(
  post: (m: FromWorker) => void,
  sandbox: () => Promise<ScriptSandbox>,
): (m: ToWorker) => void {
  const waiting = new Map<string, { resolve(r: ScriptResponse): void; reject(e: Error): void }>();
  let nextSend = 0;
  return (m) => {
    if (m.type === 'run') {
      const host: ScriptHost = {
        sendRequest: (request) =>
          new Promise<ScriptResponse>((resolve, reject) => {
            const sendId = nextSend++;
            waiting.set(`${m.id}:${sendId}`, { resolve, reject });
            post({ type: 'send', id: m.id, sendId, request });
          }),
      };
      sandbox()
        .then((s) => s.run(m.input, host))
        .then(
          (result) => post({ type: 'done', id: m.id, result }),
          (e: unknown) => post({ type: 'crashed', id: m.id, message: e instanceof Error ? e.message : String(e) }),
        );
      return;
    }
    const key = `${m.id}:${m.sendId}`;
    const w = waiting.get(key);
    if (!w) return;
    waiting.delete(key);
    if (m.type === 'sent') w.resolve(m.response);
    else w.reject(new Error(m.message));
  };
}

/** What the page needs of a Worker (a real one, or a test's in-process pair). */
export interface WorkerLike {
  postMessage(m: ToWorker): void;
  onmessage: ((e: { data: FromWorker }) => void) | null;
  terminate(): void;
}

/**
 * The page's end: a ScriptSandbox over Workers from `spawn`. Runs one script at a time per
 * worker; when a run has not answered `graceMs` after its time limit (QuickJS's interrupt
 * should always end it first) the worker is terminated and replaced, and the run fails with a
 * message saying so.
 */
export function workerSandbox(spawn: () => WorkerLike, graceMs = 3000): ScriptSandbox {
  let worker: WorkerLike | null = null;
  let nextId = 0;
  const pending = new Map<number, { host: ScriptHost; done(r: ScriptRunResult | Error): void }>();
  const ensure = (): WorkerLike => {
    if (worker) return worker;
    const w = spawn();
    w.onmessage = ({ data }) => {
      const p = pending.get(data.id);
      if (!p) return;
      if (data.type === 'send') {
        p.host.sendRequest(data.request).then(
          (response) => w.postMessage({ type: 'sent', id: data.id, sendId: data.sendId, response }),
          (e: unknown) =>
            w.postMessage({
              type: 'send-failed',
              id: data.id,
              sendId: data.sendId,
              message: e instanceof Error ? e.message : String(e),
            }),
        );
      } else p.done(data.type === 'done' ? data.result : new Error(data.message));
    };
    worker = w;
    return w;
  };
  return {
    run: (input, host) =>
      new Promise<ScriptRunResult>((resolve) => {
        const id = nextId++;
        const w = ensure();
        const limit = input.timeLimitMs ?? 5000;
        let timer: ReturnType<typeof setTimeout> | null = null;
        const arm = () => {
          if (timer !== null) clearTimeout(timer);
          timer = setTimeout(() => {
            pending.delete(id);
            w.terminate();
            if (worker === w) worker = null;
            resolve(
              failed(input, `The script did not finish within ${limit + graceMs} ms and its worker was stopped.`),
            );
          }, limit + graceMs);
        };
        // Waiting on pm.sendRequest does not count against the limit: the timer restarts on each answer.
        const watched: ScriptHost = {
          sendRequest: (r) => host.sendRequest(r).finally(arm),
        };
        pending.set(id, {
          host: watched,
          done: (r) => {
            if (timer !== null) clearTimeout(timer);
            pending.delete(id);
            resolve(r instanceof Error ? failed(input, `The script sandbox failed: ${r.message}`) : r);
          },
        });
        arm();
        w.postMessage({ type: 'run', id, input });
      }),
  };
}

function failed(input: ScriptRunInput, error: string): ScriptRunResult {
  return { scopes: input.scopes, request: input.request, tests: [], console: [], error };
}
