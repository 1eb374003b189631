/**
 * The collection runner engine (issue 15 §4): for each iteration, each request in order runs
 * its pre-request scripts (outermost first), is resolved by `resolveRequest()` with its scope
 * chain (inherited headers and auth, so it is sent as every other view shows it), sent through
 * the injected transport, then its post-response scripts (outermost first, as Postman) and
 * assertion rows run. Variables flow between requests (chaining); `setNextRequest` changes the
 * order (docs/scripts.md). Pure orchestration: no I/O of its own.
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
import type { ScopeLayer } from '../library/scope.ts';
import type { RequestRunResult, RunnerCollection, RunnerDeps, RunnerItem, RunOptions, RunSummary } from './types.ts';

/**
 * All scopes merged for `{{name}}` substitution: narrowest wins (Postman's precedence: globals <
 * collection < environment < iteration data < locals). `folders` (enabled rows of the folder
 * layers, outer → inner) sit between the collection and the environment, as `resolveRequest`
 * orders scopes (docs/workspace-model.md).
 */
export function mergedVariables(scopes: VariableScopes, folders: readonly ScopeLayer[] = []): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const name of [...LOOKUP_ORDER].reverse()) {
    Object.assign(out, scopes[name]);
    if (name === 'collectionVariables')
      for (const layer of folders)
        for (const row of layer.defaults.variables)
          if (row.enabled && row.name.trim() !== '') out[row.name.trim()] = row.value;
  }
  return out;
}

/** Default of `maxRequestsPerIteration` (the `setNextRequest` loop guard). */
export const MAX_REQUESTS_PER_ITERATION = 1000;

/**
 * Where the run goes after the request at `index`: the next in order, or — when a script called
 * `setNextRequest` — the first item whose name (else id) is `next`; `null` ends the iteration.
 * Returns the index, or `{ end: reason }` (`reason` `''` when ending is what was asked).
 */
export function nextIndex(
  items: readonly RunnerItem[],
  index: number,
  next: string | null | undefined,
): number | { end: string } {
  if (next === undefined) return index + 1;
  if (next === null) return { end: '' };
  const byName = items.findIndex((i) => i.name === next);
  const found = byName >= 0 ? byName : items.findIndex((i) => i.id === next);
  return found >= 0
    ? found
    : { end: `setNextRequest("${next}"): no request of that name or id in this run; the iteration ended here.` };
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
  const limit = Math.max(1, options.maxRequestsPerIteration ?? MAX_REQUESTS_PER_ITERATION);
  const failed = (r: RequestRunResult) => r.errors.length > 0 || r.tests.some((t) => t.status === 'failed');
  outer: for (let iteration = 0; iteration < iterations; iteration++) {
    scopes.iterationData = { ...(data.length > 0 ? data[iteration % data.length] : {}) };
    scopes.locals = {};
    let index = 0;
    let count = 0;
    while (index < collection.items.length) {
      const item = collection.items[index] as RunnerItem;
      if (options.signal?.aborted) {
        stoppedEarly = true;
        break outer;
      }
      if (!first && (options.delayMs ?? 0) > 0) await deps.sleep(options.delayMs ?? 0);
      first = false;
      const result = await runItem(item, iteration, iterations, scopes, deps, options);
      count++;
      const to = nextIndex(collection.items, index, result.nextRequest);
      if (typeof to === 'object' && to.end !== '') result.errors.push(to.end);
      const looping = typeof to === 'number' && to < collection.items.length && count >= limit;
      if (looping)
        result.errors.push(
          `The run was stopped after ${limit} requests in iteration ${iteration + 1}: setNextRequest keeps jumping back (loop guard).`,
        );
      results.push(result);
      options.onResult?.(result);
      if (looping) {
        stoppedEarly = true;
        break outer;
      }
      const last = iteration === iterations - 1 && (typeof to === 'object' || to >= collection.items.length);
      if (options.bail && failed(result)) {
        stoppedEarly = !last;
        break outer;
      }
      if (typeof to === 'object') break;
      index = to;
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
    if (deps.cookies) input.cookies = cookiesFor(deps.cookies, request.url);
    const out = await deps.sandbox.run(input, host);
    Object.assign(scopes, out.scopes);
    if (out.nextRequest !== undefined) result.nextRequest = out.nextRequest;
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

  // Scope variables are merged here (scripts may have changed the collection's); the layers give headers and auth.
  const layers = item.scopes ?? [];
  const cookies = deps.cookies;
  const resolved = resolveRequest(draft, {
    variables: mergedVariables(
      scopes,
      layers.filter((l) => l.kind === 'folder'),
    ),
    scopes: layers.map((l) => ({ ...l, defaults: { ...l.defaults, variables: [] } })),
    dynamic: deps.dynamic(),
    transport: deps.transport ?? 'proxy',
    ...(cookies ? { cookieFor: (url: string) => cookies.header(url) } : {}),
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
    deps.cookies?.received?.(sent.url, record.headers);
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

/** The jar's cookies for a script's request URL; a URL with `{{vars}}` left (pre-request) or unparsable gives none. */
function cookiesFor(jar: NonNullable<RunnerDeps['cookies']>, url: string) {
  try {
    return jar.for(new URL(url).href);
  } catch {
    return [];
  }
}
