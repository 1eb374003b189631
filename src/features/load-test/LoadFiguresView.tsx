/** The figures of one run (live or finished) and the side-by-side comparison of saved runs. */
import type { LoadSnapshot } from '../../core/load/wire.ts';
import { LOAD_ERROR_LABELS, type LoadErrorKind } from '../../core/load/errors.ts';
import { LatencyHistogram, LatencyOverTime } from './LoadCharts.tsx';

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-md border border-slate-200 px-2 py-1">
      <dt className="text-[10px] font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="font-mono text-[13px] text-slate-900">{value}</dd>
    </div>
  );
}

export function LoadFiguresView({ run }: { run: LoadSnapshot }) {
  const errors = Object.entries(run.errors) as [LoadErrorKind, number][];
  return (
    <section aria-label="Load test figures" className="flex flex-col gap-2">
      <p className="text-xs text-slate-600">{run.model}</p>
      <dl className="grid grid-cols-6 gap-1.5">
        <Figure label="Requests" value={`${run.completed} / ${run.sent}`} />
        <Figure label="Throughput" value={`${run.throughput} req/s`} />
        <Figure label="p50" value={ms(run.latency.p50)} />
        <Figure label="p90" value={ms(run.latency.p90)} />
        <Figure label="p99" value={ms(run.latency.p99)} />
        <Figure label="p99.9" value={ms(run.latency.p999)} />
        <Figure label="Max" value={ms(run.latency.max)} />
        <Figure label="Mean" value={ms(run.latency.mean)} />
        <Figure label="Received" value={bytes(run.bytesReceived)} />
        <Figure label="Sent" value={bytes(run.bytesSent)} />
        <Figure label="Elapsed" value={`${(run.elapsedMs / 1000).toFixed(1)} s`} />
        <Figure label="Errors" value={String(errors.reduce((n, [, c]) => n + c, 0))} />
      </dl>
      {run.config.model === 'open' && (
        <p className="text-[11px] text-slate-500">
          Measured from the actual send instead (ignoring coordinated omission): p99 {ms(run.serviceLatency.p99)}, max{' '}
          {ms(run.serviceLatency.max)}.
        </p>
      )}
      <div className="flex flex-wrap gap-3 text-xs">
        <table aria-label="Status codes" className="text-left">
          <thead>
            <tr>
              <th className="pr-3 font-semibold text-slate-500">Status code</th>
              <th className="font-semibold text-slate-500">Count</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(run.statusCounts).map(([code, count]) => (
              <tr key={code}>
                <td className="pr-3 font-mono">{code}</td>
                <td className="font-mono">{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {errors.length > 0 && (
          <table aria-label="Errors by kind" className="text-left">
            <thead>
              <tr>
                <th className="pr-3 font-semibold text-slate-500">Error</th>
                <th className="pr-3 font-semibold text-slate-500">Count</th>
                <th className="font-semibold text-slate-500">First message</th>
              </tr>
            </thead>
            <tbody>
              {errors.map(([kind, count]) => (
                <tr key={kind}>
                  <td className="pr-3">{LOAD_ERROR_LABELS[kind]}</td>
                  <td className="pr-3 font-mono">{count}</td>
                  <td className="text-slate-600">{run.errorMessages[kind]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {run.thresholds.length > 0 && (
          <ul aria-label="Thresholds" className="flex flex-col gap-0.5">
            {run.thresholds.map((t) => (
              <li key={t.label} className={t.passed ? 'text-emerald-700' : 'text-red-700'}>
                {t.passed ? '✓' : '✗'} {t.label} (actual{' '}
                {t.label.startsWith('error') ? `${(t.actual * 100).toFixed(2)} %` : ms(t.actual)})
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="grid grid-cols-2 gap-3">
        <LatencyOverTime seconds={run.seconds} />
        <LatencyHistogram buckets={run.histogram} />
      </div>
    </section>
  );
}

/** Saved runs side by side: one column per run. */
export function CompareRuns({ runs }: { runs: LoadSnapshot[] }) {
  const rows: [string, (r: LoadSnapshot) => string][] = [
    ['Started', (r) => new Date(r.startedAt).toLocaleString()],
    ['Model', (r) => (r.config.model === 'open' ? `${r.config.rate} req/s open` : `${r.config.vus} VUs closed`)],
    ['Requests', (r) => String(r.completed)],
    ['Throughput', (r) => `${r.throughput} req/s`],
    ['p50', (r) => ms(r.latency.p50)],
    ['p90', (r) => ms(r.latency.p90)],
    ['p99', (r) => ms(r.latency.p99)],
    ['p99.9', (r) => ms(r.latency.p999)],
    ['Max', (r) => ms(r.latency.max)],
    ['Errors', (r) => String(Object.values(r.errors).reduce((n, c) => n + (c ?? 0), 0))],
    [
      'Thresholds',
      (r) => (r.thresholds.length === 0 ? '—' : r.thresholds.every((t) => t.passed) ? 'passed' : 'failed'),
    ],
  ];
  return (
    <table aria-label="Compare runs" className="w-full text-left text-xs">
      <thead>
        <tr>
          <th />
          {runs.map((r, i) => (
            <th key={r.id} className="font-semibold text-slate-500">
              Run {runs.length - i}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th className="pr-3 font-semibold text-slate-500">{label}</th>
            {runs.map((r) => (
              <td key={r.id} className="pr-3 font-mono">
                {value(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
