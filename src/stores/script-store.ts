/**
 * Scripts and assertions around a single Send (issue 15): the results shown in the response's
 * Tests and Console tabs, and the events the Send path calls. The sandbox, the Worker and the
 * assertion evaluator load with import() only for a request that has scripts or assertions.
 * Scripts of the request's collection and folders run too (outermost first, `scopedScripts`).
 * Variable changes are stored (docs/scripts.md "What scripts may change"): the environment's into
 * the active environment (one is created, named "Script variables", when none is active),
 * `pm.globals` into the global variables, `pm.collectionVariables` into the collection record of
 * a saved request (an unsaved request has no collection: those live for the session).
 */
import { create } from 'zustand';
import type { RequestDraft } from '../core/model/draft.ts';
import type { ResponseRecord } from '../core/model/response.ts';
import type { EffectiveRequest } from '../core/resolve/types.ts';
import type { ConsoleEntry, TestResult, VariableScopes } from '../core/scripts/types.ts';
import type { AssertionResult } from '../core/assertions/evaluate.ts';
import type { Transport } from '../services/transport.ts';
import { activeVariables } from '../core/variables/substitute.ts';
import { getEnvironmentsState, scriptVariablesWritten } from './environments-store.ts';
import { scopedScripts } from '../core/scripts/scope-scripts.ts';
import { rowsAfterScript, rowsAsScope } from '../core/variables/script-writes.ts';
import type { ScopeLayer } from '../core/library/scope.ts';
import { newId } from '../core/model/ids.ts';
import { getGlobals, globalsWrittenByScript } from './globals-store.ts';
import { getScopeChain } from './request-scopes.ts';

export interface ScriptResults {
  /** `pm.test` results of the post-response script. */
  tests: TestResult[];
  assertions: AssertionResult[];
  console: ConsoleEntry[];
  /** Script errors, as sentences prefixed with the script they came from. */
  errors: string[];
  /** True while the post-response script runs. */
  running: boolean;
}

const useScriptStore = create<{ results: ScriptResults | null }>()(() => ({ results: null }));
export const useScriptResults = (): ScriptResults | null => useScriptStore((s) => s.results);

/** Collection variables of an unsaved request (no collection record to keep them in): this session only. */
let sessionCollectionVariables: Record<string, string> = {};

const collectionOf = (chain: readonly ScopeLayer[]) => (chain[0]?.kind === 'collection' ? chain[0] : null);

/** Whether a draft (with its collection's and folders' scripts) has anything for the sandbox or the assertion evaluator. */
export const hasScriptsOrAssertions = (d: RequestDraft, chain: readonly ScopeLayer[] = getScopeChain()): boolean =>
  scopedScripts(chain, d, 'preRequest').length > 0 ||
  scopedScripts(chain, d, 'postResponse').length > 0 ||
  (d.assertions ?? []).some((a) => a.enabled);

function scopesNow(chain: readonly ScopeLayer[]): VariableScopes {
  const { environments, activeId } = getEnvironmentsState();
  const collection = collectionOf(chain);
  return {
    globals: rowsAsScope(getGlobals()),
    collectionVariables: collection ? rowsAsScope(collection.defaults.variables) : { ...sessionCollectionVariables },
    environment: { ...activeVariables(environments, activeId) },
    iterationData: {},
    locals: {},
  };
}

/** Stores what the scripts changed: globals, the collection's variables, the environment. */
async function keep(chain: readonly ScopeLayer[], before: VariableScopes, after: VariableScopes): Promise<void> {
  const globals = rowsAfterScript(getGlobals(), before.globals, after.globals, newId);
  if (globals) globalsWrittenByScript(globals);
  const collection = collectionOf(chain);
  if (!collection) sessionCollectionVariables = after.collectionVariables;
  else if (rowsAfterScript([], before.collectionVariables, after.collectionVariables, newId)) {
    const lib = await import('./library-store.ts');
    const record = lib.useLibraryStore.getState().collections[collection.id];
    const rows =
      record &&
      rowsAfterScript(record.defaults.variables, before.collectionVariables, after.collectionVariables, newId);
    if (record && rows) lib.putRecord('collection', { ...record, defaults: { ...record.defaults, variables: rows } });
  }
  const changes: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(after.environment)) if (before.environment[k] !== v) changes[k] = v;
  for (const k of Object.keys(before.environment)) if (!(k in after.environment)) changes[k] = null;
  if (Object.keys(changes).length > 0) scriptVariablesWritten(changes);
}

/**
 * Before a send: runs the pre-request script. Returns the draft to resolve (with the script's
 * changes) or the error that stops the send. A draft without a pre-request script is returned as is.
 */
export async function scriptsBeforeSend(
  draft: RequestDraft,
  transport: Transport,
): Promise<{ draft: RequestDraft } | { error: string }> {
  useScriptStore.setState({ results: null });
  const chain = getScopeChain();
  const scripts = scopedScripts(chain, draft, 'preRequest');
  if (scripts.length === 0) return { draft };
  const { runPreRequest } = await import('./script-session.ts');
  const scopes = scopesNow(chain);
  const { draft: next, run } = await runPreRequest(draft, scripts, scopes, transport);
  await keep(chain, scopes, run.scopes);
  const errors = run.error === null ? [] : [run.error];
  useScriptStore.setState({
    results: { tests: run.tests, assertions: [], console: run.console, errors, running: false },
  });
  return run.error === null ? { draft: next } : { error: errors[0] as string };
}

/** After a response: runs the post-response script and the assertions; results go to the Tests tab. */
export async function scriptsAfterResponse(
  draft: RequestDraft,
  request: EffectiveRequest,
  response: ResponseRecord,
  transport: Transport,
): Promise<void> {
  if (!hasScriptsOrAssertions(draft)) return;
  const prior = useScriptStore.getState().results;
  const base: ScriptResults = prior ?? { tests: [], assertions: [], console: [], errors: [], running: false };
  useScriptStore.setState({ results: { ...base, running: true } });
  try {
    const { runPostResponse } = await import('./script-session.ts');
    const chain = getScopeChain();
    const scopes = scopesNow(chain);
    const scripts = scopedScripts(chain, draft, 'postResponse');
    const out = await runPostResponse(draft, scripts, request, response, scopes, transport);
    await keep(chain, scopes, out.run.scopes);
    if (Object.keys(out.variables).length > 0) scriptVariablesWritten(out.variables);
    useScriptStore.setState({
      results: {
        tests: [...base.tests, ...out.run.tests],
        assertions: out.assertions,
        console: [...base.console, ...out.run.console],
        errors: [...base.errors, ...out.run.errors],
        running: false,
      },
    });
  } catch (e) {
    useScriptStore.setState({
      results: {
        ...base,
        errors: [...base.errors, `Scripts could not run: ${e instanceof Error ? e.message : String(e)}`],
        running: false,
      },
    });
  }
}
