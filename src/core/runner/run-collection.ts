/**
 * The collection runner engine (issue 15 §4): for each iteration, each request in order runs
 * its pre-request scripts (outermost first), is resolved by `resolveRequest()` (so it is sent
 * as every other view shows it), sent through the injected transport, then its post-response
 * scripts and assertion rows run. Variables flow between requests (chaining). Pure
 * orchestration: no I/O of its own.
 */
import { resolveRequest } from '../resolve/resolve-request.ts';
import { evaluateAssertions } from '../assertions/evaluate.ts';
import {
  applyScriptRequest,
  draftFromScriptRequest,
  scriptRequestFromDraft,
  scriptRequestFromEffective,
  scriptResponseFromRecord,
} from '../scripts/request-bridge.ts';
import {
  LOOKUP_ORDER,
  type ScriptHost,
  type ScriptRequest,
  type ScriptResponse,
  type ScriptRunInput,
  type VariableScopes,
} from '../scripts/types.ts';
import type { RequestDraft } from '../model/draft.ts';
import type { RequestRunResult, RunnerCollection, RunnerDeps, RunnerItem, RunOptions, RunSummary } from './types.ts';

/** All scopes merged for `{{name}}` substitution: narrowest wins (Postman's precedence). */
export function mergedVariables(scopes: VariableScopes): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const name of [...LOOKUP_ORDER].reverse()) Object.assign(out, scopes[name]);
  return out;
}

/**
 * Runs `collection`. Returns the summary with every request's result (also given to
 * `options.onResult` as each finishes). Never throws for a failing request, script or
 * transport: those are results. `iterations` below 1 is treated as 1.
 */
export async function runCollection(
  collection: RunnerCollection,
  deps: RunnerDeps,
  options: RunOptions = {},
): Promise<RunSummary> {
  const data = options.data ?? [];
  const iterations = Math.max(1, Math.floor(options.iterations ?? (data.length > 0 ? data.length : 1)));
  const scopes: VariableScopes = {
    globals: { ...options.globals },
    collectionVariables: { ...collection.variables },
    environment: { ...options.environment },
    iterationData: {},
    locals: {},
  };
  const results: RequestRunResult[] = [];
  let stoppedEarly = false;
  let first = true;
  outer: for (let iteration = 0; iteration < iterations; iteration++) {
    scopes.iterationData = { ...(data.length > 0 ? data[iteration % data.length] : {}) };
    scopes.locals = {};
    for (const item of collection.items) {
      if (options.signal?.aborted) {
        stoppedEarly = true;
        break outer;
      }
      if (!first && (options.delayMs ?? 0) > 0) await deps.sleep(options.delayMs ?? 0);
      first = false;
      const result = await runItem(item, iteration, iterations, scopes, deps, options);
      results.push(result);
      options.onResult?.(result);
      if (options.bail && (result.errors.length > 0 || result.tests.some((t) => t.status === 'failed'))) {
        stoppedEarly = iteration < iterations - 1 || item !== collection.items[collection.items.length - 1];
        break outer;
      }
    }
  }
  return {
    collection: collection.name,
    iterations,
    results,
    totals: totalsOf(results),
    stoppedEarly,
    scopes: {
      environment: scopes.environment,
      globals: scopes.globals,
      collectionVariables: scopes.collectionVariables,
    },
  };
}

function totalsOf(results: RequestRunResult[]): RunSummary['totals'] {
  const tests = results.flatMap((r) => r.tests);
  return {
    requests: results.length,
    tests: tests.length,
    passed: tests.filter((t) => t.status === 'passed').length,
    failed: tests.filter((t) => t.status === 'failed').length,
    skipped: tests.filter((t) => t.status === 'skipped').length,
    errors: results.reduce((n, r) => n + r.errors.length, 0),
  };
}

