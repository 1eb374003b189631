/**
 * Scripts and assertions around a single Send (issue 15): the results shown in the response's
 * Tests and Console tabs, and the events the Send path calls. The sandbox, the Worker and the
 * assertion evaluator load with import() only for a request that has scripts or assertions.
 * Environment changes made by scripts go into the active environment (one is created, named
 * "Script variables", when none is active); globals and collection variables live for the session.
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

/** Session scopes that are not an environment. */
const session = { globals: {} as Record<string, string>, collectionVariables: {} as Record<string, string> };

/** Whether a draft has anything for the sandbox or the assertion evaluator. */
export const hasScriptsOrAssertions = (d: RequestDraft): boolean =>
  (d.scripts?.preRequest.trim() ?? '') !== '' ||
  (d.scripts?.postResponse.trim() ?? '') !== '' ||
  (d.assertions ?? []).some((a) => a.enabled);

function scopesNow(): VariableScopes {
  const { environments, activeId } = getEnvironmentsState();
  return {
    globals: { ...session.globals },
    collectionVariables: { ...session.collectionVariables },
    environment: { ...activeVariables(environments, activeId) },
    iterationData: {},
    locals: {},
  };
}

function keep(before: VariableScopes, after: VariableScopes): void {
  session.globals = after.globals;
  session.collectionVariables = after.collectionVariables;
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
  if ((draft.scripts?.preRequest.trim() ?? '') === '') return { draft };
  const { runPreRequest } = await import('./script-session.ts');
  const scopes = scopesNow();
  const { draft: next, run } = await runPreRequest(draft, scopes, transport);
  keep(scopes, run.scopes);
  const errors = run.error === null ? [] : [`Pre-request script: ${run.error}`];
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
    const scopes = scopesNow();
    const out = await runPostResponse(draft, request, response, scopes, transport);
    if (out.run) keep(scopes, out.run.scopes);
    if (Object.keys(out.variables).length > 0) scriptVariablesWritten(out.variables);
    useScriptStore.setState({
      results: {
        tests: [...base.tests, ...(out.run?.tests ?? [])],
        assertions: out.assertions,
        console: [...base.console, ...(out.run?.console ?? [])],
        errors: [...base.errors, ...(out.run?.error ? [`Post-response script: ${out.run.error}`] : [])],
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
