/**
 * "Load test" for the current request (a lazy chunk): settings, Start/Stop, live figures polled
 * from Parley's server every 500 ms, "Export as k6 script", and the request's saved runs side by
 * side. The request is the resolved one (`useResolved()`), the same that Send sends.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Notice } from '../../components/ui.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { useResolved } from '../../stores/request-derived.ts';
import { checkLoadConfig, DEFAULT_LOAD_CONFIG, type LoadTestConfig } from '../../core/load/config.ts';
import type { LoadSnapshot } from '../../core/load/wire.ts';
import { k6Script } from '../../core/load/k6.ts';
import { loadRunsKey } from '../../core/load/saved-runs.ts';
import { readLoadTest, startLoadTest, stopLoadTest } from '../../services/load-client.ts';
import { readLoadRuns, saveLoadRun } from '../../services/load-runs.ts';
import { LoadTestForm } from './LoadTestForm.tsx';
import { CompareRuns, LoadFiguresView } from './LoadFiguresView.tsx';

const POLL_MS = 500;
let lastConfig: LoadTestConfig = DEFAULT_LOAD_CONFIG;

export function LoadTestButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} title="Load-test this request through Parley's server">
        Load test
      </Button>
      {open && <LoadTestDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function LoadTestDialog({ onClose }: { onClose: () => void }) {
  const resolved = useResolved();
  const request = resolved.request;
  const [config, setConfig] = useState<LoadTestConfig>(lastConfig);
  const [run, setRun] = useState<LoadSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [k6, setK6] = useState<string | null>(null);
  const key = request ? loadRunsKey(null, request.method, request.url) : null;
  const [saved, setSaved] = useState<LoadSnapshot[]>(() => (key ? readLoadRuns(key) : []));
  const [compare, setCompare] = useState(false);
  const runId = useRef<string | null>(null);
  const running = run?.state === 'running';
  const problems = checkLoadConfig(config);

  useEffect(() => {
    if (!running || !run) return;
    const id = run.id;
    const timer = setInterval(() => {
      readLoadTest(id).then(
        (snap) => {
          if (runId.current !== id) return;
          setRun(snap);
          if (snap.state !== 'running' && key) {
            const result = saveLoadRun(key, snap);
            setSaved(result.runs);
            if (result.error) setError(result.error);
          }
        },
        (err: unknown) => setError((err as Error).message),
      );
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, run?.id, key]); // eslint-disable-line react-hooks/exhaustive-deps -- polls per run, not per snapshot

  const change = (next: LoadTestConfig) => {
    lastConfig = next;
    setConfig(next);
    setK6(null);
  };

  const start = () => {
    if (!request) return;
    setError(null);
    startLoadTest(request, config).then(
      (id) => {
        runId.current = id;
        return readLoadTest(id).then(setRun);
      },
      (err: unknown) => setError((err as Error).message),
    );
  };

  const stop = () => {
    if (!run) return;
    stopLoadTest(run.id).then(setRun, (err: unknown) => setError((err as Error).message));
  };

  return (
    <Dialog title="Load test" onClose={onClose} size="large">
      <div className="flex max-h-[75vh] flex-col gap-3 overflow-y-auto">
        {!request ? (
          <Notice tone="error">
            No load test until the request can be sent:{' '}
            {resolved.problems
              .filter((p) => p.severity === 'error')
              .map((p) => p.message)
              .join(' ')}
          </Notice>
        ) : (
          <p className="truncate font-mono text-xs text-slate-700" title={request.url}>
            {request.method} {request.url}
          </p>
        )}
        <LoadTestForm config={config} onChange={change} disabled={running} />
        {problems.length > 0 && <Notice tone="warning">{problems.join(' ')}</Notice>}
        <div className="flex flex-wrap items-center gap-2">
          {running ? (
            <Button variant="primary" onClick={stop}>
              Stop
            </Button>
          ) : (
            <Button variant="primary" onClick={start} disabled={!request || problems.length > 0}>
              Start
            </Button>
          )}
          <Button onClick={() => request && setK6(k6Script(request, config).text)} disabled={!request}>
            Export as k6 script
          </Button>
          <Button onClick={() => setCompare((c) => !c)} disabled={saved.length === 0} aria-pressed={compare}>
            Compare saved runs ({saved.length})
          </Button>
          <span role="status" aria-label="Load test status" className="text-xs text-slate-600">
            {run === null
              ? ''
              : run.state === 'running'
                ? `Running… ${(run.elapsedMs / 1000).toFixed(1)} s`
                : run.state === 'done'
                  ? 'Done'
                  : run.state === 'stopped'
                    ? `Stopped${run.message ? `: ${run.message}` : ''}`
                    : `Failed: ${run.message ?? ''}`}
          </span>
        </div>
        {error && (
          <p role="alert" className="text-xs text-red-700">
            {error}
          </p>
        )}
        {k6 !== null && (
          <div className="flex flex-col gap-1">
            <div className="flex items-center gap-2 text-xs text-slate-600">
              <span>
                k6 script (same request, rate model and thresholds). k6 is not installed here: Parley checks these
                scripts by parsing them.
              </span>
              <Button
                className="ml-auto"
                onClick={() => void navigator.clipboard?.writeText(k6).catch(() => undefined)}
              >
                Copy
              </Button>
            </div>
            <textarea
              aria-label="k6 script"
              readOnly
              value={k6}
              className="h-48 w-full rounded-md border border-slate-300 p-2 font-mono text-[11px]"
            />
          </div>
        )}
        {compare && saved.length > 0 && <CompareRuns runs={saved} />}
        {run && <LoadFiguresView run={run} />}
      </div>
    </Dialog>
  );
}
