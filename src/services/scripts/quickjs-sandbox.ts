/**
 * The script sandbox: each script runs in a fresh QuickJS runtime compiled to WebAssembly
 * (quickjs-emscripten), with a time limit (interrupt handler) and a memory limit. The same
 * code runs in the browser's script Worker and in the CLI, so scripts behave the same in both
 * (docs/scripts.md). The script sees only what `PM_PRELUDE` builds from JSON; it has no
 * `fetch`, DOM, storage, `importScripts` or Node API, because QuickJS has none of them.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { PM_PRELUDE, wrapScript } from '../../core/scripts/pm-prelude.ts';
import type {
  ConsoleEntry,
  ScriptHost,
  ScriptRequest,
  ScriptRunInput,
  ScriptRunResult,
  ScriptSandbox,
  TestResult,
  VariableScopeName,
  VariableScopes,
} from '../../core/scripts/types.ts';

export const DEFAULT_TIME_LIMIT_MS = 5000;
export const DEFAULT_MEMORY_LIMIT_BYTES = 32 * 1024 * 1024;
/** QuickJS's own stack, so deep recursion ends with a RangeError instead of overflowing WebAssembly's. */
const MAX_STACK_BYTES = 512 * 1024;

class Budget {
  private left: number;
  private deadline = Infinity;
  constructor(ms: number) {
    this.left = ms;
  }
  /** Runs `fn` (QuickJS code) with the time left; returns whether the limit was hit. */
  within<T>(fn: () => T): T {
    const start = Date.now();
    this.deadline = start + this.left;
    try {
      return fn();
    } finally {
      this.left -= Date.now() - start;
      this.deadline = Infinity;
    }
  }
  expired = () => Date.now() > this.deadline;
}

/**
 * A sandbox over a loaded QuickJS module. `chaiSource` is chai 4's browser build, evaluated
 * inside the sandbox the first time a script reads `pm.expect` (so scripts that do not
 * assert do not pay ~50 ms for it).
 */
export function createQuickJsSandbox(module: QuickJSWASMModule, chaiSource: string): ScriptSandbox {
  return { run: (input, host) => runScript(module, chaiSource, input, host) };
}

async function runScript(
  module: QuickJSWASMModule,
  chaiSource: string,
  input: ScriptRunInput,
  host: ScriptHost,
): Promise<ScriptRunResult> {
  const timeLimit = input.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const memoryLimit = input.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT_BYTES;
  const scopes = cloneScopes(input.scopes);
  const tests: TestResult[] = [];
  const consoleEntries: ConsoleEntry[] = [];
  const errors: string[] = [];
  let request: ScriptRequest = input.request;
  const budget = new Budget(timeLimit);
  const outstanding = new Set<Promise<void>>();
  let next: { value: string | null } | null = null;

  const runtime: QuickJSRuntime = module.newRuntime();
  runtime.setMemoryLimit(memoryLimit);
  runtime.setMaxStackSize(MAX_STACK_BYTES);
  runtime.setInterruptHandler(budget.expired);
  const ctx: QuickJSContext = runtime.newContext();
  const limitMessage = (raw: string): string => {
    if (/interrupted/.test(raw))
      return `The script ran longer than ${timeLimit} ms and was stopped (time limit). Look for an endless loop.`;
    if (/out of memory/i.test(raw))
      return `The script used more than ${Math.round(memoryLimit / 1048576)} MiB and was stopped (memory limit).`;
    return raw;
  };
  const dumpError = (h: QuickJSHandle): string => {
    const e: unknown = ctx.dump(h);
    h.dispose();
    if (e && typeof e === 'object' && 'message' in e) {
      const { name, message } = e as { name?: unknown; message?: unknown };
      return limitMessage(`${typeof name === 'string' ? name : 'Error'}: ${String(message)}`);
    }
    return limitMessage(String(e));
  };
  const evalOrFail = (code: string, file: string): boolean => {
    const r = budget.within(() => ctx.evalCode(code, file));
    if (r.error) {
      errors.push(dumpError(r.error));
      return false;
    }
    r.value.dispose();
    return true;
  };
  const pump = (): boolean => {
    const r = budget.within(() => runtime.executePendingJobs());
    if (r.error) {
      errors.push(dumpError(r.error));
      return false;
    }
    return true;
  };

  try {
    installBridge(ctx, {
      input: JSON.stringify({
        info: input.info,
        scopes,
        request: input.request,
        response: input.response,
        cookies: input.cookies ?? [],
      }),
      chaiSource,
      set: (scope, name, value) => {
        const target = scopes[scope];
        if (value === undefined) delete target[name];
        else target[name] = value;
      },
      test: (name, status, error) => tests.push(error === undefined ? { name, status } : { name, status, error }),
      log: (level, text) => consoleEntries.push({ level, text }),
      fail: (text) => errors.push(text),
      next: (value) => {
        next = { value };
      },
      done: (error) => {
        if (error !== undefined) errors.push(limitMessage(error));
      },
      send: (json) => {
        const deferred = ctx.newPromise();
        const op = host
          .sendRequest(JSON.parse(json) as ScriptRequest)
          .then(
            (response) => {
              if (!ctx.alive) return;
              const s = ctx.newString(JSON.stringify(response));
              deferred.resolve(s);
              s.dispose();
            },
            (error: unknown) => {
              if (!ctx.alive) return;
              const e = ctx.newError(error instanceof Error ? error.message : String(error));
              deferred.reject(e);
              e.dispose();
            },
          )
          .finally(() => outstanding.delete(op));
        outstanding.add(op);
        return deferred.handle;
      },
    });
    if (evalOrFail(PM_PRELUDE, 'prelude.js') && evalOrFail(wrapScript(input.code), 'script.js')) {
      // Run the promise jobs; wait for each pm.sendRequest the script started, then run what it unblocked.
      let ok = pump();
      while (ok && outstanding.size > 0) {
        await Promise.race(outstanding);
        ok = pump();
      }
      if (ok && errors.length === 0) {
        const r = budget.within(() => ctx.evalCode('__parley_out()'));
        if (r.error) errors.push(dumpError(r.error));
        else {
          request = JSON.parse(ctx.getString(r.value)) as ScriptRequest;
          r.value.dispose();
        }
      }
    }
  } finally {
    ctx.dispose();
    runtime.dispose();
  }
  const result: ScriptRunResult = { scopes, request, tests, console: consoleEntries, error: errors[0] ?? null };
  if (next !== null) result.nextRequest = (next as { value: string | null }).value;
  return result;
}

