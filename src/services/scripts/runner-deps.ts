/**
 * The app's side of the runner: the page's transport (proxy or direct, as chosen in the
 * request line) and the script Worker. The CLI builds the same `RunnerDeps` with Node's
 * transport and an in-process sandbox (cli/run.ts).
 */
import { makeDynamicValues } from '../../core/variables/dynamic.ts';
import { newId } from '../../core/model/ids.ts';
import type { RunnerDeps } from '../../core/runner/types.ts';
import type { ScriptSandbox } from '../../core/scripts/types.ts';
import type { Transport } from '../transport.ts';

/**
 * Deps for `runCollection` over `transport` and `sandbox`. `signal` aborts a request in flight
 * (the Runner's Stop). Redirects are not followed through the proxy (the 3xx is the result), as the CLI.
 */
export function appRunnerDeps(transport: Transport, sandbox: ScriptSandbox, signal?: AbortSignal): RunnerDeps {
  return {
    send: (request) =>
      transport.send(request, { signal: signal ?? new AbortController().signal, followRedirects: false }),
    sandbox,
    dynamic: () => makeDynamicValues(Date.now(), crypto.getRandomValues(new Uint8Array(18))),
    newId,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    transport: transport.kind,
  };
}
