/**
 * The app's script runs for a single Send (loaded with import() only when the request or its
 * collection and folders have scripts, or it has assertions): the script Worker, the page's transport for pm.sendRequest, and the
 * core bridge and assertion evaluator. See docs/scripts.md.
 */
import { evaluateAssertions } from '../core/assertions/evaluate.ts';
import type { RequestDraft } from '../core/model/draft.ts';
import type { ResponseRecord } from '../core/model/response.ts';
import type { EffectiveRequest } from '../core/resolve/types.ts';
import { resolveRequest } from '../core/resolve/resolve-request.ts';
import {
  applyScriptRequest,
  draftFromScriptRequest,
  scriptRequestFromDraft,
  scriptRequestFromEffective,
  scriptResponseFromRecord,
} from '../core/scripts/request-bridge.ts';
import type { ScriptHost, ScriptRunResult, ScriptSandbox, VariableScopes } from '../core/scripts/types.ts';
import { newId } from '../core/model/ids.ts';
import { makeDynamicValues } from '../core/variables/dynamic.ts';
import type { Transport } from '../services/transport.ts';
import { workerSandbox, type WorkerLike } from '../workers/script-protocol.ts';
import type { AssertionResult } from '../core/assertions/evaluate.ts';
import type { ScopedScript } from '../core/scripts/scope-scripts.ts';
import { scriptCookie } from '../core/runner/script-cookie.ts';
import { jarCookiesFor } from './cookies-store.ts';

let sandbox: ScriptSandbox | null = null;
const getSandbox = () =>
  (sandbox ??= workerSandbox(
    () =>
      new Worker(new URL('../workers/script.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike,
  ));

/** pm.sendRequest through the page's transport (proxy or direct), resolved like any request. */
function hostFor(transport: Transport): ScriptHost {
  return {
    sendRequest: async (request) => {
      const resolved = resolveRequest(draftFromScriptRequest(request, newId), {
        transport: transport.kind,
        dynamic: makeDynamicValues(Date.now(), crypto.getRandomValues(new Uint8Array(18))),
      });
      if (!resolved.request) throw new Error(resolved.problems.map((p) => p.message).join(' '));
      const record = await transport.send(resolved.request, { signal: new AbortController().signal });
      return scriptResponseFromRecord(record);
    },
  };
}

const info = (eventName: 'prerequest' | 'test') => ({
  eventName,
  iteration: 0,
  iterationCount: 1,
  requestName: 'Current request',
  requestId: 'current',
});

/** `pm.cookies`: the active jar's cookies for `url` (proxy mode's jar; none for a URL with `{{vars}}` left). */
function cookiesAt(url: string) {
  try {
    return jarCookiesFor(new URL(url).href).map(scriptCookie);
  } catch {
    return [];
  }
}

/** What a chain of scripts left: console lines and tests of all, the first error (which ends the chain). */
export interface ChainRun {
  scopes: VariableScopes;
  tests: ScriptRunResult['tests'];
  console: ScriptRunResult['console'];
  /** `Pre-request script (collection Team): TypeError: …`, or `null`. */
  error: string | null;
}

/**
 * Runs the pre-request scripts in order (collection, folders, request: `scopedScripts`), each
 * seeing the variables and the request the previous one left. Returns the draft with their
 * changes; after an error the chain stops and the draft is returned unchanged by that script.
 */
export async function runPreRequest(
  draft: RequestDraft,
  scripts: readonly ScopedScript[],
  scopes: VariableScopes,
  transport: Transport,
): Promise<{ draft: RequestDraft; run: ChainRun }> {
  const run: ChainRun = { scopes, tests: [], console: [], error: null };
  let current = draft;
  for (const script of scripts) {
    const before = scriptRequestFromDraft(current);
    const out = await getSandbox().run(
      {
        code: script.code,
        label: `pre-request script of ${script.label}`,
        info: info('prerequest'),
        scopes: run.scopes,
        request: before,
        response: null,
        cookies: cookiesAt(before.url),
      },
      hostFor(transport),
    );
    run.scopes = out.scopes;
    run.tests.push(...out.tests);
    run.console.push(...out.console);
    if (out.error !== null) {
      run.error = `${label('Pre-request', script, scripts)}: ${out.error}`;
      break;
    }
    current = applyScriptRequest(current, before, out.request, newId);
  }
  return { draft: current, run };
}

/** `Pre-request script` for a request's own script alone; `Pre-request script (folder Users)` in a chain. */
const label = (event: string, script: ScopedScript, all: readonly ScopedScript[]) =>
  all.length === 1 && script.label === 'request' ? `${event} script` : `${event} script (${script.label})`;

/** Runs the post-response scripts in order (a failing one does not stop the next, as in Postman) and the assertion rows. */
export async function runPostResponse(
  draft: RequestDraft,
  scripts: readonly ScopedScript[],
  request: EffectiveRequest,
  record: ResponseRecord,
  scopes: VariableScopes,
  transport: Transport,
): Promise<{ run: ChainRun & { errors: string[] }; assertions: AssertionResult[]; variables: Record<string, string> }> {
  const response = scriptResponseFromRecord(record);
  const run: ChainRun & { errors: string[] } = { scopes, tests: [], console: [], error: null, errors: [] };
  for (const script of scripts) {
    const out = await getSandbox().run(
      {
        code: script.code,
        label: `post-response script of ${script.label}`,
        info: info('test'),
        scopes: run.scopes,
        request: scriptRequestFromEffective(request),
        response,
        cookies: cookiesAt(request.url),
      },
      hostFor(transport),
    );
    run.scopes = out.scopes;
    run.tests.push(...out.tests);
    run.console.push(...out.console);
    if (out.error !== null) run.errors.push(`${label('Post-response', script, scripts)}: ${out.error}`);
  }
  run.error = run.errors[0] ?? null;
  const checked = evaluateAssertions(draft.assertions ?? [], response);
  return { run, assertions: checked.results, variables: checked.variables };
}