interface Bridge {
  input: string;
  chaiSource: string;
  set(scope: VariableScopeName, name: string, value: string | undefined): void;
  test(name: string, status: TestResult['status'], error: string | undefined): void;
  log(level: ConsoleEntry['level'], text: string): void;
  fail(text: string): void;
  /** `setNextRequest`: a request name or id; `null` = stop. */
  next(value: string | null): void;
  done(error: string | undefined): void;
  send(json: string): QuickJSHandle;
}

const SCOPES = new Set(['globals', 'collectionVariables', 'environment', 'locals']);
const LEVELS = new Set(['log', 'info', 'warn', 'error', 'debug']);
const STATUSES = new Set(['passed', 'failed', 'skipped']);

/** Installs `globalThis.__parley`: string-only functions (PM_PRELUDE's doc lists them). */
function installBridge(ctx: QuickJSContext, b: Bridge): void {
  const obj = ctx.newObject();
  const str = (h: QuickJSHandle | undefined): string | undefined =>
    h === undefined || ctx.typeof(h) === 'undefined' ? undefined : ctx.getString(h);
  const fn = (name: string, impl: (...args: QuickJSHandle[]) => QuickJSHandle | undefined) => {
    const f = ctx.newFunction(name, impl);
    ctx.setProp(obj, name, f);
    f.dispose();
  };
  fn('input', () => ctx.newString(b.input));
  fn('chai', () => ctx.newString(b.chaiSource));
  fn('set', (scope, name, value) => {
    const s = str(scope) ?? '';
    if (SCOPES.has(s)) b.set(s as VariableScopeName, str(name) ?? '', str(value));
    return undefined;
  });
  fn('test', (name, status, error) => {
    const s = str(status) ?? '';
    if (STATUSES.has(s)) b.test(str(name) ?? '', s as TestResult['status'], str(error));
    return undefined;
  });
  fn('log', (level, text) => {
    const l = str(level) ?? 'log';
    b.log((LEVELS.has(l) ? l : 'log') as ConsoleEntry['level'], str(text) ?? '');
    return undefined;
  });
  fn('fail', (text) => {
    b.fail(str(text) ?? 'Error');
    return undefined;
  });
  fn('next', (value) => {
    b.next(str(value) ?? null);
    return undefined;
  });
  fn('done', (error) => {
    b.done(str(error));
    return undefined;
  });
  fn('send', (json) => b.send(str(json) ?? '{}'));
  ctx.setProp(ctx.global, '__parley', obj);
  obj.dispose();
}

function cloneScopes(s: VariableScopes): VariableScopes {
  return {
    globals: { ...s.globals },
    collectionVariables: { ...s.collectionVariables },
    environment: { ...s.environment },
    iterationData: { ...s.iterationData },
    locals: { ...s.locals },
  };
}
