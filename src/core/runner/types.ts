/**
 * The collection runner's shapes (issue 15 §4). The engine (`run-collection.ts`) is pure
 * orchestration: transport, sandbox, clock and randomness are injected, so the app and the
 * CLI run the same code.
 */
import type { RequestDraft } from '../model/draft.ts';
import type { ResponseRecord } from '../model/response.ts';
import type { EffectiveRequest, Transport } from '../resolve/types.ts';
import type { DynamicValues } from '../variables/dynamic.ts';
import type { ConsoleEntry, ScriptSandbox, TestResult, VariableScopes } from '../scripts/types.ts';

/** One request to run, with the scripts that apply to it. */
export interface RunnerItem {
  id: string;
  name: string;
  /** Folder names from the collection down, for reports (`["Auth", "Tokens"]`). */
  path: string[];
  draft: RequestDraft;
  /** Pre-request scripts, OUTERMOST first: collection, folders, then the request's own. Empty strings are skipped. */
  preRequest: string[];
  /** Post-response scripts, outermost first. */
  postResponse: string[];
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
