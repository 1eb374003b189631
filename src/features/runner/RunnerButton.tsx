/** The Runner: a header button and its dialog (collection, iterations, data file, delay, bail, live table, exports). */
import { useState } from 'react';
import { Dialog } from '../../components/dialog.tsx';
import { Button, Notice, inputClass, selectClass } from '../../components/ui.tsx';
import { useCollections } from '../../stores/library-store.ts';
import type { RunSummary } from '../../core/runner/types.ts';
import {
  runStartClicked,
  runStopClicked,
  runnerClosed,
  runnerOpened,
  useRunnerMessage,
  useRunnerOpen,
  useRunnerResults,
  useRunnerRunning,
  useRunnerSummary,
} from '../../stores/runner-store.ts';

async function download(summary: RunSummary, kind: 'json' | 'junit') {
  const { jsonReport, junitReport } = await import('../../core/runner/reporters.ts');
  const text = kind === 'json' ? jsonReport(summary) : junitReport(summary);
  const url = URL.createObjectURL(new Blob([text], { type: kind === 'json' ? 'application/json' : 'application/xml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = kind === 'json' ? 'parley-report.json' : 'parley-junit.xml';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function RunnerButton() {
  const open = useRunnerOpen();
  return (
    <>
      <Button onClick={runnerOpened}>Run collection</Button>
      {open && <RunnerDialog />}
    </>
  );
}

function RunnerDialog() {
  const collections = Object.values(useCollections());
  const running = useRunnerRunning();
  const results = useRunnerResults();
  const summary = useRunnerSummary();
  const message = useRunnerMessage();
  const [collectionId, setCollectionId] = useState(collections[0]?.id ?? '');
  const [iterations, setIterations] = useState(0);
  const [delayMs, setDelayMs] = useState(0);
  const [bail, setBail] = useState(false);
  const [dataText, setDataText] = useState('');
  const [dataName, setDataName] = useState('');
  return (
    <Dialog title="Run collection" onClose={runnerClosed} size="large">
      <form
        className="grid grid-cols-2 gap-2 text-[13px]"
        onSubmit={(e) => {
          e.preventDefault();
          void runStartClicked({ collectionId, iterations, delayMs, bail, dataText });
        }}
      >
        <label className="flex flex-col gap-1">
          Collection
          <select className={selectClass} value={collectionId} onChange={(e) => setCollectionId(e.target.value)}>
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Iterations (0 = one per data row, or 1)
          <input
            className={inputClass}
            type="number"
            min={0}
            value={iterations}
            onChange={(e) => setIterations(Number(e.target.value))}
          />
        </label>
        <label className="flex flex-col gap-1">
          Delay between requests (ms)
          <input
            className={inputClass}
            type="number"
            min={0}
            value={delayMs}
            onChange={(e) => setDelayMs(Number(e.target.value))}
          />
        </label>
        <label className="flex flex-col gap-1">
          Data file (CSV or JSON){dataName && `: ${dataName}`}
          <input
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              setDataName(file?.name ?? '');
              if (file) void file.text().then(setDataText);
              else setDataText('');
            }}
          />
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={bail} onChange={(e) => setBail(e.target.checked)} />
          Stop at the first failure
        </label>
        <div className="flex items-center justify-end gap-2">
          {running ? (
            <Button onClick={runStopClicked}>Stop</Button>
          ) : (
            <Button type="submit" variant="primary" disabled={collectionId === ''}>
              Run
            </Button>
          )}
        </div>
      </form>
      {message && (
        <Notice tone="warning" className="mt-2">
          {message}
        </Notice>
      )}
      <div className="mt-3 max-h-80 overflow-auto">
        <table aria-label="Run results" className="w-full text-left text-[12.5px]">
          <thead className="text-[11px] text-slate-500">
            <tr>
              <th>Iteration</th>
              <th>Request</th>
              <th>Status</th>
              <th>Time</th>
              <th>Tests</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r, i) => {
              const failed = r.tests.filter((t) => t.status === 'failed');
              return (
                <tr key={i} className="align-top">
                  <td>{r.iteration + 1}</td>
                  <td>
                    {[...r.path, r.name].join(' / ')}
                    {r.errors.map((e) => (
                      <span key={e} className="block text-red-700">
                        {e}
                      </span>
                    ))}
                    {failed.map((t, j) => (
                      <span key={j} className="block text-red-700">
                        ✗ {t.name}: {t.error}
                      </span>
                    ))}
                  </td>
                  <td>{r.status === null ? '—' : `${r.status} ${r.reasonPhrase}`}</td>
                  <td>{r.timeMs === null ? '—' : `${r.timeMs} ms`}</td>
                  <td>
                    {r.tests.length - failed.length}/{r.tests.length}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {summary && (
        <div className="mt-2 flex items-center gap-2 text-[13px]" role="status" aria-label="Run summary">
          <span>
            {summary.totals.requests} requests, {summary.totals.passed} passed, {summary.totals.failed} failed,{' '}
            {summary.totals.errors} errors{summary.stoppedEarly ? ' (stopped early)' : ''}
          </span>
          <Button className="ml-auto" onClick={() => void download(summary, 'json')}>
            Export JSON
          </Button>
          <Button onClick={() => void download(summary, 'junit')}>Export JUnit XML</Button>
        </div>
      )}
    </Dialog>
  );
}
