/**
 * Shapes that cross the script sandbox boundary (docs/scripts.md). Everything here is plain
 * JSON: the sandbox (QuickJS in WebAssembly, `src/services/scripts`) gets a `ScriptRunInput`
 * and gives back a `ScriptRunResult`; the only live channel is `ScriptHost.sendRequest`.
 * Names follow Postman's sandbox (`pm.*`, `{key, value}` header objects, body `mode`).
 */

/** Variable scopes as Postman names them; values are strings (Parley's variables are text). */
export interface VariableScopes {
  globals: Record<string, string>;
  collectionVariables: Record<string, string>;
  environment: Record<string, string>;
  /** The data file's row of this iteration (`pm.iterationData`); read-only for scripts. */
  iterationData: Record<string, string>;
  /** `pm.variables.set` values: the narrowest scope, kept for the rest of the run. */
  locals: Record<string, string>;
}

export type VariableScopeName = keyof VariableScopes;

/** The scope names scripts may write, in the order `pm.variables.get` does NOT look them up. */
export const WRITABLE_SCOPES = ['globals', 'collectionVariables', 'environment', 'locals'] as const;

/** `pm.variables.get(name)` looks in this order, narrowest first (Postman's precedence). */
export const LOOKUP_ORDER: readonly VariableScopeName[] = [
  'locals',
  'iterationData',
  'environment',
  'collectionVariables',
  'globals',
];

/** A header field as scripts see it (`pm.request.headers`): Postman's `{key, value}`. */
export interface ScriptHeader {
  key: string;
  value: string;
  disabled?: boolean;
}

/**
 * A request body as scripts see it. `raw` = JSON/text/XML text; `urlencoded` = form fields;
 * `formdata` = multipart (text parts only are editable); `file` = binary; `none` = no body.
 */
export interface ScriptBody {
  mode: 'none' | 'raw' | 'urlencoded' | 'formdata' | 'file';
  raw?: string;
  urlencoded?: ScriptHeader[];
  formdata?: ScriptHeader[];
}

/** `pm.request`: target URI (with query, variables as typed in pre-request), method, header fields, body. */
export interface ScriptRequest {
  url: string;
  method: string;
  headers: ScriptHeader[];
  body: ScriptBody;
}

/** `pm.response` and what `pm.sendRequest` yields. `body` is the content decoded as UTF-8 text. */
export interface ScriptResponse {
  /** Status code (RFC 9110 §15). */
  code: number;
  /** Reason phrase (`pm.response.status`). */
  status: string;
  /** Header fields in order, duplicates kept. */
  headers: [string, string][];
  /** Milliseconds from send to the last byte. */
  responseTime: number;
  /** Octets of content received. */
  responseSize: number;
  body: string;
}

/** `pm.info`. `eventName` is Postman's: `prerequest` or `test` (post-response). */
export interface ScriptInfo {
  eventName: 'prerequest' | 'test';
  /** 0-based, as Postman. */
  iteration: number;
  iterationCount: number;
  requestName: string;
  requestId: string;
}

/** One `pm.test` (or assertion) outcome. `error` is `Name: message` of what failed, e.g. `AssertionError: expected 1 to equal 2`. */
export interface TestResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  error?: string;
}

export interface ConsoleEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  /** The arguments formatted and joined with a space, as a console shows them. */
  text: string;
}

/**
 * A cookie of the jar as `pm.cookies` shows it (Postman's Cookie: `name`, `value`, `domain`,
 * `path`, `expires` as an ISO 8601 date or absent for a session cookie, `secure`, `httpOnly`).
 */
export interface ScriptCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires?: string;
  secure: boolean;
  httpOnly: boolean;
}

/** What the sandbox needs for one script. Limits default to 5000 ms of script time and 32 MiB. */
export interface ScriptRunInput {
  code: string;
  /** Shown in error messages, e.g. `pre-request script of "Login"`. */
  label: string;
  info: ScriptInfo;
  scopes: VariableScopes;
  request: ScriptRequest;
  /** `null` in a pre-request script. */
  response: ScriptResponse | null;
  /** The jar's cookies for the request's target URI (`pm.cookies`). Default none. */
  cookies?: ScriptCookie[];
  /** Milliseconds of script execution (waiting on `pm.sendRequest` not counted). Default 5000. */
  timeLimitMs?: number;
  /** Bytes of the QuickJS heap. Default 32 MiB. */
  memoryLimitBytes?: number;
}

/**
 * What one script left behind. `scopes` and `console`/`tests` hold everything done before an
 * error too; `request` is the request after the script (unchanged when it failed); `error`
 * is `null` on success, otherwise one sentence such as `ReferenceError: 'fetch' is not defined (line 1)`.
 */
export interface ScriptRunResult {
  scopes: VariableScopes;
  request: ScriptRequest;
  tests: TestResult[];
  console: ConsoleEntry[];
  error: string | null;
  /**
   * `pm.execution.setNextRequest(x)` / `postman.setNextRequest(x)`: the last value given (a
   * request name or id, `null` = stop); absent when the script did not call it. Runner only.
   */
  nextRequest?: string | null;
}

/** The live channel from the sandbox to Parley: `pm.sendRequest` goes through Parley's transport. */
export interface ScriptHost {
  /** Sends a request; rejects with an Error whose message says why nothing was received. */
  sendRequest(request: ScriptRequest): Promise<ScriptResponse>;
}

/** A script engine: the QuickJS sandbox (browser Worker, Node) or a test double. */
export interface ScriptSandbox {
  run(input: ScriptRunInput, host: ScriptHost): Promise<ScriptRunResult>;
}

/** Empty scopes. */
export function emptyScopes(): VariableScopes {
  return { globals: {}, collectionVariables: {}, environment: {}, iterationData: {}, locals: {} };
}