async function runItem(
  item: RunnerItem,
  iteration: number,
  iterationCount: number,
  scopes: VariableScopes,
  deps: RunnerDeps,
  options: RunOptions,
): Promise<RequestRunResult> {
  const result: RequestRunResult = {
    iteration,
    itemId: item.id,
    name: item.name,
    path: item.path,
    method: item.draft.method,
    url: item.draft.url,
    status: null,
    reasonPhrase: '',
    timeMs: null,
    sizeBytes: 0,
    tests: [],
    console: [],
    errors: [],
    scriptRequests: 0,
  };
  const host: ScriptHost = { sendRequest: (r) => scriptSend(r, deps, () => result.scriptRequests++) };
  const info = (eventName: 'prerequest' | 'test') => ({
    eventName,
    iteration,
    iterationCount,
    requestName: item.name,
    requestId: item.id,
  });
  const runScript = async (
    code: string,
    event: 'prerequest' | 'test',
    request: ScriptRequest,
    response: ScriptResponse | null,
  ) => {
    const input: ScriptRunInput = { code, label: item.name, info: info(event), scopes, request, response };
    if (options.scriptTimeLimitMs !== undefined) input.timeLimitMs = options.scriptTimeLimitMs;
    const out = await deps.sandbox.run(input, host);
    Object.assign(scopes, out.scopes);
    result.console.push(...out.console);
    result.tests.push(...out.tests);
    if (out.error !== null)
      result.errors.push(`${event === 'prerequest' ? 'Pre-request' : 'Post-response'} script: ${out.error}`);
    return out;
  };

  // Pre-request scripts edit the draft before it is resolved.
  let draft: RequestDraft = item.draft;
  for (const code of item.preRequest.filter((c) => c.trim() !== '')) {
    const before = scriptRequestFromDraft(draft);
    const out = await runScript(code, 'prerequest', before, null);
    if (out.error !== null) return result;
    draft = applyScriptRequest(draft, before, out.request, deps.newId);
  }
  result.method = draft.method;
  result.url = draft.url;

  const resolved = resolveRequest(draft, {
    variables: mergedVariables(scopes),
    dynamic: deps.dynamic(),
    transport: deps.transport ?? 'proxy',
  });
  if (resolved.request === null) {
    result.errors.push(...resolved.problems.filter((p) => p.severity === 'error').map((p) => p.message));
    return result;
  }
  const sent = resolved.request;
  result.method = sent.method;
  result.url = sent.url;
  let response: ScriptResponse;
  try {
    const record = await deps.send(sent);
    response = scriptResponseFromRecord(record);
  } catch (e) {
    result.errors.push(e instanceof Error ? e.message : String(e));
    return result;
  }
  result.status = response.code;
  result.reasonPhrase = response.status;
  result.timeMs = response.responseTime;
  result.sizeBytes = response.responseSize;

  const request = scriptRequestFromEffective(sent);
  for (const code of item.postResponse.filter((c) => c.trim() !== '')) {
    await runScript(code, 'test', request, response);
  }
  const checked = evaluateAssertions(draft.assertions ?? [], response);
  result.tests.push(
    ...checked.results.map(({ name, status, error }) =>
      error === undefined ? { name, status } : { name, status, error },
    ),
  );
  Object.assign(scopes.environment, checked.variables);
  return result;
}

/** `pm.sendRequest`: the script's request as a draft, resolved (no variables) and sent like any other. */
async function scriptSend(request: ScriptRequest, deps: RunnerDeps, count: () => void): Promise<ScriptResponse> {
  const resolved = resolveRequest(draftFromScriptRequest(request, deps.newId), {
    dynamic: deps.dynamic(),
    transport: deps.transport ?? 'proxy',
  });
  if (resolved.request === null) {
    throw new Error(
      resolved.problems
        .filter((p) => p.severity === 'error')
        .map((p) => p.message)
        .join(' '),
    );
  }
  count();
  return scriptResponseFromRecord(await deps.send(resolved.request));
}
