/**
 * The collection runner's shapes (issue 15 §4). The engine (`run-collection.ts`) is pure
 * orchestration: transport, sandbox, clock and randomness are injected, so the app and the
 * CLI run the same code.
 */
import type { RequestDraft } from '../model/draft.ts';
import type { ResponseRecord } from '../model/response.ts';
import type { EffectiveRequest, Transport } from '../resolve/types.ts';
import type { DynamicValues } from '../variables/dynamic.ts';
import type { ConsoleEntry, ScriptCookie, ScriptSandbox, TestResult, VariableScopes } from '../scripts/types.ts';
import type { ScopeLayer } from '../library/scope.ts';

/** One request to run, with the scripts that apply to it. */
export interface RunnerItem {
  id: string;
  name: string;
  /** Folder names from the collection down, for reports (`["Auth", "Tokens"]`). */
  path: string[];
  draft: RequestDraft;
  /** Pre-request scripts, OUTERMOST first: collection, folders, then the request's own. Empty strings are skipped. */
  preRequest: string[];
  /** Post-response scripts, outermost first (Postman's order for test scripts too). */
  postResponse: string[];
  /**
   * The request's scope chain (`scopeChain()`: collection, then folders outer → inner). Their
   * header rows and auth (for "Inherit from parent") apply through `resolveRequest`; folder
   * variables sit between collection variables and the environment. Default none.
   */
  scopes?: ScopeLayer[];
}

/** What the runner runs: the ordered requests of a collection or folder and the collection's variables. */
export interface RunnerCollection {
  name: string;
  items: RunnerItem[];
  /** `pm.collectionVariables` at the start. */
  variables: Record<string, string>;
}

/** What the runner needs of a response. */
export type RunnerResponse = Pick<ResponseRecord, 'status' | 'reasonPhrase' | 'headers' | 'body' | 'totalMs'>;

/** Side effects, injected. */
export interface RunnerDeps {
  /** Sends the request exactly as resolved; rejects with an Error saying why no response came. */
  send(request: EffectiveRequest): Promise<RunnerResponse>;
  sandbox: ScriptSandbox;
  /** Fresh `{{$guid}}`… values for one request (`makeDynamicValues(Date.now(), random)`). */
  dynamic(): DynamicValues;
  newId: () => string;
  /** Waits `ms` milliseconds (the delay between requests). */
  sleep(ms: number): Promise<void>;
  /** How requests are resolved (`proxy` default; the browser's direct mode drops forbidden headers). */
  transport?: Transport;
  /**
   * The cookie jar's cookies that would be sent to a target URI (`pm.cookies`), and the
   * `Cookie` field value for it (`resolveRequest`'s `cookieFor`). Default: no jar (no cookies).
   */
  cookies?: {
    for(url: string): ScriptCookie[];
    header(url: string): string;
    /** A response came from `url`: its Set-Cookie fields go into the jar (the CLI's run jar). */
    received?(url: string, headers: readonly [string, string][]): void;
  };
}

export interface RunOptions {
  /** Default: the number of data rows, or 1. */
  iterations?: number;
  /** One row per iteration (`pm.iterationData`); reused from the start when there are more iterations than rows. */
  data?: Record<string, string>[];
  /** Milliseconds between two requests. Default 0. */
  delayMs?: number;
  /** Stop after the first request with a failed test or an error. */
  bail?: boolean;
  environment?: Record<string, string>;
  globals?: Record<string, string>;
  /** Script time limit in ms (default the sandbox's, 5000). */
  scriptTimeLimitMs?: number;
  /**
   * Loop guard for `pm.execution.setNextRequest`: at most this many requests in one iteration;
   * the run stops with an error when a script keeps jumping back. Default 1000.
   */
  maxRequestsPerIteration?: number;
  /** Stops before the next request once `aborted` is true (the Runner dialog's Stop). */
  signal?: { readonly aborted: boolean };
  /** Called after each request, in order (the live table). */
  onResult?(result: RequestRunResult): void;
}

/** One request of one iteration. */
export interface RequestRunResult {
  /** 0-based. */
  iteration: number;
  itemId: string;
  name: string;
  path: string[];
  method: string;
  /** The target URI as sent, or the draft's URL when nothing was sent. */
  url: string;
  /** `null` when nothing was received. */
  status: number | null;
  reasonPhrase: string;
  /** Milliseconds from send to last byte; `null` when nothing was received. */
  timeMs: number | null;
  /** Octets of content received. */
  sizeBytes: number;
  /** `pm.test` results of the post-response scripts, then the assertion rows. */
  tests: TestResult[];
  console: ConsoleEntry[];
  /** Script errors, request problems and transport failures, as sentences. */
  errors: string[];
  /** How many requests `pm.sendRequest` made. */
  scriptRequests: number;
  /**
   * What `pm.execution.setNextRequest` / `postman.setNextRequest` asked for (the last call of
   * this request's scripts): a request name or id, `null` = end the iteration; absent = not called.
   */
  nextRequest?: string | null;
}

export interface RunSummary {
  collection: string;
  iterations: number;
  results: RequestRunResult[];
  totals: { requests: number; tests: number; passed: number; failed: number; skipped: number; errors: number };
  /** True when `bail` or a Stop ended the run early. */
  stoppedEarly: boolean;
  /** Variables at the end (environment, globals, collection variables) — what a run hands back. */
  scopes: Pick<VariableScopes, 'environment' | 'globals' | 'collectionVariables'>;
}
