/**
 * The collection Runner dialog's state (issue 15 §4): options, the live results table and the
 * summary. The engine (`core/runner`), the sandbox Worker and the reporters load with import()
 * when a run starts. Variable changes made by the run are stored as after a single Send
 * (docs/scripts.md): environment → the active environment, `pm.globals` → the global variables,
 * `pm.collectionVariables` → the collection record. Cookies: the active environment's jar
 * (proxy mode), read by `pm.cookies` and sent, Set-Cookie stored.
 */
import { create } from 'zustand';
import type { RequestRunResult, RunSummary } from '../core/runner/types.ts';
import { readProxyToken } from '../services/proxy-token.ts';
import { getTransportKind } from './settings-store.ts';
import { getEnvironmentsState, scriptVariablesWritten } from './environments-store.ts';
import { activeVariables } from '../core/variables/substitute.ts';
import { putRecord, useLibraryStore } from './library-store.ts';
import { getGlobals, globalsWrittenByScript } from './globals-store.ts';
import { rowsAfterScript, rowsAsScope } from '../core/variables/script-writes.ts';
import { newId } from '../core/model/ids.ts';
import { jarCookieFor, jarCookiesFor, responseCookiesReceived } from './cookies-store.ts';

export interface RunnerOptionsInput {
  collectionId: string;
  iterations: number;
  delayMs: number;
  bail: boolean;
  /** CSV or JSON text of a data file; empty = none. */
  dataText: string;
}

interface RunnerState {
  open: boolean;
  running: boolean;
  results: RequestRunResult[];
  summary: RunSummary | null;
  /** Why the run could not start (bad data file, empty collection), or a warning list. */
  message: string | null;
}

const useRunnerStore = create<RunnerState>()(() => ({
  open: false,
  running: false,
  results: [],
  summary: null,
  message: null,
}));
export const useRunnerOpen = (): boolean => useRunnerStore((s) => s.open);
export const useRunnerRunning = (): boolean => useRunnerStore((s) => s.running);
export const useRunnerResults = (): RequestRunResult[] => useRunnerStore((s) => s.results);
export const useRunnerSummary = (): RunSummary | null => useRunnerStore((s) => s.summary);
export const useRunnerMessage = (): string | null => useRunnerStore((s) => s.message);

let stop: { aborted: boolean } | null = null;

export const runnerOpened = (): void => useRunnerStore.setState({ open: true });
export const runnerClosed = (): void => {
  if (stop) stop.aborted = true;
  useRunnerStore.setState({ open: false });
};
export const runStopClicked = (): void => {
  if (stop) stop.aborted = true;
};

/** Starts a run of the collection with the options; results arrive in the live table. */
export async function runStartClicked(o: RunnerOptionsInput): Promise<void> {
  if (useRunnerStore.getState().running) return;
  const [
    { runnerCollectionFromLibrary },
    { parseDataFile },
    { runCollection },
    { appRunnerDeps },
    { workerSandbox },
    proxy,
    direct,
    { scriptCookie },
  ] = await Promise.all([
    import('../core/runner/sources.ts'),
    import('../core/runner/data-file.ts'),
    import('../core/runner/run-collection.ts'),
    import('../services/scripts/runner-deps.ts'),
    import('../workers/script-protocol.ts'),
    import('../services/transport-proxy.ts'),
    import('../services/transport-direct.ts'),
    import('../core/runner/script-cookie.ts'),
  ]);
  const lib = useLibraryStore.getState();
  const source = runnerCollectionFromLibrary(
    {
      collections: Object.values(lib.collections),
      folders: Object.values(lib.folders),
      requests: Object.values(lib.requests),
    },
    o.collectionId,
  );
  if (!source.ok) return void useRunnerStore.setState({ message: source.message });
  let data: Record<string, string>[] | undefined;
  if (o.dataText.trim() !== '') {
    const parsed = parseDataFile(o.dataText);
    if (!parsed.ok) return void useRunnerStore.setState({ message: parsed.message });
    data = parsed.rows;
  }
  const token = readProxyToken();
  const transport =
    getTransportKind() === 'proxy' && token !== null
      ? proxy.createProxyTransport(token)
      : direct.createDirectTransport();
  const sandbox = workerSandbox(
    () => new Worker(new URL('../workers/script.worker.ts', import.meta.url), { type: 'module' }) as never,
  );
  const { environments, activeId } = getEnvironmentsState();
  const environment = { ...activeVariables(environments, activeId) };
  const globals = rowsAsScope(getGlobals());
  const collectionId = o.collectionId;
  stop = { aborted: false };
  useRunnerStore.setState({ running: true, results: [], summary: null, message: source.warnings.join(' ') || null });
  try {
    const deps = appRunnerDeps(transport, sandbox);
    // The browser keeps its own cookies in direct mode; the jar is the proxy's.
    if (transport.kind === 'proxy')
      deps.cookies = {
        for: (url) => jarCookiesFor(url).map(scriptCookie),
        header: jarCookieFor,
        received: (url, headers) => responseCookiesReceived(url, headers),
      };
    const summary = await runCollection(source.collection, deps, {
      iterations: o.iterations > 0 ? o.iterations : undefined,
      data,
      delayMs: o.delayMs,
      bail: o.bail,
      environment,
      globals,
      signal: stop,
      onResult: (r) => useRunnerStore.setState((s) => ({ results: [...s.results, r] })),
    });
    const changes: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(summary.scopes.environment)) if (environment[k] !== v) changes[k] = v;
    for (const k of Object.keys(environment)) if (!(k in summary.scopes.environment)) changes[k] = null;
    if (Object.keys(changes).length > 0) scriptVariablesWritten(changes);
    const globalRows = rowsAfterScript(getGlobals(), globals, summary.scopes.globals, newId);
    if (globalRows) globalsWrittenByScript(globalRows);
    const record = useLibraryStore.getState().collections[collectionId];
    const before = source.collection.variables;
    const rows =
      record && rowsAfterScript(record.defaults.variables, before, summary.scopes.collectionVariables, newId);
    if (record && rows) putRecord('collection', { ...record, defaults: { ...record.defaults, variables: rows } });
    useRunnerStore.setState({ summary });
  } finally {
    stop = null;
    useRunnerStore.setState({ running: false });
  }
}
