/**
 * The app's script runs for a single Send (loaded with import() only when the request has
 * scripts or assertions): the script Worker, the page's transport for pm.sendRequest, and the
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

/** Runs the draft's pre-request script; returns the draft with its changes and what the script left. */
export async function runPreRequest(
  draft: RequestDraft,
  scopes: VariableScopes,
  transport: Transport,
): Promise<{ draft: RequestDraft; run: ScriptRunResult }> {
  const before = scriptRequestFromDraft(draft);
  const run = await getSandbox().run(
    {
      code: draft.scripts?.preRequest ?? '',
      label: 'pre-request',
      info: info('prerequest'),
      scopes,
      request: before,
      response: null,
    },
    hostFor(transport),
  );
  return { draft: run.error === null ? applyScriptRequest(draft, before, run.request, newId) : draft, run };
}

/** Runs the post-response script and the assertion rows of the draft that was sent. */
export async function runPostResponse(
  draft: RequestDraft,
  request: EffectiveRequest,
  record: ResponseRecord,
  scopes: VariableScopes,
  transport: Transport,
): Promise<{ run: ScriptRunResult | null; assertions: AssertionResult[]; variables: Record<string, string> }> {
  const response = scriptResponseFromRecord(record);
  const code = draft.scripts?.postResponse ?? '';
  const run =
    code.trim() === ''
      ? null
      : await getSandbox().run(
          {
            code,
            label: 'post-response',
            info: info('test'),
            scopes,
            request: scriptRequestFromEffective(request),
            response,
          },
          hostFor(transport),
        );
  const checked = evaluateAssertions(draft.assertions ?? [], response);
  return { run, assertions: checked.results, variables: checked.variables };
}
